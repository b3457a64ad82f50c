"""The PyTorch datasets: item contents, resampling, worker sharding, shuffling, object-store prefixes."""

from __future__ import annotations

import json

import fsspec
import pytest
import torch
from torch.utils.data import DataLoader
from vbvr_core.pipeline.sample_io import read_png
from vbvr_trainer.data import ClipSpec, SampleReadError, VBVRDataset, VBVRIterableDataset, shard_positions
from vbvr_trainer.locate import NoSamplesError, find_samples

from .conftest import TASK


def test_item_holds_frames_prompt_video_and_task(sample_root):
    dataset = VBVRDataset(sample_root, ClipSpec(size=64, num_frames=5))
    item = dataset[1]
    assert len(dataset) == 4 and dataset.task_keys == [TASK]
    assert item["first_frame"].shape == (3, 64, 64) and item["final_frame"].shape == (3, 64, 64)
    assert item["video"].shape == (5, 3, 64, 64)
    assert item["task_key"] == TASK and item["category"] == "spatiality" and item["index"] == 1
    assert "yellow ball" in item["prompt"] and item["has_final_frame"] and item["goal_text"] == ""
    # the clip starts on the first frame and ends on the final frame (H.264 round trip, small tolerance)
    assert (item["video"][0] - item["first_frame"]).abs().mean() < 0.02
    assert (item["video"][-1] - item["final_frame"]).abs().mean() < 0.02
    assert (item["first_frame"] - item["final_frame"]).abs().mean() > 0.001


def test_first_frame_matches_the_png(sample_root):
    folder = sample_root / TASK / "00000002"
    item = VBVRDataset(sample_root, ClipSpec(size=512, load_video=False))[2]
    expected = torch.from_numpy(read_png(folder / "first_frame.png").copy()).permute(2, 0, 1).float() / 255
    assert torch.equal(item["first_frame"], expected)
    assert "video" not in item


def test_fps_resampling_changes_the_frame_count(sample_root):
    record = json.loads((sample_root / TASK / "00000000" / "metadata.json").read_text())
    at_12 = VBVRDataset(sample_root, ClipSpec(size=32, fps=12, num_frames=None))[0]["video"]
    assert abs(at_12.shape[0] - record["video"]["frames"] / 2) <= 1


def test_batches_collate_with_the_default_collate(sample_root):
    batch = next(iter(DataLoader(VBVRDataset(sample_root, ClipSpec(size=32, num_frames=3)), batch_size=4)))
    assert batch["video"].shape == (4, 3, 3, 32, 32)
    assert batch["index"].tolist() == [0, 1, 2, 3] and len(batch["prompt"]) == 4


def test_two_workers_read_every_sample_exactly_once(sample_root):
    dataset = VBVRIterableDataset(sample_root, ClipSpec(size=32, load_video=False), shuffle=True, seed=5)
    loader = DataLoader(dataset, batch_size=1, num_workers=2)
    seen = [int(batch["index"]) for batch in loader]
    assert sorted(seen) == [0, 1, 2, 3]


def test_shuffle_is_seeded_and_changes_with_the_epoch(sample_root):
    dataset = VBVRIterableDataset(sample_root, ClipSpec(load_video=False), shuffle=True, seed=1)
    orders = []
    for epoch in range(4):
        dataset.set_epoch(epoch)
        orders.append(dataset.order())
    again = VBVRIterableDataset(sample_root, ClipSpec(load_video=False), shuffle=True, seed=1)
    assert again.order() == orders[0]
    assert len({tuple(order) for order in orders}) > 1
    assert all(sorted(order) == [0, 1, 2, 3] for order in orders)


def test_shards_partition_the_positions():
    shards = [list(shard_positions(10, shard, 3)) for shard in range(3)]
    assert sorted(sum(shards, [])) == list(range(10))
    with pytest.raises(ValueError, match="outside"):
        shard_positions(10, 3, 3)


def test_object_store_prefix_reads_like_a_folder(sample_root):
    memory = fsspec.filesystem("memory")
    memory.put(str(sample_root), "memory://bucket/run1", recursive=True)
    dataset = VBVRDataset("memory://bucket/run1", ClipSpec(size=32, num_frames=4))
    local = VBVRDataset(sample_root, ClipSpec(size=32, num_frames=4))
    assert len(dataset) == 4
    assert torch.equal(dataset[3]["video"], local[3]["video"])
    assert torch.equal(dataset[3]["first_frame"], local[3]["first_frame"])


def test_a_task_folder_is_a_root_too(sample_root):
    _, locations = find_samples(str(sample_root / TASK))
    assert [location.index for location in locations] == [0, 1, 2, 3]


def test_empty_root_says_what_layout_it_expects(tmp_path):
    (tmp_path / "not-a-task" / "00000000").mkdir(parents=True)
    (tmp_path / "not-a-task" / "00000000" / "metadata.json").write_text("{}")
    with pytest.raises(NoSamplesError, match="TASK_KEY"):
        VBVRDataset(tmp_path)


def test_broken_video_names_the_sample(sample_root, tmp_path):
    import shutil

    copy = tmp_path / TASK / "00000000"
    shutil.copytree(sample_root / TASK / "00000000", copy)
    (copy / "ground_truth.mp4").write_bytes(b"not a video")
    with pytest.raises(SampleReadError, match="00000000/ground_truth.mp4"):
        VBVRDataset(tmp_path, ClipSpec(size=32))[0]


def test_bad_clip_spec_is_refused():
    with pytest.raises(ValueError, match="num_frames"):
        ClipSpec(num_frames=0)
