"""Hostile registries: each is refused in well under a second of work, with the file, line and fix, exit 2.

None may create the output folder or touch anything else.
"""

from __future__ import annotations

import json
import resource
import time

import pytest
from hostile_kit import invoke, refused, snapshot
from vbvr_factory.registry import MAX_BYTES, RegistryError, load_registry

G15 = "G-15_grid_avoid_obstacles"
VALID = f"schema_version: 1\nseed: 3\ntasks:\n  - {{key: {G15}, count: 2}}\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """≈ 500 bytes that expand to width**levels values: the "billion laughs"."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    lines += [f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]" for level in range(1, levels)]
    return "\n".join(lines) + f"\nseed: 1\ntasks: [{{key: {G15}, count: 1, params: {{p: *a{levels - 1}}}}}]\n"


CASES = {
    "alias_bomb": (alias_bomb(), ["expands to more than 100,000 values", "Fix:"]),
    "recursive_alias": ("seed: 1\ntasks: &t [*t]\n", ["alias refers to its own anchor"]),
    "deep_nesting": ("seed: 1\ntasks: " + "[" * 5000 + "]" * 5000 + "\n", ["nested more than 64 levels"]),
    "not_utf8": (b"seed: 1\ntasks: [\xff\xfe]\n", ["not UTF-8", "save it as UTF-8"]),
    "python_tag": ("seed: !!python/object/apply:os.system [echo hacked]\ntasks: []\n", ["remove the tag"]),
    "key_with_path_traversal": (VALID.replace(G15, "G-15_../../../etc"), ["tasks[0].key", "vbvr list"]),
    "huge_count": (VALID.replace("count: 2", "count: 1000000000000"), ["tasks[0].count", "smaller value"]),
    "negative_count": (VALID.replace("count: 2", "count: -5"), ["tasks[0].count", "larger value"]),
    "seed_too_large": (VALID.replace("seed: 3", f"seed: {2**63}"), ["seed", "smaller value"]),
    "count_as_float": (VALID.replace("count: 2", "count: 1e20"), ["tasks[0].count"]),
    "a_list_not_a_mapping": ("- seed: 1\n", ["must be a mapping"]),
    "duplicate_key": (VALID + "seed: 4\n", ["appears twice"]),
    "empty_file": ("", ["must be a mapping"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_registry_is_refused_before_anything_is_written(tmp_path, case):
    text, phrases = CASES[case]
    registry = tmp_path / "registry.yaml"
    registry.write_bytes(text if isinstance(text, bytes) else text.encode())
    before = snapshot(tmp_path)
    started = time.process_time()  # CPU time of this process: the work done, whatever the machine's load
    result = invoke("run", registry, "--out", tmp_path / "out", "--workers", "1")
    assert time.process_time() - started < 5
    refused(result, "registry.yaml", *phrases)
    assert snapshot(tmp_path) == before and not (tmp_path / "out").exists()


def test_alias_bomb_is_refused_fast_with_flat_memory(tmp_path):
    registry = tmp_path / "bomb.yaml"
    registry.write_text(alias_bomb())
    assert len(registry.read_bytes()) < 600
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    with pytest.raises(RegistryError, match="expands to more than"):
        load_registry(registry)
    assert time.process_time() - started < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 50_000  # KiB


def test_a_shared_params_alias_is_still_allowed(tmp_path):
    registry = tmp_path / "registry.yaml"
    registry.write_text(f"seed: 3\ntasks:\n  - {{key: {G15}, count: 2, params: &small {{rows: 5, cols: 5}}}}\n"
                        f"presets:\n  demo: {{seed: 4, count: 1, params: *small}}\n")
    loaded = load_registry(registry)
    assert loaded.registry.presets["demo"].params == {"rows": 5, "cols": 5}


def test_registry_larger_than_the_limit_is_refused_without_reading_it_all(tmp_path):
    registry = tmp_path / "registry.yaml"
    with open(registry, "wb") as handle:
        handle.write(VALID.encode() + b"#" * MAX_BYTES)
    refused(invoke("run", registry, "--out", tmp_path / "out"), "larger than 16 MiB")


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_registry_that_is_no_file_is_refused(tmp_path, what):
    registry = tmp_path / "registry.yaml"
    if what == "folder":
        registry.mkdir()
    refused(invoke("run", registry, "--out", tmp_path / "out"), str(registry), "Fix:")
    assert not (tmp_path / "out").exists()


def test_unknown_preset_and_layout_and_storage_option_are_refused(tmp_path):
    registry = tmp_path / "registry.yaml"
    registry.write_text(json.dumps({"seed": 3, "tasks": [{"key": G15, "count": 1}]}))
    refused(invoke("run", registry, "--preset", "nope", "--out", tmp_path / "out"), "nope")
    refused(invoke("run", registry, "--layout", "../x", "--out", tmp_path / "out"), "--layout")
    refused(invoke("run", registry, "--storage-option", "novalue", "--out", tmp_path / "out"), "NAME=VALUE")
    assert not (tmp_path / "out").exists()
