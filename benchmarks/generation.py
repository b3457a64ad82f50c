"""Generation cost per task: core-seconds per sample, split into its stages.

For each task, N samples are produced end to end (``produce``: draw, validate, render, encode, write),
then the same samples' stages are timed separately:

- draw: generate() + validate() (instance, solver, first/final frames);
- render: drawing every video frame (the trajectory with its holds);
- encode: H.264 encoding of those already-rendered frames (encode-only);
- png: the two reference PNGs;
- write: the rest of saving (probe/decode digest, sha256, metadata, atomic rename).

Prints a table and the ratio end-to-end / encode-only. CPU time (time.process_time) is reported, so
the figure is core-seconds whatever else the machine is doing.

    python benchmarks/generation.py [KEY ...] [--samples 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table
from vbvr_core import discovery
from vbvr_core.contract import FailureRecord
from vbvr_core.media.video import held, write_video
from vbvr_core.pipeline.produce import draw, produce
from vbvr_core.pipeline.sample_io import sample_name, write_png
from vbvr_core.pipeline.seeds import sample_seed


def cpu(function, *args):
    """Run ``function(*args)``; return (result, CPU seconds)."""
    start = time.process_time()
    result = function(*args)
    return result, time.process_time() - start


def measure(key: str, samples: int, work: Path) -> dict[str, float]:
    """Median core-seconds per sample of each stage for task ``key``, and the median frame count."""
    stages: dict[str, list[float]] = {name: [] for name in ("end_to_end", "draw", "render", "encode", "png", "write",
                                                            "frames")}
    registration = discovery.get_task(key)
    for index in range(samples):
        seed = sample_seed(0, key, index)
        result, end_to_end = cpu(produce, registration, seed, work / key / sample_name(index))
        if isinstance(result, FailureRecord):
            raise SystemExit(f"{key} sample {index} failed: {result.problems[-1]}")
        drawn, draw_seconds = cpu(draw, registration, seed)
        frames, render_seconds = cpu(lambda sample: list(held(sample.trajectory(), sample.hold_frames)), drawn.sample)
        _, encode_seconds = cpu(write_video, work / "encode-only.mp4", frames)
        start = time.process_time()
        write_png(work / "a.png", drawn.sample.first_frame)
        if drawn.sample.final_frame is not None:
            write_png(work / "b.png", drawn.sample.final_frame)
        png_seconds = time.process_time() - start
        stages["end_to_end"].append(end_to_end)
        stages["draw"].append(draw_seconds)
        stages["render"].append(render_seconds)
        stages["encode"].append(encode_seconds)
        stages["png"].append(png_seconds)
        stages["write"].append(max(0.0, end_to_end - draw_seconds - render_seconds - encode_seconds - png_seconds))
        stages["frames"].append(len(frames))
    return {name: statistics.median(values) for name, values in stages.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", nargs="*", help="task keys (default: every installed task)")
    parser.add_argument("--samples", type=int, default=20, help="samples per task")
    args = parser.parse_args()
    keys = args.keys or discovery.known_keys()
    table = Table(title=f"Generation cost, median over {args.samples} samples (core-seconds per sample)")
    for column in ("task", "end-to-end", "draw", "render", "encode", "png", "write", "frames", "e2e / encode"):
        table.add_column(column, justify="right" if column != "task" else "left")
    totals = []
    with tempfile.TemporaryDirectory() as work:
        for key in keys:
            figures = measure(key, args.samples, Path(work))
            totals.append(figures["end_to_end"])
            table.add_row(key, *(f"{figures[name]:.3f}" for name in ("end_to_end", "draw", "render", "encode", "png", "write")),
                          f"{figures['frames']:g}", f"{figures['end_to_end'] / figures['encode']:.2f}")
    console = Console(width=150)
    console.print(table)
    console.print(f"median over {len(totals)} tasks: {statistics.median(totals):.3f} core-s/sample; "
                  f"max {max(totals):.3f}")


if __name__ == "__main__":
    main()
