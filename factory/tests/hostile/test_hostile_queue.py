"""The serverless commands without a configured AWS region: the queue URL's region is used, or a clear error."""

from __future__ import annotations

import json
import urllib.request

import boto3
from hostile_kit import invoke, refused
from vbvr_factory.sqs import region_of, sqs_client

AWS_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/vbvr-work.fifo"


def no_region(monkeypatch, tmp_path):
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))


def test_region_is_read_from_the_queue_url():
    assert region_of(AWS_URL) == "eu-west-1"
    assert region_of("https://ap-south-1.queue.amazonaws.com/1/q") == "ap-south-1"
    assert region_of("http://127.0.0.1:9324/000000000000/q.fifo") is None


def test_client_without_a_configured_region_uses_the_urls(monkeypatch, tmp_path):
    no_region(monkeypatch, tmp_path)
    assert sqs_client(AWS_URL).meta.region_name == "eu-west-1"


def test_dlq_without_region_finds_the_queue_through_the_urls_region(moto_s3, monkeypatch, tmp_path):
    sqs = boto3.client("sqs", endpoint_url=moto_s3, region_name="eu-west-1")
    dead = sqs.create_queue(QueueName="vbvr-dead.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sqs.create_queue(QueueName="vbvr-work.fifo", Attributes={
        "FifoQueue": "true", "RedrivePolicy": json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 2})})
    no_region(monkeypatch, tmp_path)
    try:
        result = invoke("dlq", "--queue-url", AWS_URL)
    finally:  # moto keeps its state per process, across servers
        urllib.request.urlopen(urllib.request.Request(f"{moto_s3}/moto-api/reset", method="POST"), timeout=10).close()
    assert result.exit_code == 0, result.output
    assert "0 dead letter(s)" in result.output


def test_submit_and_dlq_without_any_region_say_how_to_set_one(monkeypatch, tmp_path):
    no_region(monkeypatch, tmp_path)
    local_url = "http://127.0.0.1:9/000000000000/q.fifo"
    (tmp_path / "registry.yaml").write_text("seed: 1\ntasks: [{key: G-15_grid_avoid_obstacles, count: 1}]\n")
    for command in (["dlq", "--queue-url", local_url],
                    ["submit", tmp_path / "registry.yaml", "--queue-url", local_url, "--out", tmp_path / "out"]):
        refused(invoke(*command), "no AWS region", "set AWS_REGION")
    assert not (tmp_path / "out").exists()
