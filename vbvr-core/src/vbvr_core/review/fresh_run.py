"""Make samples again in a new Python process: the reference for determinism, cost and memory.

A fresh interpreter with another ``PYTHONHASHSEED`` shares nothing with the reviewer's process: no
module state, no caches, a different ``hash()`` of strings. The same seeds must give the same bytes
there. Because the child does nothing else, its CPU time per sample and its peak resident memory are
the task's own. The child also imports the task's plugin module first and reports whether that pulled
in the generator or scorer modules (the plugin must stay light).

Run as ``python -m vbvr_core.review.fresh_run '<json request>'``; it prints one JSON object.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vbvr_core.pipeline.sample_io import sample_name

if TYPE_CHECKING:
    from vbvr_core.review.context import ReviewContext

FRESH_SAMPLES = 2
CHILD_HASH_SEED = "271828"
TIMEOUT_SECONDS = 600


@dataclass
class FreshRun:
    """What the child process reports: its sample folders, CPU seconds per sample, memory, plugin imports."""

    folders: list[Path] = field(default_factory=list)
    core_seconds: list[float] = field(default_factory=list)
    start_rss_mb: float = 0.0
    peak_rss_mb: float = 0.0
    plugin_imports: list[str] = field(default_factory=list)
    error: str | None = None


def _module_of(import_string: str) -> str:
    return import_string.partition(":")[0]


def run_fresh(context: ReviewContext) -> FreshRun:
    """Produce the first :data:`FRESH_SAMPLES` samples of ``context`` again in a child process."""
    task = context.task
    out = context.work_dir / "fresh"
    count = min(FRESH_SAMPLES, context.sample_count)
    request = {
        "info": task.info.model_dump(mode="json"),
        "generator_path": task.generator_path,
        "scorer_path": task.scorer_path,
        "plugin_module": context.installed.entry_point.value.partition(":")[0] if context.installed else None,
        "samples": [[index, context.seed_of(index)] for index in range(count)],
        "out": str(out / context.key),
    }
    env = dict(os.environ, PYTHONHASHSEED=CHILD_HASH_SEED,
               PYTHONPATH=os.pathsep.join(entry for entry in sys.path if entry))
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "vbvr_core.review.fresh_run", json.dumps(request)],
            capture_output=True, text=True, env=env, timeout=TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired:
        return FreshRun(error=f"the fresh process did not finish {count} samples in {TIMEOUT_SECONDS} s")
    if completed.returncode != 0:
        tail = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        return FreshRun(error=f"the fresh process exited {completed.returncode}: {tail}")
    reply = json.loads(completed.stdout.strip().splitlines()[-1])
    return FreshRun(
        folders=[Path(folder) for folder in reply["folders"]],
        core_seconds=reply["core_seconds"],
        start_rss_mb=reply["start_rss_mb"],
        peak_rss_mb=reply["peak_rss_mb"],
        plugin_imports=reply["plugin_imports"],
        error=reply["error"],
    )


def _rss_mb() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv: list[str]) -> int:
    """The child: import the plugin, produce the requested samples, print a JSON report."""
    import importlib

    from vbvr_core.contract import FailureRecord, TaskInfo, TaskRegistration
    from vbvr_core.pipeline.produce import produce

    request = json.loads(argv[0])
    start_rss = _rss_mb()
    plugin_imports: list[str] = []
    if request["plugin_module"]:
        importlib.import_module(request["plugin_module"])
        heavy = {_module_of(request["generator_path"]), _module_of(request["scorer_path"])}
        plugin_imports = sorted(name for name in heavy if name in sys.modules)
    registration = TaskRegistration(TaskInfo.model_validate(request["info"]), request["generator_path"],
                                    request["scorer_path"])
    reply = {"folders": [], "core_seconds": [], "plugin_imports": plugin_imports, "error": None,
             "start_rss_mb": start_rss}
    for index, seed in request["samples"]:
        dest = Path(request["out"]) / sample_name(index)
        started = time.process_time()
        result = produce(registration, seed, dest, index=index)
        if isinstance(result, FailureRecord):
            reply["error"] = f"sample {index} failed in the fresh process: {result.problems[-1:]}"
            break
        reply["core_seconds"].append(time.process_time() - started)
        reply["folders"].append(str(dest))
    reply["peak_rss_mb"] = _rss_mb()
    print(json.dumps(reply))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
