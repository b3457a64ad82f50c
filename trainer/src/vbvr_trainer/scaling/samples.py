"""Generating the study's samples: a training pool and held-out test sets, reused when already there.

Layout: ``<out>/samples/<split>/<spec label>/<index:08d>/`` with split ``train``, ``test-id`` or
``test-ood``. Seeds derive from the study seed, the split, the spec and the index, so train and test
instances are drawn independently; test instances that duplicate a training instance (same content
hash) are dropped and counted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vbvr_core.contract import FailureRecord
from vbvr_core.pipeline.produce import produce
from vbvr_core.pipeline.sample_io import load_record, sample_name, verify_sample
from vbvr_core.pipeline.seeds import derive_seed

from vbvr_trainer.scaling.specs import TaskSpec


def sample_folder(out: Path, split: str, spec: TaskSpec, index: int) -> Path:
    """Where sample ``index`` of ``spec`` in ``split`` lives."""
    return Path(out) / "samples" / split / spec.label / sample_name(index)


def ensure_samples(out: Path, split: str, spec: TaskSpec, count: int, seed: int,
                   on_sample: Callable[[], None] | None = None, first: int = 0) -> list[Path]:
    """Make (or reuse) samples ``first`` … ``count - 1`` of ``spec`` for ``split``; return their folders in index order.

    Raises RuntimeError naming the sample when the task cannot produce it.
    """
    folders = []
    for index in range(first, count):
        folder = sample_folder(out, split, spec, index)
        if not (folder / "metadata.json").is_file() or verify_sample(folder):
            result = produce(spec.key, derive_seed(seed, "scaling", split, spec.label, index), folder,
                             index=index, split=split, params=spec.params(index))
            if isinstance(result, FailureRecord):
                raise RuntimeError(f"{spec.label} {split} sample {index} failed: {result.problems[-3:]}")
        folders.append(folder)
        if on_sample:
            on_sample()
    return folders


def _ensure_one(out: str, split: str, spec: TaskSpec, index: int, seed: int) -> None:
    ensure_samples(Path(out), split, spec, index + 1, seed, first=index)


def ensure_many(out: Path, requests: list[tuple[str, TaskSpec, int]], seed: int, jobs: int) -> None:
    """Make (or reuse) the samples of every ``(split, spec, count)`` request using ``jobs`` worker processes."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    work = [(split, spec, index) for split, spec, count in requests for index in range(count)
            if not (sample_folder(out, split, spec, index) / "metadata.json").is_file()]
    if not work:
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        for future in [pool.submit(_ensure_one, str(out), split, spec, index, seed) for split, spec, index in work]:
            future.result()


def drop_duplicates(test: list[Path], train: list[Path]) -> tuple[list[Path], int]:
    """``test`` without folders whose content hash also occurs in ``train``, and how many were dropped."""
    seen = {load_record(folder).content_hash for folder in train}
    kept = [folder for folder in test if load_record(folder).content_hash not in seen]
    return kept, len(test) - len(kept)
