"""Ray's overhead against the local process pool: same plan, same worker count, CPU and wall time of each.

Runs ``COUNT`` samples (default 48) of one task through the factory with ``LocalExecutor(workers)`` and with
``RayExecutor(workers)`` (a private Ray instance on 127.0.0.1), into temporary folders, checks that both
outputs are byte-identical, and prints per executor:

- start-up seconds: creating the executor plus a 2-sample warm-up run (pool spawn and imports vs
  ``ray.init`` and Ray's worker start), kept apart from the measured run;
- the measured run's wall seconds and samples/s (noisy on a shared machine);
- CPU seconds of the whole process tree during the measured run (driver, pool workers; for Ray also the
  raylet, GCS and Ray workers) against the CPU seconds spent inside ``run_chunk`` — the difference is the
  executor's own cost, independent of other load on the machine. ``ray_overhead_cpu`` compares the trees.

Usage: ``.venv/bin/python benchmarks/ray_overhead.py [--count 48] [--workers 2] [--task G-15_grid_avoid_obstacles]``
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import psutil
from vbvr_core.testing.helpers import folder_digest
from vbvr_factory.executors import LocalExecutor
from vbvr_factory.plan import RunPlan, TaskPlan
from vbvr_factory.ray_executor import RayExecutor
from vbvr_factory.runner import FactoryRun, chunk_size_for
from vbvr_factory.storage import OutputRoot


def tree_cpu_seconds() -> float:
    """User + system CPU seconds of this process and every live descendant."""
    me = psutil.Process()
    total = 0.0
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def run_plan(plan: RunPlan, executor, workers: int, out: Path) -> tuple[int, float]:
    """Run ``plan`` into ``out``; return samples made and CPU seconds inside ``run_chunk``."""
    chunk_cpu = 0.0

    def record(result, redraw: bool) -> None:
        nonlocal chunk_cpu
        chunk_cpu += result.cpu_seconds

    report = FactoryRun(plan, OutputRoot(str(out)), executor, resume=False, registry={"source": "benchmark"},
                        chunk_size=chunk_size_for(plan, workers), on_result=record).execute()
    return report.samples_made, chunk_cpu


def measure(name: str, make_executor, plan: RunPlan, warm_up: RunPlan, workers: int, out: Path) -> dict:
    """Start the executor and warm it up, then time ``plan`` into ``out``; stop it; return the figures."""
    started = time.perf_counter()
    executor = make_executor(workers)
    try:
        run_plan(warm_up, executor, workers, out.with_name(out.name + "-warm-up"))
        startup = time.perf_counter() - started
        cpu_before, begun = tree_cpu_seconds(), time.perf_counter()
        made, chunk_cpu = run_plan(plan, executor, workers, out)
        wall, tree_cpu = time.perf_counter() - begun, tree_cpu_seconds() - cpu_before
    finally:
        executor.close()
    return {"executor": name, "workers": workers, "samples": made, "startup_seconds": round(startup, 2),
            "wall_seconds": round(wall, 2), "samples_per_second": round(made / wall, 3),
            "chunk_cpu_seconds": round(chunk_cpu, 2), "tree_cpu_seconds": round(tree_cpu, 2),
            "cpu_bound_samples_per_second": round(made * workers / tree_cpu, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--task", default="G-15_grid_avoid_obstacles")
    args = parser.parse_args()
    os.environ.pop("RAY_ADDRESS", None)
    plan = RunPlan(seed=1, preset=None, layout="vbvr", tasks=[TaskPlan(key=args.task, split="train", count=args.count)])
    warm_up = RunPlan(seed=2, preset=None, layout="vbvr", tasks=[TaskPlan(key=args.task, split="train", count=2)])
    with tempfile.TemporaryDirectory(prefix="vbvr-ray-bench-") as scratch:
        local = measure("local", LocalExecutor, plan, warm_up, args.workers, Path(scratch) / "local")
        ray = measure("ray", RayExecutor, plan, warm_up, args.workers, Path(scratch) / "ray")
        identical = folder_digest(Path(scratch) / "local" / args.task) == folder_digest(Path(scratch) / "ray" / args.task)
    print(json.dumps({"task": args.task, "runs": [local, ray], "byte_identical": identical,
                      "ray_overhead_wall": round(ray["wall_seconds"] / local["wall_seconds"] - 1, 3),
                      "ray_overhead_cpu": round(ray["tree_cpu_seconds"] / local["tree_cpu_seconds"] - 1, 3),
                      "cpu_count": os.cpu_count()}, indent=2))


if __name__ == "__main__":
    main()
