"""Finding samples and model videos on disk, in our layout and in the official VBVR-Bench layout.

Samples (ground truth):

- ours (``vbvr generate``, the factory): ``<root>/<KEY>/<index:08d>/`` holding ``metadata.json``;
- official: ``<root>/In-Domain_50|Out-of-Domain_50/<ID>_<name>_data-generator/<00000>/`` holding
  ``ground_truth.mp4`` and the PNGs, no ``metadata.json``.

Model videos: ``<root>/<KEY>/<index>.mp4``, ``<root>/<KEY>/<index>/video.mp4``, or the official
``<root>/<split folder>/<ID>_<name>_data-generator/<00000>.mp4``. Indices match by value, so
``7.mp4``, ``00007.mp4`` and ``00000007.mp4`` are the same video.

Only folder names that map to a valid task key (:func:`folder_key`) are ever joined into a path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from vbvr_core.contract.keys import KEY_PATTERN
from vbvr_core.pipeline.sample_io import FINAL_FRAME, FIRST_FRAME, METADATA, VIDEO
from vbvr_core.splits import DOMAIN_OF_SPLIT, OFFICIAL_FOLDER_OF_SPLIT

OFFICIAL_SUFFIX = "_data-generator"
VIDEO_IN_FOLDER = "video.mp4"
_INDEX = re.compile(r"^\d{1,9}$")
_OFFICIAL_NAME = re.compile(r"^([GO]-\d{1,3})_([A-Za-z0-9_]+)$")
# "In-Domain_50" → prefix "in-domain" → domain in-domain (any suffix: In-Domain_20 reads the same).
_SPLIT_FOLDERS = {folder.split("_")[0].lower(): DOMAIN_OF_SPLIT[split] for split, folder in OFFICIAL_FOLDER_OF_SPLIT.items()}


@dataclass(frozen=True)
class SampleEntry:
    """One ground-truth sample: its task key, index, folder, and what the layout says about it.

    ``layout`` is ``"vbvr"`` (our folders) or ``"official"``; ``folder_split`` is the split implied by
    an official split folder (``in-domain`` / ``out-of-domain``) or None.
    """

    key: str
    index: int
    folder: Path
    layout: str
    folder_split: str | None = None

    @property
    def has_metadata(self) -> bool:
        """True when the folder holds our ``metadata.json`` (so the task's own scorer can run)."""
        return (self.folder / METADATA).is_file()


def folder_key(name: str) -> str | None:
    """The task key a folder name stands for, or None when it is not a task folder.

    ``G-15_grid_avoid_obstacles`` → itself; ``O-25_LEGO_construction_assembly_data-generator`` →
    ``O-25_lego_construction_assembly`` (official folder names drop the suffix and are lower-cased).
    """
    if KEY_PATTERN.fullmatch(name):
        return name
    stem = name[: -len(OFFICIAL_SUFFIX)] if name.endswith(OFFICIAL_SUFFIX) else name
    match = _OFFICIAL_NAME.fullmatch(stem)
    if not match:
        return None
    key = f"{match.group(1)}_{match.group(2).lower()}"
    return key if KEY_PATTERN.fullmatch(key) else None


def split_of_folder(name: str) -> str | None:
    """``In-Domain_50`` → ``in-domain``, ``Out-of-Domain_50`` → ``out-of-domain``, anything else → None."""
    lowered = name.lower()
    for prefix, split in _SPLIT_FOLDERS.items():
        if lowered.startswith(prefix):
            return split
    return None


def _task_folders(root: Path) -> list[tuple[str, Path, str | None]]:
    """(key, folder, split implied by a parent split folder) for every task folder at or one level under root.

    ``root`` may itself be a task folder (``out/G-15_grid_avoid_obstacles``).
    """
    if root.is_dir() and folder_key(root.name) is not None:
        return [(folder_key(root.name), root, split_of_folder(root.resolve().parent.name))]
    found = []
    for child in sorted(root.iterdir()) if root.is_dir() else []:
        if not child.is_dir() or child.name.startswith("."):
            continue
        key = folder_key(child.name)
        if key is not None:
            found.append((key, child, None))
            continue
        split = split_of_folder(child.name)
        for grandchild in sorted(child.iterdir()):
            grand_key = folder_key(grandchild.name) if grandchild.is_dir() else None
            if grand_key is not None:
                found.append((grand_key, grandchild, split))
    return found


def _is_sample_folder(folder: Path) -> bool:
    return (folder / METADATA).is_file() or (folder / VIDEO).is_file() or (folder / FIRST_FRAME).is_file()


def find_samples(root: str | Path) -> list[SampleEntry]:
    """Every sample under ``root`` in either layout, sorted by (key, index).

    A (key, index) seen twice keeps the first folder in sorted path order.
    """
    entries: dict[tuple[str, int], SampleEntry] = {}
    for key, task_folder, split in _task_folders(Path(root)):
        for folder in sorted(task_folder.iterdir()):
            if not (folder.is_dir() and _INDEX.fullmatch(folder.name) and _is_sample_folder(folder)):
                continue
            layout = "vbvr" if (folder / METADATA).is_file() else "official"
            entries.setdefault((key, int(folder.name)), SampleEntry(key, int(folder.name), folder, layout, split))
    return [entries[pair] for pair in sorted(entries)]


def find_videos(root: str | Path) -> dict[tuple[str, int], Path]:
    """Map (task key, sample index) → model video path for every video under ``root``.

    Accepts ``<index>.mp4`` files and ``<index>/video.mp4`` folders in each task folder; where two
    files claim one index (``7.mp4`` and ``00000007.mp4``), the first in sorted order wins.
    """
    videos: dict[tuple[str, int], Path] = {}
    for key, task_folder, _split in _task_folders(Path(root)):
        for entry in sorted(task_folder.iterdir()):
            if entry.is_file() and entry.suffix.lower() == ".mp4" and _INDEX.fullmatch(entry.stem):
                videos.setdefault((key, int(entry.stem)), entry)
            elif entry.is_dir() and _INDEX.fullmatch(entry.name) and (entry / VIDEO_IN_FOLDER).exists():
                videos.setdefault((key, int(entry.name)), entry / VIDEO_IN_FOLDER)
    return videos


def reference_frames(entry: SampleEntry) -> tuple[Path, Path | None, Path]:
    """Paths of a sample's first frame, final frame (None if the goal is text) and ground-truth video."""
    final = entry.folder / FINAL_FRAME
    return entry.folder / FIRST_FRAME, (final if final.is_file() else None), entry.folder / VIDEO


def mirrored_video_path(samples_root: Path, out: Path, entry: SampleEntry) -> Path:
    """Where a model video for ``entry`` goes under ``out``, mirroring the samples' layout.

    ``<samples>/<KEY>/00000003/`` → ``<out>/<KEY>/00000003.mp4``; an official sample
    ``<samples>/In-Domain_50/<ID>_<name>_data-generator/00003/`` → ``<out>/In-Domain_50/<ID>_<name>_data-generator/00003.mp4``.
    Every folder name on that path was checked by :func:`folder_key` or the index pattern.
    """
    relative = entry.folder.relative_to(samples_root)
    return out / relative.parent / f"{relative.name}.mp4"
