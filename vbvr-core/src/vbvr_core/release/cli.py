"""``vbvr release``: check version bumps, build release files with baked commits, write the simple index.

The release modules (GitPython, the build backend) are imported by the command that needs them, so that every
other ``vbvr`` command starts without them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vbvr_core.cli.usage import stderr_console, stdout_console
from vbvr_core.release.packages import BASELINE_FILE, find_package, repo_packages

app = typer.Typer(help="Release tooling: version-bump check, wheels with the git commit baked in, a PEP 503 index.",
                  no_args_is_help=True)
ROOT_OPTION = typer.Option("--root", help="Repository root (default: the current directory).")


@app.command()
def check(
    since: Annotated[str | None, typer.Option(
        "--since", help=f"Git revision to compare with (default: the last release, recorded in {BASELINE_FILE}).")] = None,
    root: Annotated[Path, ROOT_OPTION] = Path("."),
) -> None:
    """Fail (exit 1) for every package whose code changed since the last release (or REV) without a version bump.

    Exit 2 when the check cannot run: not a git repository, or a revision that does not exist.
    """
    from vbvr_core.release.versions import ReleaseCheckError, check_version_bumps

    try:
        problems = check_version_bumps(root.resolve(), since)
    except ReleaseCheckError as error:
        stderr_console().print(f"[bold red]error:[/] {error}", highlight=False)
        raise typer.Exit(code=2) from None
    for problem in problems:
        stderr_console().print(f"[red]version not bumped:[/] {problem}", highlight=False)
    if problems:
        raise typer.Exit(code=1)
    stdout_console().print(f"every package changed since {since or 'the release baseline'} carries a new version")


@app.command()
def build(
    packages: Annotated[list[str] | None, typer.Argument(help="Package folders, names or tag prefixes (default: all).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder for wheels, sdists and simple/.")] = Path("dist"),
    root: Annotated[Path, ROOT_OPTION] = Path("."),
    isolated: Annotated[bool, typer.Option(help="Build in isolated environments (slower; downloads setuptools).")] = False,
) -> None:
    """Build wheel + sdist of each package with its git commit baked in, then write OUT/simple/."""
    from vbvr_core.release.build import BuildError, build_package
    from vbvr_core.release.index import write_simple_index

    root = root.resolve()
    try:
        selected = [find_package(root, name) for name in packages] if packages else repo_packages(root)
    except LookupError as error:
        stderr_console().print(f"[bold red]error:[/] {error}")
        raise typer.Exit(code=2) from None
    for package in selected:
        try:
            files = build_package(root, package, out, isolated=isolated)
        except BuildError as error:
            stderr_console().print(f"[bold red]error:[/] {error}")
            raise typer.Exit(code=1) from None
        stdout_console().print(f"{package.dist} {package.version}: " + ", ".join(f.name for f in files))
    simple = write_simple_index(out)
    stdout_console().print(f"simple index: {simple.resolve()}  (pip install --extra-index-url file://{simple.resolve()} …)")
