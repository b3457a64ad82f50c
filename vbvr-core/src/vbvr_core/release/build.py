"""Building release files: a wheel and an sdist per package, with its git commit baked in.

The package folder is copied to a temporary directory, ``src/<import_name>/_build_info.json`` is written
there with the last commit touching the folder and its dirty flag (the checkout rule of DESIGN.md's
provenance), a ``MANIFEST.in`` line makes setuptools ship it, and ``python -m build`` runs on the copy.
The checkout itself is never modified.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from vbvr_core.pipeline.provenance import BUILD_INFO_FILE, checkout_commit
from vbvr_core.release.packages import RepoPackage

IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist", ".pytest_cache", "*.pyc")


class BuildError(RuntimeError):
    """A package could not be built; the message holds the builder's output."""


def build_info(root: Path, package: RepoPackage) -> dict[str, object]:
    """The facts baked into the package: commit and dirty flag of its folder, and the folder path."""
    found = checkout_commit(root / package.folder)
    if found is None:
        raise BuildError(f"{package.folder} is not in a git checkout with history: cannot bake its commit")
    commit, dirty = found
    return {"commit": commit, "dirty": dirty, "folder": package.folder, "dist": package.dist,
            "version": package.version}


def build_package(root: Path, package: RepoPackage, out: Path, isolated: bool = False) -> list[Path]:
    """Build ``package`` into ``out``; return the files written (wheel and sdist)."""
    out.mkdir(parents=True, exist_ok=True)
    info = build_info(root, package)
    with tempfile.TemporaryDirectory(prefix="vbvr-build-") as work:
        copy = Path(work) / Path(package.folder).name
        shutil.copytree(root / package.folder, copy, ignore=IGNORED)
        (copy / "src" / package.import_name / BUILD_INFO_FILE).write_text(json.dumps(info, sort_keys=True) + "\n")
        manifest = copy / "MANIFEST.in"
        extra = f"include src/{package.import_name}/{BUILD_INFO_FILE}\n"
        manifest.write_text((manifest.read_text() if manifest.exists() else "") + extra)
        before = set(out.iterdir())
        command = [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out.resolve()), str(copy)]
        if not isolated:
            command.insert(3, "--no-isolation")
        finished = subprocess.run(command, capture_output=True, text=True)
        if finished.returncode != 0:
            raise BuildError(f"building {package.folder} failed:\n{finished.stdout[-2000:]}\n{finished.stderr[-2000:]}")
    return sorted(set(out.iterdir()) - before)
