"""Judging a sequence choice: the video must show this scene, and its red mark enclose the one candidate that
continues the sequence.

The marking family's judge does most of the work (any clear mark style; a mark on another candidate, on
several, or a changed picture earns nothing). Its opening check is a loose PSNR, and in these scenes the
candidates sit in the same few slots in every sample, so another sample's video would open "alike" and ring
the same slot: :func:`scene_overlap` therefore also asks that the opening frame holds *our* figures — their
kinds, sizes and colour — as a soft overlap of the figure colour's ink, judged after a global colour fit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.families.marking.judge import JUDGE_FPS, JUDGE_SIZE, judge_mark
from vbvr_core.families.sequence_choice.scene import SequenceChoiceSolution
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.ink import background_of, ink_map, ink_overlap
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

# Soft overlap of the figures' ink between the video's opening frame and ours: full credit from SCENE_FULL,
# none below SCENE_ZERO (the same scene re-encoded, resized or blurred overlaps ≈ 0.85–1; another instance,
# with other kinds, sizes or colour, far less).
SCENE_FULL, SCENE_ZERO = 0.75, 0.55
# Blur (px per 512) both ink maps get before they are compared, so a figure a pixel or two off still overlaps.
SCENE_SIGMA = 2.0


def scene_overlap(opening: np.ndarray, first_frame: np.ndarray, color: Sequence[int]) -> float:
    """Soft IoU of the ``color`` ink in ``opening`` (any size, square) and in ``first_frame`` (512²), after
    mapping ``opening``'s colours onto ours."""
    size = opening.shape[0]
    reference = resize_frame(first_frame, size)
    mapped = match_colours(opening, *colour_fit(opening, reference))
    background = background_of(reference)
    ours, theirs = ink_map(reference, color, background), ink_map(mapped, color, background)
    return ink_overlap(ours, theirs, SCENE_SIGMA * size / FRAME_SIZE)


def judge_choice(video: VideoReader, first_frame, solution: SequenceChoiceSolution) -> Score:
    """Score ``video`` of a sequence-choice sample: opens on this scene (``first_frame``, 512² RGB), ends with a
    red mark on ``solution``'s target candidate only, everything else unchanged. Never raises.

    value = (the marking judge's value) · same_scene, same_scene = :func:`scene_overlap` of the opening frame
    ramped from :data:`SCENE_ZERO` to :data:`SCENE_FULL`.
    """
    marked = judge_mark(video, first_frame, solution.candidate_centers, solution.target,
                        solution.ring_radii[solution.target])
    if marked.value <= 0.0:
        return marked
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    overlap = scene_overlap(clip.frames[0], first_frame, solution.color)
    same_scene = ramp(-overlap, -SCENE_FULL, -SCENE_ZERO)
    parts = {**marked.parts, "same_scene": same_scene, "scene_overlap": overlap}
    if same_scene <= 0.0:
        return Score.zero(f"the video opens on other figures than this sample's (overlap {overlap:.2f})", **parts)
    return Score(value=marked.value * same_scene, parts=parts, reason=marked.reason)
