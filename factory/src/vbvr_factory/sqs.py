"""The SQS side of the serverless path: submit chunks, poll them like Lambda does, list and re-drive dead letters.

- :func:`submit_plan` checks the output root, marks it with a ``run.json`` of status ``submitted`` (so the
  finishing ``vbvr-factory run … --resume`` recognises the plan) and enqueues the plan's first-draw chunks
  as FIFO messages (:class:`~vbvr_factory.serverless.ChunkMessage`). Every chunk is its own message group,
  so chunks run in parallel; the deduplication id is fresh per send (re-sending is safe: chunks are
  idempotent).
- :func:`work` is the Lambda event source mapping in a loop: receive a batch, call
  :func:`vbvr_factory.serverless.handler`, delete what succeeded, make the failures visible again after
  ``retry_delay`` seconds. SQS counts the receives and moves a message that keeps failing to the
  dead-letter queue after the queue's ``maxReceiveCount``.
- :func:`dead_letters` lists the dead-letter queue without consuming it; :func:`redrive` moves its messages
  back to the work queue itself (receive → send with the same group → delete), because not every SQS
  implementation offers ``StartMessageMoveTask``.

Endpoint, region and credentials come from boto3's usual sources (``AWS_ENDPOINT_URL``, ``AWS_REGION``…).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from vbvr_core.discovery import get_task
from vbvr_core.pipeline.produce import task_package

from vbvr_factory.chunks import ChunkSpec, WorkItem
from vbvr_factory.plan import RunPlan
from vbvr_factory.runner import FactoryRun
from vbvr_factory.serverless import ChunkMessage, handler
from vbvr_factory.storage import OutputRoot

SEND_BATCH = 10  # SQS's limit per SendMessageBatch
CREDENTIAL_OPTIONS = ("key", "secret", "token", "aws_access_key_id", "aws_secret_access_key", "aws_session_token")


class QueueError(RuntimeError):
    """An SQS request that failed or a queue set up differently than the factory needs (says what to fix)."""


# https://sqs.<region>.amazonaws.com/… (also .com.cn), and the legacy https://<region>.queue.amazonaws.com/…
_REGION_IN_URL = re.compile(r"^https?://(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|([a-z0-9-]+)\.queue\."
                            r"amazonaws\.com(?:\.cn)?)(?::\d+)?/", re.IGNORECASE)


class NoRegionError(ValueError):
    """No AWS region is configured and the queue URL does not name one."""


def region_of(queue_url: str) -> str | None:
    """The AWS region an SQS queue URL names (``https://sqs.eu-west-1.amazonaws.com/…`` → ``eu-west-1``), or None."""
    match = _REGION_IN_URL.match(queue_url)
    region = (match.group(1) or match.group(2)) if match else None
    return region.lower() if region else None


def sqs_client(queue_url: str | None = None) -> Any:
    """A boto3 SQS client for ``queue_url`` (needs ``pip install 'vbvr-factory[aws]'``).

    The region is the one the queue URL names (an AWS queue lives in exactly that region), else boto3's
    configured one (``AWS_REGION``, ``AWS_DEFAULT_REGION``, ``~/.aws/config``); with neither, raises
    :class:`NoRegionError` saying how to set one. Endpoint and credentials come from boto3's usual sources.
    """
    try:
        import boto3
    except ImportError:
        raise ImportError("the serverless path needs boto3: pip install 'vbvr-factory[aws]'") from None
    region = (region_of(queue_url) if queue_url else None) or boto3.session.Session().region_name
    if region is None:
        raise NoRegionError(f"no AWS region: the queue URL {queue_url!r} does not name one and none is configured; "
                            "set AWS_REGION (e.g. AWS_REGION=us-east-1) or run `aws configure`")
    return boto3.client("sqs", region_name=region)


def _send(client: Any, queue_url: str, entries: list[dict[str, str]]) -> None:
    response = client.send_message_batch(QueueUrl=queue_url, Entries=entries)
    if response.get("Failed"):
        first = response["Failed"][0]
        raise QueueError(f"SQS refused {len(response['Failed'])} message(s) for {queue_url}: {first.get('Code')} "
                         f"{first.get('Message', '')}")


def send_messages(client: Any, queue_url: str, bodies: Iterable[tuple[str, str]]) -> int:
    """Send ``(message group, body)`` pairs in batches of ten, each with a fresh deduplication id; return the count."""
    sent = 0
    batch: list[dict[str, str]] = []
    for group, body in bodies:
        batch.append({"Id": str(len(batch)), "MessageBody": body, "MessageGroupId": group,
                      "MessageDeduplicationId": uuid.uuid4().hex})
        if len(batch) == SEND_BATCH:
            _send(client, queue_url, batch)
            sent, batch = sent + len(batch), []
    if batch:
        _send(client, queue_url, batch)
        sent += len(batch)
    return sent


def chunk_group(spec: ChunkSpec) -> str:
    """The FIFO message group of a chunk: its task and first index (one group per chunk, so all run in parallel)."""
    return f"{spec.task_key}.{spec.items[0].index}"


def chunk_messages(plan: RunPlan, specs: Iterable[ChunkSpec]) -> Iterator[tuple[str, str]]:
    """``(group, body)`` of each spec, stamped with the plan digest and the installed task package."""
    packages: dict[str, tuple[str, str | None]] = {}
    for spec in specs:
        if spec.task_key not in packages:
            facts = task_package(get_task(spec.task_key))
            packages[spec.task_key] = (facts.version, facts.commit)
        version, commit = packages[spec.task_key]
        message = ChunkMessage(plan_digest=plan.digest, package_version=version, package_commit=commit, chunk=spec)
        yield chunk_group(spec), message.model_dump_json()


@dataclass
class Submission:
    """What :func:`submit_plan` enqueued."""

    chunks: int
    samples: int


def submit_plan(plan: RunPlan, root: OutputRoot, queue_url: str, *, registry: dict[str, str], chunk_size: int,
                client: Any) -> Submission:
    """Enqueue the first draws of ``plan`` into ``root`` (refusals as for ``run``: raises ``RunConflict``).

    Storage options that hold credentials are refused (``ValueError``): messages are stored in the queue,
    so workers must take credentials from their own environment or role.
    """
    secrets = sorted(set(root.storage_options) & set(CREDENTIAL_OPTIONS))
    if secrets:
        raise ValueError(f"storage options {secrets} would put credentials into queue messages; give workers "
                         "credentials through their environment or IAM role instead")
    # The runner's own root check, run.json writer and chunking (package-internal helpers; no executor is
    # needed), so the submitted chunks are exactly those `vbvr-factory run` makes for its first draws.
    coordinator = FactoryRun(plan, root, executor=None, resume=True, registry=registry,  # type: ignore[arg-type]
                             chunk_size=chunk_size)
    coordinator.check_root()
    coordinator._write_run_json("submitted", datetime.now(UTC).isoformat(timespec="seconds"),
                                {"queue_url": queue_url})
    first_draws = {task.key: [WorkItem(index=index) for index in range(task.count)] for task in plan.tasks}
    chunks = send_messages(client, queue_url, chunk_messages(plan, coordinator._specs(first_draws, True)))
    return Submission(chunks=chunks, samples=plan.total)


def _queue_arn(client: Any, queue_url: str) -> str:
    return client.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]


def _record(message: dict[str, Any], queue_arn: str) -> dict[str, Any]:
    """An SQS message as Lambda's event source mapping hands it to the function."""
    return {"messageId": message["MessageId"], "receiptHandle": message["ReceiptHandle"], "body": message["Body"],
            "attributes": message.get("Attributes", {}), "messageAttributes": message.get("MessageAttributes", {}),
            "md5OfBody": message.get("MD5OfBody"), "eventSource": "aws:sqs", "eventSourceARN": queue_arn,
            "awsRegion": queue_arn.split(":")[3] if queue_arn.count(":") >= 5 else ""}


def queue_is_drained(client: Any, queue_url: str) -> bool:
    """True when the queue holds no visible, in-flight or delayed message."""
    names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"]
    attributes = client.get_queue_attributes(QueueUrl=queue_url, AttributeNames=names)["Attributes"]
    return all(int(attributes.get(name, 0)) == 0 for name in names)


@dataclass
class WorkTally:
    """What a polling worker did: messages that succeeded and that failed (failures are retried by SQS)."""

    succeeded: int = 0
    failed: int = 0
    failed_ids: list[str] = field(default_factory=list)


def work(client: Any, queue_url: str, *, until_empty: bool, batch_size: int = 1, wait_seconds: int = 10,
         retry_delay: int = 30, on_batch: Callable[[WorkTally], None] | None = None) -> WorkTally:
    """Poll ``queue_url`` and run each batch through :func:`handler` (forever, or until the queue is drained)."""
    queue_arn = _queue_arn(client, queue_url)
    tally = WorkTally()
    while True:
        received = client.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=batch_size,
                                          WaitTimeSeconds=wait_seconds, MessageSystemAttributeNames=["All"])
        messages = received.get("Messages", [])
        if not messages:
            if until_empty and queue_is_drained(client, queue_url):
                return tally
            continue
        response = handler({"Records": [_record(message, queue_arn) for message in messages]}, None)
        failed = {failure["itemIdentifier"] for failure in response["batchItemFailures"]}
        for message in messages:
            if message["MessageId"] in failed:
                client.change_message_visibility(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"],
                                                 VisibilityTimeout=retry_delay)
                tally.failed += 1
                tally.failed_ids.append(message["MessageId"])
            else:
                client.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
                tally.succeeded += 1
        if on_batch is not None:
            on_batch(tally)


def dead_letter_queue(client: Any, queue_url: str) -> str:
    """The URL of the dead-letter queue named by ``queue_url``'s RedrivePolicy."""
    response = client.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["RedrivePolicy"])
    attributes = response.get("Attributes", {})  # absent when the queue has none of the names asked for
    if "RedrivePolicy" not in attributes:
        raise QueueError(f"{queue_url} has no RedrivePolicy, so it has no dead-letter queue; deploy "
                         "deploy/aws/template.yaml or set a RedrivePolicy with deadLetterTargetArn")
    target = json.loads(attributes["RedrivePolicy"])["deadLetterTargetArn"]
    _, _, _, _, account, name = target.split(":", 5)
    return client.get_queue_url(QueueName=name, QueueOwnerAWSAccountId=account)["QueueUrl"]


@dataclass(frozen=True)
class DeadLetter:
    """A message in the dead-letter queue: its id, group, receive count and the chunk it carries."""

    message_id: str
    group: str
    receive_count: int
    task_key: str
    first_index: int
    last_index: int
    out: str
    body: str = field(repr=False)

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> DeadLetter:
        """Parse a received message (an unreadable body is listed with key ``?``)."""
        attributes = message.get("Attributes", {})
        try:
            spec = ChunkMessage.model_validate_json(message["Body"]).chunk
            key, first, last, out = spec.task_key, spec.items[0].index, spec.items[-1].index, spec.out
        except ValueError:
            key, first, last, out = "?", -1, -1, "?"
        return cls(message_id=message["MessageId"], group=attributes.get("MessageGroupId", ""),
                   receive_count=int(attributes.get("ApproximateReceiveCount", 0)), task_key=key,
                   first_index=first, last_index=last, out=out, body=message["Body"])


def _drain(client: Any, queue_url: str, hold_seconds: int) -> list[tuple[dict[str, Any], DeadLetter]]:
    """Receive every message of ``queue_url`` once, keeping each invisible for ``hold_seconds``."""
    received: list[tuple[dict[str, Any], DeadLetter]] = []
    while True:
        batch = client.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1,
                                       VisibilityTimeout=hold_seconds,
                                       MessageSystemAttributeNames=["All"]).get("Messages", [])
        if not batch:
            return received
        received.extend((message, DeadLetter.from_message(message)) for message in batch)


def dead_letters(client: Any, dead_letter_url: str, hold_seconds: int = 30) -> list[DeadLetter]:
    """The messages of the dead-letter queue, left in it (made visible again after listing)."""
    received = _drain(client, dead_letter_url, hold_seconds)
    for message, _ in received:
        client.change_message_visibility(QueueUrl=dead_letter_url, ReceiptHandle=message["ReceiptHandle"],
                                         VisibilityTimeout=0)
    return [letter for _, letter in received]


def redrive(client: Any, queue_url: str, dead_letter_url: str, hold_seconds: int = 60) -> list[DeadLetter]:
    """Move every dead letter back to ``queue_url`` (same body and group, new deduplication id); return them."""
    moved = []
    for message, letter in _drain(client, dead_letter_url, hold_seconds):
        group = letter.group or f"{letter.task_key}.{letter.first_index}"  # a FIFO queue needs a group
        send_messages(client, queue_url, [(group, letter.body)])
        client.delete_message(QueueUrl=dead_letter_url, ReceiptHandle=message["ReceiptHandle"])
        moved.append(letter)
    return moved
