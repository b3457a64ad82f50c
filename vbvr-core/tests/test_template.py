"""The cookiecutter template: its hook refuses bad answers; what it generates lints, installs, lists and passes review."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cookiecutter.exceptions import FailedHookException
from cookiecutter.main import cookiecutter

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "generator-template"
GOOD = {"task_id": "O-900", "task_name": "demo_task", "category": "perception"}


@pytest.mark.parametrize("field, value, message", [
    ("task_id", "X-12", "task_id 'X-12' is malformed"),
    ("task_id", "O-1234", "task_id 'O-1234' is malformed"),
    ("task_name", "Demo-Task", "task_name 'Demo-Task' is malformed"),
    ("category", "vision", "category 'vision' is not one of: perception, transformation"),
])
def test_hook_refuses_malformed_answers_and_writes_nothing(tmp_path, capfd, field, value, message):
    with pytest.raises(FailedHookException):
        cookiecutter(str(TEMPLATE), no_input=True, extra_context={**GOOD, field: value}, output_dir=str(tmp_path))
    assert message in capfd.readouterr().err
    assert not any(tmp_path.iterdir())


def run(command: list[str], cwd: Path, site: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The demo package generated with the issue's command."""
    out = tmp_path_factory.mktemp("generated")
    return Path(cookiecutter(str(TEMPLATE), no_input=True, extra_context=GOOD, output_dir=str(out)))


@pytest.fixture(scope="module")
def site(project):
    """A folder the generated package is pip-installed into (put it on PYTHONPATH to use it)."""
    site = project.parent / "site"
    installed = run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                     "--target", str(site), str(project)], cwd=project.parent)
    assert installed.returncode == 0, installed.stderr
    assert list(site.glob("vbvr_o900_demo_task-0.1.0.dist-info"))
    return site


def test_generated_package_has_the_promised_files(project):
    assert project.name == "O-900_demo_task"
    for relative in ("pyproject.toml", "README.md", "src/vbvr_o900_demo_task/generator.py",
                     "src/vbvr_o900_demo_task/scorer.py", "src/vbvr_o900_demo_task/plugin.py",
                     "tests/test_demo_task.py", "CHANGELOG.md"):
        assert (project / relative).is_file(), relative
    pyproject = (project / "pyproject.toml").read_text()
    assert 'name = "vbvr-o900-demo-task"' in pyproject and 'O-900_demo_task = "vbvr_o900_demo_task.plugin:TASK"' in pyproject
    assert "| `dot_radius` | 12 – 32 |" in (project / "README.md").read_text()


def test_generated_code_passes_the_project_lint(project):
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed")
    for command in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        linted = run([ruff, *command, "--config", str(REPO / "ruff.toml"), str(project)], cwd=project.parent)
        assert linted.returncode == 0, linted.stdout + linted.stderr


def vbvr_command() -> list[str]:
    script = Path(sys.executable).parent / "vbvr"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from vbvr_core.cli.app import app; app()"]


def test_installed_package_is_listed_and_passes_review(project, site):
    listed = run([*vbvr_command(), "list", "--json"], cwd=project.parent, site=site)
    assert '"key": "O-900_demo_task"' in listed.stdout, listed.stderr
    reviewed = run([*vbvr_command(), "review", "O-900_demo_task", "--count", "2", "--draws", "400", "--json"],
                   cwd=project.parent, site=site)
    assert reviewed.returncode == 0, reviewed.stdout[-3000:] + reviewed.stderr[-2000:]
    assert '"fail": 0' in reviewed.stdout


@pytest.mark.slow
def test_generated_tests_pass(project, site):
    tested = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=project, site=site)
    assert tested.returncode == 0, tested.stdout[-3000:]


@pytest.mark.slow
def test_release_build_bakes_the_commit_into_the_generated_package(tmp_path):
    import json
    import zipfile

    import git
    from vbvr_core.release.build import build_package
    from vbvr_core.release.packages import read_package

    repo = git.Repo.init(tmp_path / "repo")
    cookiecutter(str(TEMPLATE), no_input=True, extra_context=GOOD, output_dir=str(tmp_path / "repo" / "generators"))
    repo.git.add("-A")
    repo.git.commit("-q", "-m", "add O-900", env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                                                  "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})
    root = Path(repo.working_tree_dir)
    built = build_package(root, read_package(root, "generators/O-900_demo_task"), tmp_path / "dist")
    wheel = next(path for path in built if path.suffix == ".whl")
    baked = json.loads(zipfile.ZipFile(wheel).read("vbvr_o900_demo_task/_build_info.json"))
    assert baked["commit"] == repo.head.commit.hexsha and baked["dirty"] is False
