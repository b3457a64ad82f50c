"""Start-up cost of the ``vbvr`` command line: how long listing every installed task takes.

Runs each command N times in a fresh process and prints the fastest and the median wall time, with the CPU
seconds of the fastest run (user + system of the child: the work done, whatever else the machine is doing).
Then, in one fresh process, where the time goes: importing the command line, reading the entry points, and
looking up every task's declaration (importing each task's light ``plugin`` module into the plugin manager).

    python benchmarks/cli_start.py [--runs 15]

Run it with the repository's venv (``.venv/bin/python benchmarks/cli_start.py``): it calls that venv's ``vbvr``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (["list"], ["list", "--json"], ["--help"])
BREAKDOWN = """
import json, time
started = time.perf_counter()
import vbvr_core.cli.app
imported = time.perf_counter()
from vbvr_core import discovery
tasks = discovery.list_tasks()
listed = time.perf_counter()
for task in tasks:
    discovery.get_task(task.key)
looked_up = time.perf_counter()
print(json.dumps({"tasks": len(tasks), "import the command line": imported - started,
                  "read the entry points": listed - imported, "look up every declaration": looked_up - listed}))
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and child CPU seconds of one run of ``command`` (its output discarded)."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    """Print the wall time of each command and the breakdown of one listing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh processes per command (default 15)")
    args = parser.parse_args()
    vbvr = Path(sys.executable).with_name("vbvr")
    if not vbvr.exists():
        raise SystemExit(f"{vbvr} not found: run this with the repository's venv, e.g. .venv/bin/python {__file__}")
    print(f"{'command':<22} {'min wall':>9} {'median':>9} {'CPU of min':>11}")
    for arguments in COMMANDS:
        runs = sorted(timed([str(vbvr), *arguments]) for _ in range(args.runs))
        print(f"{'vbvr ' + ' '.join(arguments):<22} {runs[0][0]:>8.3f}s {statistics.median(r[0] for r in runs):>8.3f}s"
              f" {runs[0][1]:>10.3f}s")
    parts = json.loads(subprocess.run([sys.executable, "-c", BREAKDOWN], capture_output=True, text=True,
                                      check=True).stdout)
    print(f"\none listing of {parts.pop('tasks')} installed tasks, in one process:")
    for name, seconds in parts.items():
        print(f"  {name:<28} {seconds:.3f}s")


if __name__ == "__main__":
    main()
