"""``vbvr score``: one model video against one saved sample; prints the score as JSON.

A bad *video* is never an error here: it scores 0 with the reason. A bad *sample* (no or malformed
``metadata.json``, a task key that is not a key, missing or unreadable files) is a usage error (exit 2)
naming the file and the fix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vbvr_core import discovery
from vbvr_core.cli.usage import deprecated, fail_usage
from vbvr_core.contract.keys import InvalidTaskKey, validate_key

if TYPE_CHECKING:  # the models are built when a sample is read, not when the command line starts
    from vbvr_core.contract import SampleRecord, SampleRef

REMAKE = "Fix: point at a folder written by `vbvr generate` or `vbvr-factory run`, or make the sample again"


def loaded_record(sample_dir: Path, name: str) -> SampleRecord:
    """The sample's parsed ``metadata.json``, or exit 2 naming the file, what is wrong and the fix."""
    from pydantic import ValidationError

    from vbvr_core.pipeline.sample_io import METADATA, load_record

    metadata = sample_dir / METADATA
    if not metadata.is_file():
        raise fail_usage(f"{name} {sample_dir} is not a sample folder: it has no {METADATA}. {REMAKE}")
    try:
        record = load_record(sample_dir)
        validate_key(record.task_key)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(part) for part in item['loc']) or '(top)'}: {item['msg']}"
                             for item in error.errors()[:3])
        raise fail_usage(f"{metadata} is malformed ({problems}). {REMAKE}") from None
    except (InvalidTaskKey, UnicodeDecodeError, OSError, ValueError) as error:
        raise fail_usage(f"{metadata} is malformed ({error}). {REMAKE}") from None
    return record


def loaded_sample(sample_dir: Path, name: str) -> SampleRef:
    """What a scorer needs from ``sample_dir``, or exit 2 naming the file that is missing or unreadable."""
    from vbvr_core.pipeline.sample_io import PROMPT, load_sample_ref

    loaded_record(sample_dir, name)
    try:
        (sample_dir / PROMPT).read_text("utf-8")
    except UnicodeDecodeError as error:
        raise fail_usage(f"{name} {sample_dir}: {PROMPT} is not UTF-8 ({error.reason} at byte {error.start}). "
                         f"{REMAKE}") from None
    except OSError:
        pass  # reported with the file's name below
    try:
        return load_sample_ref(sample_dir)
    except (OSError, ValueError) as error:
        where = getattr(error, "filename", None) or sample_dir
        raise fail_usage(f"{name} {sample_dir}: cannot read {where} ({type(error).__name__}: {error}). "
                         f"{REMAKE}") from None


def score(
    sample_arg: Annotated[Path | None, typer.Argument(metavar="[SAMPLE]", show_default=False,
                                                      help="Deprecated spelling of --sample.")] = None,
    video_arg: Annotated[Path | None, typer.Argument(metavar="[VIDEO]", show_default=False,
                                                     help="Deprecated spelling of --video.")] = None,
    sample: Annotated[Path | None, typer.Option("--sample", help="A saved sample folder (holds metadata.json).")] = None,
    video: Annotated[Path | None, typer.Option("--video", help="The model's video for that sample (any size, fps, "
                                               "length up to a minute).")] = None,
) -> None:
    """Score --video against --sample; prints JSON {"value", "parts", "reason"}. A bad video scores 0 with the reason."""
    from vbvr_core.judge.run import run_scorer
    from vbvr_core.media.video import VideoReader

    sample_dir = deprecated("--sample", sample, "the positional SAMPLE", sample_arg, None)
    video_path = deprecated("--video", video, "the positional VIDEO", video_arg, None)
    if sample_dir is None or video_path is None:
        raise fail_usage("give the sample folder and the video: vbvr score --sample DIR --video FILE")
    reference = loaded_sample(sample_dir, "--sample")
    try:
        scorer = discovery.get_task(reference.record.task_key).load_scorer()
    except discovery.UnknownTaskError as error:
        raise fail_usage(f"--sample {sample_dir}: {error}") from None
    result = run_scorer(scorer, reference, VideoReader(video_path))
    print(json.dumps(result.model_dump(mode="json"), indent=2, sort_keys=True))
