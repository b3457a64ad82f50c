"""Finding saved samples under a folder or an object-store prefix (anything fsspec opens).

A sample set is laid out as DESIGN.md fixes it: ``<root>/<KEY>/<index:08d>/metadata.json`` beside
the sample's files. ``root`` may also be one task's folder (``<root>`` = ``.../<KEY>``). Only folder
names that are valid task keys and 8-digit indices are taken, so nothing else ever reaches a path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import fsspec
from fsspec import AbstractFileSystem
from vbvr_core.contract.keys import KEY_PATTERN

INDEX_PATTERN = re.compile(r"^\d{8}$")
METADATA = "metadata.json"


@dataclass(frozen=True, order=True)
class SampleLocation:
    """Where one saved sample lives: its task key, index and folder (a path inside ``fs``)."""

    task_key: str
    index: int
    folder: str


class NoSamplesError(FileNotFoundError):
    """Raised when a root holds no sample folders (names the root and the expected layout)."""


def open_root(root: str) -> tuple[AbstractFileSystem, str]:
    """The filesystem and the path inside it for ``root`` (a local folder, ``s3://bucket/prefix``, ...)."""
    fs, path = fsspec.core.url_to_fs(str(root))
    return fs, path.rstrip("/")


def _leaf(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def find_samples(root: str, tasks: Iterable[str] | None = None) -> tuple[AbstractFileSystem, list[SampleLocation]]:
    """List every sample under ``root``, sorted by (task key, index); optionally only ``tasks``.

    Raises :class:`NoSamplesError` when nothing matching the layout is found.
    """
    fs, base = open_root(root)
    wanted = set(tasks) if tasks is not None else None
    if KEY_PATTERN.fullmatch(_leaf(base)):
        pattern = f"{base}/*/{METADATA}"
    else:
        pattern = f"{base}/*/*/{METADATA}"
    locations = []
    for metadata_path in fs.glob(pattern):
        folder = metadata_path.rsplit("/", 1)[0]
        index_name = _leaf(folder)
        key = _leaf(folder.rsplit("/", 1)[0])
        if not (INDEX_PATTERN.fullmatch(index_name) and KEY_PATTERN.fullmatch(key)):
            continue
        if wanted is not None and key not in wanted:
            continue
        locations.append(SampleLocation(task_key=key, index=int(index_name), folder=folder))
    if not locations:
        which = f" of tasks {sorted(wanted)}" if wanted else ""
        raise NoSamplesError(
            f"no samples{which} under {root!r}: expected <root>/<TASK_KEY>/<00000000>/{METADATA} "
            "(make some with `vbvr generate KEY --count N --out DIR`)"
        )
    return fs, sorted(locations)
