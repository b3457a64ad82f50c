"""Ray's overhead against the local process pool: same plan, same worker count, samples/s of each.

Runs ``COUNT`` samples (default 48) of one task through the factory twice — ``LocalExecutor(workers)`` and
``RayExecutor(workers)`` (a private Ray instance on 127.0.0.1) — into temporary folders, checks that both
outputs are byte-identical, and prints:

- start-up seconds of each executor (pool spawn vs ``ray.init``), kept apart from the run;
- wall seconds and samples/s of the run itself, and Ray's overhead = Ray wall / local wall − 1;
- CPU seconds spent inside ``run_chunk`` (the same work for both), so a difference in wall time that the
  chunk CPU does not explain is scheduling and transport overhead (or other load on this shared machine).

Usage: ``.venv/bin/python benchmarks/ray_overhead.py [--count 48] [--workers 2] [--task G-15_grid_avoid_obstacles]``
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from vbvr_core.testing import folder_digest
from vbvr_factory.executors import LocalExecutor
from vbvr_factory.plan import RunPlan, TaskPlan
from vbvr_factory.ray_executor import RayExecutor
from vbvr_factory.runner import FactoryRun, chunk_size_for
from vbvr_factory.storage import OutputRoot


def measure(name: str, make_executor, plan: RunPlan, workers: int, out: Path) -> dict:
    """Start the executor, run ``plan`` into ``out``, stop it; return timings."""
    chunk_cpu = 0.0

    def record(result, redraw: bool) -> None:
        nonlocal chunk_cpu
        chunk_cpu += result.cpu_seconds

    started = time.perf_counter()
    executor = make_executor(workers)
    startup = time.perf_counter() - started
    try:
        begun = time.perf_counter()
        report = FactoryRun(plan, OutputRoot(str(out)), executor, resume=False, registry={"source": "benchmark"},
                            chunk_size=chunk_size_for(plan, workers), on_result=record).execute()
        wall = time.perf_counter() - begun
    finally:
        executor.close()
    return {"executor": name, "workers": workers, "samples": report.samples_made, "startup_seconds": round(startup, 2),
            "wall_seconds": round(wall, 2), "samples_per_second": round(report.samples_made / wall, 3),
            "chunk_cpu_seconds": round(chunk_cpu, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--task", default="G-15_grid_avoid_obstacles")
    args = parser.parse_args()
    os.environ.pop("RAY_ADDRESS", None)
    plan = RunPlan(seed=1, preset=None, layout="vbvr", tasks=[TaskPlan(key=args.task, split="train", count=args.count)])
    with tempfile.TemporaryDirectory(prefix="vbvr-ray-bench-") as scratch:
        local = measure("local", LocalExecutor, plan, args.workers, Path(scratch) / "local")
        ray = measure("ray", RayExecutor, plan, args.workers, Path(scratch) / "ray")
        identical = folder_digest(Path(scratch) / "local" / args.task) == folder_digest(Path(scratch) / "ray" / args.task)
    print(json.dumps({"task": args.task, "runs": [local, ray], "byte_identical": identical,
                      "ray_overhead_wall": round(ray["wall_seconds"] / local["wall_seconds"] - 1, 3),
                      "cpu_count": os.cpu_count()}, indent=2))


if __name__ == "__main__":
    main()
