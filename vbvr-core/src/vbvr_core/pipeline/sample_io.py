"""Writing and reading one sample folder (DESIGN.md, "One sample on disk").

``save_sample`` writes ``first_frame.png``, ``prompt.txt``, ``final_frame.png`` or ``goal.txt``,
``ground_truth.mp4`` and ``metadata.json`` into a hidden temporary folder beside the destination and
renames it into place, so a crash never leaves a half-written sample under its real name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from vbvr_core.contract import FailureRecord, FileDigest, PackageFacts, Sample, SampleRecord, SampleRef, TaskInfo
from vbvr_core.media.video import held, probe_video, write_video

METADATA = "metadata.json"
FIRST_FRAME = "first_frame.png"
FINAL_FRAME = "final_frame.png"
GOAL_TEXT = "goal.txt"
PROMPT = "prompt.txt"
VIDEO = "ground_truth.mp4"
PNG_COMPRESS_LEVEL = 6


def sample_name(index: int) -> str:
    """The folder name of sample ``index`` in a task's folder: eight digits (DESIGN.md, "One sample on disk")."""
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise ValueError(f"sample index must be a non-negative integer, got {index!r}")
    return f"{index:08d}"


def core_version() -> str:
    """The installed vbvr-core version."""
    try:
        return metadata.version("vbvr-core")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no insignificant whitespace: the form every hash is taken over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def content_hash(sample: Sample) -> str:
    """The dedup key of a sample: sha256 over its first frame's pixels and its prompt."""
    digest = hashlib.sha256(np.ascontiguousarray(sample.first_frame).tobytes())
    digest.update(sample.prompt.encode("utf-8"))
    return digest.hexdigest()


def params_hash(params: dict[str, Any]) -> str:
    """sha256 of the canonical JSON of a parameter dict."""
    return hashlib.sha256(canonical_json(params).encode("utf-8")).hexdigest()


def write_png(path: Path, frame: np.ndarray) -> None:
    """Save an RGB frame as PNG with fixed settings (byte-stable for the same Pillow)."""
    Image.fromarray(frame, "RGB").save(path, format="PNG", compress_level=PNG_COMPRESS_LEVEL)


def save_sample(
    sample: Sample,
    dest: Path,
    *,
    info: TaskInfo,
    seed: int,
    package: PackageFacts,
    index: int = 0,
    attempt: int = 0,
    split: str | None = None,
) -> SampleRecord:
    """Write ``sample`` to folder ``dest`` atomically and return its record (also in ``metadata.json``).

    An existing ``dest`` is replaced only once the new folder is complete.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = dest.parent / f".{dest.name}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        write_png(staging / FIRST_FRAME, sample.first_frame)
        if sample.final_frame is not None:
            write_png(staging / FINAL_FRAME, sample.final_frame)
        if sample.goal_text:
            (staging / GOAL_TEXT).write_text(sample.goal_text.strip() + "\n", encoding="utf-8")
        (staging / PROMPT).write_text(sample.prompt.strip() + "\n", encoding="utf-8")
        write_video(staging / VIDEO, held(sample.trajectory(), sample.hold_frames))
        video = probe_video(staging / VIDEO)
        files = [
            FileDigest(name=path.name, sha256=sha256_file(path), bytes=path.stat().st_size)
            for path in sorted(staging.iterdir())
        ]
        params = sample.params.model_dump(mode="json")
        record = SampleRecord(
            task_key=info.key,
            category=info.category,
            split=split,
            index=index,
            seed=seed,
            attempt=attempt,
            params=params,
            params_hash=params_hash(params),
            content_hash=content_hash(sample),
            package=package,
            core_version=core_version(),
            video=video,
            files=files,
            solution=sample.solution.model_dump(mode="json"),
        )
        (staging / METADATA).write_text(
            json.dumps(record.model_dump(mode="json"), indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        if dest.exists():
            retired = dest.parent / f".{dest.name}.old"
            if retired.exists():
                shutil.rmtree(retired)
            os.replace(dest, retired)
            os.replace(staging, dest)
            shutil.rmtree(retired)
        else:
            os.replace(staging, dest)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return record


def read_png(path: Path) -> np.ndarray:
    """Load a PNG as an HxWx3 uint8 RGB array."""
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))


def load_record(folder: Path) -> SampleRecord:
    """Parse a sample folder's ``metadata.json`` (raises ``pydantic.ValidationError`` if malformed)."""
    return SampleRecord.model_validate_json((Path(folder) / METADATA).read_text("utf-8"))


def load_sample_ref(folder: str | Path) -> SampleRef:
    """Load what a scorer needs from a saved sample folder (its reference frames are read when first asked for)."""
    folder = Path(folder)
    record = load_record(folder)
    files = {"first_frame": folder / FIRST_FRAME, "final_frame": folder / FINAL_FRAME}
    if not files["first_frame"].is_file():
        raise FileNotFoundError(f"{files['first_frame']}: every sample has a first frame")

    def read_frame(name: str) -> np.ndarray | None:
        path = files[name]
        return read_png(path) if name == "first_frame" or path.exists() else None

    return SampleRef(path=folder, record=record, read_frame=read_frame,
                     prompt=(folder / PROMPT).read_text("utf-8").strip())


def verify_sample(folder: str | Path) -> list[str]:
    """Return the problems of a saved sample folder: missing files, checksum mismatches, bad metadata."""
    folder = Path(folder)
    try:
        record = load_record(folder)
    except FileNotFoundError:
        return [f"{folder.name}: {METADATA} is missing"]
    except ValueError as error:
        return [f"{folder.name}: {METADATA} is malformed: {str(error).splitlines()[0]}"]
    problems = []
    for digest in record.files:
        path = folder / digest.name
        if not path.is_file():
            problems.append(f"{folder.name}/{digest.name} is missing")
        elif sha256_file(path) != digest.sha256:
            problems.append(f"{folder.name}/{digest.name} does not match its sha256 in {METADATA}")
    return problems


def failure_line(failure: FailureRecord) -> str:
    """One ``failures.jsonl`` line."""
    return canonical_json(failure.model_dump(mode="json"))
