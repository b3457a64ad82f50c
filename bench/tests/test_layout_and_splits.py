"""Finding samples and videos in both layouts; splits from a registry, metadata, folders, the catalogue."""

from __future__ import annotations

import pytest
from vbvr_benchmark.layout import find_samples, find_videos, folder_key
from vbvr_benchmark.splits import (
    IN_DOMAIN,
    OUT_OF_DOMAIN,
    UNKNOWN,
    RegistryReadError,
    registry_splits,
    resolve_category,
    resolve_split,
)

KEY = "G-15_grid_avoid_obstacles"


@pytest.mark.parametrize(("name", "key"), [
    ("G-15_grid_avoid_obstacles", "G-15_grid_avoid_obstacles"),
    ("G-15_grid_avoid_obstacles_data-generator", "G-15_grid_avoid_obstacles"),
    ("O-25_LEGO_construction_assembly_data-generator", "O-25_lego_construction_assembly"),
    ("In-Domain_50", None),
    ("..", None),
    ("G-15_grid/../../etc", None),
    ("notes", None),
])
def test_folder_names_map_to_task_keys_or_nothing(name, key):
    assert folder_key(name) == key


def test_samples_are_found_in_both_layouts(samples, official_samples):
    ours = find_samples(samples)
    official = find_samples(official_samples)
    assert [(e.key, e.index, e.layout) for e in ours] == [(KEY, i, "vbvr") for i in range(3)]
    assert [(e.key, e.index, e.layout, e.folder_split) for e in official] == [
        (KEY, i, "official", IN_DOMAIN) for i in range(3)]
    assert all(e.has_metadata for e in ours) and not any(e.has_metadata for e in official)


def test_video_indices_match_by_value_in_every_accepted_form(tmp_path):
    task = tmp_path / KEY
    (task / "5").mkdir(parents=True)
    (task / "5" / "video.mp4").write_bytes(b"x")
    for name in ("0.mp4", "00000001.mp4", "00002.mp4", "notes.txt", "clip.mp4"):
        (task / name).write_bytes(b"x")
    official = tmp_path / "Out-of-Domain_50" / "O-9_shape_scaling_data-generator"
    official.mkdir(parents=True)
    (official / "00003.mp4").write_bytes(b"x")
    videos = find_videos(tmp_path)
    assert sorted(videos) == [(KEY, 0), (KEY, 1), (KEY, 2), (KEY, 5), ("O-9_shape_scaling", 3)]
    assert videos[(KEY, 5)].name == "video.mp4"


def test_registry_splits_map_train_and_test_id_in_domain(tmp_path):
    registry = tmp_path / "registry.yaml"
    registry.write_text(
        "seed: 1\n"
        "tasks:\n"
        "  - {key: G-15_grid_avoid_obstacles, count: 3, split: train}\n"
        "  - {key: O-9_shape_scaling, count: 3, split: test-ood}\n"
        "  - {key: O-53_clock, count: 3}\n"
        "presets:\n"
        "  bench: {split: test-id, tasks: [O-53_clock, {key: O-9_shape_scaling, split: test-ood}]}\n",
        encoding="utf-8")
    assert registry_splits(registry) == {KEY: IN_DOMAIN, "O-9_shape_scaling": OUT_OF_DOMAIN, "O-53_clock": IN_DOMAIN}
    assert registry_splits(registry, "bench") == {"O-53_clock": IN_DOMAIN, "O-9_shape_scaling": OUT_OF_DOMAIN}
    with pytest.raises(RegistryReadError, match="no preset 'nope'"):
        registry_splits(registry, "nope")


def test_registry_with_a_bad_split_or_key_is_refused_with_the_field(tmp_path):
    registry = tmp_path / "registry.yaml"
    registry.write_text("tasks:\n  - {key: G-15_grid_avoid_obstacles, split: holdout}\n", encoding="utf-8")
    with pytest.raises(RegistryReadError, match=r"tasks\[0\]\.split"):
        registry_splits(registry)
    registry.write_text("tasks:\n  - {key: ../etc/passwd}\n", encoding="utf-8")
    with pytest.raises(RegistryReadError, match=r"tasks\[0\]\.key"):
        registry_splits(registry)
    registry.write_text("!!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(RegistryReadError, match="cannot read"):
        registry_splits(registry)


def test_split_precedence_registry_then_metadata_then_folder_then_catalogue():
    assert resolve_split("O-53_clock", {"O-53_clock": OUT_OF_DOMAIN}, "test-id", IN_DOMAIN) == OUT_OF_DOMAIN
    assert resolve_split("O-53_clock", None, "test-ood", IN_DOMAIN) == OUT_OF_DOMAIN
    assert resolve_split("O-53_clock", None, None, OUT_OF_DOMAIN) == OUT_OF_DOMAIN
    assert resolve_split("O-53_clock", None, None, None) == IN_DOMAIN  # the public catalogue
    assert resolve_split("G-999_not_a_bench_task", None, None, None) == UNKNOWN
    assert resolve_category("O-53_clock", None, None) == "knowledge"
    assert resolve_category("G-999_not_a_bench_task", None, None) == UNKNOWN


def test_a_task_folder_itself_can_be_the_samples_root(samples):
    entries = find_samples(samples / KEY)
    assert [(entry.key, entry.index) for entry in entries] == [(KEY, 0), (KEY, 1), (KEY, 2)]
