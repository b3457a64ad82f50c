"""Exporting a sample set for pipelines that already read Hugging Face datasets or WebDataset shards.

``export_hf(samples, out)`` writes a folder that ``datasets.load_dataset(out)`` loads with one row per
sample::

    out/README.md                                dataset card; its YAML names the data files
    out/data/train-<fingerprint>-00000-of-0000N.parquet
                                                 rows: task_key, category, split, index, seed, prompt,
                                                 first_frame, final_frame (Image), goal_text,
                                                 video (path of the mp4, relative to out/), metadata (JSON)
    out/videos/<KEY>/<index:08d>.mp4             the ground-truth videos, as files

``datasets`` caches a local folder under a key made from its dataset card (the YAML's data-file
patterns), not from the files' contents, so two exports to the same path would share one cache
entry and the second load would return the first export's rows. The fingerprint (a digest of every
exported sample's metadata.json, which holds the sha256 of each of its files) is therefore part of
the data-file names and of the card: different data ⇒ a different card ⇒ a fresh cache entry; the
same data ⇒ the same bytes and a valid cache hit.

``export_webdataset(samples, out)`` writes ``out/vbvr-000000.tar`` ... shards; each sample's files keep
their names under the key ``<KEY>/<index:08d>`` (``first_frame.png``, ``prompt.txt``,
``ground_truth.mp4``, ``metadata.json``, ...), readable with ``webdataset.WebDataset``. Tar members get
a fixed mtime, so the same samples give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import datasets
import pyarrow as pa
import pyarrow.parquet as pq
import webdataset
from fsspec import AbstractFileSystem
from vbvr_core.pipeline.sample_io import sample_name

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
FINGERPRINT_CHARS = 16
# 2000-01-01T00:00:00Z: a fixed member time keeps shards byte-identical across runs.
FIXED_MTIME = 946684800.0


def _read_optional(fs: AbstractFileSystem, path: str) -> bytes | None:
    return fs.cat_file(path) if fs.exists(path) else None


def _dataset_card(count: int, shards: int, fingerprint: str) -> str:
    return (
        "---\n"
        "configs:\n"
        "- config_name: default\n"
        "  data_files:\n"
        "  - split: train\n"
        f"    path: data/train-{fingerprint}-*.parquet\n"
        "---\n\n"
        "# VBVR samples\n\n"
        f"{count} samples in {shards} parquet file(s), one row per sample (export fingerprint `{fingerprint}`).\n"
        "`first_frame` and `final_frame` are images; `video` is the path of the ground-truth mp4 relative to\n"
        "this folder; `metadata` is the sample's metadata.json.\n\n"
        "## Loading\n\n"
        "```python\n"
        "import datasets\n"
        "rows = datasets.load_dataset(\"<this folder>\")[\"train\"]\n"
        "```\n\n"
        "The fingerprint (a digest of every exported sample's metadata.json) is in the data-file names and in\n"
        "this card, which is what `datasets` keys its cache on: a re-export of other samples to the same folder\n"
        "loads the new rows, never stale cached ones. No `download_mode` or cache clearing is needed.\n"
    )


def export_fingerprint(fs: AbstractFileSystem, locations: list[SampleLocation]) -> str:
    """A digest of the exported samples: their keys, indices and metadata.json bytes (which hold every file's sha256)."""
    digest = hashlib.sha256(b"vbvr-hf-export-1\n")
    for location in locations:
        digest.update(f"{location.task_key}/{sample_name(location.index)}\n".encode())
        digest.update(hashlib.sha256(fs.cat_file(f"{location.folder}/metadata.json")).digest())
    return digest.hexdigest()[:FINGERPRINT_CHARS]


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
    """Write the samples under ``samples`` as a Hugging Face datasets folder at ``out``; return the row count.

    Data files of an earlier export to ``out`` (``data/train-*.parquet``) are replaced. Raises
    :class:`~vbvr_trainer.locate.NoSamplesError` when there is nothing to export and ``OSError`` when
    ``out`` cannot be written.
    """
    fs, locations = find_samples(samples, tasks)
    fingerprint = export_fingerprint(fs, locations)
    out = Path(out)
    (out / "data").mkdir(parents=True, exist_ok=True)
    written = set()
    schema = HF_FEATURES.arrow_schema
    shard_count = -(-len(locations) // ROWS_PER_PARQUET)
    for shard in range(shard_count):
        rows = []
        for location in locations[shard * ROWS_PER_PARQUET:(shard + 1) * ROWS_PER_PARQUET]:
            video_name = f"videos/{location.task_key}/{sample_name(location.index)}.mp4"
            (out / video_name).parent.mkdir(parents=True, exist_ok=True)
            fs.get_file(f"{location.folder}/ground_truth.mp4", str(out / video_name))
            rows.append(_hf_row(fs, location, video_name))
        table = pa.Table.from_pylist(rows, schema=schema)
        name = f"train-{fingerprint}-{shard:05d}-of-{shard_count:05d}.parquet"
        pq.write_table(table, out / "data" / name)
        written.add(name)
    for stale in (out / "data").glob("train-*.parquet"):
        if stale.name not in written:
            stale.unlink()
    (out / "README.md").write_text(_dataset_card(len(locations), shard_count, fingerprint), encoding="utf-8")
    return len(locations)


def webdataset_records(fs: AbstractFileSystem, locations: list[SampleLocation]) -> Iterator[dict[str, Any]]:
    """One WebDataset record per sample: ``__key__`` plus the bytes of each file the sample has."""
    for location in locations:
        record: dict[str, Any] = {"__key__": f"{location.task_key}/{sample_name(location.index)}"}
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
