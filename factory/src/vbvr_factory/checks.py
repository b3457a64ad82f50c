"""Is a sample folder in the output root complete, intact and the one this run would make?

:func:`check_sample` reads ``metadata.json`` and every file it lists from any fsspec root and reports
problems: missing files, sha256 or size mismatches, wrong formats (PNG size and mode, video codec and
size). :func:`plan_mismatches` says why an intact sample still does not belong to a run (other seed,
split, parameters or package commit), so a resumed run regenerates it instead of keeping it.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from typing import Any

import pydantic
from PIL import Image
from vbvr_core.contract import FRAME_SIZE, PackageFacts, SampleRecord
from vbvr_core.pipeline.sample_io import FINAL_FRAME, FIRST_FRAME, GOAL_TEXT, METADATA, PROMPT, VIDEO

from vbvr_factory.storage import OutputRoot

PNG_FILES = (FIRST_FRAME, FINAL_FRAME)
VIDEO_CODEC = "h264"


@dataclass
class SampleCheck:
    """The verdict on one sample folder: its record (when readable) and its problems."""

    relative: str
    record: SampleRecord | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def missing(self) -> bool:
        """True when the folder has no ``metadata.json`` (the sample was never completed)."""
        return self.record is None and not self.problems

    @property
    def ok(self) -> bool:
        """True when the sample is complete and intact."""
        return self.record is not None and not self.problems


def _format_problems(name: str, data: bytes) -> list[str]:
    if name not in PNG_FILES:
        return []
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG" or image.size != (FRAME_SIZE, FRAME_SIZE) or image.mode != "RGB":
                return [f"{name} is {image.format} {image.size[0]}x{image.size[1]} {image.mode}, "
                        f"expected PNG {FRAME_SIZE}x{FRAME_SIZE} RGB"]
    except (OSError, SyntaxError) as error:
        return [f"{name} is not a readable PNG: {error}"]
    return []


def check_sample(root: OutputRoot, relative: str) -> SampleCheck:
    """Check sample folder ``relative`` of ``root``: metadata, required files, checksums, formats."""
    verdict = SampleCheck(relative)
    raw = root.read_bytes(f"{relative}/{METADATA}")
    if raw is None:
        return verdict
    try:
        record = SampleRecord.model_validate_json(raw)
    except pydantic.ValidationError as error:
        verdict.problems.append(f"{METADATA} is malformed: {str(error).splitlines()[0]}")
        return verdict
    listed = {digest.name for digest in record.files}
    required = {FIRST_FRAME, PROMPT, VIDEO} | ({FINAL_FRAME} if FINAL_FRAME in listed else {GOAL_TEXT})
    verdict.problems.extend(f"{METADATA} does not list required file {name}" for name in sorted(required - listed))
    for digest in record.files:
        data = root.read_bytes(f"{relative}/{digest.name}")
        if data is None:
            verdict.problems.append(f"{digest.name} is missing")
        elif len(data) != digest.bytes or hashlib.sha256(data).hexdigest() != digest.sha256:
            verdict.problems.append(f"{digest.name} does not match its size/sha256 in {METADATA}")
        else:
            verdict.problems.extend(_format_problems(digest.name, data))
    video = record.video
    if video.codec != VIDEO_CODEC or (video.width, video.height) != (FRAME_SIZE, FRAME_SIZE):
        verdict.problems.append(f"{VIDEO} is {video.codec} {video.width}x{video.height}, "
                                f"expected {VIDEO_CODEC} {FRAME_SIZE}x{FRAME_SIZE}")
    verdict.record = record
    return verdict


def plan_mismatches(record: SampleRecord, *, key: str, index: int, seed: int, split: str,
                    params: dict[str, Any], package: PackageFacts | None) -> list[str]:
    """Why an intact sample is not the one this run makes for (key, index); empty when it is.

    ``package`` is the installed task package; None skips the provenance comparison.
    """
    reasons = []
    expected = {"task_key": key, "index": index, "seed": seed, "split": split}
    for name, value in expected.items():
        if getattr(record, name) != value:
            reasons.append(f"{name} is {getattr(record, name)!r}, the run wants {value!r}")
    changed = sorted(name for name, value in params.items() if record.params.get(name) != value)
    if changed:
        reasons.append(f"params {changed} differ from the run's overrides")
    made_by = (record.package.version, record.package.commit, record.package.dirty)
    if package is not None and made_by != (package.version, package.commit, package.dirty):
        reasons.append(f"made by {record.package.dist} {made_by}, installed is {(package.version, package.commit, package.dirty)}")
    return reasons
