"""Judging a picture completed in place: did the expected content appear in the target boxes, and only there?

Tasks whose answer is a figure drawn into an empty place (a missing matrix cell, the next element of a
sequence, the missing cells of a symmetric pattern) share one question: at the end of the model's video,
does each target box hold what the final frame holds there — and is the rest of the picture still the
first frame? Content is compared on slightly blurred pictures as the share of a box's pixels that differ
clearly (by more than ``PIXEL_TOLERANCE`` in some channel), relative to the share the answer covers:
codec noise and resampling stay under the tolerance, while a figure of the wrong shape, count, size or
colour differs clearly even when it sits in the right place.

Comparisons happen at the video's own resolution (capped at 512), so a model that renders at 256² is
not penalised for resampling: the reference frames are brought down to it instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import cv2
import numpy as np
from pydantic import BaseModel, ConfigDict

from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.contract.geometry import Box
from vbvr_core.judge.compare import colour_fit, match_colours, starts_like
from vbvr_core.judge.credit import ramp, ramps
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max, resize_frame
from vbvr_core.media.video import VideoClip, VideoReader

# A target is right when its clearly differing pixels are at most MATCH_FULL of the answer's own pixels,
# and wrong from MATCH_ZERO on; oracle videos measure 0.00 at 512², ≤ 0.08 re-encoded at 256².
MATCH_FULL, MATCH_ZERO = 0.08, 0.2
PIXEL_TOLERANCE = 40
# Comparisons blur by this many pixels per 512 of width: a model's video may be softer than ours (σ 1.5).
COMPARE_BLUR = 2.0
# An answer may stand this far off its exact spot: 6 canvas pixels, at most a tenth of its box.
OFFSET_PIXELS, OFFSET_SHARE = 6, 0.10
PARTIAL_FLOOR = 0.5
# The rest of the picture: clearly changed pixels, as a share of its drawn (non-background) pixels,
# tolerated before it counts as redrawn.
REST_FULL, REST_ZERO = 0.05, 0.25


def scale_box(box: Sequence[float], factor: float) -> Box:
    """A 512-canvas box scaled by ``factor`` (at least one pixel wide and high)."""
    left, top = int(round(box[0] * factor)), int(round(box[1] * factor))
    right, bottom = max(left + 1, int(round(box[2] * factor))), max(top + 1, int(round(box[3] * factor)))
    return left, top, right, bottom


def working_clip(video: VideoReader, max_size: int = FRAME_SIZE) -> VideoClip:
    """The video decoded at its own size (its smaller side, capped at ``max_size``) as a square clip."""
    probe = video.clip()
    if not probe.ok or not probe.source_size:
        return probe
    return video.clip(size=max(16, min(max_size, *probe.source_size)))


def soften(frames: np.ndarray, strength: float = 1.0) -> np.ndarray:
    """Frames (or one frame) blurred by ``strength`` pixels per 512 of width (at least one pixel), to forgive
    resampling and codec edges."""
    sigma = max(1.0, strength * frames.shape[-2] / 512)
    if frames.ndim == 3:
        return cv2.GaussianBlur(frames, (0, 0), sigma)
    return np.stack([cv2.GaussianBlur(frame, (0, 0), sigma) for frame in frames])


def box_mismatch(frames: np.ndarray, reference: np.ndarray, boxes: Sequence[Box],
                 tolerance: float = PIXEL_TOLERANCE) -> np.ndarray:
    """Share of each box's pixels whose largest channel difference to ``reference`` exceeds ``tolerance`` → T×B."""
    frames = frames if frames.ndim == 4 else frames[None]
    out = np.zeros((len(frames), len(boxes)))
    for k, (left, top, right, bottom) in enumerate(boxes):
        patch = frames[:, top:bottom, left:right].astype(np.int16)
        difference = channel_max(np.abs(patch - reference[top:bottom, left:right].astype(np.int16)))
        out[:, k] = (difference > tolerance).mean(axis=(1, 2))
    return out


def drawn_share(patch: np.ndarray, background) -> float:
    """Share of ``patch``'s pixels that differ clearly from ``background`` (one colour, or a patch of the same size):
    by more than ``PIXEL_TOLERANCE`` in some channel. How much of a box is drawn, against what it is drawn on."""
    return float((channel_max(np.abs(patch.astype(np.int16) - background)) > PIXEL_TOLERANCE).mean())


def inner_box(box: Box, radius: int) -> Box:
    """``box`` shrunk by ``radius`` on every side (kept at least a third of its size)."""
    left, top, right, bottom = box
    radius = max(0, min(radius, (right - left) // 3, (bottom - top) // 3))
    return left + radius, top + radius, right - radius, bottom - radius


def best_offsets(frames: np.ndarray, final: np.ndarray, boxes: Sequence[Box], reach: Sequence[int]) -> list[tuple[int, int]]:
    """Per box, the (dx, dy) within ``reach`` pixels at which the last frame best shows the final content of
    the box's interior (:func:`inner_box`; least squared difference): an answer drawn a few pixels off its
    exact spot is judged where it is."""
    last = frames[-1].astype(np.float32)
    size = last.shape[0]
    offsets = []
    for box, radius in zip(boxes, reach, strict=True):
        left, top, right, bottom = inner_box(box, radius)
        x0, y0 = max(0, left - radius), max(0, top - radius)
        x1, y1 = min(size, right + radius), min(size, bottom + radius)
        if radius < 1 or right - left < 2 or bottom - top < 2:
            offsets.append((0, 0))
            continue
        costs = cv2.matchTemplate(last[y0:y1, x0:x1], final[top:bottom, left:right].astype(np.float32), cv2.TM_SQDIFF)
        # prefer the exact spot on ties: add a tiny cost that grows with the distance
        ys, xs = np.mgrid[0:costs.shape[0], 0:costs.shape[1]]
        costs = costs * (1 + 1e-6 * ((xs + x0 - left) ** 2 + (ys + y0 - top) ** 2)) + 1e-3 * (
            (xs + x0 - left) ** 2 + (ys + y0 - top) ** 2)
        dy, dx = np.unravel_index(int(np.argmin(costs)), costs.shape)
        offsets.append((int(dx + x0 - left), int(dy + y0 - top)))
    return offsets


def match_credits(frames: np.ndarray, first: np.ndarray, final: np.ndarray, boxes: Sequence[Box],
                  reach: Sequence[int] | None = None) -> np.ndarray:
    """Per frame and box, credit in [0, 1] for showing the final content (1) rather than anything else (0).

    A box's clearly differing pixels are counted against the size of the answer: the share of the box
    where the final frame differs clearly from the box's background (the median colour the first frame
    shows there), so a question mark or placeholder that the answer replaces does not inflate it.
    ``frames`` (T×H×W×3), ``first`` and ``final`` share one size; boxes are in that size's pixels. All
    three are softened (:func:`soften`, by ``COMPARE_BLUR``) before comparing, and each box is compared
    where the last frame shows its content best, up to ``reach`` pixels (per box) off its exact spot; the
    box's interior (:func:`inner_box`) is what is compared, so a figure near its edge may cross it.
    """
    first, final, frames = (soften(image, COMPARE_BLUR) for image in (first, final, frames))
    reach = reach if reach is not None else [0] * len(boxes)
    offsets = best_offsets(frames, final, boxes, reach)
    inners = [inner_box(box, radius) for box, radius in zip(boxes, reach, strict=True)]
    answer_size = np.zeros(len(boxes))
    for k, ((left, top, right, bottom), (box_left, box_top, box_right, box_bottom)) in enumerate(zip(inners, boxes,
                                                                                                     strict=True)):
        background = np.median(first[box_top:box_bottom, box_left:box_right].reshape(-1, 3), axis=0)
        answer_size[k] = max(drawn_share(final[top:bottom, left:right], background), 0.02)
    mismatch = np.zeros((len(frames), len(boxes)))
    for k, ((left, top, right, bottom), (dx, dy)) in enumerate(zip(inners, offsets, strict=True)):
        # the model's content at the offset, compared with the final frame's content at the exact spot
        drawn = frames[:, top + dy:bottom + dy, left + dx:right + dx].astype(np.int16)
        difference = channel_max(np.abs(drawn - final[top:bottom, left:right].astype(np.int16)))
        mismatch[:, k] = (difference > PIXEL_TOLERANCE).mean(axis=(1, 2))
    ratios = mismatch / answer_size
    return ramps(ratios, MATCH_FULL, MATCH_ZERO)


def outside_mask(size: int, boxes: Sequence[Box]) -> np.ndarray:
    """Boolean H×W mask of the pixels outside every box."""
    mask = np.ones((size, size), dtype=bool)
    for left, top, right, bottom in boxes:
        mask[top:bottom, left:right] = False
    return mask


def rest_unchanged(frames: np.ndarray, rest: np.ndarray, tail_frames: int = 3) -> float:
    """Credit in [0, 1] for keeping the pixels under mask ``rest`` as the opening frame shows them.

    Per frame, the share of ``rest`` pixels that differ clearly from the opening frame is divided by the
    share of drawn (non-background) pixels there, so moving one figure of a sparse picture counts as much
    as it looks. Measured against the video's own opening frame (which ``start`` compares with the
    sample), so resampling differences between our PNG and the model's pixels do not count as change.
    The worst of the 90th percentile over all frames and the last ``tail_frames`` frames is judged.
    """
    softened = soften(frames)
    opening = softened[0]
    rest_count = max(1, int(np.count_nonzero(rest)))
    changed = np.empty(len(softened))
    for index, frame in enumerate(softened):  # uint8 |a - b| per channel, their maximum, against the tolerance
        difference = cv2.absdiff(frame, opening)
        largest = np.maximum(np.maximum(difference[..., 0], difference[..., 1]), difference[..., 2])
        changed[index] = np.count_nonzero((largest > PIXEL_TOLERANCE) & rest) / rest_count
    opening = opening.astype(np.int16)
    background = np.median(opening[rest], axis=0)
    drawn = float((channel_max(np.abs(opening - background)) > PIXEL_TOLERANCE)[rest].mean())
    ratios = changed / max(drawn, 0.01)
    return ramp(max(float(np.percentile(ratios, 90)), float(ratios[-max(1, tail_frames):].max())), REST_FULL, REST_ZERO)


def judge_completion(video: VideoReader, first: np.ndarray, final: np.ndarray, target_boxes: Sequence[Sequence[float]],
                     tail_frames: int = 3, margin: int = 4, chance: float = 0.0,
                     kept_boxes: Sequence[Sequence[float]] = (),
                     read_answer: Callable[[int, np.ndarray], float | None] | None = None) -> Score:
    """Score a video that should fill ``target_boxes`` (512-canvas boxes) with the final frame's content.

    value = start · open_question · answer · unchanged, where start = the video opens on the first frame,
    open_question = its targets do not already show the answer (it must be drawn in); answer = mean
    credit of the targets over the last ``tail_frames`` frames (the figure must appear and stay);
    unchanged = the picture outside the targets (grown by ``margin`` canvas pixels) stays as the video's
    opening frame shows it (:func:`rest_unchanged`). With many targets, what a partial or trivial answer
    earns is discounted: answer = (mean credit − floor) / (1 − floor), floored at 0, where floor is the larger
    of ``chance`` (the share a trivial answer gets right, e.g. every cell the most common colour) and
    ``PARTIAL_FLOOR`` (half the targets filled in earns nothing: a video frozen half-way is no answer).
    ``kept_boxes`` (512-canvas boxes of the given elements, e.g. the shown terms of a sequence) add a part
    kept = the least credit of any of them for still showing its first-frame content at the end, judged like
    the targets: replacing one given element changes a small share of the whole picture, which ``unchanged``
    alone may forgive, but it is a wrong answer. ``first``/``final`` are the sample's 512² PNG frames.
    A task whose answer is text passes ``read_answer(target index, tail regions)``: the credit for the text read in
    the target's region of the last frames (T × h × w × 3, colour-mapped, at the video's size), or None to leave
    the target to the pixel match; where it gives a credit, that is the target's (a wrong number drawn like ours
    is close to the answer in pixels, not in reading).
    """
    overview = video.clip()
    clip = working_clip(video)
    if not clip.ok or not overview.ok:
        return Score.zero(clip.error or overview.error or "video has no frames")
    size = clip.frames.shape[1]
    boxes = [scale_box(box, size / FRAME_SIZE) for box in target_boxes]
    reach = [int(min(OFFSET_PIXELS * size / FRAME_SIZE, OFFSET_SHARE * min(right - left, bottom - top)))
             for left, top, right, bottom in boxes]
    reference_first, reference_final = resize_frame(first, size), resize_frame(final, size)
    # the video's colours mapped onto ours (a model may render a little brighter, darker or tinted)
    colours = colour_fit(clip.frames[0], reference_first)
    tail = match_colours(clip.frames[-max(1, tail_frames):], *colours)
    credits = match_credits(tail, reference_first, reference_final, boxes, reach).mean(axis=0)
    if read_answer is not None:
        readings = [read_answer(index, tail[:, top:bottom, left:right])
                    for index, (left, top, right, bottom) in enumerate(boxes)]
        credits = np.array([credit if reading is None else reading
                            for credit, reading in zip(credits, readings, strict=True)])
    opening = match_credits(match_colours(clip.frames[:1], *colours), reference_first, reference_final, boxes, reach)
    raw = float(credits.mean()) if len(credits) else 0.0
    floor = max(chance, PARTIAL_FLOOR) if len(boxes) > 1 else 0.0
    # The rest of the picture is checked on the small overview clip: cheap, and redrawing shows at any size.
    small = overview.frames.shape[1]
    rest = outside_mask(small, [scale_box((left - margin, top - margin, right + margin, bottom + margin),
                                          small / FRAME_SIZE)
                                for left, top, right, bottom in target_boxes])
    right = int((credits >= 0.5).sum())
    verdict = Verdict()
    verdict.part("start", starts_like(overview, first), unless="the video does not open on the first frame")
    verdict.part("open_question", float(opening.mean()) < 0.5,
                 unless="the video shows the answer from its first frame (nothing is drawn in)")
    verdict.part("answer", max(0.0, (raw - floor) / (1.0 - floor)) if floor < 1 else raw,
                 unless=f"{len(boxes) - right} of {len(boxes)} target regions do not show the expected content at the end")
    verdict.note("targets_right", right / max(1, len(boxes)))
    verdict.part("unchanged", rest_unchanged(overview.frames, rest, tail_frames),
                 unless="the picture outside the target regions changes")
    if kept_boxes:
        kept = [scale_box(box, size / FRAME_SIZE) for box in kept_boxes]
        kept_reach = [int(min(OFFSET_PIXELS * size / FRAME_SIZE, OFFSET_SHARE * min(right - left, bottom - top)))
                      for left, top, right, bottom in kept]
        held = match_credits(tail, reference_first, reference_first, kept, kept_reach).mean(axis=0)
        verdict.part("kept", float(held.min()),
                     unless=f"given element {int(held.argmin())} no longer shows what it showed at the start")
    return verdict.score(ok="the expected content appears in every target region; the rest is unchanged")


class Completion(BaseModel):
    """What :func:`score_completion` reads from a fill-in sample's solution (other fields are the task's own):
    one ``target_box`` or several ``target_boxes``, the ``given_boxes`` that must keep their content, and the
    ``chance`` a trivial answer has of being right (all 512-canvas boxes)."""

    model_config = ConfigDict(extra="ignore")

    target_box: Box | None = None
    target_boxes: list[Box] = []
    given_boxes: list[Box] = []
    chance: float = 0.0


def score_completion(sample: SampleRef, video: VideoReader,
                     read_answer: Callable[[int, np.ndarray], float | None] | None = None) -> Score:
    """The scorer of a fill-in task whose solution names its targets (:class:`Completion`): :func:`judge_completion`
    of ``video`` against the sample's first and final frames, with the targets (``target_box``, else
    ``target_boxes``), ``given_boxes`` as kept boxes, ``chance`` and ``read_answer`` as there."""
    facts = Completion.model_validate(sample.solution)
    targets = [facts.target_box] if facts.target_box is not None else facts.target_boxes
    return judge_completion(video, sample.first_frame, sample.final_frame, targets, chance=facts.chance,
                            kept_boxes=facts.given_boxes, read_answer=read_answer)
