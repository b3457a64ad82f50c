"""Reference "models" as videos folders: oracle, static, final, noise, shuffle for every sample.

The videos themselves come from :func:`vbvr_core.judge.baselines.write_baseline`. Official VBVR-Bench samples
carry no ``metadata.json``, which that function reads for the video's length and size; for them the same
videos are made here from the ground-truth video's own length and size. The output folder mirrors the
samples' layout, so ``vbvr-bench score`` reads it back directly.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from vbvr_core.judge.baselines import BASELINES, write_baseline
from vbvr_core.media.video import probe_video, write_video
from vbvr_core.pipeline.sample_io import read_png
from vbvr_core.pipeline.seeds import derive_seed, rng

from vbvr_benchmark.layout import SampleEntry, find_samples, mirrored_video_path, reference_frames
from vbvr_benchmark.pool import forkserver_context


@dataclass
class BaselineRun:
    """What a baseline run wrote, and which samples it skipped and why."""

    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _write_without_metadata(kind: str, entry: SampleEntry, dest: Path, other: SampleEntry | None) -> None:
    first_path, final_path, video_path = reference_frames(entry)
    if kind == "oracle":
        shutil.copyfile(video_path, dest)
        return
    if kind == "shuffle":
        shutil.copyfile(reference_frames(other)[2], dest)
        return
    facts = probe_video(video_path)
    length = max(2, facts.frames)
    if kind == "noise":
        generator = rng(derive_seed("noise", entry.key, entry.index))
        shape = (facts.height, facts.width, 3)
        write_video(dest, (generator.integers(0, 256, shape, dtype=np.uint8) for _ in range(length)))
        return
    first = read_png(first_path)
    last = read_png(final_path) if kind == "final" and final_path is not None else first
    cut = length // 2 if kind == "final" else length
    write_video(dest, (first if k < cut else last for k in range(length)))


def write_one(kind: str, entry: SampleEntry, dest: Path, other: SampleEntry | None) -> Path:
    """Write the ``kind`` baseline video of ``entry`` to ``dest`` (``other``: a sample for ``shuffle``)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.is_symlink():
        dest.unlink()  # replace the link itself: writing through it could overwrite a file anywhere
    if entry.has_metadata:
        write_baseline(kind, entry.folder, dest, other.folder if other is not None else None)
    else:
        _write_without_metadata(kind, entry, dest, other)
    return dest


def shuffle_partners(entries: list[SampleEntry]) -> dict[tuple[str, int], SampleEntry | None]:
    """For each sample, the next sample of the same task (cyclically); None for a task with one sample."""
    by_task: dict[str, list[SampleEntry]] = defaultdict(list)
    for entry in entries:
        by_task[entry.key].append(entry)
    partners: dict[tuple[str, int], SampleEntry | None] = {}
    for group in by_task.values():
        for position, entry in enumerate(group):
            partners[(entry.key, entry.index)] = group[(position + 1) % len(group)] if len(group) > 1 else None
    return partners


@dataclass(frozen=True)
class PlannedBaseline:
    """One baseline video to write: its kind, the sample it answers, where it goes, the shuffle partner."""

    kind: str
    entry: SampleEntry
    dest: Path
    other: SampleEntry | None


def plan_baselines(kinds: str | Sequence[str], samples_root: str | Path,
                   out: str | Path) -> tuple[list[PlannedBaseline], list[str]]:
    """What :func:`write_baselines` would write (and the samples it would skip, with the reason).

    One kind goes straight into ``out``; several go into ``out/<kind>/`` each. Raises ValueError for an
    unknown kind. Nothing is written: a command checks the destinations (exist? writable?) first.
    """
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    for kind in kinds:
        if kind not in BASELINES:
            raise ValueError(f"unknown baseline {kind!r}; known: {', '.join(BASELINES)}")
    samples_root, out = Path(samples_root), Path(out)
    entries = find_samples(samples_root)
    partners = shuffle_partners(entries)
    planned, skipped = [], []
    for kind in kinds:
        folder = out if len(kinds) == 1 else out / kind
        for entry in entries:
            other = partners[(entry.key, entry.index)]
            if kind == "shuffle" and other is None:
                skipped.append(f"{entry.key}/{entry.index}: shuffle needs a second sample of the task")
                continue
            planned.append(PlannedBaseline(kind, entry, mirrored_video_path(samples_root, folder, entry), other))
    return planned, skipped


def write_baselines(kinds: str | Sequence[str], samples_root: str | Path, out: str | Path,
                    workers: int = 2) -> BaselineRun:
    """Write the baseline(s) ``kinds`` for every sample under ``samples_root`` (mirrored layout, see
    :func:`plan_baselines`), replacing files of the same name (a symlink is replaced, never written through).

    A sample whose baseline cannot be made (shuffle with a single sample of its task, an unreadable ground
    truth, a destination that cannot be written) is skipped with the reason.
    """
    planned, skipped = plan_baselines(kinds, samples_root, out)
    run = BaselineRun(skipped=skipped)
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=forkserver_context()) as executor:
        futures = [(item, executor.submit(write_one, item.kind, item.entry, item.dest, item.other))
                   for item in planned]
        for item, future in futures:
            try:
                run.written.append(future.result())
            except Exception as error:  # noqa: BLE001 - one broken sample must not stop the others
                run.skipped.append(f"{item.kind} {item.entry.key}/{item.entry.index}: {type(error).__name__}: {error}")
    return run
