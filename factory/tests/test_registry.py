"""registry.yaml: schema, presets, and errors that name the file, the line and the field (exit 2)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from factory_testkit import G15, G15_SMALL, write_registry
from typer.testing import CliRunner
from vbvr_factory.cli import app
from vbvr_factory.plan import build_plan
from vbvr_factory.registry import RegistryError, load_registry

REPO_REGISTRY = Path(__file__).resolve().parents[2] / "registry.yaml"

HEADER = "schema_version: 1\nseed: 5\n"
TASK = f"tasks:\n  - key: {G15}\n    count: 2\n"

# (name, registry text, expected line, text the message must contain)
MALFORMED = [
    ("yaml_syntax", "seed: 5\ntasks: [\n  - key: x\n", 3, "not valid registry YAML"),
    ("python_tag", HEADER + "tasks: !!python/object/apply:os.system ['echo pwned']\n", 3, "remove the tag"),
    ("not_a_mapping", "- just\n- a list\n", 1, "must be a mapping"),
    ("empty_file", "", 0, "must be a mapping"),
    ("missing_seed", "schema_version: 1\n" + TASK, 1, "seed: Field required"),
    ("negative_seed", "seed: -3\n" + TASK, 1, "seed: Input should be greater than or equal to 0"),
    ("quoted_seed", "seed: '5'\n" + TASK, 1, "seed: Input should be a valid integer"),
    ("tasks_not_list", HEADER + "tasks: {key: x}\n", 3, "tasks: Input should be a valid list"),
    ("no_tasks", HEADER + "tasks: []\n", 3, "tasks: List should have at least 1 item"),
    ("missing_count", HEADER + f"tasks:\n  - key: {G15}\n", 4, "tasks[0].count: Field required"),
    ("zero_count", HEADER + f"tasks:\n  - key: {G15}\n    count: 0\n", 5, "tasks[0].count: Input should be greater"),
    ("bad_split", HEADER + TASK + "    split: validation\n", 6, "tasks[0].split: Input should be 'train'"),
    ("escaping_key", HEADER + "tasks:\n  - key: ../../x\n    count: 1\n", 4, "tasks[0].key: invalid task key '../../x'"),
    ("unknown_field", HEADER + TASK + "    cuont: 3\n", 6, "tasks[0].cuont: Extra inputs are not permitted"),
    ("params_not_mapping", HEADER + TASK + "    params: [1, 2]\n", 6, "tasks[0].params: Input should be a valid dict"),
    ("bad_version", HEADER + TASK + "    version: 'at least 1'\n", 6, "is not a PEP 440 version requirement"),
    ("duplicate_yaml_key", HEADER + TASK + "    count: 3\n", 6, "this key appears twice"),
    ("task_listed_twice", HEADER + TASK + f"  - key: {G15}\n    count: 1\n", 6, "is listed twice"),
    ("preset_unknown_task", HEADER + TASK + "presets:\n  demo:\n    tasks: [O-1_missing_task]\n", 8,
     "presets.demo.tasks[0]: task 'O-1_missing_task' is not in the registry's tasks"),
    ("preset_bad_count", HEADER + TASK + "presets:\n  demo:\n    count: -1\n", 8, "presets.demo.count"),
    ("train_test_same_seed", HEADER + TASK + "presets:\n  test:\n    split: test-id\n", 8,
     "would repeat training samples"),
    ("schema_version", "schema_version: 2\nseed: 5\n" + TASK, 1, "schema_version: Input should be 1"),
]


@pytest.mark.parametrize("text,line,needle", [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED])
def test_malformed_registry_names_file_line_and_field(tmp_path, text, line, needle):
    path = tmp_path / "registry.yaml"
    path.write_text(text)
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    message = str(caught.value)
    assert needle in message
    assert f"{path}:{line}:" in message if line else f"{path}:" in message
    assert "Fix: " in message


# Problems that only the installed tasks can reveal: checked by build_plan.
PLAN_PROBLEMS = [
    ("unknown_task", [{"key": "G-999_no_such_task", "count": 1}], "task 'G-999_no_such_task' is not installed"),
    ("version_unmet", [{"key": G15, "count": 1, "version": ">=9"}], "needs version >=9, installed is"),
    ("param_unknown", [{"key": G15, "count": 1, "params": {"colour": 3}}], "params.colour: G-15_grid_avoid_obstacles "
     "parameter 'colour': Extra inputs"),
    ("param_out_of_bounds", [{"key": G15, "count": 1, "params": {"rows": 99}}], "parameter 'rows': Input should be less"),
]


@pytest.mark.parametrize("tasks,needle", [case[1:] for case in PLAN_PROBLEMS], ids=[case[0] for case in PLAN_PROBLEMS])
def test_plan_problems_name_the_task(tmp_path, tasks, needle):
    path = write_registry(tmp_path / "registry.yaml", tasks)
    with pytest.raises(RegistryError) as caught:
        build_plan(load_registry(path))
    assert needle in str(caught.value)
    assert f"{path}:1: tasks[0]." in str(caught.value)


def test_bad_preset_parameter_is_located_at_its_line(tmp_path):
    path = tmp_path / "registry.yaml"
    path.write_text(f"seed: 5\ntasks:\n  - key: {G15}\n    count: 2\npresets:\n  demo:\n    params: {{rows: 3}}\n")
    with pytest.raises(RegistryError) as caught:
        build_plan(load_registry(path), "demo")
    assert f"{path}:7: presets.demo.params.rows: {G15} parameter 'rows': Input should be greater" in str(caught.value)


def test_unknown_preset_lists_the_known_ones(tmp_path):
    path = write_registry(tmp_path / "registry.yaml", [{"key": G15, "count": 1}], presets={"demo": {"count": 1}})
    with pytest.raises(RegistryError, match="no preset named 'tran'.*use one of: demo"):
        build_plan(load_registry(path), "tran")


def test_presets_merge_count_split_and_params(tmp_path):
    path = tmp_path / "registry.yaml"
    path.write_text(textwrap.dedent(f"""\
        seed: 3
        tasks:
          - key: {G15}
            count: 100
            params: {{rows: 6}}
        presets:
          test:
            seed: 4
            count: 50
            params: {{cols: 5}}
            tasks: [{{key: {G15}, split: test-ood, params: {{rows: 5}}}}]
        """))
    loaded = load_registry(path)
    plan = build_plan(loaded, "test")
    assert plan.seed == 4
    assert [(task.count, task.split, task.params) for task in plan.tasks] == [(50, "test-ood", {"rows": 5, "cols": 5})]
    assert build_plan(loaded, "test", count=7).tasks[0].count == 7
    assert build_plan(loaded).tasks[0].count == 100
    assert loaded.registry.bench_domains("test") == {G15: "Out-of-Domain"}


def test_repository_registry_has_paper_shaped_presets():
    loaded = load_registry(REPO_REGISTRY)
    demo, train, test = (build_plan(loaded, name) for name in ("demo", "train", "test"))
    assert all(task.count <= 5 for task in demo.tasks)
    assert all(task.count == 10_000 and task.split == "train" for task in train.tasks)
    assert all(task.count == 50 and task.split in ("test-id", "test-ood") for task in test.tasks)
    assert loaded.registry.bench_domains()[G15] == "In-Domain"
    assert train.seed != test.seed


def invoke(*args: str):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def test_cli_unknown_task_exits_2_and_names_it(tmp_path):
    path = write_registry(tmp_path / "registry.yaml", [{"key": "G-999_no_such_task", "count": 1}])
    result = invoke("run", path, "--out", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 2
    assert "G-999_no_such_task" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_python_tag_executes_nothing(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "registry.yaml"
    path.write_text(f"seed: 1\ntasks: !!python/object/apply:os.system ['touch {marker}']\n")
    result = invoke("run", path, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "remove the tag" in result.output
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


def test_cli_escaping_key_exits_2_and_writes_nothing(tmp_path):
    path = write_registry(tmp_path / "registry.yaml", [{"key": "../../x", "count": 1, "params": G15_SMALL}])
    out = tmp_path / "a" / "b" / "out"
    result = invoke("run", path, "--out", out, "--workers", "1")
    assert result.exit_code == 2
    assert "invalid task key '../../x'" in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["registry.yaml"]


def test_cli_bad_layout_and_executor_exit_2(tmp_path):
    path = write_registry(tmp_path / "registry.yaml", [{"key": G15, "count": 1}])
    assert invoke("run", path, "--out", tmp_path / "o", "--layout", "flat").exit_code == 2
    result = invoke("run", path, "--out", tmp_path / "o", "--executor", "spark")
    assert result.exit_code == 2 and "unknown executor 'spark'" in result.output
    assert not (tmp_path / "o").exists()
