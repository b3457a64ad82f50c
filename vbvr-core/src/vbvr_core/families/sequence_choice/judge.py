"""Judging a sequence choice: the video must show this scene, and its red mark enclose the one candidate that
continues the sequence.

The marking family's judge does most of the work (any clear mark style; a mark on another candidate, on
several, or a changed picture earns nothing). Its opening check is a loose PSNR, and in these scenes the
candidates sit in the same few slots in every sample, so another sample's video would open "alike" and ring
the same slot: :func:`scene_overlap` therefore also asks that the opening frame holds *our* figures — their
kinds, sizes and colour — in every slot: a soft overlap of the figure colour's ink, slot by slot, judged after
a global colour fit (both frames blurred first, so that pixel noise neither dims the fit nor pushes pixels off
the colour's blend line); the worst slot decides (another instance differs in at least one slot's kind or size, while
its overlap over the whole frame is dominated by the slots it shares).
"""

from __future__ import annotations

import numpy as np

from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.families.sequence_choice.scene import SequenceChoiceSolution
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.ink import background_of, ink_map, ink_overlap
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

# Soft overlap of the figures' ink between the video's opening frame and ours, in the worst slot: full credit
# from SCENE_FULL, none below SCENE_ZERO. Measured at 512² with the blurred colour fit (below): the same scene
# re-encoded (crf 35), resized to 256², blurred or with noise of σ 6 keeps ≥ 0.90 in every slot; the sequence's
# figures swapped for another kind of the same size ≤ 0.61 (square for circle 0.83); another sample ≤ 0.56.
# (The fit on unblurred frames read such swaps ~0.04 lower, as their mismatch dimmed the fit: both bounds moved
# up by that much, from 0.80 / 0.60.)
SCENE_FULL, SCENE_ZERO = 0.84, 0.64
# Blur (px per 512) both frames get before the colour fit and the ink maps, so a figure a pixel or two off still
# overlaps, and pixel noise is averaged away first: Gaussian noise of σ 6 on the raw frames dims the least-squares
# colour fit (its variance adds to the frame's, gain ≈ 0.9) and pushes figure pixels off the blend line, losing
# 10-25 % of the ink (worst slot 0.76-0.90 on 30 samples of G-131/134/135); blurred first, ≥ 0.94 at 512² and 256².
SCENE_SIGMA = 2.0
# A slot's window: its figure's reach times this, plus SLOT_MARGIN px (per 512).
SLOT_REACH, SLOT_MARGIN = 1.3, 2


def _slots(solution: SequenceChoiceSolution) -> list[tuple[tuple[float, float], float]]:
    """(centre, half-width of the window) of every figure shown in the opening frame, in 512² pixels."""
    shown = zip(solution.sequence_centers, solution.sequence_radii, strict=True)
    offered = zip(solution.candidate_centers, solution.ring_radii, strict=True)
    return [(tuple(centre), reach * SLOT_REACH + SLOT_MARGIN) for centre, reach in (*shown, *offered)]


def scene_overlap(opening: np.ndarray, first_frame: np.ndarray, solution: SequenceChoiceSolution) -> float:
    """The worst slot's soft IoU of the figure colour's ink in ``opening`` (any size, square) and in
    ``first_frame`` (512²), both blurred by :data:`SCENE_SIGMA`, after mapping ``opening``'s colours onto ours."""
    import cv2

    size = opening.shape[0]
    scale = size / FRAME_SIZE
    reference = resize_frame(first_frame, size)
    background = background_of(reference)
    reference = cv2.GaussianBlur(reference, (0, 0), SCENE_SIGMA * scale)
    opening = cv2.GaussianBlur(np.ascontiguousarray(opening, dtype=np.uint8), (0, 0), SCENE_SIGMA * scale)
    mapped = match_colours(opening, *colour_fit(opening, reference))
    ours, theirs = ink_map(reference, solution.color, background), ink_map(mapped, solution.color, background)
    worst = 1.0
    for (x, y), half in _slots(solution):
        left, top = max(int((x - half) * scale), 0), max(int((y - half) * scale), 0)
        window = (slice(top, int((y + half) * scale) + 1), slice(left, int((x + half) * scale) + 1))
        worst = min(worst, ink_overlap(ours[window], theirs[window], 0.0))
    return worst


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
    ends = video.clip(size=FRAME_SIZE, num_frames=2)
    if not ends.ok:
        return Score.zero(ends.error or "video has no frames")
    overlap = scene_overlap(ends.frames[0], first_frame, solution)
    same_scene = ramp(-overlap, -SCENE_FULL, -SCENE_ZERO)
    parts = {**marked.parts, "same_scene": same_scene, "scene_overlap": overlap}
    if same_scene <= 0.0:
        return Score.zero(f"the video opens on other figures than this sample's (overlap {overlap:.2f})", **parts)
    return Score(value=marked.value * same_scene, parts=parts, reason=marked.reason)


def score_choice(sample: SampleRef, video: VideoReader) -> Score:
    """The scorer of every sequence-choice task: :func:`judge_choice` of ``video`` against ``sample``'s first frame
    and solution. The video must open on the first frame; at the end a clear red mark (ring, outline, dot or fill)
    sits on the answer and takes in no other candidate; everything else is unchanged up to a global colour drift.
    How the mark appears is not asked for, so drawing it at once costs only 0.1."""
    return judge_choice(video, sample.first_frame, SequenceChoiceSolution.model_validate(sample.solution))
