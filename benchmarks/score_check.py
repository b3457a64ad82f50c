"""Do the scores stay the same? Score the oracle, static and probe videos of every task and compare two runs.

    .venv/bin/python benchmarks/score_check.py --samples DIR --videos DIR --out after.json [--compare before.json]

For the first ``--per-task`` samples of every task under ``--samples`` (e.g. the folder ``benchmarks/bench.py
--samples`` keeps), scores with the task's own scorer, in this process:

- ``oracle``: the sample's ground truth;
- ``static``: the first frame held (doing nothing);
- ``probe``: the ground truth as another model would hand it in — resized to 832×480 (stretched) and
  re-timed to 16 fps, so the reader's resizing and resampling both come into play;
- ``freeze``: the ground truth up to half-way, then held (a partial answer: scores in between).

The videos are written to ``--videos`` once and reused, so a run before a change and one after score the very
same files. ``--compare`` exits 1 when any score or part differs by more than ``--tolerance`` (rounding) from
the earlier run, listing each difference.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np
from vbvr_benchmark.layout import find_samples
from vbvr_core.discovery import get_task
from vbvr_core.judge.baselines import decode_truth, write_baseline
from vbvr_core.judge.run import run_scorer
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import VideoReader, probe_video, write_video
from vbvr_core.pipeline.sample_io import VIDEO, load_record, load_sample_ref

KINDS = ("oracle", "static", "probe", "freeze")
PROBE_SIZE, PROBE_FPS = (832, 480), 16


def write_probe(sample: Path, dest: Path) -> None:
    """The ground truth stretched to :data:`PROBE_SIZE` and re-timed to :data:`PROBE_FPS` at the same duration."""
    truth = decode_truth(sample)
    fps = probe_video(sample / VIDEO).fps or 24
    frames = retimed(truth, fps, PROBE_FPS, len(truth) / fps, lambda t: t)
    write_video(dest, (cv2.resize(frame, PROBE_SIZE, interpolation=cv2.INTER_AREA) for frame in frames),
                fps=PROBE_FPS)


def video_for(kind: str, sample: Path, videos: Path, key: str, index: int) -> Path:
    """The ``kind`` video of a sample (written under ``videos`` the first time it is asked for)."""
    if kind == "oracle":
        return sample / VIDEO
    dest = videos / key / f"{index:08d}_{kind}.mp4"
    if not dest.is_file():
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_suffix(".part.mp4")
        if kind == "probe":
            write_probe(sample, partial)
        else:
            write_baseline(kind, sample, partial)
        partial.rename(dest)
    return dest


def score_all(samples: Path, videos: Path, per_task: int, keys: set[str] | None,
              out_path: Path | None = None) -> dict[str, dict]:
    """``{"<key>/<index>/<kind>": {"value", "parts", "reason"}}`` for every scored video (written to ``out_path``
    after each sample, so an interrupted run keeps what it scored)."""
    taken: dict[str, int] = defaultdict(int)
    out: dict[str, dict] = {}
    for entry in find_samples(samples):
        if not entry.has_metadata or (keys and entry.key not in keys) or taken[entry.key] >= per_task:
            continue
        taken[entry.key] += 1
        scorer = get_task(load_record(entry.folder).task_key).load_scorer()
        for kind in KINDS:
            path = video_for(kind, entry.folder, videos, entry.key, entry.index)
            score = run_scorer(scorer, load_sample_ref(entry.folder), VideoReader(path))
            out[f"{entry.key}/{entry.index}/{kind}"] = {
                "value": float(score.value), "parts": {name: float(v) for name, v in score.parts.items()},
                "reason": score.reason,
            }
        if out_path is not None:
            out_path.write_text(json.dumps(out, indent=1, sort_keys=True))
    return out


def differences(before: dict[str, dict], after: dict[str, dict], tolerance: float) -> list[str]:
    """Every score or part that moved by more than ``tolerance``, and every video scored in one run only."""
    found = []
    for name in sorted(set(before) | set(after)):
        if name not in before or name not in after:
            found.append(f"{name}: scored in one run only")
            continue
        old, new = before[name], after[name]
        if abs(old["value"] - new["value"]) > tolerance:
            found.append(f"{name}: value {old['value']:.6f} -> {new['value']:.6f} ({new['reason']})")
        for part in sorted(set(old["parts"]) | set(new["parts"])):
            a, b = old["parts"].get(part), new["parts"].get(part)
            if a is None or b is None or not (abs(a - b) <= tolerance or (np.isnan(a) and np.isnan(b))):
                found.append(f"{name}: part {part} {a} -> {b}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, required=True)
    parser.add_argument("--videos", type=Path, required=True, help="where the static/probe/freeze videos are kept")
    parser.add_argument("--out", type=Path, required=True, help="write this run's scores here (JSON)")
    parser.add_argument("--per-task", type=int, default=3)
    parser.add_argument("--tasks", default="", help="comma-separated task keys (default: every task in --samples)")
    parser.add_argument("--compare", type=Path, default=None, help="an earlier run's JSON to compare with")
    parser.add_argument("--tolerance", type=float, default=1e-6)
    args = parser.parse_args()
    keys = {key for key in args.tasks.split(",") if key} or None
    started = time.process_time()
    scores = score_all(args.samples, args.videos, args.per_task, keys, args.out)
    print(f"scored {len(scores)} videos in {time.process_time() - started:.1f} CPU s -> {args.out}")
    if args.compare is not None:
        found = differences(json.loads(args.compare.read_text()), scores, args.tolerance)
        for line in found:
            print("  " + line)
        print(f"{len(found)} differences beyond {args.tolerance:g}")
        sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
