"""Factory throughput and worker memory: samples/s for 1 and 2 local workers, RSS per worker over a long run.

Runs ``COUNT`` samples (default 1,000) of a task through the factory's local executor once per worker
count, into temporary folders, and prints:

- wall-clock samples/s per worker count and the 2-vs-1 ratio (noisy on a shared machine);
- CPU-bound samples/s: samples / CPU seconds of the busiest worker — what the pool delivers when each
  worker has a core to itself, independent of other load on the machine;
- per worker: resident memory after its first and after its last chunk, and its peak (ru_maxrss), so a
  leak shows as growth from start to end.

Usage: ``.venv/bin/python benchmarks/factory.py [--count 1000] [--task G-15_grid_avoid_obstacles]``
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from vbvr_factory.executors import LocalExecutor
from vbvr_factory.plan import RunPlan, TaskPlan
from vbvr_factory.runner import FactoryRun, chunk_size_for
from vbvr_factory.storage import OutputRoot


def measure(task: str, count: int, workers: int, out: Path) -> dict:
    """Run ``count`` samples of ``task`` with ``workers`` workers; return throughput and memory figures."""
    plan = RunPlan(seed=1, preset=None, layout="vbvr", tasks=[TaskPlan(key=task, split="train", count=count)])
    memory: dict[int, list[tuple[int, int]]] = {}
    cpu: dict[int, float] = {}

    def record(result, redraw: bool) -> None:
        memory.setdefault(result.worker_pid, []).append((result.worker_rss_kb, result.worker_peak_rss_kb))
        cpu[result.worker_pid] = cpu.get(result.worker_pid, 0.0) + result.cpu_seconds

    executor = LocalExecutor(workers)
    try:
        started = time.perf_counter()
        report = FactoryRun(plan, OutputRoot(str(out)), executor, resume=False, registry={"source": "benchmark"},
                            chunk_size=chunk_size_for(plan, workers), on_result=record).execute()
        wall = time.perf_counter() - started
    finally:
        executor.close()
    made = report.samples_made
    return {
        "workers": workers,
        "samples": made,
        "wall_seconds": round(wall, 2),
        "wall_samples_per_second": round(made / wall, 3),
        "cpu_bound_samples_per_second": round(made / max(cpu.values()), 3),
        "per_worker": [{"pid": pid, "chunks": len(samples), "cpu_seconds": round(cpu[pid], 1),
                        "rss_mb_after_first_chunk": round(samples[0][0] / 1024, 1),
                        "rss_mb_after_last_chunk": round(samples[-1][0] / 1024, 1),
                        "peak_rss_mb_after_first_chunk": round(samples[0][1] / 1024, 1),
                        "peak_rss_mb_at_end": round(samples[-1][1] / 1024, 1)}
                       for pid, samples in sorted(memory.items())],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="samples per measurement")
    parser.add_argument("--task", default="G-15_grid_avoid_obstacles", help="task key")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to measure")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="vbvr-factory-bench-") as scratch:
        for workers in args.workers:
            results.append(measure(args.task, args.count, workers, Path(scratch) / f"w{workers}"))
            print(json.dumps(results[-1], indent=2), flush=True)
    if len(results) >= 2:
        base, other = results[0], results[-1]
        print(f"{other['workers']} vs {base['workers']} workers: wall speed-up "
              f"{other['wall_samples_per_second'] / base['wall_samples_per_second']:.2f}x, CPU-bound speed-up "
              f"{other['cpu_bound_samples_per_second'] / base['cpu_bound_samples_per_second']:.2f}x")


if __name__ == "__main__":
    main()
