"""Editable-install cost: one isolated build environment per package vs the venv's own setuptools.

``make install`` installs every package of the repository in editable mode in one pip command. By default pip
builds each package in its own isolated environment (a fresh setuptools installed per package); with
``--no-build-isolation`` every package builds with the setuptools already in the venv. This script installs the
same N task packages (``--no-deps``) both ways into a throw-away venv and prints the CPU seconds pip and its build
subprocesses used (children's user + system time, so the figure holds whatever else the machine is doing).

    python benchmarks/install.py [--packages 10]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY / "vbvr-core" / "src" / "vbvr_core" / "release"))
from packages import package_folders, read_package  # noqa: E402  (stdlib only: runs without the venv)


def children_cpu() -> float:
    """User + system CPU seconds of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pip(venv: Path, *args: str) -> None:
    """Run the venv's pip quietly; raise with its output if it fails."""
    command = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"pip {' '.join(args[:3])} … failed:\n{result.stdout}\n{result.stderr}")


def timed_install(venv: Path, packages: list[Path], isolated: bool) -> float:
    """Install ``packages`` editable without dependencies; return the CPU seconds it took."""
    flags = [] if isolated else ["--no-build-isolation"]
    start = children_cpu()
    pip(venv, "install", "--no-deps", *flags, *(arg for p in packages for arg in ("-e", str(p))))
    spent = children_cpu() - start
    pip(venv, "uninstall", "-y", *(read_package(REPOSITORY, str(p.relative_to(REPOSITORY))).dist for p in packages))
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=10, help="how many task packages to install (default 10)")
    options = parser.parse_args()
    folders = [f for f in package_folders(REPOSITORY) if f.startswith("generators/")][: options.packages]
    tasks = [REPOSITORY / f for f in folders]
    with tempfile.TemporaryDirectory(prefix="vbvr-install-bench-") as scratch:
        venv = Path(scratch) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip(venv, "install", "setuptools>=77", "wheel")
        isolated = timed_install(venv, tasks, isolated=True)
        shared = timed_install(venv, tasks, isolated=False)
    print(f"{len(tasks)} task packages, editable, --no-deps (CPU seconds, pip and its build subprocesses)")
    print(f"  isolated build environment per package : {isolated:7.1f} s  ({isolated / len(tasks):.2f} s/package)")
    print(f"  venv's own setuptools (no isolation)    : {shared:7.1f} s  ({shared / len(tasks):.2f} s/package)")
    print(f"  ratio isolated / shared                 : {isolated / shared:7.2f}×")


if __name__ == "__main__":
    main()
