"""What a video that *declares* a long duration costs the scorer: seconds and peak memory (issue 20, item 1).

    .venv/bin/python benchmarks/long_video.py [--declared 600,14400] [--task G-15_grid_avoid_obstacles]

Makes one sample of ``--task`` and, per declared duration, a two-frame H.264 mp4 (≈ 2 KB) whose second frame
is stamped at that many seconds. Each is scored twice, each time in a fresh process measured with
``os.wait4`` (wall seconds, peak RSS):

1. ``vbvr score SAMPLE VIDEO`` (the CLI; prints value and reason);
2. the bench's worker function ``score_job``, as a ``vbvr-bench score`` worker runs it (prints the row
   status: ``bad_video`` is what the bench records for a refused video).

The target: a declared-4-hour video scores 0 (``bad_video``, with the reason) in < 5 s and < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

BIN = Path(sys.executable).parent
WORKER_SNIPPET = """
import json, sys
from vbvr_benchmark.worker import TASK_SCORER, ScoreJob, score_job
result = score_job(ScoreJob(sys.argv[1], 0, sys.argv[2], sys.argv[3], TASK_SCORER))
print(json.dumps({"status": result.status, "value": result.value, "reason": result.reason}))
"""


def declared_video(path: Path, seconds: float, fps: int = 24) -> Path:
    """A two-frame 512² mp4 whose second frame is stamped at ``seconds``."""
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width = stream.height = 512
        stream.pix_fmt = "yuv420p"
        for number, stamp in enumerate((0.0, seconds)):
            frame = av.VideoFrame.from_ndarray(np.full((512, 512, 3), 60 * (number + 1), np.uint8), format="rgb24")
            frame.pts = int(round(stamp * fps))
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def measured(command: list[str]) -> tuple[float, float, str]:
    """Run ``command``; return (wall seconds, peak RSS in MB of the process, its stdout)."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = 0  # reaped by wait4 above; tell Popen so it does not wait again
        output.seek(0)
        return seconds, usage.ru_maxrss / 1024, output.read().decode("utf-8", "replace")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--declared", default="600,14400", help="Declared durations in seconds, comma-separated.")
    parser.add_argument("--task", default="G-15_grid_avoid_obstacles", help="Task whose scorer runs.")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vbvr-long-video-") as scratch:
        root = Path(scratch)
        subprocess.run([str(BIN / "vbvr"), "generate", arguments.task, "--out", str(root / "samples")],
                       check=True, capture_output=True)
        sample = root / "samples" / arguments.task / "00000000"
        print(f"{'declared s':>10}  {'file B':>6}  {'how':<16} {'wall s':>7}  {'peak MB':>8}  verdict")
        for text in arguments.declared.split(","):
            seconds = float(text)
            video = declared_video(root / f"declared-{text}.mp4", seconds)
            runs = {
                "vbvr score": [str(BIN / "vbvr"), "score", str(sample), str(video)],
                "bench worker": [sys.executable, "-c", WORKER_SNIPPET, arguments.task, str(sample), str(video)],
            }
            for how, command in runs.items():
                wall, peak, stdout = measured(command)
                try:
                    verdict = json.loads(stdout)
                    summary = f"{verdict.get('status', '-')} {verdict['value']:.2f}: {verdict['reason']}"
                except (ValueError, KeyError):
                    summary = f"unparsed output: {stdout[:200]!r}"
                print(f"{seconds:>10g}  {video.stat().st_size:>6}  {how:<16} {wall:>7.2f}  {peak:>8.0f}  {summary}")


if __name__ == "__main__":
    main()
