"""The serverless worker: an AWS Lambda handler that runs the chunks of an SQS batch.

Message body: a :class:`ChunkMessage` (JSON) — the :class:`~vbvr_factory.chunks.ChunkSpec` plus the plan
digest and the task package version and commit of the machine that submitted it (``vbvr-factory submit``).

:func:`handler` follows Lambda's SQS contract with ``ReportBatchItemFailures``: it returns
``{"batchItemFailures": [{"itemIdentifier": messageId}, …]}`` naming the messages to deliver again.
A message fails when its chunk cannot run at all:

- the body is not a chunk message;
- the chunk writes outside ``VBVR_OUTPUT`` (the environment variable the stack sets to its bucket and
  prefix; when it is unset any output is accepted, as for a local ``vbvr-factory worker``);
- the task is not installed here, or its package version or commit differs from the submitter's (the
  worker image was built from another checkout: its samples would not match the plan);
- storage errors or a crash while running the chunk.

Samples that are dead letters (a task that cannot make one valid sample) are *not* message failures:
``run_chunk`` records them, and the finishing ``vbvr-factory run … --resume`` writes them to
``failures.jsonl``. A failing message is retried by SQS and, after the queue's ``maxReceiveCount``,
moved to the dead-letter queue (``vbvr-factory dlq``).

Messages are idempotent: a redelivered chunk keeps intact samples (``reuse_existing``) or rewrites the
same bytes, so nothing is duplicated. In a FIFO batch, once a message fails the later messages of the
same message group are reported failed without running, preserving the group's order.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any, Literal

from pydantic import BaseModel
from vbvr_core.discovery import get_task
from vbvr_core.pipeline.produce import task_package

from vbvr_factory.chunks import ChunkResult, ChunkSpec, run_chunk

OUTPUT_ENV = "VBVR_OUTPUT"
log = logging.getLogger("vbvr_factory.serverless")
log.setLevel(logging.INFO)  # one summary line per chunk in CloudWatch (Lambda's root logger defaults to WARNING)


class ChunkMessage(BaseModel):
    """One queue message: a chunk of a plan, and the task package the submitter had installed."""

    schema_version: Literal[1] = 1
    plan_digest: str
    package_version: str
    package_commit: str | None
    chunk: ChunkSpec


class ChunkRefused(RuntimeError):
    """A message whose chunk must not run here (output outside VBVR_OUTPUT, another package build)."""


def output_allowed(out: str, allowed: str | None) -> bool:
    """Whether ``out`` is ``allowed`` or a folder below it (always, when ``allowed`` is unset)."""
    if not allowed:
        return True
    base = allowed.rstrip("/")
    return out.rstrip("/") == base or out.startswith(base + "/")


def process_message(body: str, allowed_output: str | None = None) -> ChunkResult:
    """Run the chunk of one message body; raises when the message must be delivered again (see above)."""
    message = ChunkMessage.model_validate_json(body)
    spec = message.chunk
    if not output_allowed(spec.out, allowed_output):
        raise ChunkRefused(f"chunk writes to {spec.out}, but this worker may write only below {allowed_output} "
                           f"({OUTPUT_ENV}); submit with --out {allowed_output} or a folder below it")
    package = task_package(get_task(spec.task_key))
    if (package.version, package.commit) != (message.package_version, message.package_commit):
        raise ChunkRefused(f"{spec.task_key}: submitted for {package.dist} {message.package_version} commit "
                           f"{message.package_commit}, installed here is {package.version} commit {package.commit}; "
                           "rebuild the worker image from the submitter's checkout")
    return run_chunk(spec)


def _summary(message_id: str, result: ChunkResult) -> str:
    counts: dict[str, int] = {}
    for outcome in result.outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    indices = [outcome.index for outcome in result.outcomes]
    return json.dumps({"message_id": message_id, "task_key": result.task_key, "indices": [min(indices), max(indices)],
                       **counts, "cpu_seconds": round(result.cpu_seconds, 3)}, sort_keys=True)


def handler(event: dict[str, Any], context: Any = None) -> dict[str, list[dict[str, str]]]:
    """Lambda entry point for an SQS batch; returns the ``batchItemFailures`` to redeliver."""
    allowed_output = os.environ.get(OUTPUT_ENV)
    failures: list[dict[str, str]] = []
    failed_groups: set[str] = set()
    for record in event.get("Records", []):
        message_id = record["messageId"]
        group = record.get("attributes", {}).get("MessageGroupId")
        if group is not None and group in failed_groups:
            failures.append({"itemIdentifier": message_id})
            continue
        try:
            result = process_message(record["body"], allowed_output)
        except Exception:  # noqa: BLE001 - any failure is reported for redelivery (then the dead-letter queue)
            log.exception("message %s failed; SQS will deliver it again", message_id)
            failures.append({"itemIdentifier": message_id})
            if group is not None:
                failed_groups.add(group)
            continue
        log.info(_summary(message_id, result))
    return {"batchItemFailures": failures}
