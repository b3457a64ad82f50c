"""Exporting a sample set for pipelines that already read Hugging Face datasets or WebDataset shards.

``export_hf(samples, out)`` writes a folder that ``datasets.load_dataset(out)`` loads with one row per
sample::

    out/README.md                          dataset card; its YAML names the data files
    out/data/train-00000-of-0000N.parquet  rows: task_key, category, split, index, seed, prompt,
                                           first_frame, final_frame (Image), goal_text,
                                           video (path of the mp4, relative to out/), metadata (JSON text)
    out/videos/<KEY>/<index:08d>.mp4       the ground-truth videos, as files

``export_webdataset(samples, out)`` writes ``out/vbvr-000000.tar`` ... shards; each sample's files keep
their names under the key ``<KEY>/<index:08d>`` (``first_frame.png``, ``prompt.txt``,
``ground_truth.mp4``, ``metadata.json``, ...), readable with ``webdataset.WebDataset``. Tar members get
a fixed mtime, so the same samples give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import datasets
import pyarrow as pa
import pyarrow.parquet as pq
import webdataset
from fsspec import AbstractFileSystem

from vbvr_trainer.locate import SampleLocation, find_samples

HF_FEATURES = datasets.Features({
    "task_key": datasets.Value("string"),
    "category": datasets.Value("string"),
    "split": datasets.Value("string"),
    "index": datasets.Value("int64"),
    "seed": datasets.Value("int64"),
    "prompt": datasets.Value("string"),
    "first_frame": datasets.Image(),
    "final_frame": datasets.Image(),
    "goal_text": datasets.Value("string"),
    "video": datasets.Value("string"),
    "metadata": datasets.Value("string"),
})
SAMPLE_FILES = ("first_frame.png", "final_frame.png", "goal.txt", "prompt.txt", "ground_truth.mp4", "metadata.json")
ROWS_PER_PARQUET = 1000
# 2000-01-01T00:00:00Z: a fixed member time keeps shards byte-identical across runs.
FIXED_MTIME = 946684800.0


def _read_optional(fs: AbstractFileSystem, path: str) -> bytes | None:
    return fs.cat_file(path) if fs.exists(path) else None


def _dataset_card(count: int, shards: int) -> str:
    return (
        "---\n"
        "configs:\n"
        "- config_name: default\n"
        "  data_files:\n"
        "  - split: train\n"
        "    path: data/train-*.parquet\n"
        "---\n\n"
        "# VBVR samples\n\n"
        f"{count} samples in {shards} parquet file(s), one row per sample. `first_frame` and `final_frame` are\n"
        "images; `video` is the path of the ground-truth mp4 relative to this folder; `metadata` is the\n"
        "sample's metadata.json. Load with `datasets.load_dataset(\"<this folder>\")`.\n"
    )


def _hf_row(fs: AbstractFileSystem, location: SampleLocation, video_name: str) -> dict[str, Any]:
    folder = location.folder
    metadata_text = fs.cat_file(f"{folder}/metadata.json").decode("utf-8")
    metadata = json.loads(metadata_text)
    final = _read_optional(fs, f"{folder}/final_frame.png")
    goal = _read_optional(fs, f"{folder}/goal.txt")
    return {
        "task_key": location.task_key,
        "category": str(metadata.get("category", "")),
        "split": str(metadata.get("split") or ""),
        "index": location.index,
        "seed": int(metadata.get("seed", -1)),
        "prompt": fs.cat_file(f"{folder}/prompt.txt").decode("utf-8").strip(),
        "first_frame": {"bytes": fs.cat_file(f"{folder}/first_frame.png"), "path": None},
        "final_frame": {"bytes": final, "path": None} if final is not None else None,
        "goal_text": goal.decode("utf-8").strip() if goal else "",
        "video": video_name,
        "metadata": metadata_text,
    }


def export_hf(samples: str, out: str | Path, tasks: list[str] | None = None) -> int:
    """Write the samples under ``samples`` as a Hugging Face datasets folder at ``out``; return the row count."""
    fs, locations = find_samples(samples, tasks)
    out = Path(out)
    (out / "data").mkdir(parents=True, exist_ok=True)
    schema = HF_FEATURES.arrow_schema
    shard_count = -(-len(locations) // ROWS_PER_PARQUET)
    for shard in range(shard_count):
        rows = []
        for location in locations[shard * ROWS_PER_PARQUET:(shard + 1) * ROWS_PER_PARQUET]:
            video_name = f"videos/{location.task_key}/{location.index:08d}.mp4"
            (out / video_name).parent.mkdir(parents=True, exist_ok=True)
            fs.get_file(f"{location.folder}/ground_truth.mp4", str(out / video_name))
            rows.append(_hf_row(fs, location, video_name))
        table = pa.Table.from_pylist(rows, schema=schema)
        pq.write_table(table, out / "data" / f"train-{shard:05d}-of-{shard_count:05d}.parquet")
    (out / "README.md").write_text(_dataset_card(len(locations), shard_count), encoding="utf-8")
    return len(locations)


def webdataset_records(fs: AbstractFileSystem, locations: list[SampleLocation]) -> Iterator[dict[str, Any]]:
    """One WebDataset record per sample: ``__key__`` plus the bytes of each file the sample has."""
    for location in locations:
        record: dict[str, Any] = {"__key__": f"{location.task_key}/{location.index:08d}"}
        for name in SAMPLE_FILES:
            data = _read_optional(fs, f"{location.folder}/{name}")
            if data is not None:
                record[name] = data
        yield record


def export_webdataset(samples: str, out: str | Path, tasks: list[str] | None = None,
                      samples_per_shard: int = 1000) -> list[Path]:
    """Write the samples under ``samples`` as WebDataset tar shards in ``out``; return the shard paths."""
    if samples_per_shard < 1:
        raise ValueError(f"samples_per_shard must be ≥ 1, got {samples_per_shard}")
    fs, locations = find_samples(samples, tasks)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with webdataset.ShardWriter(str(out / "vbvr-%06d.tar"), maxcount=samples_per_shard, verbose=0,
                                mtime=FIXED_MTIME, encoder=False) as writer:
        for record in webdataset_records(fs, locations):
            writer.write(record)
    return sorted(out.glob("vbvr-*.tar"))
