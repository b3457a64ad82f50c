"""Helpers shared by the factory's tests (importable because conftest puts this folder on sys.path)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
FAULTY_KEY = "O-999_faulty_test"
G15 = "G-15_grid_avoid_obstacles"
# Small, fast G-15 samples (5x5 grids, short walks).
G15_SMALL = {"rows": 5, "cols": 5, "frames_per_step": 4, "difficulty": 0}


def write_registry(path: Path, tasks: list[dict], seed: int = 11, presets: dict | None = None) -> Path:
    """Write a registry file (YAML is a superset of JSON, so JSON keeps the test free of quoting issues)."""
    path.write_text(json.dumps({"schema_version": 1, "seed": seed, "tasks": tasks, "presets": presets or {}}))
    return path


def read_jsonl(path: Path) -> list[dict]:
    """The lines of a JSON-lines file, parsed."""
    return [json.loads(line) for line in path.read_text().splitlines()]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
