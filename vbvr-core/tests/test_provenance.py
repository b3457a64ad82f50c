"""Provenance: baked build info wins, then pip's direct_url.json, then the checkout's last commit."""

from __future__ import annotations

import json
import sys

import git
import pytest
from vbvr_core.pipeline import provenance
from vbvr_core.testing.helpers import forget_plugins


@pytest.fixture
def checkout(tmp_path):
    """A git checkout with a package folder pkgs/demo and an unrelated folder other/."""
    repo = git.Repo.init(tmp_path / "repo")
    repo.config_writer().set_value("user", "name", "t").set_value("user", "email", "t@example.com").release()
    package = tmp_path / "repo" / "pkgs" / "demo"
    package.mkdir(parents=True)
    (package / "pyproject.toml").write_text("[project]\nname='demo'\n")
    repo.index.add([str(package / "pyproject.toml")])
    first = repo.index.commit("add demo").hexsha
    other = tmp_path / "repo" / "other"
    other.mkdir()
    (other / "x.txt").write_text("x")
    repo.index.add([str(other / "x.txt")])
    repo.index.commit("unrelated")
    return repo, package, first


def test_checkout_commit_is_the_last_commit_touching_the_folder(checkout):
    repo, package, first = checkout
    assert provenance.checkout_commit(package) == (first, False)
    assert repo.head.commit.hexsha != first


def test_uncommitted_change_in_the_folder_marks_it_dirty(checkout):
    _, package, first = checkout
    (package / "new.py").write_text("x = 1\n")
    assert provenance.checkout_commit(package) == (first, True)


def test_folder_outside_a_checkout_has_no_commit(tmp_path):
    assert provenance.checkout_commit(tmp_path) is None


def _fake_dist(root, name, import_name, direct_url=None, baked=None):
    package = root / import_name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    if baked:
        (package / provenance.BUILD_INFO_FILE).write_text(json.dumps(baked))
    info = root / f"{name.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n")
    if direct_url:
        (info / "direct_url.json").write_text(json.dumps(direct_url))


@pytest.mark.parametrize("direct_url, baked, expected", [
    (None, {"commit": "a" * 40, "dirty": False}, ("a" * 40, False, "baked")),
    ({"url": "https://example.com/r.git", "vcs_info": {"vcs": "git", "commit_id": "b" * 40}},
     {"commit": "a" * 40, "dirty": True}, ("a" * 40, True, "baked")),
    ({"url": "https://example.com/r.git", "vcs_info": {"vcs": "git", "commit_id": "b" * 40}}, None,
     ("b" * 40, False, "direct_url")),
    ({"url": "file:///tmp/x", "dir_info": {"editable": True}}, None, (None, None, "unknown")),
])
def test_resolution_order(tmp_path, direct_url, baked, expected):
    name = f"vbvr-prov-{abs(hash((str(direct_url), str(baked)))) % 10**8}"
    import_name = name.replace("-", "_")
    _fake_dist(tmp_path, name, import_name, direct_url, baked)
    sys.path.insert(0, str(tmp_path))
    forget_plugins()
    try:
        facts = provenance.package_facts(name, import_name)
    finally:
        sys.path.remove(str(tmp_path))
    assert (facts.commit, facts.dirty, facts.commit_source) == expected
    assert facts.version == "1.2.3"
