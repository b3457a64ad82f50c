"""The version-bump rule: a package whose shipped files changed since a revision must carry a newer version.

Two different generators must never share one version, because samples record the version (and
commit) of the package that made them. Tests, READMEs and the changelog may change without a bump.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import git
from packaging.version import InvalidVersion, Version

from vbvr_core.release.packages import RepoPackage, repo_packages

EXEMPT_PARTS = ("tests/",)
EXEMPT_SUFFIXES = (".md",)


def _shipped_changes(repo: git.Repo, since: str, folder: str) -> list[str]:
    changed = repo.git.diff("--name-only", since, "--", folder).splitlines()
    changed += repo.git.ls_files("--others", "--exclude-standard", "--", folder).splitlines()
    relevant = []
    for path in changed:
        inner = path[len(folder) + 1:]
        if inner.startswith(EXEMPT_PARTS) or inner.endswith(EXEMPT_SUFFIXES):
            continue
        relevant.append(path)
    return sorted(set(relevant))


def _version_at(repo: git.Repo, since: str, folder: str) -> str | None:
    try:
        text = repo.git.show(f"{since}:{folder}/pyproject.toml")
    except git.GitCommandError:
        return None  # the package is new since that revision
    return tomllib.loads(text).get("project", {}).get("version")


def check_version_bumps(root: Path, since: str) -> list[str]:
    """Problems (one per package) where code changed since ``since`` but the version did not increase."""
    repo = git.Repo(root)
    problems = []
    for package in repo_packages(root):
        problem = _check_one(repo, since, package)
        if problem:
            problems.append(problem)
    return problems


def _check_one(repo: git.Repo, since: str, package: RepoPackage) -> str | None:
    changed = _shipped_changes(repo, since, package.folder)
    if not changed:
        return None
    before = _version_at(repo, since, package.folder)
    if before is None:
        return None
    try:
        bumped = Version(package.version) > Version(before)
    except InvalidVersion as error:
        return f"{package.dist} ({package.folder}): {error}"
    if bumped:
        return None
    shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    return (
        f"{package.dist} ({package.folder}): {shown} changed since {since} but the version is still "
        f"{package.version}; bump `version` in {package.folder}/pyproject.toml and add a CHANGELOG.md entry"
    )
