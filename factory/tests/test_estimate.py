"""`vbvr-factory estimate`: the projection arithmetic on hand-made costs, and the command on the test task."""

from __future__ import annotations

import math

import pytest
from factory_testkit import FAULTY_KEY, write_registry
from typer.testing import CliRunner
from vbvr_factory.cli import app
from vbvr_factory.estimate import CostModel, TaskCost, costs_from_run, project

COSTS = {"A": TaskCost("A", core_seconds_per_sample=1.0, bytes_per_sample=1e6, files_per_sample=5, measured_samples=2)}


def test_lambda_projection_bills_compute_puts_and_requests_per_chunk():
    model = CostModel()
    projection = project("lambda", {"A": 32}, COSTS, workers=2, chunk_size=16, model=model)
    billed = 32 * 1.0 + 32 * 5 * model.s3_put_seconds + 2 * model.lambda_overhead_seconds
    assert projection.chunks == 2
    assert math.isclose(projection.wall_hours, billed / 2 / 3600)
    assert math.isclose(projection.costs["lambda compute"], billed * 2.0 * model.lambda_gb_second)
    assert math.isclose(projection.costs["s3 puts"], 160 * model.s3_put)
    assert math.isclose(projection.costs["sqs requests"], 6 * model.sqs_fifo_request)
    assert math.isclose(projection.storage_gb, 0.032)
    wide = project("lambda", {"A": 32}, COSTS, workers=990, chunk_size=16, model=model)
    assert math.isclose(wide.wall_hours, projection.wall_hours), "no more parallelism than chunks"


def test_local_and_ray_projection_divide_core_seconds_by_workers():
    model = CostModel.with_overrides(["core_hour=2", "ray_overhead=0.5"])
    local = project("local", {"A": 7200}, COSTS, workers=4, model=model)
    ray = project("ray", {"A": 7200}, COSTS, workers=4, model=model)
    assert math.isclose(local.wall_hours, 0.5) and math.isclose(local.total_cost, 4 * 0.5 * 2)
    assert math.isclose(ray.wall_hours, 0.75)


def test_bad_price_overrides_name_the_fields():
    with pytest.raises(ValueError, match="lambda_gb_second"):
        CostModel.with_overrides(["lambda_gb=1"])
    with pytest.raises(ValueError, match="not a number"):
        CostModel.with_overrides(["s3_put=cheap"])


def test_costs_from_a_previous_run_json():
    run = {"tasks": {"A": {"cpu_seconds": 6.0, "written": 3, "bytes_written": 300}, "B": {"written": 0}}}
    costs = costs_from_run(run)
    assert list(costs) == ["A"] and costs["A"].core_seconds_per_sample == 2.0 and costs["A"].bytes_per_sample == 100


def test_estimate_command_measures_and_scales(tmp_path, faulty_in_process):
    registry = write_registry(tmp_path / "registry.yaml", [{"key": FAULTY_KEY, "count": 10, "split": "train"}])
    result = CliRunner().invoke(app, ["estimate", str(registry), "--executor", "lambda", "--total", "1000000",
                                      "--measure", "1", "--workers", "100"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "1,000,000 samples, executor lambda, 100 workers" in result.output
    assert "62,500" in result.output and "cost: total" in result.output and "wall time" in result.output
    refused = CliRunner().invoke(app, ["estimate", str(registry), "--executor", "spark"])
    assert refused.exit_code == 2 and "use one of local, ray, lambda" in refused.output
