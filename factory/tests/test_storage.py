"""Output-root paths: nothing resolves outside the root; single files are replaced atomically."""

from __future__ import annotations

import os

import pytest
from vbvr_core.contract.keys import InvalidTaskKey
from vbvr_factory.layout import sample_dir
from vbvr_factory.storage import OutputRoot, UnsafePathError, parse_storage_options


@pytest.mark.parametrize("relative", ["../x", "a/../../x", "/etc/passwd", "a//b", ".hidden/x", "a\\b", "", "a/./b"])
def test_paths_that_could_escape_the_root_are_refused(tmp_path, relative):
    with pytest.raises(UnsafePathError):
        OutputRoot(str(tmp_path / "out")).resolve(relative)


def test_a_symlink_pointing_outside_the_root_is_refused(tmp_path):
    root = tmp_path / "out"
    root.mkdir()
    os.symlink(tmp_path, root / "link")
    with pytest.raises(UnsafePathError, match="outside the output root"):
        OutputRoot(str(root)).resolve("link/x")


def test_sample_folders_are_built_from_validated_keys_only():
    assert sample_dir("vbvr", "G-15_grid_avoid_obstacles", "train", 12) == "G-15_grid_avoid_obstacles/00000012"
    assert sample_dir("vbvr-bench", "G-15_grid_avoid_obstacles", "test-ood", 3) == (
        "Out-of-Domain_50/G-15_grid_avoid_obstacles_data-generator/00003")
    # The benchmark spells O-25 with capitals; the key never has them, the bench folder does.
    assert sample_dir("vbvr-bench", "O-25_lego_construction_assembly", "test-id", 0) == (
        "In-Domain_50/O-25_LEGO_construction_assembly_data-generator/00000")
    with pytest.raises(InvalidTaskKey):
        sample_dir("vbvr", "../../x", "train", 0)


def test_write_bytes_replaces_whole_files_and_leaves_no_temp_files(tmp_path):
    root = OutputRoot(str(tmp_path))
    root.write_bytes("run.json", b"old")
    root.write_bytes("run.json", b"new")
    assert root.read_bytes("run.json") == b"new"
    assert [path.name for path in tmp_path.iterdir()] == ["run.json"]
    assert root.read_bytes("absent.json") is None


def test_storage_options_parse_booleans_and_refuse_bare_names():
    assert parse_storage_options(["endpoint_url=http://127.0.0.1:9000", "anon=false"]) == {
        "endpoint_url": "http://127.0.0.1:9000", "anon": False}
    with pytest.raises(ValueError, match="NAME=VALUE"):
        parse_storage_options(["anon"])
