"""Which git commit made a task package, resolved in DESIGN.md's order.

1. ``baked``: a ``_build_info.json`` file inside the installed package, written at wheel build time;
2. ``direct_url``: pip's ``direct_url.json`` of a ``pip install git+…`` (``vcs_info.commit_id``);
3. ``checkout``: the last commit touching the package's folder in the git checkout it lives in, with
   a dirty flag when that folder has uncommitted changes (read with GitPython).

When none applies the commit is ``None`` and ``commit_source`` says ``unknown``; callers decide whether
to refuse or to mark the sample (see ``require_commit`` in :func:`vbvr_core.pipeline.produce.produce`).
"""

from __future__ import annotations

import functools
import json
from importlib import metadata, resources
from pathlib import Path

from vbvr_core.contract import PackageFacts

BUILD_INFO_FILE = "_build_info.json"


def _baked(import_name: str) -> tuple[str, bool] | None:
    try:
        text = resources.files(import_name).joinpath(BUILD_INFO_FILE).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError, TypeError):  # TypeError: a plain module, not a package
        return None
    info = json.loads(text)
    commit = info.get("commit")
    return (commit, bool(info.get("dirty", False))) if commit else None


def _direct_url(dist: str) -> tuple[str, bool] | None:
    try:
        text = metadata.distribution(dist).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    vcs_info = json.loads(text).get("vcs_info") or {}
    commit = vcs_info.get("commit_id")
    return (commit, False) if commit else None


def _package_folder(dist: str, import_name: str) -> Path | None:
    """The folder of the package's project (the one holding pyproject.toml), if it is on disk."""
    try:
        spec_origin = resources.files(import_name)
    except (ModuleNotFoundError, TypeError):
        return None
    folder = Path(str(spec_origin)).resolve()
    for candidate in [folder, *folder.parents]:
        if (candidate / "pyproject.toml").is_file():
            return candidate
    return None


def checkout_commit(folder: Path) -> tuple[str, bool] | None:
    """Last commit touching ``folder`` in its git checkout, and whether ``folder`` is dirty."""
    try:
        import git
    except ImportError:  # pragma: no cover - GitPython is a dependency
        return None
    try:
        repo = git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    try:
        relative = folder.resolve().relative_to(Path(repo.working_tree_dir).resolve())
        commits = list(repo.iter_commits(paths=str(relative) or ".", max_count=1))
    except (ValueError, git.GitCommandError):
        return None
    if not commits:
        return None
    dirty = bool(repo.git.status("--porcelain", "--", str(relative) or ".").strip())
    return commits[0].hexsha, dirty


@functools.cache
def package_facts(dist: str, import_name: str) -> PackageFacts:
    """Dist, version, commit and dirty flag of an installed task package (cached per process)."""
    try:
        version = metadata.version(dist)
    except metadata.PackageNotFoundError:
        version = "0+unknown"
    for source, resolved in (
        ("baked", lambda: _baked(import_name)),
        ("direct_url", lambda: _direct_url(dist)),
    ):
        found = resolved()
        if found:
            return PackageFacts(dist=dist, version=version, commit=found[0], dirty=found[1], commit_source=source)
    folder = _package_folder(dist, import_name)
    found = checkout_commit(folder) if folder else None
    if found:
        return PackageFacts(dist=dist, version=version, commit=found[0], dirty=found[1], commit_source="checkout")
    return PackageFacts(dist=dist, version=version, commit=None, dirty=None, commit_source="unknown")
