"""``vbvr-factory estimate``: project a run's wall time and cost from measured per-sample core-seconds.

Measurement (:func:`measure_task`): a few samples of each task are made in this process by
:func:`vbvr_factory.chunks.run_chunk` into a temporary folder, after one warm-up sample (imports, codec
set-up), so the figure is CPU seconds per sample including drawing, validation, PNG and H.264 encoding and
checksums. :func:`costs_from_run` reads the same figures from a previous run's ``run.json`` instead.

Projection (:func:`project`), for ``total core-seconds = Σ count × core-seconds per sample``:

- ``local`` / ``ray``: wall = core-seconds × (1 + overhead) / workers; cost = workers × wall hours ×
  ``core_hour`` (0 unless priced: your own machine). ``ray_overhead`` is the executor's extra share,
  measured by ``benchmarks/ray_overhead.py``.
- ``lambda``: a chunk of ``chunk_size`` samples is one invocation; its billed duration is its samples'
  core-seconds / ``lambda_speed`` + one S3 PUT latency per file + ``lambda_overhead_seconds``; wall =
  total duration / min(workers, chunks); cost = GB-seconds × ``lambda_gb_second`` + invocations ×
  ``lambda_request`` + 3 FIFO requests per chunk (send, receive, delete) × ``sqs_fifo_request`` + files ×
  ``s3_put``. Storage per month (``s3_gb_month``) is listed apart.

Default prices: AWS us-east-1 on-demand list prices as published in 2025 (Lambda x86 $0.0000166667 per
GB-second and $0.20 per million requests; SQS FIFO $0.50 per million requests; S3 Standard $0.005 per
1,000 PUTs and $0.023 per GB-month; ``core_hour`` from a c7i.xlarge at $0.1785/h for 4 vCPUs). Override
any figure with ``--price NAME=VALUE``.
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from vbvr_factory.chunks import ChunkSpec, WorkItem, run_chunk
from vbvr_factory.plan import RunPlan, TaskPlan

EXECUTORS = ("local", "ray", "lambda")
PAPER_LAMBDA_WORKERS = 990


@dataclass(frozen=True)
class CostModel:
    """Prices (USD) and performance knobs of the projection; every field can be set with ``--price NAME=VALUE``."""

    lambda_gb_second: float = 0.0000166667
    lambda_request: float = 0.20 / 1e6
    lambda_memory_gb: float = 2.0  # deploy/aws/template.yaml MemorySize 2048
    lambda_speed: float = 1.0  # a Lambda vCPU relative to one core of the measuring machine
    lambda_overhead_seconds: float = 0.2  # per invocation: start-up share, SQS hand-off
    s3_put_seconds: float = 0.03  # latency of one PUT from Lambda to S3 in the same region
    sqs_fifo_request: float = 0.50 / 1e6
    s3_put: float = 0.005 / 1000
    s3_gb_month: float = 0.023
    core_hour: float = 0.1785 / 4
    ray_overhead: float = 0.25  # extra CPU of Ray's daemons and transport, benchmarks/ray_overhead.py on 2 cores

    @classmethod
    def with_overrides(cls, pairs: list[str]) -> CostModel:
        """The defaults with ``NAME=VALUE`` overrides; ``ValueError`` names an unknown field or a bad number."""
        known = {item.name for item in fields(cls)}
        changes: dict[str, float] = {}
        for pair in pairs:
            name, separator, value = pair.partition("=")
            if not separator or name not in known:
                raise ValueError(f"--price {pair!r}: use NAME=VALUE with NAME one of {', '.join(sorted(known))}")
            try:
                changes[name] = float(value)
            except ValueError:
                raise ValueError(f"--price {pair!r}: {value!r} is not a number") from None
        return replace(cls(), **changes)


@dataclass(frozen=True)
class TaskCost:
    """What one sample of a task costs: CPU seconds, bytes and files (measured or read from a run)."""

    key: str
    core_seconds_per_sample: float
    bytes_per_sample: float
    files_per_sample: float
    measured_samples: int


def measure_task(task: TaskPlan, base_seed: int, samples: int = 2) -> TaskCost:
    """Make one warm-up and ``samples`` measured samples of ``task`` in this process (temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="vbvr-estimate-") as scratch:
        def chunk(indices: range) -> Any:
            return run_chunk(ChunkSpec(out=scratch, task_key=task.key, split=task.split, params=task.params,
                                       base_seed=base_seed, reuse_existing=False,
                                       items=[WorkItem(index=index) for index in indices]))

        chunk(range(samples, samples + 1))
        result = chunk(range(samples))
        made = [outcome for outcome in result.outcomes if outcome.status == "written"]
        if not made:
            raise RuntimeError(f"{task.key}: none of {samples} samples could be made, so its cost cannot be measured")
        files = sum(len(list((Path(scratch) / outcome.path).iterdir())) for outcome in made)
    return TaskCost(key=task.key, core_seconds_per_sample=result.cpu_seconds / len(result.outcomes),
                    bytes_per_sample=sum(outcome.bytes for outcome in made) / len(made),
                    files_per_sample=files / len(made), measured_samples=len(result.outcomes))


def costs_from_run(run_json: dict[str, Any], files_per_sample: float = 5.0) -> dict[str, TaskCost]:
    """Per-task costs from a previous run's ``run.json`` (tasks that wrote samples)."""
    costs = {}
    for key, tally in run_json.get("tasks", {}).items():
        if tally.get("written"):
            costs[key] = TaskCost(key=key, core_seconds_per_sample=tally["cpu_seconds"] / tally["written"],
                                  bytes_per_sample=tally["bytes_written"] / tally["written"],
                                  files_per_sample=files_per_sample, measured_samples=tally["written"])
    return costs


def scaled_counts(plan: RunPlan, samples: int | None) -> dict[str, int]:
    """Task key → count, scaled proportionally so the total is about ``samples`` (the plan's own without it)."""
    if samples is None:
        return {task.key: task.count for task in plan.tasks}
    return {task.key: max(1, round(task.count * samples / plan.total)) for task in plan.tasks}


@dataclass(frozen=True)
class Projection:
    """A projected run: size, wall time and the cost broken down by item (USD)."""

    executor: str
    workers: int
    samples: int
    chunks: int
    core_hours: float
    wall_hours: float
    costs: dict[str, float]
    storage_gb: float
    storage_per_month: float

    @property
    def total_cost(self) -> float:
        """Sum of the cost items (storage excluded)."""
        return sum(self.costs.values())


def project(executor: str, counts: dict[str, int], costs: dict[str, TaskCost], *, workers: int,
            chunk_size: int = 16, model: CostModel = CostModel()) -> Projection:
    """Wall time and cost of making ``counts`` samples with ``executor`` on ``workers`` workers."""
    if executor not in EXECUTORS:
        raise ValueError(f"executor {executor!r} is not one of {', '.join(EXECUTORS)}")
    samples = sum(counts.values())
    core_seconds = sum(count * costs[key].core_seconds_per_sample for key, count in counts.items())
    files = sum(count * costs[key].files_per_sample for key, count in counts.items())
    storage_gb = sum(count * costs[key].bytes_per_sample for key, count in counts.items()) / 1e9
    chunks = sum(math.ceil(count / chunk_size) for count in counts.values())
    if executor == "lambda":
        billed_seconds = core_seconds / model.lambda_speed + files * model.s3_put_seconds \
            + chunks * model.lambda_overhead_seconds
        wall_hours = billed_seconds / min(workers, chunks) / 3600
        itemised = {"lambda compute": billed_seconds * model.lambda_memory_gb * model.lambda_gb_second,
                    "lambda requests": chunks * model.lambda_request,
                    "sqs requests": 3 * chunks * model.sqs_fifo_request,
                    "s3 puts": files * model.s3_put}
    else:
        overhead = model.ray_overhead if executor == "ray" else 0.0
        wall_hours = core_seconds * (1 + overhead) / workers / 3600
        itemised = {"compute": workers * wall_hours * model.core_hour}
    return Projection(executor=executor, workers=workers, samples=samples, chunks=chunks,
                      core_hours=core_seconds / 3600, wall_hours=wall_hours, costs=itemised, storage_gb=storage_gb,
                      storage_per_month=storage_gb * model.s3_gb_month)
