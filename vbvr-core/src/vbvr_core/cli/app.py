"""The ``vbvr`` command line: list installed tasks, generate samples, score a video, show and review a sample.

Exit codes: 0 success, 1 a sample failed or a check failed, 2 bad usage (unknown task, bad path, bad params,
an output that cannot be written). Each command lives in its own module of this package; flags follow the
vocabulary of :mod:`vbvr_core.cli.usage`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from vbvr_core import discovery
from vbvr_core.cli.usage import escape, fail_usage, stderr_console, stdout_console
from vbvr_core.contract.keys import InvalidTaskKey, dist_name, import_name, validate_key

app = typer.Typer(
    name="vbvr",
    help="VBVR task toolkit: list installed tasks, generate samples, score videos, inspect samples.",
    no_args_is_help=True,
    add_completion=False,
)

__all__ = ["app", "fail_usage", "resolve_task"]


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
    commits: Annotated[bool, typer.Option(
        "--commits", help="Also resolve each package's git commit and dirty flag (slower: git is asked per package).",
    )] = False,
) -> None:
    """List installed tasks: key, category, version (and with --commits the package's git commit)."""
    rows = []
    for task in discovery.list_tasks():
        try:
            registration = discovery.get_task(task.key)
            category = registration.info.category.value
            title = registration.info.title
        except Exception as error:  # noqa: BLE001 - one broken plugin must not hide the others
            category, title = "?", f"broken plugin: {error}"
        row = {"key": task.key, "category": category, "title": title, "dist": task.dist, "version": task.version}
        if commits:
            from vbvr_core.pipeline.provenance import package_facts

            facts = package_facts(dist_name(task.key), import_name(task.key))
            row.update(commit=facts.commit, dirty=facts.dirty, commit_source=facts.commit_source)
        rows.append(row)
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    header = ["key", "category", "version", *(["commit"] if commits else [])]
    lines = [[row["key"], row["category"], row["version"],
              *([(row["commit"] or "unknown")[:12] + (" (dirty)" if row["dirty"] else "")] if commits else [])]
             for row in rows]
    print(aligned([header, ["-" * len(name) for name in header], *lines]))
    print(f"{len(rows)} installed VBVR tasks")


def aligned(lines: list[list[str]]) -> str:
    """``lines`` of cells as text columns, each as wide as its widest cell (plain text: pipes and grep read it)."""
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines)


def show(sample_dir: Annotated[Path, typer.Argument(help="A saved sample folder.")]) -> None:
    """Describe a saved sample: task, prompt, parameters, provenance, video, file checks."""
    from rich.table import Table

    from vbvr_core.cli.score import loaded_record
    from vbvr_core.pipeline.sample_io import PROMPT, verify_sample

    record = loaded_record(sample_dir, "SAMPLE_DIR")
    prompt_path = sample_dir / PROMPT
    prompt = prompt_path.read_text("utf-8", errors="replace").strip() if prompt_path.is_file() else ""
    table = Table(show_header=False, title=f"{record.task_key} #{record.index}")
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
    console = stdout_console()
    console.print(table)
    problems = verify_sample(sample_dir)
    for problem in problems:
        stderr_console().print(f"[red]problem:[/] {escape(problem)}")
    console.print("files: " + ("all checksums match" if not problems else f"{len(problems)} problem(s)"))
    if problems:
        raise typer.Exit(code=1)


def _mount() -> None:
    from vbvr_core.cli.generate import generate
    from vbvr_core.cli.review import review
    from vbvr_core.cli.score import score
    from vbvr_core.release.cli import app as release_app

    app.command()(generate)
    app.command()(score)
    app.command()(show)
    app.command()(review)
    app.add_typer(release_app, name="release")


_mount()
