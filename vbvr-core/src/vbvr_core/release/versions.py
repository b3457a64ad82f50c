"""The version-bump rule: a package whose shipped files changed since a revision must carry a newer version.

Two different generators must never share one version, because samples record the version (and
commit) of the package that made them. Tests, READMEs and the changelog may change without a bump.

The revision compared with is, unless given, the repository's *release baseline*: the commit recorded in
``release-baseline.toml`` at the repository root (``commit = "<sha>"``), the state every package's
previous version was released from. Comparing with the last release, not with a moving ``HEAD~N``, is
what keeps the check stable while many packages change: a package bumped once since the release may
change again without another bump; a package changed but not bumped since the release is reported.
After publishing a release, record its commit there (see CONTRIBUTING.md).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import git
from packaging.version import InvalidVersion, Version

from vbvr_core.release.packages import BASELINE_FILE, RepoPackage, repo_packages

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


class ReleaseCheckError(ValueError):
    """The check cannot run: no git repository, an unknown revision, no baseline (the message says the fix)."""


def open_repo(root: Path) -> git.Repo:
    """The git repository at ``root``; raises :class:`ReleaseCheckError` when there is none."""
    try:
        return git.Repo(root)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise ReleaseCheckError(f"{root} is not the root of a git repository, so there is no history to compare "
                                "with; run the check in a clone of the repository (or pass --root PATH)") from None


def release_baseline(root: Path) -> str:
    """The commit recorded in ``<root>/release-baseline.toml``; raises :class:`ReleaseCheckError`."""
    path = root / BASELINE_FILE
    try:
        commit = tomllib.loads(path.read_text("utf-8")).get("commit")
    except FileNotFoundError:
        raise ReleaseCheckError(f"{path} does not exist, so there is no recorded release to compare with; pass "
                                "--since REV (a tag or commit of the last release), or create the file with "
                                "commit = \"<sha of the last release>\"") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ReleaseCheckError(f"{path} is not valid TOML ({error}); write commit = \"<sha>\"") from None
    if not isinstance(commit, str) or not commit:
        raise ReleaseCheckError(f"{path} has no commit = \"<sha>\" line; add the commit of the last release")
    return commit


def _verify_revision(repo: git.Repo, since: str, origin: str) -> None:
    try:
        repo.git.rev_parse("--verify", "--quiet", "--end-of-options", f"{since}^{{commit}}")
    except git.GitCommandError:
        shallow = (Path(repo.git_dir) / "shallow").exists()
        hint = (" This clone is shallow: fetch the history first (git fetch --unshallow)." if shallow else "")
        raise ReleaseCheckError(f"{origin} {since!r} is not a commit of the repository at {repo.working_tree_dir}; "
                                f"use a branch, tag or commit that exists here, e.g. origin/main.{hint}") from None


def check_version_bumps(root: Path, since: str | None = None) -> list[str]:
    """Problems (one per package) where code changed since ``since`` but the version did not increase.

    ``since`` defaults to the release baseline (:func:`release_baseline`). Raises :class:`ReleaseCheckError`
    when ``root`` is no git repository or the revision does not exist.
    """
    repo = open_repo(root)
    origin = "--since"
    if since is None:
        since, origin = release_baseline(root), f"the release baseline in {BASELINE_FILE},"
    _verify_revision(repo, since, origin)
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
