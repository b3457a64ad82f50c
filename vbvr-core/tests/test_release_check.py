"""`vbvr release check` on hostile input and on this repository; samples do not depend on how a package is installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import git
import pytest
from vbvr_core.contract import PackageFacts
from vbvr_core.discovery import get_task
from vbvr_core.pipeline.produce import draw, save_drawn
from vbvr_core.release.versions import BASELINE_FILE, ReleaseCheckError, check_version_bumps

REPO_ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = '[project]\nname = "vbvr-o900-demo"\nversion = "{version}"\n'


@pytest.fixture
def small_repo(tmp_path):
    """A git repository with one task package at 0.1.0, committed; returns (root, package folder, first commit)."""
    repo = git.Repo.init(tmp_path)
    repo.config_writer().set_value("user", "name", "t").set_value("user", "email", "t@example.com").release()
    package = tmp_path / "generators" / "O-900_demo"
    (package / "src" / "vbvr_o900_demo").mkdir(parents=True)
    (package / "pyproject.toml").write_text(PYPROJECT.format(version="0.1.0"))
    (package / "src" / "vbvr_o900_demo" / "__init__.py").write_text("")
    (package / "src" / "vbvr_o900_demo" / "generator.py").write_text("SIDE = 5\n")
    repo.git.add(A=True)
    return tmp_path, package, repo.index.commit("demo 0.1.0").hexsha


def release_check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vbvr_core", "release", "check", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def one_paragraph(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    return " ".join(stderr.split())


def test_outside_a_git_repository_exits_2_with_the_fix(tmp_path):
    done = release_check("--since", "HEAD", "--root", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2
    assert "is not the root of a git repository" in one_paragraph(done.stderr)


@pytest.mark.parametrize("revision", ["no-such-branch", "0" * 40, "HEAD~50", "--output=written-by-git"])
def test_an_unknown_revision_exits_2_and_writes_nothing(small_repo, revision):
    root, _, _ = small_repo
    before = sorted(path.name for path in root.iterdir())
    done = release_check(f"--since={revision}", "--root", str(root), cwd=root)
    assert done.returncode == 2, done.stderr
    assert "is not a commit of the repository" in one_paragraph(done.stderr)
    assert sorted(path.name for path in root.iterdir()) == before


def test_the_default_baseline_is_the_recorded_release(small_repo):
    root, package, released = small_repo
    with pytest.raises(ReleaseCheckError, match=BASELINE_FILE):
        check_version_bumps(root)
    (root / BASELINE_FILE).write_text(f'commit = "{released}"\n')
    (package / "src" / "vbvr_o900_demo" / "generator.py").write_text("SIDE = 6\n")
    assert len(check_version_bumps(root)) == 1
    (package / "pyproject.toml").write_text(PYPROJECT.format(version="0.1.1"))
    repo = git.Repo(root)
    repo.git.add(A=True)
    repo.index.commit("demo 0.1.1")
    (package / "src" / "vbvr_o900_demo" / "generator.py").write_text("SIDE = 7\n")  # changed again after the bump
    assert check_version_bumps(root) == [], "a package bumped once since the release needs no second bump"


def test_a_baseline_file_without_a_commit_is_refused(small_repo):
    root, _, _ = small_repo
    (root / BASELINE_FILE).write_text("commit = \n")
    done = release_check("--root", str(root), cwd=root)
    assert done.returncode == 2 and BASELINE_FILE in one_paragraph(done.stderr)


@pytest.mark.skipif(not (REPO_ROOT / ".git").exists(), reason="needs the repository checkout")
def test_this_repository_passes_its_own_release_check():
    done = release_check("--root", str(REPO_ROOT), cwd=REPO_ROOT)
    assert done.returncode == 0, done.stderr


def test_a_wheel_made_and_a_checkout_made_sample_are_byte_identical(tmp_path):
    registration = get_task("G-15_grid_avoid_obstacles")
    drawn = draw(registration, 11, params={"rows": 5, "cols": 5, "frames_per_step": 4, "difficulty": 0})
    folders = {}
    for source in ("baked", "checkout"):
        package = PackageFacts(dist="vbvr-g15-grid-avoid-obstacles", version="0.2.0", commit="a" * 40, dirty=False,
                               commit_source=source)
        folders[source] = tmp_path / source
        save_drawn(drawn, registration, folders[source], package=package)
    files = {source: {path.name: path.read_bytes() for path in sorted(folder.iterdir())}
             for source, folder in folders.items()}
    assert files["baked"].keys() == files["checkout"].keys() and "metadata.json" in files["baked"]
    assert files["baked"] == files["checkout"]
