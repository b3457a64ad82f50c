"""Nox sessions: one per package of the repository, plus ``review``, ``bench_smoke`` and ``versions``.

    nox -l                                   # list the sessions
    nox -s "tests(vbvr-core)"                # one package's tests in its own virtualenv
    nox -s review -- G-15_grid_avoid_obstacles [KEY …]   # vbvr review with a gallery per task
    nox -s bench_smoke                       # samples → oracle videos → vbvr-bench score
    nox -s versions -- origin/main           # every changed package carries a new version
    nox --no-venv -s review -- KEY           # use the current environment (e.g. after `make install`)

Packages are found by folder (vbvr-core, factory, bench, trainer when present, generators/*) by
``vbvr-core/src/vbvr_core/release/packages.py``, the one package list the Makefile reads too. Each session installs the package editable with its ``[test]`` extra, after the
repository's own packages it depends on (they are not on PyPI). torch is only ever installed pinned
(``torch==2.13.0``, a CPU build on the project's machines), before the trainer.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import nox
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parent
TORCH = "torch==2.13.0"
GALLERY_ROOT = ROOT / ".nox" / "review-gallery"
BENCH_SMOKE_TASK = "G-15_grid_avoid_obstacles"

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True


def _packages_module():
    """``vbvr_core.release.packages`` loaded from its file (nox's own Python has no vbvr-core installed)."""
    name = "_vbvr_repo_packages"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "vbvr-core/src/vbvr_core/release/packages.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules[name]


def package_folders() -> list[str]:
    """Every package folder of the repository, core first (relative paths, the list the Makefile reads too)."""
    return _packages_module().package_folders(ROOT)


def _project(folder: str) -> dict:
    return tomllib.loads((ROOT / folder / "pyproject.toml").read_text("utf-8"))["project"]


def local_dependencies(folder: str) -> list[str]:
    """The repository's own package folders ``folder`` needs (its dependencies and test extra), dependencies first."""
    by_dist = {canonicalize_name(_project(other)["name"]): other for other in package_folders()}
    ordered: list[str] = []

    def visit(current: str) -> None:
        project = _project(current)
        wanted = [*project.get("dependencies", []), *project.get("optional-dependencies", {}).get("test", [])]
        for requirement in wanted:
            other = by_dist.get(canonicalize_name(Requirement(requirement).name))
            if other and other != folder and other not in ordered:
                visit(other)
                ordered.append(other)

    visit(folder)
    return ordered


def install(session: nox.Session, *args: str) -> None:
    """``session.install``, except under ``--no-venv``: then the current environment is used as it is."""
    if session.venv_backend == "none":
        session.log(f"--no-venv: not installing {' '.join(args)} (using the current environment)")
        return
    session.install(*args)


def install_package(session: nox.Session, folder: str) -> None:
    """Install ``folder`` editable with its test extra, after the local packages it needs (torch pinned first)."""
    needs_torch = any(Requirement(r).name == "torch" for r in _project(folder).get("dependencies", []))
    if needs_torch:
        install(session, TORCH)
    for dependency in local_dependencies(folder):
        install(session, "-e", str(ROOT / dependency))
    install(session, "-e", f"{ROOT / folder}[test]")


def session_id(folder: str) -> str:
    """``generators/G-15_grid_avoid_obstacles`` → ``G-15_grid_avoid_obstacles``; others keep their folder name."""
    return Path(folder).name


@nox.session
@nox.parametrize("package", [nox.param(folder, id=session_id(folder)) for folder in package_folders()])
def tests(session: nox.Session, package: str) -> None:
    """Run one package's tests in its own virtualenv (extra pytest arguments after --)."""
    install_package(session, package)
    install(session, "pytest-xdist")
    session.run("pytest", "-n", "2", f"{ROOT / package}/tests", *session.posargs)


@nox.session
def review(session: nox.Session) -> None:
    """Review task packages: `nox -s review -- KEY [KEY …]`; galleries go to .nox/review-gallery/<KEY>/."""
    keys = session.posargs
    if not keys:
        session.error("name the tasks to review: nox -s review -- G-15_grid_avoid_obstacles [KEY …]")
    missing = [key for key in keys if not (ROOT / "generators" / key / "pyproject.toml").is_file()]
    if missing:
        session.error(f"no package folder generators/<KEY> for: {', '.join(missing)}")
    install(session, "-e", str(ROOT / "vbvr-core"))
    for key in keys:
        install(session, "-e", str(ROOT / "generators" / key))
    failed = []
    for key in keys:
        try:
            session.run("vbvr", "review", key, "--gallery", str(GALLERY_ROOT / key))
        except nox.command.CommandFailed:
            failed.append(key)
    if failed:
        session.error(f"review failed for {', '.join(failed)}; galleries are in {GALLERY_ROOT}")
    session.log(f"every review passed; galleries are in {GALLERY_ROOT}")


@nox.session
def bench_smoke(session: nox.Session) -> None:
    """Smoke-test the bench end to end: a few samples, their oracle videos, a scored report."""
    for folder in ("vbvr-core", f"generators/{BENCH_SMOKE_TASK}", "bench"):
        if (ROOT / folder / "pyproject.toml").is_file():
            install(session, "-e", str(ROOT / folder))
    if not (ROOT / "bench" / "pyproject.toml").is_file():
        session.skip("there is no bench/ package in this checkout")
    work = Path(session.create_tmp()) / "bench-smoke"
    samples, videos, report = work / "samples", work / "videos", work / "report"
    session.run("vbvr", "generate", BENCH_SMOKE_TASK, "--count", "3", "--seed", "1", "--out", str(samples))
    session.run("vbvr-bench", "baseline", "oracle", "--samples", str(samples), "--out", str(videos))
    session.run("vbvr-bench", "score", "--samples", str(samples), "--videos", str(videos), "--report", str(report))
    session.log(f"bench smoke passed; report in {report}")


@nox.session
def versions(session: nox.Session) -> None:
    """Fail when a package's code changed since a revision without a version bump: `nox -s versions -- REV`."""
    since = session.posargs[0] if session.posargs else "origin/main"
    install(session, "-e", str(ROOT / "vbvr-core"))
    session.run("vbvr", "release", "check", "--since", since, "--root", str(ROOT))
