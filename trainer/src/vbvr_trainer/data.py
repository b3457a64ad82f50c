"""PyTorch datasets over saved VBVR samples, from a local folder or an object-store prefix.

One item is a dict::

    first_frame  float32 (3, H, W) in [0, 1]     the input image
    final_frame  float32 (3, H, W) in [0, 1]     the goal image (zeros when the goal is text)
    has_final_frame  bool
    goal_text    str ("" unless the task's goal is text)
    prompt       str
    video        float32 (T, 3, H, W) in [0, 1]  the ground truth resampled to ``ClipSpec``
    task_key, category, split: str;  index: int;  folder: str

:class:`VBVRDataset` is map-style (random access, any sampler); :class:`VBVRIterableDataset` streams,
shuffles per epoch with a seed and shards across DataLoader workers and distributed ranks, so each
sample is read by exactly one worker per epoch. Both use the default ``collate_fn``.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from fsspec import AbstractFileSystem
from fsspec.implementations.local import LocalFileSystem
from PIL import Image
from torch.utils.data import Dataset, IterableDataset, get_worker_info
from vbvr_core.media.video import VideoClip, read_video

from vbvr_trainer.locate import SampleLocation, find_samples


@dataclass(frozen=True)
class ClipSpec:
    """How frames are resampled: square ``size`` in pixels, ``fps`` (None keeps the source rate),
    ``num_frames`` picked evenly from start to end (None keeps them all), ``load_video`` False skips
    decoding the video (then ``video`` is absent from items)."""

    size: int = 256
    fps: float | None = None
    num_frames: int | None = 16
    load_video: bool = True

    def __post_init__(self) -> None:
        if self.size < 8:
            raise ValueError(f"ClipSpec.size must be ≥ 8 pixels, got {self.size}")
        if self.num_frames is not None and self.num_frames < 1:
            raise ValueError(f"ClipSpec.num_frames must be ≥ 1 or None, got {self.num_frames}")
        if self.fps is not None and self.fps <= 0:
            raise ValueError(f"ClipSpec.fps must be > 0 or None, got {self.fps}")


class SampleReadError(RuntimeError):
    """Raised when a sample's files cannot be read (names the sample folder and the problem)."""


def image_tensor(image: np.ndarray) -> torch.Tensor:
    """HxWx3 uint8 → float32 (3, H, W) in [0, 1]."""
    return torch.from_numpy(np.ascontiguousarray(image)).permute(2, 0, 1).float().div_(255.0)


def video_tensor(frames: np.ndarray) -> torch.Tensor:
    """TxHxWx3 uint8 → float32 (T, 3, H, W) in [0, 1]."""
    return torch.from_numpy(np.ascontiguousarray(frames)).permute(0, 3, 1, 2).float().div_(255.0)


def _decode_png(data: bytes, size: int) -> np.ndarray:
    # Area averaging (BOX), as vbvr_core.media.video.read_video shrinks video frames, so a clip's first frame and
    # the first_frame image agree at any size.
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        if image.size != (size, size):
            image = image.resize((size, size), Image.Resampling.BOX)
        return np.array(image)


class SampleReader:
    """Reads one sample folder from a filesystem into an item dict (see the module docstring)."""

    def __init__(self, fs: AbstractFileSystem, spec: ClipSpec):
        self.fs = fs
        self.spec = spec

    def _bytes(self, folder: str, name: str) -> bytes | None:
        path = f"{folder}/{name}"
        return self.fs.cat_file(path) if self.fs.exists(path) else None

    def _clip(self, folder: str) -> VideoClip:
        spec = self.spec
        if isinstance(self.fs, LocalFileSystem):
            return read_video(f"{folder}/ground_truth.mp4", size=spec.size, fps=spec.fps, num_frames=spec.num_frames)
        data = self._bytes(folder, "ground_truth.mp4")
        if data is None:
            return VideoClip.failed("missing video: ground_truth.mp4")
        with tempfile.NamedTemporaryFile(suffix=".mp4") as handle:
            handle.write(data)
            handle.flush()
            return read_video(handle.name, size=spec.size, fps=spec.fps, num_frames=spec.num_frames)

    def read(self, location: SampleLocation) -> dict[str, Any]:
        """The item of the sample at ``location``; raises :class:`SampleReadError` on a broken sample."""
        folder = location.folder
        try:
            metadata = json.loads(self._bytes(folder, "metadata.json") or b"{}")
            first = self._bytes(folder, "first_frame.png")
            prompt = self._bytes(folder, "prompt.txt")
            if first is None or prompt is None:
                raise SampleReadError(f"{folder}: first_frame.png or prompt.txt is missing")
            final = self._bytes(folder, "final_frame.png")
            goal = self._bytes(folder, "goal.txt")
            size = self.spec.size
            item: dict[str, Any] = {
                "first_frame": image_tensor(_decode_png(first, size)),
                "final_frame": image_tensor(_decode_png(final, size)) if final else torch.zeros(3, size, size),
                "has_final_frame": final is not None,
                "goal_text": goal.decode("utf-8").strip() if goal else "",
                "prompt": prompt.decode("utf-8").strip(),
                "task_key": location.task_key,
                "category": str(metadata.get("category", "")),
                "split": str(metadata.get("split") or ""),
                "index": location.index,
                "folder": folder,
            }
        except (OSError, ValueError) as error:
            raise SampleReadError(f"{folder}: cannot read the sample: {error}") from error
        if self.spec.load_video:
            clip = self._clip(folder)
            if not clip.ok:
                raise SampleReadError(f"{folder}/ground_truth.mp4: {clip.error}")
            item["video"] = video_tensor(clip.frames)
        return item


class VBVRDataset(Dataset):
    """Map-style dataset over the samples under ``root`` (a folder or e.g. ``s3://bucket/prefix``).

    ``tasks`` keeps only those task keys; ``spec`` fixes the frame size and the clip's fps and length.
    """

    def __init__(self, root: str | Path, spec: ClipSpec | None = None, tasks: Iterable[str] | None = None):
        self.root = str(root)
        self.spec = spec or ClipSpec()
        fs, self.locations = find_samples(self.root, tasks)
        self.reader = SampleReader(fs, self.spec)

    def __len__(self) -> int:
        return len(self.locations)

    def __getitem__(self, position: int) -> dict[str, Any]:
        return self.reader.read(self.locations[position])

    @property
    def task_keys(self) -> list[str]:
        """The task keys present, sorted."""
        return sorted({location.task_key for location in self.locations})


def shard_positions(count: int, shard: int, num_shards: int) -> range:
    """The positions a shard reads: every ``num_shards``-th one starting at ``shard``."""
    if not 0 <= shard < num_shards:
        raise ValueError(f"shard {shard} is outside 0..{num_shards - 1}")
    return range(shard, count, num_shards)


def _distributed_rank() -> tuple[int, int]:
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank(), torch.distributed.get_world_size()
    return 0, 1


class VBVRIterableDataset(IterableDataset):
    """Streams the samples under ``root``, each exactly once per epoch across all workers and ranks.

    With ``shuffle`` the order is a permutation seeded by ``seed`` and the epoch (:meth:`set_epoch`),
    the same in every worker, which then takes its own slice; without it the order is sorted.
    """

    def __init__(self, root: str | Path, spec: ClipSpec | None = None, tasks: Iterable[str] | None = None,
                 shuffle: bool = False, seed: int = 0):
        self.root = str(root)
        self.spec = spec or ClipSpec()
        fs, self.locations = find_samples(self.root, tasks)
        self.reader = SampleReader(fs, self.spec)
        self.shuffle = shuffle
        self.seed = seed
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Select the epoch whose shuffle order the next iteration uses."""
        self.epoch = epoch

    def __len__(self) -> int:
        return len(self.locations)

    def order(self) -> list[int]:
        """This epoch's reading order of sample positions (before sharding)."""
        if not self.shuffle:
            return list(range(len(self.locations)))
        generator = np.random.Generator(np.random.PCG64([self.seed, self.epoch]))
        return [int(position) for position in generator.permutation(len(self.locations))]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        worker = get_worker_info()
        worker_id, num_workers = (worker.id, worker.num_workers) if worker else (0, 1)
        rank, world = _distributed_rank()
        order = self.order()
        for slot in shard_positions(len(order), rank * num_workers + worker_id, world * num_workers):
            yield self.reader.read(self.locations[order[slot]])
