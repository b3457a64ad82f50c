"""What is written about a sample: its metadata.json record, and the dead letter of one that failed."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from vbvr_core.contract.info import Category


class FileDigest(BaseModel):
    """Name and sha256 of one file of a saved sample."""

    name: str
    sha256: str
    bytes: int


class VideoFacts(BaseModel):
    """Facts about a saved ground-truth video, read back from the file."""

    frames: int
    fps: int
    width: int
    height: int
    codec: str
    pix_fmt: str
    decoded_sha256: str


class PackageFacts(BaseModel):
    """The task package that made a sample: dist, version, git commit and dirty flag.

    ``commit_source`` says how the commit was found here (``baked`` into a wheel, pip's ``direct_url``, a
    ``checkout``, or ``unknown``). It describes the installation, not the sample, so it is never serialised:
    a wheel-made and a checkout-made sample of one commit and seed have byte-identical ``metadata.json``.
    Run records that want it (``run.json``, ``vbvr list --json``) add it explicitly; read back from a
    sample it is None.
    """

    dist: str
    version: str
    commit: str | None
    dirty: bool | None
    commit_source: str | None = Field(None, exclude=True)


class SampleRecord(BaseModel):
    """The contents of ``metadata.json``: everything needed to trust and reproduce a saved sample.

    No timestamps or host names: a rerun of the same package commit and seed gives the same bytes.
    """

    model_config = ConfigDict(extra="forbid")

    schema_version: int = 1
    task_key: str
    category: Category
    split: str | None = None
    index: int
    seed: int
    attempt: int
    params: dict[str, Any]
    params_hash: str
    content_hash: str
    package: PackageFacts
    core_version: str
    video: VideoFacts
    files: list[FileDigest]
    solution: dict[str, Any]


class FailureRecord(BaseModel):
    """A dead letter: a sample that could not be made within the attempt budget."""

    task_key: str
    index: int
    seed: int
    attempts: int
    problems: list[str]
    traceback: str | None = None
