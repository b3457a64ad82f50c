"""Which tasks are in-domain and which out-of-domain, and each task's category.

A task's bench split is ``in-domain`` (its task was seen in training), ``out-of-domain`` or ``unknown``.
It is taken from the first of these that knows it:

1. ``--registry registry.yaml`` (``split: train | test-id | test-ood`` per task, optionally a preset's
   overrides): ``train`` and ``test-id`` are in-domain, ``test-ood`` is out-of-domain;
2. the sample's own ``metadata.json`` split (the same three names);
3. the official layout's split folder (``In-Domain_50`` / ``Out-of-Domain_50``);
4. the catalogue of the 100 public VBVR-Bench tasks shipped with this package (``data/bench_tasks.csv``).

Categories come from the installed task's info, else the sample's metadata, else the catalogue.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from vbvr_core.contract.keys import KEY_PATTERN
from vbvr_core.splits import DOMAIN_OF_SPLIT, IN_DOMAIN, OUT_OF_DOMAIN, SPLITS_TEXT

UNKNOWN = "unknown"
SPLITS = (IN_DOMAIN, OUT_OF_DOMAIN, UNKNOWN)  # the bench's splits are the domains (names in vbvr_core.splits)
CATEGORIES = ("perception", "transformation", "spatiality", "abstraction", "knowledge")
_REGISTRY_SPLITS = {**DOMAIN_OF_SPLIT, IN_DOMAIN: IN_DOMAIN, OUT_OF_DOMAIN: OUT_OF_DOMAIN}


class RegistryReadError(ValueError):
    """A registry file the bench cannot read splits from (names the file, the field and the fix)."""


def bench_split(name: str | None) -> str | None:
    """Map a registry / metadata split name to the bench's ``in-domain`` / ``out-of-domain`` (None if unknown)."""
    return _REGISTRY_SPLITS.get(name) if name else None


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, tuple[str, str]]:
    """The public VBVR-Bench tasks: key → (category, split), from the packaged catalogue."""
    text = resources.files("vbvr_benchmark").joinpath("data/bench_tasks.csv").read_text("utf-8")
    return {row["key"]: (row["category"], row["split"]) for row in csv.DictReader(text.splitlines())}


def _task_items(items: Any, where: str, source: Path) -> list[tuple[str, str | None]]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise RegistryReadError(f"{source}: {where} must be a list of tasks. Fix: write '- key: <KEY>' items")
    pairs = []
    for position, item in enumerate(items):
        key, split = (item, None) if isinstance(item, str) else (
            (item.get("key"), item.get("split")) if isinstance(item, dict) else (None, None))
        if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            raise RegistryReadError(f"{source}: {where}[{position}].key: {key!r} is not a task key. "
                                    "Fix: use a key like G-15_grid_avoid_obstacles")
        if split is not None and bench_split(split) is None:
            raise RegistryReadError(f"{source}: {where}[{position}].split: {split!r} is not a split. "
                                    f"Fix: use {SPLITS_TEXT}")
        pairs.append((key, split))
    return pairs


def registry_splits(path: str | Path, preset: str | None = None) -> dict[str, str]:
    """Task key → bench split, from a ``registry.yaml`` (and ``preset``'s split overrides, if named).

    Raises :class:`RegistryReadError` for an unreadable file, a malformed task list or an unknown preset.
    """
    source = Path(path)
    try:
        document = yaml.safe_load(source.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RegistryReadError(f"{source}: cannot read the registry: {error}") from None
    if not isinstance(document, dict):
        raise RegistryReadError(f"{source}: expected a mapping with a 'tasks' list at the top")
    splits = {key: bench_split(split or "train") for key, split in _task_items(document.get("tasks"), "tasks", source)}
    if preset is not None:
        presets = document.get("presets") or {}
        if preset not in presets or not isinstance(presets[preset], dict):
            known = ", ".join(sorted(presets)) or "none"
            raise RegistryReadError(f"{source}: no preset {preset!r} (presets: {known})")
        shape = presets[preset]
        listed = _task_items(shape.get("tasks"), f"presets.{preset}.tasks", source) or [(k, None) for k in splits]
        default = shape.get("split")
        if default is not None and bench_split(default) is None:
            raise RegistryReadError(f"{source}: presets.{preset}.split: {default!r} is not a split. "
                                    f"Fix: use {SPLITS_TEXT}")
        splits = {key: bench_split(split or default) or splits.get(key, UNKNOWN) for key, split in listed}
    return {key: split or UNKNOWN for key, split in splits.items()}


def resolve_split(key: str, registry: dict[str, str] | None, metadata_split: str | None,
                  folder_split: str | None) -> str:
    """A task's bench split by the precedence in the module docstring."""
    for candidate in ((registry or {}).get(key), bench_split(metadata_split), folder_split,
                      catalogue().get(key, (None, None))[1]):
        if candidate in (IN_DOMAIN, OUT_OF_DOMAIN):
            return candidate
    return UNKNOWN


def resolve_category(key: str, installed_category: str | None, metadata_category: str | None) -> str:
    """A task's category: the installed task's, else the sample metadata's, else the catalogue's, else ``unknown``."""
    return installed_category or metadata_category or catalogue().get(key, (UNKNOWN, None))[0]
