"""The ``vbvr`` command line: list installed tasks, generate samples, score a video, show a sample.

Exit codes: 0 success, 1 a sample failed or a check failed, 2 bad usage (unknown task, bad path, bad params).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from vbvr_core import discovery
from vbvr_core.contract import FailureRecord
from vbvr_core.contract.keys import InvalidTaskKey, dist_name, import_name, validate_key
from vbvr_core.pipeline.sample_io import sample_name

app = typer.Typer(
    name="vbvr",
    help="VBVR task toolkit: list installed tasks, generate samples, score videos, inspect samples.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)


def fail_usage(message: str) -> typer.Exit:
    """Print ``message`` to stderr and return an exit-2 (bad usage) exception to raise."""
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code=2)


def resolve_task(key: str) -> discovery.TaskRegistration:
    """The registration of ``key``, or exit 2 naming the closest installed keys."""
    try:
        validate_key(key)
        return discovery.get_task(key)
    except (discovery.UnknownTaskError, InvalidTaskKey) as error:
        if isinstance(error, InvalidTaskKey):
            error = discovery.UnknownTaskError(key, discovery.known_keys())
        raise fail_usage(str(error)) from None


@app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array instead of a table.")] = False,
) -> None:
    """List installed tasks: key, category, version and git commit of the package."""
    from vbvr_core.pipeline.provenance import package_facts

    rows = []
    for task in discovery.list_tasks():
        try:
            registration = discovery.get_task(task.key)
            category = registration.info.category.value
            title = registration.info.title
        except Exception as error:  # noqa: BLE001 - one broken plugin must not hide the others
            category, title = "?", f"broken plugin: {error}"
        facts = package_facts(dist_name(task.key), import_name(task.key))
        rows.append({
            "key": task.key, "category": category, "title": title, "dist": task.dist,
            "version": task.version, "commit": facts.commit, "dirty": facts.dirty,
            "commit_source": facts.commit_source,
        })
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    table = Table(title=f"{len(rows)} installed VBVR tasks")
    for column in ("key", "category", "version", "commit"):
        table.add_column(column)
    for row in rows:
        commit = (row["commit"] or "unknown")[:12] + (" (dirty)" if row["dirty"] else "")
        table.add_row(row["key"], row["category"], row["version"], commit)
    console.print(table)


@app.command()
def generate(
    key: Annotated[str, typer.Argument(help="Task key, e.g. G-15_grid_avoid_obstacles.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder; samples go to OUT/KEY/<index:08d>/.")],
    seed: Annotated[int, typer.Option("--seed", help="Base seed; sample i uses a seed derived from it, the key and i.")] = 0,
    count: Annotated[int, typer.Option("--count", min=1, help="Number of samples.")] = 1,
    params: Annotated[str | None, typer.Option("--params", help='JSON object fixing parameters, e.g. \'{"rows": 8}\'.')] = None,
    require_commit: Annotated[bool, typer.Option(help="Refuse to write samples whose package commit is unknown.")] = False,
) -> None:
    """Generate COUNT verified samples of one task into OUT."""
    from vbvr_core.pipeline.produce import MissingCommitError, produce
    from vbvr_core.pipeline.seeds import sample_seed

    registration = resolve_task(key)
    try:
        overrides = json.loads(params) if params else None
    except json.JSONDecodeError as error:
        raise fail_usage(f"--params is not valid JSON: {error}") from None
    if overrides is not None and not isinstance(overrides, dict):
        raise fail_usage("--params must be a JSON object, e.g. '{\"rows\": 8}'")
    failures: list[FailureRecord] = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        bar = progress.add_task(key, total=count)
        for index in range(count):
            dest = out / key / sample_name(index)
            try:
                result = produce(registration, sample_seed(seed, key, index), dest, index=index,
                                 params=overrides, require_commit=require_commit)
            except MissingCommitError as error:
                raise fail_usage(str(error)) from None
            if isinstance(result, FailureRecord):
                failures.append(result)
                if result.problems and result.problems[0].startswith("invalid params"):
                    raise fail_usage(f"{key}: {result.problems[0]}")
            progress.advance(bar)
    console.print(f"{count - len(failures)} of {count} samples of {key} written to {out / key}")
    for failure in failures:
        errors.print(f"[red]failed[/] sample {failure.index} (seed {failure.seed}): {failure.problems[-1]}")
    if failures:
        raise typer.Exit(code=1)


@app.command()
def score(
    sample_dir: Annotated[Path, typer.Argument(help="A saved sample folder (holds metadata.json).")],
    video: Annotated[Path, typer.Argument(help="The model's video for that sample (any size, fps, length).")],
) -> None:
    """Score VIDEO against SAMPLE_DIR; prints JSON {"value", "parts", "reason"}. A bad video scores 0."""
    from vbvr_core.judge.run import score_video
    from vbvr_core.pipeline.sample_io import METADATA

    if not (sample_dir / METADATA).is_file():
        raise fail_usage(f"{sample_dir} is not a sample folder: it has no {METADATA}")
    try:
        result = score_video(sample_dir, video)
    except discovery.UnknownTaskError as error:
        raise fail_usage(str(error)) from None
    print(json.dumps(result.model_dump(mode="json"), indent=2, sort_keys=True))


@app.command()
def show(sample_dir: Annotated[Path, typer.Argument(help="A saved sample folder.")]) -> None:
    """Describe a saved sample: task, prompt, parameters, provenance, video, file checks."""
    from vbvr_core.pipeline.sample_io import load_record, verify_sample

    try:
        record = load_record(sample_dir)
    except FileNotFoundError:
        raise fail_usage(f"{sample_dir} has no metadata.json") from None
    except ValueError as error:
        raise fail_usage(f"{sample_dir}/metadata.json is malformed: {error}") from None
    table = Table(show_header=False, title=f"{record.task_key} #{record.index}")
    prompt = (sample_dir / "prompt.txt").read_text("utf-8").strip() if (sample_dir / "prompt.txt").exists() else ""
    package = record.package
    rows = [
        ("category / split", f"{record.category.value} / {record.split or '-'}"),
        ("seed / attempt", f"{record.seed} / {record.attempt}"),
        ("prompt", prompt),
        ("params", json.dumps(record.params, sort_keys=True)),
        ("package", f"{package.dist} {package.version} @ {package.commit or 'unknown'}"
                    f"{' (dirty)' if package.dirty else ''} [{package.commit_source}]"),
        ("video", f"{record.video.width}x{record.video.height} {record.video.fps} fps, {record.video.frames} "
                  f"frames, {record.video.codec} {record.video.pix_fmt}"),
        ("content hash", record.content_hash[:16]),
    ]
    for name, value in rows:
        table.add_row(name, value)
    console.print(table)
    problems = verify_sample(sample_dir)
    for problem in problems:
        errors.print(f"[red]problem:[/] {problem}")
    console.print("files: " + ("all checksums match" if not problems else f"{len(problems)} problem(s)"))
    if problems:
        raise typer.Exit(code=1)


def _mount_release() -> None:
    from vbvr_core.release.cli import app as release_app

    app.add_typer(release_app, name="release")


_mount_release()


@app.command()
def review(
    target: Annotated[str, typer.Argument(help="Installed task key (G-15_grid_avoid_obstacles) or a task package folder.")],
    gallery: Annotated[Path | None, typer.Option("--gallery", help="Write an HTML gallery of the samples and checks into this folder.")] = None,
    samples: Annotated[int, typer.Option("--samples", min=2, help="Samples to save, check and show.")] = 6,
    draws: Annotated[int, typer.Option("--draws", min=2, help="Cheap draws for the diversity estimate.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Base seed of the samples and draws.")] = 0,
    work: Annotated[Path | None, typer.Option("--work", help="Keep the samples and videos here (default: a temporary folder).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON instead of a table.")] = False,
) -> None:
    """Review a task package: contract, determinism, format, validation, diversity, scorer sanity, cost.

    Prints a table of checks (pass / warn / fail with what to fix).

    Exit 0 when nothing fails, 1 when a check fails, 2 for an unknown task or a folder that is not an installed task package.
    """
    import tempfile

    from vbvr_core.review import ReviewContext, ReviewTargetError, resolve_target, run_review
    from vbvr_core.review.gallery import write_gallery
    from vbvr_core.review.report import print_report

    try:
        key, source = resolve_target(target)
        with tempfile.TemporaryDirectory(prefix="vbvr-review-") as scratch:
            work_dir = work or Path(scratch)
            context = ReviewContext.for_key(key, work_dir, samples=samples, draws=draws, seed=seed, source=source)
            report = run_review(context)
            if gallery is not None:
                index = write_gallery(context, report, gallery)
    except (ReviewTargetError, discovery.UnknownTaskError) as error:
        raise fail_usage(str(error)) from None
    if as_json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report, console)
        if gallery is not None:
            console.print(f"gallery: {index}")
    if report.failed:
        raise typer.Exit(code=1)
