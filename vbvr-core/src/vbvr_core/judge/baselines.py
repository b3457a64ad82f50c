"""Shortcut videos: what a model that does not reason hands in, written from a saved sample.

Each kind has the ground truth's length, size and 24 fps (noise: at most two seconds):

- ``oracle``: the ground truth itself (the reference every shortcut is compared with);
- ``static``: the first frame held (doing nothing);
- ``noise``: uniform random pixels, seeded;
- ``final_only``: the final frame held from the start (the answer, without the given start);
- ``final``: the jump-cut — the first frame held half the length, then a hard cut to the final frame;
- ``crossfade``: the first frame dissolving linearly into the final frame (no shortcut where the ground truth is
  itself such a dissolve, :func:`is_dissolve`: the robustness suite leaves it out there);
- ``reversed``: the ground truth played backwards;
- ``freeze``: the ground truth up to half-way, then that frame held (no shortcut where the ground truth shows
  nothing new after half-way, :func:`settled_from`: the robustness suite leaves it out there);
- ``shuffle``: another sample's ground truth (a plausible video of the wrong instance);
- ``rotate``: the first frame slowly turning by :data:`ROTATE_DEGREES`;
- ``mirror``: the first frame, then its mirror image from half-way.

``final`` and ``crossfade`` show the right end state without the process: for end-state tasks
(``process_required=False``) they are correct answers (:data:`ANSWER_ONLY`). The final frame is
``final_frame.png``, or the ground truth's last frame where the goal is text.

Used by ``vbvr review``, ``vbvr-bench baseline`` / ``validate-scorers``, the robustness suite and task tests.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from vbvr_core.judge.motion import DISSOLVE_LOW, blend_residuals
from vbvr_core.media.video import probe_video, read_video, write_video
from vbvr_core.pipeline.sample_io import FINAL_FRAME, FIRST_FRAME, METADATA, VIDEO, load_record, read_png
from vbvr_core.pipeline.seeds import derive_seed, rng

BASELINES = ("oracle", "static", "final", "noise", "shuffle")
SHORTCUTS = ("static", "noise", "final_only", "final", "crossfade", "reversed", "freeze", "shuffle", "rotate", "mirror")
ANSWER_ONLY = ("final", "crossfade")
# Per-pixel noise is the costliest thing to encode; two seconds of it are as uninformative as ten.
NOISE_FRAMES = 48
ROTATE_DEGREES = 30.0
# Shortcuts that need the decoded ground truth (the others are made from the PNGs alone).
_NEEDS_TRUTH = ("reversed", "freeze")
_NEEDS_FINAL = ("final_only", "final", "crossfade")
# A held frame re-encoded moves a few pixels (a keyframe's ringing); a step of a process moves more than this share
# of the frame's pixels by more than SETTLED_LEVELS in some channel.
SETTLED_SHARE = 2e-4
SETTLED_LEVELS = 40


def _video_shape(sample_dir: Path) -> tuple[int, int, int]:
    """(frames, height, width) of the sample's ground truth: from metadata.json, or from the video itself
    for samples that have none (the official VBVR-Bench ground truth)."""
    if (sample_dir / METADATA).is_file():
        video = load_record(sample_dir).video
        return max(2, video.frames), video.height, video.width
    facts = probe_video(sample_dir / VIDEO)
    return max(2, facts.frames), facts.height, facts.width


def decode_truth(sample_dir: str | Path) -> np.ndarray:
    """The sample's ground truth as (T, H, W, 3) RGB frames at its own size and rate."""
    path = Path(sample_dir) / VIDEO
    facts = probe_video(path)
    clip = read_video(path, size=(facts.width, facts.height))
    if not clip.ok:
        raise ValueError(f"{sample_dir}: the ground truth cannot be decoded: {clip.error}")
    return clip.frames


def _rotated(frame: np.ndarray, degrees: float) -> np.ndarray:
    import cv2

    height, width = frame.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(frame, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def freeze_frame(length: int) -> int:
    """The frame a ``length``-frame ground truth is held at by the ``freeze`` shortcut."""
    return length // 2


def settled_from(truth: np.ndarray, frame: int) -> bool:
    """Whether the decoded ground truth ``truth`` shows nothing new after ``frame``: no later frame has more than
    :data:`SETTLED_SHARE` of its pixels more than :data:`SETTLED_LEVELS` levels (in any channel) away from that
    frame's. Such a truth held from ``frame`` on is the truth itself, up to codec noise."""
    held = truth[frame].astype(np.int16)
    limit = SETTLED_SHARE * held.shape[0] * held.shape[1]
    return all(int((np.abs(later.astype(np.int16) - held).max(axis=2) > SETTLED_LEVELS).sum()) <= limit
               for later in truth[frame + 1:])


def is_dissolve(truth: np.ndarray) -> bool:
    """Whether the decoded ground truth ``truth`` is itself a dissolve of its first frame into its last: every frame
    within :data:`~vbvr_core.judge.motion.DISSOLVE_LOW` of a blend of the two (and the two differ). The
    ``crossfade`` shortcut of such a sample is its answer, not a shortcut."""
    residuals = blend_residuals(truth)
    return residuals is not None and max(residuals) <= DISSOLVE_LOW


def shortcut_frames(kind: str, first: np.ndarray, final: np.ndarray, length: int,
                    truth: np.ndarray | None = None, seed: int = 0) -> Iterator[np.ndarray]:
    """The frames of shortcut ``kind`` (not ``oracle`` / ``shuffle``, which are files) for a ``length``-frame video.

    ``truth`` (the decoded ground truth) is needed by ``reversed`` and ``freeze``; ``seed`` seeds ``noise``.
    Raises ValueError for an unknown kind.
    """
    half = length // 2
    if kind == "static":
        yield from (first for _ in range(length))
    elif kind == "noise":
        generator = rng(seed)
        yield from (generator.integers(0, 256, first.shape, dtype=np.uint8) for _ in range(min(length, NOISE_FRAMES)))
    elif kind == "final_only":
        yield from (final for _ in range(length))
    elif kind == "final":
        yield from (first if k < half else final for k in range(length))
    elif kind == "crossfade":
        start, end = first.astype(np.float32), final.astype(np.float32)
        for k in range(length):
            share = k / max(1, length - 1)
            yield np.clip(np.rint(start + (end - start) * share), 0, 255).astype(np.uint8)
    elif kind in _NEEDS_TRUTH:
        if truth is None:
            raise ValueError(f"the {kind} shortcut needs the decoded ground truth")
        if kind == "reversed":
            yield from truth[::-1]
        else:
            middle = freeze_frame(len(truth))
            yield from (truth[min(k, middle)] for k in range(len(truth)))
    elif kind == "rotate":
        yield from (_rotated(first, ROTATE_DEGREES * k / max(1, length - 1)) for k in range(length))
    elif kind == "mirror":
        mirrored = np.ascontiguousarray(first[:, ::-1])
        yield from (first if k < half else mirrored for k in range(length))
    else:
        raise ValueError(f"unknown shortcut {kind!r}; known: oracle, {', '.join(SHORTCUTS)}")


def write_baseline(kind: str, sample_dir: str | Path, dest: str | Path, other_sample_dir: str | Path | None = None,
                   truth: np.ndarray | None = None) -> Path:
    """Write the ``kind`` video (``oracle`` or one of :data:`SHORTCUTS`) for the sample in ``sample_dir`` to ``dest``.

    ``shuffle`` needs ``other_sample_dir`` (a different sample of the same task). ``truth``, the decoded ground
    truth, saves a decode where the caller has it already. Raises ValueError for an unknown kind.
    """
    sample_dir, dest = Path(sample_dir), Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if kind == "oracle":
        shutil.copyfile(sample_dir / VIDEO, dest)
        return dest
    if kind == "shuffle":
        if other_sample_dir is None:
            raise ValueError("the shuffle baseline needs another sample of the same task")
        shutil.copyfile(Path(other_sample_dir) / VIDEO, dest)
        return dest
    if kind in _NEEDS_TRUTH and truth is None:
        truth = decode_truth(sample_dir)
    first = read_png(sample_dir / FIRST_FRAME)
    final = first
    if kind in _NEEDS_FINAL:
        final_path = sample_dir / FINAL_FRAME
        final = read_png(final_path) if final_path.exists() else (truth if truth is not None else decode_truth(sample_dir))[-1]
    length = _video_shape(sample_dir)[0]
    seed = derive_seed("noise", sample_dir.parent.name, sample_dir.name)
    write_video(dest, shortcut_frames(kind, first, final, length, truth, seed))
    return dest
