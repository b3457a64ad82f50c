"""Release rules: version bumps are enforced; built wheels and git installs carry the right commit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import git
import pytest
from vbvr_core.release.build import build_package
from vbvr_core.release.index import write_simple_index
from vbvr_core.release.packages import find_package
from vbvr_core.release.versions import check_version_bumps

REPO_ROOT = Path(__file__).resolve().parents[2]
G15 = "generators/G-15_grid_avoid_obstacles"

PYPROJECT = """[project]
name = "vbvr-o900-demo"
version = "{version}"
"""


@pytest.fixture
def small_repo(tmp_path):
    """A git repository with one task package, committed."""
    repo = git.Repo.init(tmp_path)
    repo.config_writer().set_value("user", "name", "t").set_value("user", "email", "t@example.com").release()
    package = tmp_path / "generators" / "O-900_demo"
    (package / "src" / "vbvr_o900_demo").mkdir(parents=True)
    (package / "tests").mkdir()
    (package / "pyproject.toml").write_text(PYPROJECT.format(version="0.1.0"))
    (package / "src" / "vbvr_o900_demo" / "__init__.py").write_text("")
    (package / "src" / "vbvr_o900_demo" / "generator.py").write_text("SIDE = 5\n")
    (package / "tests" / "test_demo.py").write_text("def test_x():\n    assert 1 + 1 == 2\n")
    repo.git.add(A=True)
    repo.index.commit("demo 0.1.0")
    return tmp_path, package


def test_code_change_without_a_version_bump_fails_naming_the_package(small_repo):
    root, package = small_repo
    (package / "src" / "vbvr_o900_demo" / "generator.py").write_text("SIDE = 6\n")
    problems = check_version_bumps(root, "HEAD")
    assert len(problems) == 1
    assert "vbvr-o900-demo" in problems[0] and "generator.py" in problems[0] and "bump" in problems[0]


def test_a_bumped_version_passes(small_repo):
    root, package = small_repo
    (package / "src" / "vbvr_o900_demo" / "generator.py").write_text("SIDE = 6\n")
    (package / "pyproject.toml").write_text(PYPROJECT.format(version="0.1.1"))
    assert check_version_bumps(root, "HEAD") == []


def test_test_only_and_new_files_rules(small_repo):
    root, package = small_repo
    (package / "tests" / "test_demo.py").write_text("def test_x():\n    assert 2 + 2 == 4\n")
    assert check_version_bumps(root, "HEAD") == []
    (package / "src" / "vbvr_o900_demo" / "extra.py").write_text("X = 1\n")  # untracked code counts
    assert len(check_version_bumps(root, "HEAD")) == 1


def test_cli_check_exits_1_on_a_missing_bump(small_repo):
    root, package = small_repo
    (package / "src" / "vbvr_o900_demo" / "generator.py").write_text("SIDE = 7\n")
    finished = subprocess.run([sys.executable, "-m", "vbvr_core", "release", "check", "--since", "HEAD",
                               "--root", str(root)], capture_output=True, text=True)
    assert finished.returncode == 1 and "vbvr-o900-demo" in finished.stderr


def _checkout_facts(folder: str) -> tuple[str, bool]:
    repo = git.Repo(REPO_ROOT)
    commit = repo.git.log("-1", "--format=%H", "--", folder)
    dirty = bool(repo.git.status("--porcelain", "--", folder).strip())
    return commit, dirty


def _fresh_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(path)
    return path / "bin"


def _generate_one(bin_dir: Path, work: Path) -> dict:
    """The package facts of a sample made in that environment, with the commit source `vbvr list` reports."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(bin_dir / "vbvr"), "generate", "G-15_grid_avoid_obstacles", "--out", str(work / "out")],
                   check=True, cwd=work, env=env, capture_output=True)
    record = json.loads((work / "out" / "G-15_grid_avoid_obstacles" / "00000000" / "metadata.json").read_text())
    assert "commit_source" not in record["package"], "how a package is installed must not change a sample's bytes"
    listed = subprocess.run([str(bin_dir / "vbvr"), "list", "--json", "--commits"], check=True, cwd=work, env=env,
                            capture_output=True, text=True).stdout
    row = next(row for row in json.loads(listed) if row["key"] == "G-15_grid_avoid_obstacles")
    return {**record["package"], "commit_source": row["commit_source"]}


needs_checkout = pytest.mark.skipif(not (REPO_ROOT / ".git").exists() or not (REPO_ROOT / G15).is_dir(),
                                    reason="needs the repository checkout with G-15")


@needs_checkout
def test_wheel_from_the_simple_index_records_the_folder_commit(tmp_path):
    dist = tmp_path / "dist"
    for name in ("vbvr-core", "G-15_grid_avoid_obstacles"):
        build_package(REPO_ROOT, find_package(REPO_ROOT, name), dist)
    simple = write_simple_index(dist)
    bin_dir = _fresh_venv(tmp_path / "venv")
    subprocess.run([str(bin_dir / "pip"), "install", "-q", "--extra-index-url", f"file://{simple}",
                    "vbvr-g15-grid-avoid-obstacles"], check=True, cwd=tmp_path, capture_output=True)
    package = _generate_one(bin_dir, tmp_path)
    commit, dirty = _checkout_facts(G15)
    assert package["commit_source"] == "baked"
    version = find_package(REPO_ROOT, G15).version
    assert (package["commit"], package["dirty"], package["version"]) == (commit, dirty, version)


@needs_checkout
def test_git_install_records_the_requested_commit(tmp_path):
    head = git.Repo(REPO_ROOT).head.commit.hexsha
    url = f"git+file://{REPO_ROOT}@{head}"
    bin_dir = _fresh_venv(tmp_path / "venv")
    # pip < 24 rejects git+file:/// URLs in "name @ url" requirements; users need a current pip too.
    subprocess.run([str(bin_dir / "pip"), "install", "-q", "--upgrade", "pip"], check=True, capture_output=True)
    subprocess.run([str(bin_dir / "pip"), "install", "-q",
                    f"vbvr-core @ {url}#subdirectory=vbvr-core",
                    f"vbvr-g15-grid-avoid-obstacles @ {url}#subdirectory={G15}"],
                   check=True, cwd=tmp_path, capture_output=True)
    package = _generate_one(bin_dir, tmp_path)
    assert (package["commit_source"], package["commit"], package["dirty"]) == ("direct_url", head, False)


def test_checkout_install_records_the_folder_commit():
    from importlib import metadata

    from vbvr_core.pipeline.provenance import package_facts

    try:
        metadata.distribution("vbvr-g15-grid-avoid-obstacles")
    except metadata.PackageNotFoundError:
        pytest.skip("G-15 is not installed from this checkout")
    package_facts.cache_clear()
    facts = package_facts("vbvr-g15-grid-avoid-obstacles", "vbvr_g15_grid_avoid_obstacles")
    if facts.commit_source != "checkout":
        pytest.skip(f"G-15 is installed from {facts.commit_source}, not from this checkout")
    assert (facts.commit, facts.dirty) == _checkout_facts(G15)
