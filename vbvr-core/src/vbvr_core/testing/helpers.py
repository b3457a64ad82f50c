"""Helpers for task packages' tests: make samples, write baseline videos, score them.

A task's test file stays short::

    from vbvr_core.testing.helpers import make_samples, score_baseline
    def test_static_video_scores_zero(tmp_path):
        sample = make_samples("G-15_grid_avoid_obstacles", tmp_path, count=1)[0]
        assert score_baseline("static", sample, tmp_path) <= 0.1
"""

from __future__ import annotations

import hashlib
import types
from pathlib import Path
from typing import Any

import numpy as np

from vbvr_core.contract import FPS, FailureRecord, Sample, Score
from vbvr_core.discovery import get_task
from vbvr_core.judge.baselines import write_baseline
from vbvr_core.judge.run import run_scorer, score_video
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import VideoReader, held, write_video
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.pipeline.produce import produce
from vbvr_core.pipeline.sample_io import load_sample_ref, sample_name
from vbvr_core.pipeline.seeds import sample_seed


def make_samples(key: str, out: str | Path, count: int = 1, seed: int = 0,
                 params: dict[str, Any] | None = None) -> list[Path]:
    """Produce ``count`` samples of task ``key`` under ``out/key``; fails the test on a dead letter."""
    folders = []
    for index in range(count):
        dest = Path(out) / key / sample_name(index)
        result = produce(key, sample_seed(seed, key, index), dest, index=index, params=params)
        if isinstance(result, FailureRecord):
            raise AssertionError(f"{key} sample {index} failed: {result.problems[-3:]}\n{result.traceback or ''}")
        folders.append(dest)
    return folders


def first_accepted_sample(generator: type[BaseGenerator], seed: int, params: dict[str, Any] | None = None,
                          tries: int = 50) -> Sample:
    """The sample ``generator(seed, params)`` makes or, when it rejects the draw (:class:`Reject`), the one the
    next seed makes, and so on, as the pipeline redraws: the first of seeds ``seed`` … ``seed + tries - 1`` that is
    accepted. Fails the test (``AssertionError``: "<tries> draws from seed <seed> were all rejected") when every
    one is rejected; any other exception propagates."""
    for attempt in range(seed, seed + tries):
        try:
            return generator(attempt, params).generate()
        except Reject:
            continue
    raise AssertionError(f"{tries} draws from seed {seed} were all rejected")


def flow_instance(family: type[BaseGenerator], params: Any, rng: np.random.Generator | None = None,
                  **attributes: Any) -> BaseGenerator:
    """An instance of the family generator ``family`` for testing the family's own flow (plans, frames, samples,
    near misses) without a task: ``params`` as given (a Params model, or any object with the fields the flow
    reads), ``rng`` when given, and ``attributes`` as class attributes of a throw-away subclass (``Params``,
    ``Solution``, a hook). Its ``generate`` fails the test if called: a whole draw needs a task."""

    def generate(self: BaseGenerator) -> Sample:
        raise AssertionError(f"a test of {family.__name__}'s flow never draws a whole sample")

    cls = types.new_class(f"FlowOf{family.__name__}", (family,),
                          exec_body=lambda namespace: namespace.update(generate=generate, **attributes))
    instance = cls.__new__(cls)
    instance.params = params
    if rng is not None:
        instance.rng = rng
    return instance


def end_survives_resampling(sample: Sample, fps: float, last: int) -> bool:
    """True when the last ``last`` frames of ``sample``'s video (its trajectory with the end holds), re-timed to ``fps``,
    all show its final frame, for clips of every length modulo the re-timing step (cut from the start): the end hold
    is long enough for a judge that reads the last ``last`` frames of such a copy."""
    video = np.stack(list(held(sample.trajectory(), sample.hold_frames)))
    step = max(1, round(FPS / fps))
    for cut in range(step):
        clip = video[cut:]
        copy = list(retimed(clip, FPS, fps, len(clip) / FPS, lambda t: t))
        if not all(np.array_equal(frame, video[-1]) for frame in copy[-last:]):
            return False
    return True


def score_baseline(kind: str, sample_dir: Path, work: Path, other: Path | None = None) -> float:
    """Write the ``kind`` baseline for ``sample_dir`` into ``work`` and return its score value."""
    video = write_baseline(kind, sample_dir, Path(work) / f"{kind}-{Path(sample_dir).name}.mp4", other)
    return score_video(sample_dir, video).value


def score_frames(sample_dir: Path, frames, work: Path, name: str = "custom.mp4") -> Score:
    """Encode ``frames`` (HxWx3 uint8 arrays) as a video and score it against ``sample_dir``."""
    path = Path(work) / name
    write_video(path, frames)
    sample = load_sample_ref(sample_dir)
    scorer = get_task(sample.record.task_key).load_scorer()
    return run_scorer(scorer, sample, VideoReader(path))


def folder_digest(folder: Path) -> str:
    """sha256 over every file's relative path and bytes under ``folder`` (for byte-identity checks)."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def write_task_distribution(root: str | Path, key: str, module_name: str, module_source: str,
                            version: str = "0.0.1") -> Path:
    """Make ``root`` hold an importable module and a ``*.dist-info`` registering it as task ``key``.

    Put ``root`` on ``sys.path`` (or ``PYTHONPATH`` for subprocesses) and importlib.metadata finds the
    task like any installed package: the way tests build deliberately broken or faulty tasks without
    adding packages to the repository. The module must implement ``vbvr_register_task`` (a module-level
    ``@hookimpl`` function or, as task packages do, ``TASK = declare_task(...)`` with ``key = module:TASK``).
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / f"{module_name}.py").write_text(module_source, encoding="utf-8")
    dist = f"vbvr-test-{module_name.replace('_', '-')}"
    info = root / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[vbvr]\n{key} = {module_name}\n", encoding="utf-8")
    return root


def forget_plugins() -> None:
    """Clear vbvr_core's discovery caches (after changing what is installed in-process)."""
    import importlib

    from vbvr_core import discovery

    discovery.get_task.cache_clear()
    discovery._installed_tasks.cache_clear()
    discovery.plugin_manager.cache_clear()
    importlib.invalidate_caches()
