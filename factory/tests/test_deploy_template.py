"""deploy/aws/template.yaml: cfn-lint clean, and the privacy and least-privilege promises of the README hold."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "aws" / "template.yaml"


class CloudFormationLoader(yaml.SafeLoader):
    """Safe YAML plus CloudFormation's short tags: ``!Ref X`` → ``{"Ref": X}``, ``!Sub s`` → ``{"Fn::Sub": s}``."""


def _intrinsic(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> dict:
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if tag == "Ref":
        return {"Ref": value}
    if tag == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{tag}": value}


CloudFormationLoader.add_multi_constructor("!", _intrinsic)


@pytest.fixture(scope="module")
def resources() -> dict:
    return yaml.load(TEMPLATE.read_text(), Loader=CloudFormationLoader)["Resources"]


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def test_cfn_lint_passes():
    lint = subprocess.run([str(Path(sys.executable).with_name("cfn-lint")), str(TEMPLATE)], capture_output=True,
                          text=True, timeout=120)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_bucket_is_private_and_encrypted_at_rest(resources):
    bucket = resources["SamplesBucket"]["Properties"]
    assert bucket["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True, "RestrictPublicBuckets": True}
    rules = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rules and all(rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("aws:kms", "AES256")
                         for rule in rules)
    assert resources["SamplesBucket"]["DeletionPolicy"] == "Retain"


def test_bucket_policy_denies_every_request_without_tls(resources):
    policy = resources["SamplesBucketPolicy"]["Properties"]
    assert policy["Bucket"] == {"Ref": "SamplesBucket"}
    denials = [statement for statement in policy["PolicyDocument"]["Statement"]
               if statement["Effect"] == "Deny" and statement["Principal"] == "*" and statement["Action"] == "s3:*"
               and statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}]
    assert len(denials) == 1
    covered = as_list(denials[0]["Resource"])
    assert {"Fn::GetAtt": ["SamplesBucket", "Arn"]} in covered and {"Fn::Sub": "${SamplesBucket.Arn}/*"} in covered


def test_queues_are_encrypted_fifo_with_a_dead_letter_queue(resources):
    work, dead = resources["WorkQueue"]["Properties"], resources["DeadLetterQueue"]["Properties"]
    assert work["FifoQueue"] and dead["FifoQueue"] and work["SqsManagedSseEnabled"] and dead["SqsManagedSseEnabled"]
    assert work["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": ["DeadLetterQueue", "Arn"]}
    assert work["VisibilityTimeout"] >= resources["Worker"]["Properties"]["Timeout"], "SQS needs ≥ the Lambda timeout"


def test_worker_role_touches_only_its_queue_prefix_and_logs(resources):
    role = resources["WorkerRole"]["Properties"]
    assert "ManagedPolicyArns" not in role
    prefix_objects = {"Fn::Sub": "${SamplesBucket.Arn}/${OutputPrefix}/*"}
    allowed = {
        "sqs": {"Fn::GetAtt": ["WorkQueue", "Arn"]},
        "s3-object": prefix_objects,
        "logs": {"Fn::GetAtt": ["WorkerLogGroup", "Arn"]},
    }
    statements = [statement for policy in role["Policies"] for statement in policy["PolicyDocument"]["Statement"]]
    for statement in statements:
        actions, targets = as_list(statement["Action"]), as_list(statement["Resource"])
        assert statement["Effect"] == "Allow" and not [action for action in actions if "*" in action]
        service = actions[0].split(":")[0]
        assert all(action.split(":")[0] == service for action in actions)
        if actions == ["s3:ListBucket"]:
            assert targets == [{"Fn::GetAtt": ["SamplesBucket", "Arn"]}]
            assert statement["Condition"] == {"StringLike": {"s3:prefix": [{"Fn::Sub": "${OutputPrefix}/*"}]}}
        else:
            assert targets == [allowed["s3-object" if service == "s3" else service]], statement
    granted = {action for statement in statements for action in as_list(statement["Action"])}
    assert {"sqs:ReceiveMessage", "sqs:DeleteMessage", "s3:PutObject", "s3:GetObject"} <= granted


def test_lambda_uses_that_role_reports_batch_failures_and_writes_to_the_prefix(resources):
    worker = resources["Worker"]["Properties"]
    assert worker["Role"] == {"Fn::GetAtt": ["WorkerRole", "Arn"]} and "Policies" not in worker
    assert worker["PackageType"] == "Image"
    assert worker["Environment"]["Variables"]["VBVR_OUTPUT"] == {"Fn::Sub": "s3://${SamplesBucket}/${OutputPrefix}"}
    source = worker["Events"]["Chunks"]["Properties"]
    assert source["Queue"] == {"Fn::GetAtt": ["WorkQueue", "Arn"]}
    assert source["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    alarms = [name for name, resource in resources.items() if resource["Type"] == "AWS::CloudWatch::Alarm"]
    assert "DeadLettersAlarm" in alarms and all(resources[name]["Properties"]["AlarmActions"] for name in alarms)


def test_lambda_image_runs_the_serverless_handler():
    dockerfile = (TEMPLATE.parent / "Dockerfile").read_text()
    assert 'CMD ["vbvr_factory.serverless.handler"]' in dockerfile
    from vbvr_factory.serverless import handler

    assert handler({"Records": []}) == {"batchItemFailures": []}
