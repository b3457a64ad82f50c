"""`--out s3://bucket/prefix` against a moto S3 server on loopback: every sample lands, bytes equal a local run."""

from __future__ import annotations

import hashlib
import json

import boto3
from factory_testkit import FAULTY_KEY, G15, G15_SMALL, write_registry
from typer.testing import CliRunner
from vbvr_core.testing.helpers import folder_digest
from vbvr_factory.cli import app

BUCKET = "vbvr-data"
PREFIX = "runs/demo"


def s3_objects(endpoint: str) -> dict[str, bytes]:
    client = boto3.client("s3", endpoint_url=endpoint)
    keys = [entry["Key"] for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=PREFIX)
            for entry in page.get("Contents", [])]
    return {key.removeprefix(PREFIX + "/"): client.get_object(Bucket=BUCKET, Key=key)["Body"].read() for key in keys}


def tree_digest(files: dict[str, bytes], folder: str) -> str:
    """The digest folder_digest would give for the files under ``folder``."""
    digest = hashlib.sha256()
    for name in sorted(name for name in files if name.startswith(folder + "/")):
        digest.update(name.removeprefix(folder + "/").encode())
        digest.update(files[name])
    return digest.hexdigest()


def test_s3_output_holds_every_sample_byte_identical_to_a_local_run(tmp_path, factory, moto_s3, faulty_in_process):
    boto3.client("s3", endpoint_url=moto_s3).create_bucket(Bucket=BUCKET)
    registry = write_registry(tmp_path / "registry.yaml", [
        {"key": FAULTY_KEY, "count": 5, "split": "train", "params": {"variety": 8}},
        {"key": G15, "count": 1, "split": "train", "params": G15_SMALL},
    ])
    url = f"s3://{BUCKET}/{PREFIX}"
    factory("run", registry, "--out", url, "--workers", "2")
    local = tmp_path / "local"
    factory("run", registry, "--out", local, "--workers", "1")
    files = s3_objects(moto_s3)
    manifest = [json.loads(line) for line in files["manifest.jsonl"].decode().splitlines()]
    assert len(manifest) == 6
    for line in manifest:
        record = json.loads(files[f"{line['path']}/metadata.json"])
        for digest in record["files"]:
            assert hashlib.sha256(files[f"{line['path']}/{digest['name']}"]).hexdigest() == digest["sha256"]
    for key in (FAULTY_KEY, G15):
        assert tree_digest(files, key) == folder_digest(local / key)
    assert files["manifest.jsonl"] == (local / "manifest.jsonl").read_bytes()
    assert not [name for name in files if "partial" in name or name.startswith(".")]
    verified = CliRunner().invoke(app, ["verify", url])
    assert verified.exit_code == 0 and "6 samples checked: 6 intact" in verified.output
    status = CliRunner().invoke(app, ["status", url], env={"COLUMNS": "200"})
    assert status.exit_code == 0 and FAULTY_KEY in status.output
    factory("run", registry, "--out", url, "--workers", "2", "--resume")
    assert json.loads(s3_objects(moto_s3)["run.json"])["tasks"][FAULTY_KEY]["kept"] == 5


def test_missing_bucket_exits_2_before_any_work(tmp_path, moto_s3):
    registry = write_registry(tmp_path / "registry.yaml", [{"key": G15, "count": 1, "params": G15_SMALL}])
    result = CliRunner().invoke(app, ["run", str(registry), "--out", "s3://no-such-bucket/x", "--workers", "1"])
    assert result.exit_code == 2
    assert "the bucket 'no-such-bucket' does not exist" in result.output
