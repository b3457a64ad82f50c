"""How fast vbvr-bench scores videos: videos per second over the mixed demo set (every task, oracle videos).

    .venv/bin/python benchmarks/bench.py [--per-task 5] [--workers 2] [--samples DIR] [--profile N]

Makes ``--per-task`` easy samples (difficulty 0, as the registry's demo preset) of every installed task (kept in
``--samples`` if given, so a rerun skips generation; an existing samples folder in any layout the bench reads
is used as it is), writes the oracle videos, then:

1. wall clock: ``score_folder`` with ``--workers`` worker processes, as ``vbvr-bench score`` runs it;
2. CPU per video, in this process (``time.process_time``, so other load on the machine does not count):
   loading the sample and running the task's scorer, which decodes the video at the size and rate it
   needs; per task too, so the slowest scorers are named. ``workers / CPU seconds per video`` is what that
   many idle cores reach (the figure the issue's ≥ 30 videos/s target is about).

``--profile N`` prints the N costliest functions (cumulative) of the CPU pass, timed in CPU seconds of this process
(``time.process_time``), so a busy machine does not inflate them.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from vbvr_benchmark.baselines import write_baselines
from vbvr_benchmark.layout import find_samples
from vbvr_benchmark.scoring import score_folder
from vbvr_core.discovery import get_task, known_keys
from vbvr_core.judge.run import run_scorer
from vbvr_core.media.video import VideoReader
from vbvr_core.pipeline.sample_io import VIDEO, load_record, load_sample_ref
from vbvr_core.testing.helpers import make_samples

DEMO_PARAMS = {"difficulty": 0}
SEED = 7


def ensure_samples(root: Path, per_task: int, keys: list[str]) -> None:
    """``per_task`` demo samples of each task of ``keys`` under ``root`` (a task already there is left alone)."""
    present = {entry.key for entry in find_samples(root)} if root.is_dir() else set()
    for key in keys:
        if key not in present:
            make_samples(key, root, count=per_task, seed=SEED, params=DEMO_PARAMS)


def cpu_per_video(folders: list[Path], profile: cProfile.Profile | None = None) -> dict[str, list[float]]:
    """CPU seconds per video by task key: loading the sample and scoring its ground truth."""
    by_task: dict[str, list[float]] = defaultdict(list)
    for folder in folders:
        sample_key = load_record(folder).task_key
        scorer = get_task(sample_key).load_scorer()
        started = time.process_time()
        if profile is not None:
            profile.enable()
        run_scorer(scorer, load_sample_ref(folder), VideoReader(folder / VIDEO))
        if profile is not None:
            profile.disable()
        by_task[sample_key].append(time.process_time() - started)
    return by_task


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-task", type=int, default=5, help="samples per task (of every installed task)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--samples", type=Path, default=None, help="keep the generated samples here (or reuse)")
    parser.add_argument("--profile", type=int, default=0, help="print this many costliest functions")
    parser.add_argument("--tasks", default="", help="comma-separated task keys (default: every installed task)")
    args = parser.parse_args()
    keys = [key for key in args.tasks.split(",") if key] or known_keys()
    with tempfile.TemporaryDirectory(prefix="vbvr-bench-speed-") as scratch:
        root = args.samples or Path(scratch) / "samples"
        ensure_samples(root, args.per_task, keys)
        entries = [entry for entry in find_samples(root) if entry.has_metadata and entry.key in keys]
        frames = [load_record(entry.folder).video.frames for entry in entries]
        videos = Path(scratch) / "oracle"
        write_baselines("oracle", root, videos, workers=args.workers)
        started = time.perf_counter()
        run = score_folder(root, videos, workers=args.workers, only={(entry.key, entry.index) for entry in entries})
        wall = time.perf_counter() - started
        profile = cProfile.Profile(time.process_time) if args.profile else None
        by_task = cpu_per_video([entry.folder for entry in entries], profile)
    every = [seconds for values in by_task.values() for seconds in values]
    mean_ms = 1000 * statistics.mean(every)
    per_task_ms = {key: round(1000 * statistics.mean(values), 1) for key, values in sorted(by_task.items())}
    result = {
        "videos": len(run.rows),
        "tasks": len(by_task),
        "mean_frames": statistics.mean(frames),
        "workers": args.workers,
        "wall_seconds": wall,
        "videos_per_second_wall": len(run.rows) / wall,
        "cpu_ms_per_video": mean_ms,
        "cpu_ms_per_video_by_task": per_task_ms,
        f"videos_per_second_on_{args.workers}_idle_cores": args.workers * 1000 / mean_ms,
        "oracle_mean_score": statistics.mean(row.value for row in run.rows),
    }
    print(f"scored {result['videos']} oracle videos of {result['tasks']} tasks "
          f"({result['mean_frames']:.0f} frames on average) with {args.workers} workers")
    print(f"  wall clock:      {result['videos_per_second_wall']:.1f} videos/s ({wall:.1f} s, this machine's load included)")
    print(f"  CPU per video:   {mean_ms:.0f} ms (load + scorer incl. decoding)")
    print(f"  on {args.workers} idle cores: {args.workers * 1000 / mean_ms:.1f} videos/s")
    print("  slowest scorers: " + ", ".join(f"{key} {ms:.0f} ms" for key, ms in
                                            sorted(per_task_ms.items(), key=lambda item: -item[1])[:6]))
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
