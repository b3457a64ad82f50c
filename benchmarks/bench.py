"""How fast vbvr-bench scores videos: videos per second over G-15 ground-truth videos of about 4 seconds.

    .venv/bin/python benchmarks/bench.py [--count 120] [--workers 2] [--samples DIR]

Generates ``--count`` G-15 samples (10×10 grids, ~4 s videos; kept in ``--samples`` if given, so a rerun
skips generation), writes the oracle videos, then:

1. wall clock: ``score_folder`` with ``--workers`` worker processes, as ``vbvr-bench score`` runs it;
2. CPU per video, in this process (``time.process_time``, so other load on the machine does not count):
   loading the sample and running the task's scorer, which decodes the video at the size and rate it
   needs. ``2 / CPU seconds per video`` is what two idle cores would reach.

The machine may be shared: the wall-clock figure is then lower than the CPU-based one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from vbvr_benchmark.baselines import write_baselines
from vbvr_benchmark.scoring import score_folder
from vbvr_core.discovery import get_task
from vbvr_core.judge.run import run_scorer
from vbvr_core.media.video import VideoReader
from vbvr_core.pipeline.sample_io import VIDEO, load_record, load_sample_ref
from vbvr_core.testing.helpers import make_samples

KEY = "G-15_grid_avoid_obstacles"
FOUR_SECOND_PARAMS = {"rows": 10, "cols": 10, "min_distance": 10, "frames_per_step": 6}


def ensure_samples(root: Path, count: int) -> list[Path]:
    """``count`` G-15 samples under ``root`` (generated once; an existing set is reused)."""
    folders = sorted(path for path in (root / KEY).glob("*") if (path / "metadata.json").is_file()) \
        if (root / KEY).is_dir() else []
    if len(folders) < count:
        folders = make_samples(KEY, root, count=count, seed=2024, params=FOUR_SECOND_PARAMS)
    return folders[:count]


def cpu_per_video(folders: list[Path]) -> dict[str, float]:
    """Mean CPU milliseconds per video: loading the sample, and scoring it (the scorer decodes what it needs).

    ``decode_ms`` is measured apart, on a second reader (a full-rate decode at 256×256), to show how much of
    the scoring is decoding; it is not part of ``total_ms``.
    """
    scorer = get_task(KEY).load_scorer()
    decode, total, load = [], [], []
    for folder in folders:
        started = time.process_time()
        sample = load_sample_ref(folder)
        loaded = time.process_time()
        run_scorer(scorer, sample, VideoReader(folder / VIDEO))
        finished = time.process_time()
        VideoReader(folder / VIDEO).clip()
        decoded = time.process_time()
        load.append(loaded - started)
        total.append(finished - started)
        decode.append(decoded - finished)
    return {"load_ms": 1000 * statistics.mean(load), "decode_ms": 1000 * statistics.mean(decode),
            "scorer_ms": 1000 * (statistics.mean(total) - statistics.mean(load)),
            "total_ms": 1000 * statistics.mean(total)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=120, help="videos to score (≥ 100 for the reported figure)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--samples", type=Path, default=None, help="keep the generated samples here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vbvr-bench-speed-") as scratch:
        root = args.samples or Path(scratch) / "samples"
        folders = ensure_samples(root, args.count)
        frames = [load_record(folder).video.frames for folder in folders]
        videos = Path(scratch) / "oracle"
        write_baselines("oracle", root, videos, workers=args.workers)
        started = time.perf_counter()
        run = score_folder(root, videos, workers=args.workers, only={(KEY, i) for i in range(args.count)})
        wall = time.perf_counter() - started
        cpu = cpu_per_video(folders[: min(40, len(folders))])
    result = {
        "videos": len(run.rows),
        "mean_frames": statistics.mean(frames),
        "mean_seconds_of_video": statistics.mean(frames) / 24,
        "workers": args.workers,
        "wall_seconds": wall,
        "videos_per_second_wall": len(run.rows) / wall,
        "cpu_ms_per_video": cpu,
        "videos_per_second_on_2_idle_cores": 2000 / cpu["total_ms"],
        "oracle_mean_score": statistics.mean(row.value for row in run.rows),
    }
    print(f"scored {result['videos']} G-15 oracle videos ({result['mean_seconds_of_video']:.1f} s, "
          f"{result['mean_frames']:.0f} frames each) with {args.workers} workers")
    print(f"  wall clock:      {result['videos_per_second_wall']:.1f} videos/s ({wall:.1f} s, this machine's load included)")
    print(f"  CPU per video:   {cpu['total_ms']:.0f} ms = load {cpu['load_ms']:.0f} + scorer {cpu['scorer_ms']:.0f}"
          f" (incl. its decoding; a full-rate decode at 256×256 alone costs {cpu['decode_ms']:.0f})")
    print(f"  on 2 idle cores: {result['videos_per_second_on_2_idle_cores']:.1f} videos/s")
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
