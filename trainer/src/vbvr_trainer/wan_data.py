"""Wan2.2 training data in DiffSynth-Studio's layout, and the loader ``lora-wan`` reads it with.

``prepare_wan(samples, out)`` writes::

    out/metadata.csv                      columns video,prompt,input_image (paths relative to out/)
    out/videos/<KEY>_<index:08d>.mp4      the ground truth at 384×384, 4k+1 frames (81 by default)
    out/images/<KEY>_<index:08d>.png      its first frame at 384×384 (the image-to-video input)

which is what DiffSynth-Studio's Wan trainer reads with ``--dataset_base_path out
--dataset_metadata_path out/metadata.csv --extra_inputs input_image``. :class:`WanMetadataDataset`
reads the same folder for :mod:`vbvr_trainer.wan_lora`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset
from vbvr_core.media.video import read_video, write_video
from vbvr_core.pipeline.sample_io import sample_name, write_png

from vbvr_trainer.data import ClipSpec, SampleReader, image_tensor, video_tensor
from vbvr_trainer.locate import find_samples

WAN_SIZE = 384
WAN_FRAMES = 81
METADATA_CSV = "metadata.csv"
COLUMNS = ("video", "prompt", "input_image")


def check_frame_count(num_frames: int) -> int:
    """Return ``num_frames`` if it is of the form 4k+1 (Wan's VAE compresses time 4×), else raise."""
    if num_frames < 1 or (num_frames - 1) % 4:
        raise ValueError(f"num_frames must be of the form 4k+1 (e.g. 49 or 81), got {num_frames}")
    return num_frames


def check_size(size: int) -> int:
    """Return ``size`` if it is a multiple of 16 (VAE factor 8 × patch 2), else raise."""
    if size < 16 or size % 16:
        raise ValueError(f"size must be a positive multiple of 16 (e.g. 384), got {size}")
    return size


@dataclass(frozen=True)
class PreparedSet:
    """What :func:`prepare_wan` wrote: the folder, its metadata.csv and the number of rows."""

    folder: Path
    metadata_csv: Path
    rows: int


def prepare_wan(samples: str, out: str | Path, size: int = WAN_SIZE, num_frames: int = WAN_FRAMES,
                tasks: list[str] | None = None) -> PreparedSet:
    """Convert the samples under ``samples`` into DiffSynth-Studio's Wan layout at ``out``."""
    check_size(size)
    check_frame_count(num_frames)
    fs, locations = find_samples(samples, tasks)
    reader = SampleReader(fs, ClipSpec(size=size, num_frames=num_frames))
    out = Path(out)
    (out / "videos").mkdir(parents=True, exist_ok=True)
    (out / "images").mkdir(parents=True, exist_ok=True)
    rows = []
    for location in locations:
        item = reader.read(location)
        stem = f"{location.task_key}_{sample_name(location.index)}"
        frames = (item["video"].permute(0, 2, 3, 1).mul(255.0).round().to(torch.uint8)).numpy()
        write_video(out / "videos" / f"{stem}.mp4", iter(frames))
        write_png(out / "images" / f"{stem}.png", frames[0])
        rows.append({"video": f"videos/{stem}.mp4", "prompt": item["prompt"], "input_image": f"images/{stem}.png"})
    metadata_csv = out / METADATA_CSV
    with open(metadata_csv, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return PreparedSet(folder=out, metadata_csv=metadata_csv, rows=len(rows))


def read_metadata(folder: str | Path) -> list[dict[str, str]]:
    """The rows of ``folder/metadata.csv``; raises ValueError if a column is missing or a path escapes."""
    folder = Path(folder)
    path = folder / METADATA_CSV
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: make it with `vbvr-trainer prepare-wan --samples DIR --out {folder}`")
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"video", "prompt"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)}; DiffSynth's layout is video,prompt[,input_image]")
        rows = list(reader)
    root = folder.resolve()
    for number, row in enumerate(rows, start=2):
        for column in ("video", "input_image"):
            value = row.get(column) or ""
            if value and not (root / value).resolve().is_relative_to(root):
                raise ValueError(f"{path}:{number} {column}={value!r} points outside {folder}")
    return rows


class WanMetadataDataset(Dataset):
    """Items ``{video: (T,3,H,W), first_frame: (3,H,W) in [0,1], prompt}`` from a prepared folder.

    Frames are resampled to ``size``×``size`` and ``num_frames`` (4k+1). The first frame is
    ``input_image`` when the row has one, else the video's first frame.
    """

    def __init__(self, folder: str | Path, size: int = WAN_SIZE, num_frames: int = WAN_FRAMES):
        self.folder = Path(folder)
        self.size = check_size(size)
        self.num_frames = check_frame_count(num_frames)
        self.rows = read_metadata(self.folder)
        if not self.rows:
            raise ValueError(f"{self.folder / METADATA_CSV} has no rows")

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, position: int) -> dict[str, Any]:
        row = self.rows[position]
        clip = read_video(self.folder / row["video"], size=self.size, num_frames=self.num_frames)
        if not clip.ok:
            raise ValueError(f"{self.folder / row['video']}: {clip.error}")
        video = video_tensor(clip.frames)
        if row.get("input_image"):
            with Image.open(self.folder / row["input_image"]) as image:
                first = np.array(image.convert("RGB").resize((self.size, self.size), Image.Resampling.BILINEAR))
            first_frame = image_tensor(first)
        else:
            first_frame = video[0].clone()
        return {"video": video, "first_frame": first_frame, "prompt": row["prompt"]}
