"""The ``vbvr-factory`` command line: run a registry, verify (and repair) an output, show its status.

Exit codes: 0 success; 1 dead letters or problems found; 2 bad usage (bad registry, unknown task or preset,
unsafe key, an output root holding another run).
"""

from __future__ import annotations

import os
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from vbvr_core.cli.usage import deprecated, fail_usage

from vbvr_factory.layout import LAYOUTS

app = typer.Typer(
    name="vbvr-factory",
    help="Turn a registry of VBVR tasks into a verified, deduplicated, reproducible dataset (local folder or S3).",
    no_args_is_help=True,
    add_completion=False,
)
# Tables keep their full width when piped to a file or a CI log (rich would fold them to 80 columns).
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

StorageOptions = Annotated[list[str] | None, typer.Option(
    "--storage-option", help="fsspec option NAME=VALUE for the output root, repeatable (e.g. endpoint_url=http://…).")]




def open_output(out: str, storage_option: list[str] | None):
    """The output root for ``out``, or exit 2 with the reason."""
    from vbvr_factory.storage import OutputRoot, parse_storage_options

    try:
        return OutputRoot(out, parse_storage_options(storage_option or []))
    except (ValueError, ImportError, OSError) as error:
        raise fail_usage(f"cannot open output {out!r}: {error}") from None


def _megabytes(count: int) -> str:
    return f"{count / 1e6:.2f}"


def _summary(report, plan) -> Table:
    table = Table(title=f"vbvr-factory: {report.samples_made} samples written in {report.seconds:.1f} s "
                        f"({report.samples_per_second:.2f} samples/s)")
    for column in ("task", "split", "requested", "written", "kept", "failed", "duplicates", "MB written",
                   "CPU s/sample"):  # written = made by this run; kept = already present (--resume)
        table.add_column(column, justify="left" if column in ("task", "split") else "right")
    for task in plan.tasks:
        tally = report.tallies[task.key]
        per_sample = tally.cpu_seconds / tally.written if tally.written else 0.0
        table.add_row(task.key, task.split, str(tally.requested), str(tally.written), str(tally.kept),
                      str(tally.failed), str(tally.duplicates), _megabytes(tally.bytes_written), f"{per_sample:.3f}")
    tallies = report.tallies.values()
    table.add_row("all", "", str(plan.total), str(report.samples_made), str(sum(t.kept for t in tallies)),
                  str(report.failures), str(sum(t.duplicates for t in tallies)),
                  _megabytes(sum(t.bytes_written for t in tallies)), "", style="bold")
    return table


@app.command()
def run(
    registry: Annotated[Path, typer.Argument(help="The registry file (registry.yaml).")],
    preset: Annotated[str | None, typer.Option("--preset", help="A preset of the registry (demo, train, test, …).")] = None,
    count: Annotated[int | None, typer.Option("--count", min=1, help="Samples per task, overriding the registry.")] = None,
    out: Annotated[str | None, typer.Option("--out", help="Output folder or s3://bucket/prefix (default: out/PRESET).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, show_default=False, help="Worker processes (default: the number of CPUs).")] = os.cpu_count() or 1,
    resume: Annotated[bool, typer.Option("--resume", help="Keep intact samples already in OUT; make only the rest.")] = False,
    executor: Annotated[str, typer.Option("--executor", help="Execution engine: local (built in), ray, or any installed.")] = "local",
    address: Annotated[str | None, typer.Option("--address", help="Cluster to join (ray: auto or HOST:PORT; default a private local instance).")] = None,
    layout: Annotated[str, typer.Option("--layout", help=f"Folder layout: {' or '.join(LAYOUTS)}.")] = "vbvr",
    storage_option: StorageOptions = None,
    require_commit: Annotated[bool, typer.Option("--require-commit", help="Refuse tasks whose package git commit is unknown.")] = False,
) -> None:
    """Run REGISTRY (or one of its presets) into OUT: resumable, deduplicated, with provenance."""
    from vbvr_core.discovery import get_task
    from vbvr_core.pipeline.produce import MissingCommitError, task_package

    from vbvr_factory.executors import make_executor
    from vbvr_factory.plan import build_plan
    from vbvr_factory.registry import RegistryError, load_registry
    from vbvr_factory.runner import CorruptRunError, FactoryRun, RunConflict, chunk_size_for
    from vbvr_factory.storage import UnsafePathError

    if layout not in LAYOUTS:
        raise fail_usage(f"--layout {layout!r} is unknown; use one of {', '.join(LAYOUTS)}")
    try:
        loaded = load_registry(registry)
        plan = build_plan(loaded, preset, count, layout)
    except RegistryError as error:
        raise fail_usage(str(error)) from None
    for task in plan.tasks:
        try:
            facts = task_package(get_task(task.key), require_commit)
        except MissingCommitError as error:
            raise fail_usage(str(error)) from None
        if facts.commit is None:
            errors.print(f"[yellow]warning:[/] {task.key}: package commit unknown; its samples say so "
                         "(commit_source 'unknown'). Pass --require-commit to refuse.")
    root = open_output(out or f"out/{preset or 'run'}", storage_option)
    if address and executor == "local":
        raise fail_usage("--address joins a cluster; use it with a cluster executor such as --executor ray")
    problem = root.writable_problem()
    if problem:
        raise fail_usage(problem)
    factory_run = FactoryRun(plan, root, None, resume=resume, registry={"source": str(registry), "digest": loaded.digest},
                             chunk_size=chunk_size_for(plan, workers))
    try:  # every refusal comes before workers start and before any progress is drawn
        factory_run.check_root()
    except (RunConflict, CorruptRunError) as error:
        raise fail_usage(str(error)) from None
    try:
        engine = make_executor(executor, workers, **({"address": address} if address else {}))
    except (LookupError, ImportError) as error:
        raise fail_usage(str(error)) from None
    factory_run.executor = engine
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors) as progress:
        overall = progress.add_task("[bold]all tasks", total=plan.total)
        bars = {task.key: progress.add_task(task.key, total=task.count) for task in plan.tasks}
        redrawn: dict[str, int] = {}

        def on_result(result, redraw: bool) -> None:
            if redraw:
                redrawn[result.task_key] = redrawn.get(result.task_key, 0) + len(result.outcomes)
                progress.update(bars[result.task_key],
                                description=f"{result.task_key} ({redrawn[result.task_key]} duplicates redrawn)")
                return
            progress.advance(bars[result.task_key], len(result.outcomes))
            progress.advance(overall, len(result.outcomes))

        factory_run.on_result = on_result
        try:
            report = factory_run.execute()
        except (RunConflict, UnsafePathError) as error:  # a run or a link appeared in the root since the checks
            progress.stop()
            raise fail_usage(str(error)) from None
        except (BrokenProcessPool, OSError) as error:
            progress.stop()
            errors.print(f"[bold red]run stopped:[/] {type(error).__name__}: {error}. Samples already written are "
                         f"kept. Fix the cause (free disk space, permissions or reachability of {root.url}), then "
                         "rerun the same command with --resume to finish.", highlight=False)
            raise typer.Exit(code=1) from None
        finally:
            engine.close()
    console.print(_summary(report, plan))
    console.print(f"manifest, failures and run.json are in {root.url}")
    if report.failures:
        errors.print(f"[red]{report.failures} dead letter(s)[/]: see {root.url}/failures.jsonl")
        raise typer.Exit(code=1)


@app.command()
def verify(
    out: Annotated[str, typer.Argument(help="A run's output folder or s3://bucket/prefix.")],
    repair: Annotated[bool, typer.Option("--repair", help="Regenerate missing and corrupt samples, byte-identically.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, show_default=False, help="Worker processes for --repair (default: the number of CPUs).")] = os.cpu_count() or 1,
    storage_option: StorageOptions = None,
) -> None:
    """Check every sample's checksums and format; list missing and corrupt ones; optionally repair them."""
    from vbvr_factory.executors import LocalExecutor
    from vbvr_factory.runner import CorruptRunError
    from vbvr_factory.verify import NotARunError, repair_root, verify_root

    root = open_output(out, storage_option)
    try:
        report = verify_root(root)
    except (NotARunError, CorruptRunError) as error:
        raise fail_usage(str(error)) from None
    for kind, problems in (("missing", report.missing), ("corrupt", report.corrupt)):
        for problem in problems:
            console.print(f"[red]{kind}[/] {problem.path}: {'; '.join(problem.problems)}", highlight=False)
    if repair and (report.missing or report.corrupt):
        engine = LocalExecutor(workers)
        try:
            report = repair_root(root, report, engine)
        except CorruptRunError as error:
            raise fail_usage(str(error)) from None
        finally:
            engine.close()
        for problem in report.repaired:
            console.print(f"[green]repaired[/] {problem.path}", highlight=False)
        for problem in report.unrepairable:
            console.print(f"[red]not repaired[/] {problem.path}: {'; '.join(problem.problems)}", highlight=False)
    console.print(f"{report.checked} samples checked: {report.intact} intact, {len(report.missing)} missing, "
                  f"{len(report.corrupt)} corrupt" + (f", {len(report.repaired)} repaired" if repair else ""))
    if report.outstanding:
        raise typer.Exit(code=1)


@app.command()
def status(
    out: Annotated[str, typer.Argument(help="A run's output folder or s3://bucket/prefix.")],
    storage_option: StorageOptions = None,
) -> None:
    """Show samples per task, dead letters and disk use of a run's output."""
    from vbvr_factory.layout import task_dir
    from vbvr_factory.liveness import run_state
    from vbvr_factory.runner import FAILURES, CorruptRunError, read_jsonl, read_run_json
    from vbvr_factory.verify import NotARunError, load_plan

    root = open_output(out, storage_option)
    try:
        plan = load_plan(root)
        document = read_run_json(root) or {}
        failures: dict[str, int] = {}
        for line in read_jsonl(root, FAILURES):
            failures[line["task_key"]] = failures.get(line["task_key"], 0) + 1
    except (NotARunError, CorruptRunError) as error:
        raise fail_usage(str(error)) from None
    table = Table(title=f"{root.url}: preset {plan.preset or '(default)'}, layout {plan.layout}")
    for column in ("task", "split", "samples", "requested", "failures", "MB on disk"):
        table.add_column(column, justify="left" if column in ("task", "split") else "right")
    totals = [0, 0, 0, 0]
    for task in plan.tasks:
        folder = task_dir(plan.layout, task.key, task.split)
        row = [root.count_samples(folder), task.count, failures.get(task.key, 0), root.disk_usage(folder)]
        totals = [total + value for total, value in zip(totals, row, strict=True)]
        table.add_row(task.key, task.split, str(row[0]), str(row[1]), str(row[2]), _megabytes(row[3]))
    table.add_row("all", "", str(totals[0]), str(totals[1]), str(totals[2]), _megabytes(totals[3]), style="bold")
    console.print(table)
    console.print(f"run {run_state(document)}", highlight=False)


QueueUrl = Annotated[str, typer.Option("--queue-url", help="URL of the SQS FIFO work queue (the stack's QueueUrl output).")]


def _sqs(queue_url: str):
    """A boto3 SQS client for ``queue_url``, or exit 2 when boto3 is missing or no region can be found."""
    from vbvr_factory.sqs import NoRegionError, sqs_client

    try:
        return sqs_client(queue_url)
    except (ImportError, NoRegionError) as error:
        raise fail_usage(str(error)) from None


@app.command()
def submit(
    registry: Annotated[Path, typer.Argument(help="The registry file (registry.yaml).")],
    queue_url: QueueUrl,
    out: Annotated[str, typer.Option("--out", help="Output root, normally s3://bucket/prefix (the stack's Output).")],
    preset: Annotated[str | None, typer.Option("--preset", help="A preset of the registry.")] = None,
    count: Annotated[int | None, typer.Option("--count", min=1, help="Samples per task, overriding the registry.")] = None,
    layout: Annotated[str, typer.Option("--layout", help=f"Folder layout: {' or '.join(LAYOUTS)}.")] = "vbvr",
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, max=16, help="Samples per message.")] = 16,
    storage_option: StorageOptions = None,
) -> None:
    """Enqueue REGISTRY's first draws as SQS FIFO messages for serverless workers (Lambda or `worker`)."""
    client = _sqs(queue_url)
    from botocore.exceptions import BotoCoreError, ClientError

    from vbvr_factory.plan import build_plan
    from vbvr_factory.registry import RegistryError, load_registry
    from vbvr_factory.runner import RunConflict
    from vbvr_factory.sqs import QueueError, submit_plan

    if layout not in LAYOUTS:
        raise fail_usage(f"--layout {layout!r} is unknown; use one of {', '.join(LAYOUTS)}")
    try:
        loaded = load_registry(registry)
        plan = build_plan(loaded, preset, count, layout)
    except RegistryError as error:
        raise fail_usage(str(error)) from None
    root = open_output(out, storage_option)
    try:
        sent = submit_plan(plan, root, queue_url, registry={"source": str(registry), "digest": loaded.digest},
                           chunk_size=chunk_size, client=client)
    except (RunConflict, ValueError) as error:
        raise fail_usage(str(error)) from None
    except (QueueError, ClientError, BotoCoreError) as error:
        errors.print(f"[bold red]submit failed:[/] {error}")
        raise typer.Exit(code=1) from None
    console.print(f"{sent.chunks} chunks ({sent.samples} samples) sent to {queue_url}; output {root.url}")
    finish = [f"vbvr-factory run {registry}", *(["--preset", preset] if preset else []),
              *(["--count", str(count)] if count else []), *(["--layout", layout] if layout != "vbvr" else []),
              "--out", root.url, "--resume"]
    console.print("When the queue is empty, finish (dedup rounds, manifest, failures, run.json) with:\n  "
                  + " ".join(finish), highlight=False)


@app.command()
def worker(
    queue_url: QueueUrl,
    until_empty: Annotated[bool, typer.Option("--until-empty", help="Stop once the queue holds no visible or in-flight message.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=10, help="Messages per receive (Lambda's BatchSize).")] = 1,
    wait_seconds: Annotated[int, typer.Option("--wait", min=0, max=20, help="Long-poll seconds per receive.")] = 10,
    retry_delay: Annotated[int, typer.Option("--retry-delay", min=0, help="Seconds before a failed message is delivered again.")] = 30,
) -> None:
    """Poll the queue and run each message through the Lambda handler (for EC2/Kubernetes workers and tests)."""
    import logging

    from vbvr_factory.sqs import work

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    client = _sqs(queue_url)
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        tally = work(client, queue_url, until_empty=until_empty, batch_size=batch_size, wait_seconds=wait_seconds,
                     retry_delay=retry_delay)
    except KeyboardInterrupt:
        errors.print("worker stopped; messages in flight return to the queue after their visibility timeout")
        raise typer.Exit(code=130) from None
    except (ClientError, BotoCoreError) as error:
        errors.print(f"[bold red]worker stopped:[/] {queue_url}: {error}")
        raise typer.Exit(code=1) from None
    console.print(f"queue drained: {tally.succeeded} message(s) done, {tally.failed} failed delivery(ies) "
                  "(SQS retries them, then moves them to the dead-letter queue)")


@app.command()
def dlq(
    queue_url: QueueUrl,
    redrive: Annotated[bool, typer.Option("--redrive", help="Move every dead letter back to the work queue.")] = False,
) -> None:
    """List the chunks in the work queue's dead-letter queue; --redrive sends them back to the work queue."""
    from vbvr_factory.sqs import QueueError, dead_letter_queue, dead_letters
    from vbvr_factory.sqs import redrive as redrive_letters

    client = _sqs(queue_url)
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        dead_letter_url = dead_letter_queue(client, queue_url)
        letters = redrive_letters(client, queue_url, dead_letter_url) if redrive else dead_letters(client,
                                                                                                  dead_letter_url)
    except QueueError as error:
        raise fail_usage(str(error)) from None
    except (ClientError, BotoCoreError) as error:
        errors.print(f"[bold red]dlq failed:[/] {queue_url}: {error}")
        raise typer.Exit(code=1) from None
    table = Table(title=f"{dead_letter_url}: {len(letters)} dead letter(s)" + (", re-driven" if redrive else ""))
    for column in ("message", "task", "indices", "receives", "output"):
        table.add_column(column)
    for letter in letters:
        table.add_row(letter.message_id, letter.task_key, f"{letter.first_index}-{letter.last_index}",
                      str(letter.receive_count), letter.out)
    console.print(table)
    if letters and not redrive:
        console.print("Fix the cause (worker logs name it), then: vbvr-factory dlq --queue-url URL --redrive")


def _hours(hours: float) -> str:
    return f"{hours:.2f} h" if hours >= 1 else f"{hours * 60:.1f} min"


@app.command()
def estimate(
    registry: Annotated[Path, typer.Argument(help="The registry file (registry.yaml).")],
    executor: Annotated[str, typer.Option("--executor", help="local, ray or lambda.")] = "local",
    preset: Annotated[str | None, typer.Option("--preset", help="A preset of the registry.")] = None,
    count: Annotated[int | None, typer.Option("--count", min=1, help="Samples per task, overriding the registry.")] = None,
    total: Annotated[int | None, typer.Option("--total", min=1, help="Scale every task's count so the run makes about this many samples in all.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Workers: cores, or concurrent Lambdas (default: the number of CPUs; lambda 990).")] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, max=16, help="Samples per chunk (per Lambda invocation).")] = 16,
    measure: Annotated[int, typer.Option("--measure", min=1, max=50, help="Samples per task to measure (after one warm-up).")] = 2,
    from_run: Annotated[str | None, typer.Option("--from-run", help="Read per-sample CPU seconds from this run's run.json instead of measuring.")] = None,
    price: Annotated[list[str] | None, typer.Option("--price", help="Override a price or knob NAME=VALUE, repeatable (see `vbvr_factory.estimate.CostModel`).")] = None,
    samples: Annotated[int | None, typer.Option("--samples", min=1, hidden=True, help="Deprecated: use --total.")] = None,
) -> None:
    """Project wall time and cost of a run from measured per-sample core-seconds (local, Ray or Lambda)."""
    from vbvr_factory.estimate import (
        EXECUTORS,
        PAPER_LAMBDA_WORKERS,
        CostModel,
        costs_from_run,
        measure_task,
        project,
        scaled_counts,
    )
    from vbvr_factory.plan import build_plan
    from vbvr_factory.registry import RegistryError, load_registry
    from vbvr_factory.runner import read_run_json

    total = deprecated("--total", total, "--samples", samples, None)
    if executor not in EXECUTORS:
        raise fail_usage(f"--executor {executor!r} is unknown for estimates; use one of {', '.join(EXECUTORS)}")
    try:
        model = CostModel.with_overrides(price or [])
        loaded = load_registry(registry)
        plan = build_plan(loaded, preset, count)
    except (RegistryError, ValueError) as error:
        raise fail_usage(str(error)) from None
    if from_run:
        recorded = costs_from_run(read_run_json(open_output(from_run, None)) or {})
        missing = [task.key for task in plan.tasks if task.key not in recorded]
        if missing:
            raise fail_usage(f"{from_run}/run.json has no written samples of {', '.join(missing)}; measure instead")
        costs = {task.key: recorded[task.key] for task in plan.tasks}
    else:
        costs = {}
        for task in plan.tasks:
            errors.print(f"measuring {task.key} ({measure} samples after a warm-up)…")
            costs[task.key] = measure_task(task, plan.seed, measure)
    counts = scaled_counts(plan, total)
    engines = workers or (PAPER_LAMBDA_WORKERS if executor == "lambda" else os.cpu_count() or 1)
    projection = project(executor, counts, costs, workers=engines, chunk_size=chunk_size, model=model)

    measured = Table(title="per-sample cost" + (f" (from {from_run})" if from_run else " (measured here)"))
    for column in ("task", "samples in run", "CPU s/sample", "MB/sample", "files/sample", "measured"):
        measured.add_column(column, justify="left" if column == "task" else "right")
    for key, cost in costs.items():
        measured.add_row(key, f"{counts[key]:,}", f"{cost.core_seconds_per_sample:.3f}",
                         f"{cost.bytes_per_sample / 1e6:.3f}", f"{cost.files_per_sample:g}", str(cost.measured_samples))
    console.print(measured)
    console.print(f"projection: {projection.samples:,} samples, executor {executor}, {engines} workers",
                  highlight=False)
    table = Table()
    table.add_column("item")
    table.add_column("value", justify="right")
    table.add_row("chunks (invocations)", f"{projection.chunks:,}")
    table.add_row("core-hours", f"{projection.core_hours:,.1f}")
    table.add_row("wall time", _hours(projection.wall_hours))
    for item, dollars in projection.costs.items():
        table.add_row(f"cost: {item}", f"${dollars:,.2f}")
    table.add_row("cost: total", f"${projection.total_cost:,.2f}", style="bold")
    table.add_row("storage", f"{projection.storage_gb:,.1f} GB, ${projection.storage_per_month:,.2f}/month")
    console.print(table)
