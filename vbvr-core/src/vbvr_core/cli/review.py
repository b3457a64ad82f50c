"""``vbvr review``: run the review suite on one task package, with a progress display naming each check.

Where the review writes (``--gallery``, ``--work``) is checked before the first check runs, so an
unwritable folder fails at once (exit 2), not after the whole review.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from vbvr_core import discovery
from vbvr_core.cli.usage import (
    MAX_SEED,
    SEED_HELP,
    deprecated,
    escape,
    fail_usage,
    stderr_console,
    stdout_console,
    writable_folder,
)


def review(
    target: Annotated[str, typer.Argument(help="Installed task key (G-15_grid_avoid_obstacles) or a task package folder.")],
    gallery: Annotated[Path | None, typer.Option("--gallery", help="Write an HTML gallery of the samples and checks into this folder.")] = None,
    count: Annotated[int | None, typer.Option("--count", min=2, show_default=False,
                                              help="Samples to save, check and show (default: 6, the review's DEFAULT_SAMPLES).")] = None,
    draws: Annotated[int, typer.Option("--draws", min=2, help="Cheap draws for the diversity estimate.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", min=0, max=MAX_SEED, help=f"Base seed of the samples and draws ({SEED_HELP}).")] = 0,
    work: Annotated[Path | None, typer.Option("--work", help="Keep the samples and videos here (default: a temporary folder).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON instead of a table.")] = False,
    samples: Annotated[int | None, typer.Option("--samples", min=2, hidden=True, help="Deprecated: use --count.")] = None,
) -> None:
    """Review a task package: contract, determinism, format, validation, diversity, scorer sanity, cost.

    Prints a table of checks (pass / warn / fail with what to fix).

    Exit 0 when nothing fails, 1 when a check fails, 2 for an unknown task, a folder that is not an installed
    task package, or a --gallery / --work folder that cannot be written.
    """
    import tempfile

    from vbvr_core.review import (
        ALL_CHECKS,
        DEFAULT_SAMPLES,
        ReviewContext,
        ReviewTargetError,
        resolve_target,
        run_review,
    )
    from vbvr_core.review.gallery import write_gallery
    from vbvr_core.review.report import check_progress, print_report

    count = deprecated("--count", count, "--samples", samples, DEFAULT_SAMPLES)
    for folder, flag in ((gallery, "--gallery"), (work, "--work")):
        if folder is not None:
            writable_folder(folder, flag)
    try:
        key, source = resolve_target(target)
        with tempfile.TemporaryDirectory(prefix="vbvr-review-") as scratch:
            work_dir = work or Path(scratch)
            context = ReviewContext.for_key(key, work_dir, samples=count, draws=draws, seed=seed, source=source)
            with check_progress(len(ALL_CHECKS), stderr_console(), announce=not as_json) as on_check:
                report = run_review(context, on_check=on_check)
            index = _gallery(write_gallery, context, report, gallery)
    except (ReviewTargetError, discovery.UnknownTaskError) as error:
        raise fail_usage(str(error)) from None
    if as_json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report, stdout_console())
        if index is not None:
            stdout_console().print(f"gallery: {index}", markup=False, highlight=False)
    if report.failed or (gallery is not None and index is None):
        raise typer.Exit(code=1)


def _gallery(write_gallery, context, report, gallery: Path | None) -> Path | None:
    """Write the gallery if asked; a failure now (the disk filled up) keeps the report and says so (exit 1)."""
    if gallery is None:
        return None
    try:
        return write_gallery(context, report, gallery)
    except OSError as error:
        stderr_console().print(f"[bold red]error:[/] --gallery {escape(str(gallery))}: could not write the gallery "
                     f"({escape(str(error.strerror or error))}); "
                     "the review's results follow", highlight=False, soft_wrap=True)
        return None
