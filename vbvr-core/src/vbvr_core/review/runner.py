"""Run the review: every check in order on one task, and resolve what the reviewer named (key or folder)."""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from vbvr_core.contract.keys import KEY_PATTERN
from vbvr_core.discovery import ENTRY_POINT_GROUP, known_keys
from vbvr_core.review import contract, cost, determinism, diversity, media, robustness, scorer_checks, validation
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import Check, CheckResult, ReviewReport

ALL_CHECKS: list[Check] = [
    *contract.CHECKS, *determinism.CHECKS, *media.CHECKS, *validation.CHECKS, *diversity.CHECKS,
    *scorer_checks.CHECKS, *robustness.CHECKS, *cost.CHECKS,
]


class ReviewTargetError(ValueError):
    """The reviewer named something that is neither an installed task key nor an installable task folder."""


def run_review(context: ReviewContext, checks: Sequence[Check] = ALL_CHECKS,
               on_check: Callable[[Check, CheckResult | None], None] | None = None) -> ReviewReport:
    """Run ``checks`` in order on ``context``; a crash in one check is that check's fail, never the review's.

    ``on_check(check, None)`` is called as each check starts and ``on_check(check, result)`` as it ends
    (a progress display names the check being run).
    """
    started = time.perf_counter()
    report = ReviewReport(task_key=context.key)
    for single_check in checks:
        if on_check is not None:
            on_check(single_check, None)
        result = single_check(context)
        report.results.append(result)
        if on_check is not None:
            on_check(single_check, result)
    report.seconds = time.perf_counter() - started
    return report


def keys_in_folder(folder: Path) -> list[str]:
    """The task keys a package folder declares in its pyproject's ``[project.entry-points.vbvr]``."""
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        raise ReviewTargetError(f"{folder} has no pyproject.toml: name a task package folder or an installed task key")
    try:
        project = tomllib.loads(pyproject.read_text("utf-8")).get("project", {})
    except tomllib.TOMLDecodeError as error:
        raise ReviewTargetError(f"{pyproject} is not valid TOML: {error}") from None
    keys = sorted(project.get("entry-points", {}).get(ENTRY_POINT_GROUP, {}))
    if not keys:
        raise ReviewTargetError(f"{pyproject} declares no [project.entry-points.{ENTRY_POINT_GROUP}] entry")
    return keys


def resolve_target(target: str) -> tuple[str, Path | None]:
    """``(task key, source folder or None)`` for a key or a package folder; raises :class:`ReviewTargetError`.

    An installed key is a key even where a folder of that name exists. A folder's task must be installed
    (editable or not); the error says how to install it, also for an uninstalled key that names a folder
    here. Any other unknown key raises :class:`vbvr_core.discovery.UnknownTaskError` from the context.
    """
    folder = Path(target)
    if KEY_PATTERN.fullmatch(target) and (target in known_keys() or not folder.is_dir()):
        return target, None  # a key wins over a same-named folder; an unknown key is reported by the context
    if not folder.is_dir():
        raise ReviewTargetError(f"{target!r} is neither a task key (e.g. G-15_grid_avoid_obstacles) nor a folder; "
                                "run `vbvr list` to see installed tasks")
    keys = keys_in_folder(folder)
    invalid = [key for key in keys if not KEY_PATTERN.fullmatch(key)]
    if invalid:
        raise ReviewTargetError(f"{folder}/pyproject.toml registers malformed task key(s) {invalid}: keys look like "
                                "G-15_grid_avoid_obstacles (<G|O>-<1-3 digits>_<lower_snake_name>)")
    if len(keys) != 1:
        raise ReviewTargetError(f"{folder} registers {len(keys)} tasks ({', '.join(keys)}); a task package registers one")
    if keys[0] not in known_keys():
        raise ReviewTargetError(f"{keys[0]} (from {folder}) is not installed: run `pip install -e {folder}` "
                                "and review again")
    return keys[0], folder
