"""Judging a placement: did every piece keep its identity and shape, turn only as asked, and slide into its outline?

Each piece has its own colour, so it is followed by that colour — as the video's opening frame shows it. Per
frame, :func:`piece_poses` gives its centre (the colour blob's) and its turn from the start orientation: the
fill likeness around that centre correlated with the piece drawn at every candidate angle (the rotation
family's templates, :mod:`vbvr_core.families.rotation.track`), so a piece is measured while it slides as well
as while it turns. Frames without one solid piece of that colour (hidden, merged, cross-faded) are unseen.

:func:`judge_placement` then asks, per piece: does it end on its outline's centre (``arrive``), at the
outline's orientation (``pose``, modulo its symmetry), whole (``intact``), having stayed on its row
(``level``)? With ``turn_first`` (the turn before the slide): while it is still at its start, does its turn pass
through the intermediate angles and reach the asked orientation (``turned``), and does it keep that
orientation all along the slide (``held``)? Without: does it never turn (``unturned``)? Over the clip: the
video opens on the first frame, every piece stays whole in every frame (no piece passes through another, which
would hide part of one), and each slide is continuous (no jump of more than 55 % of the way).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.arrangement.judge import process_part, travel_continuity
from vbvr_core.families.placement.draw import OUTLINE_WIDTH, Piece
from vbvr_core.families.rotation.judge import turn_series
from vbvr_core.families.rotation.track import (
    ANGLE_STEP,
    MIN_CORRELATION,
    TurningPolygon,
    best_templates,
    fill_likeness,
    polygon_templates,
)
from vbvr_core.families.stacking.judge import opened
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, observed_color, progress_coverage
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoClip, VideoReader
from vbvr_core.plane import share_along

COLOR_TOLERANCE = 38.0  # the blob's reach in RGB: under half the distance between two piece colours
TAIL = 3  # frames that make the end state
TURN_SIZE = 512  # px: a turning piece is read at the canvas size (a small one's angle is too coarse at 256)
# 512-canvas pixels: the centre's distance from the outline's centre, and its drift off its row.
ARRIVE_FULL, ARRIVE_ZERO = 8.0, 24.0
LEVEL_FULL, LEVEL_ZERO = 10.0, 30.0
# Degrees (modulo the piece's symmetry) from the asked orientation.
POSE_FULL, POSE_ZERO = 6.0, 15.0
SPIN_TOLERANCE = 10.0  # a frame whose turn stays within this of the expected one counts as unturned / held
# Share of frames a piece may be mis-measured in before credit falls (ramp from FRAMES_FULL to FRAMES_ZERO).
FRAMES_FULL, FRAMES_ZERO = 0.1, 0.35
# A piece is whole in a frame when its pixel count is within these ratios of the final frame's.
WHOLE_LOW, WHOLE_HIGH = 0.45, 1.7
STILL, MOVING = 0.05, 0.15  # slide progress below which a piece is still at its start, above which it slides


@dataclass(frozen=True)
class PiecePoses:
    """One piece through a clip: centre (clip pixels) and turn (degrees, unwrapped) per frame, None where unseen;
    its pixel count per frame, and the count it has in the sample's final frame."""

    centres: list[tuple[float, float] | None]
    turns: list[float | None]
    counts: np.ndarray
    expected: int


def piece_poses(frames: np.ndarray, piece: Piece, color, expected: int) -> PiecePoses:
    """Track ``piece`` (of ``color`` as the video shows it) through ``frames``: see :class:`PiecePoses`."""
    size = frames.shape[2]
    scale = size / FRAME_SIZE
    centres, counts = blob_track(frames, color, COLOR_TOLERANCE, max(6, expected // 4))
    turns: list[float | None] = [None] * len(frames)
    if piece.symmetry:
        shape = TurningPolygon(piece.vertices, (256.0, 256.0), piece.sprite_side, OUTLINE_WIDTH, piece.symmetry,
                               piece.radius)
        angles, templates, areas = polygon_templates(shape, size)
        half = round(piece.sprite_side * scale) // 2 + 2
        box = 2 * half + 1
        rows, index = [], []
        for k, centre in enumerate(centres):
            if centre is None:
                continue
            cx, cy = round(centre[0]), round(centre[1])
            region = np.zeros((box, box, 3), np.float32)
            x0, y0 = cx - half, cy - half
            sx0, sy0 = max(0, x0), max(0, y0)
            sx1, sy1 = min(frames.shape[2], x0 + box), min(frames.shape[1], y0 + box)
            if sx1 <= sx0 or sy1 <= sy0:
                continue
            region[:] = 1e4  # outside the frame: far from any colour
            region[sy0 - y0:sy1 - y0, sx0 - x0:sx1 - x0] = frames[k, sy0:sy1, sx0:sx1]
            rows.append(fill_likeness(region, color).reshape(-1))
            index.append(k)
        if rows:
            flat = np.stack(rows)
            best, before, peak, after = best_templates(flat, templates)
            raw: list[float | None] = [None] * len(frames)
            period = 360.0 / piece.symmetry
            for row, k in enumerate(index):
                if peak[row] < MIN_CORRELATION:
                    continue
                curvature = before[row] - 2 * peak[row] + after[row]
                shift = 0.5 * (before[row] - after[row]) / curvature if curvature < 0 else 0.0
                raw[k] = float((angles[best[row]] + np.clip(shift, -0.5, 0.5) * ANGLE_STEP) % period)
            turns = turn_series(raw, 0.0, period)
    return PiecePoses(centres, turns, counts, expected)


def residue(turn: float, expected: float, symmetry: int) -> float:
    """How far ``turn`` is from ``expected`` in degrees, modulo the symmetry's period."""
    period = 360.0 / symmetry if symmetry else 360.0
    difference = (turn - expected) % period
    return float(min(difference, period - difference))


@dataclass(frozen=True)
class PieceJudgement:
    """Each check on one piece in [0, 1] (see :func:`judge_placement`); ``process`` is its slide's continuity."""

    arrive: float
    intact: float
    level: float
    pose: float
    orientation: float
    process: float
    whole: float
    note: str

    @property
    def value(self) -> float:
        return self.arrive * self.intact * self.level * self.pose * self.orientation


def judge_piece(poses: PiecePoses, piece: Piece, scale: float, turn_first: bool) -> PieceJudgement:
    """Judge one piece's poses (clip pixels; ``scale`` = clip size / 512)."""
    seen = [(k, c) for k, c in enumerate(poses.centres) if c is not None]
    if not seen:
        return PieceJudgement(0, 0, 0, 0, 0, 0, 0, f"the {piece.color_name} {piece.kind} is never seen")
    start, target = np.multiply(piece.start, scale), np.multiply(piece.target, scale)
    tail = [np.asarray(c) for _, c in seen[-TAIL:]]
    end = np.median(np.asarray(tail), axis=0)
    last_seen = seen[-1][0] >= len(poses.centres) - TAIL
    arrive = ramp(float(np.hypot(*(end - target))) / scale, ARRIVE_FULL, ARRIVE_ZERO) if last_seen else 0.0
    tail_count = float(np.median(poses.counts[-TAIL:]))
    intact = 1.0 if WHOLE_LOW <= tail_count / max(1, poses.expected) <= WHOLE_HIGH else 0.0
    level = ramp(max(abs(c[1] - start[1]) for _, c in seen) / scale, LEVEL_FULL, LEVEL_ZERO)
    ratios = poses.counts / max(1, poses.expected)
    whole = ramp(1.0 - float(np.mean((ratios >= WHOLE_LOW) & (ratios <= WHOLE_HIGH))), FRAMES_FULL, FRAMES_ZERO)
    progress = [None if c is None else share_along(c[0], start[0], target[0]) for c in poses.centres]
    process = travel_continuity(progress)
    label = f"{piece.color_name} {piece.kind}"
    if not piece.symmetry:
        return PieceJudgement(arrive, intact, level, 1.0, 1.0, process, whole, "")
    measured = [(k, t) for k, t in enumerate(poses.turns) if t is not None]
    tail_turns = [t for k, t in measured if k >= len(poses.turns) - TAIL]
    pose = ramp(residue(float(np.median(tail_turns)), piece.turn, piece.symmetry), POSE_FULL, POSE_ZERO) if tail_turns else 0.0
    notes = []
    if turn_first:
        still = [t for k, t in measured if progress[k] is not None and progress[k] <= STILL]
        moving = [t for k, t in measured if progress[k] is not None and progress[k] >= MOVING]
        if len(still) < 2:
            turned = 0.0
            notes.append(f"the {label} is not seen turning at its start")
        else:
            reached = float(np.median(still[-TAIL:]))
            on_target = ramp(residue(reached, piece.turn, piece.symmetry), POSE_FULL, POSE_ZERO)
            # A few checkpoints, each reached within a tenth of the turn: an 8-fps video of a brisk, eased turn
            # steps up to a quarter of it at once; a cut or a cross-fade shows no angle in between at all.
            checkpoints = int(np.clip(abs(reached) // 15, 2, 5))
            coverage = progress_coverage(still, 0.0, reached, checkpoints=checkpoints,
                                         resolution=max(1.5 * ANGLE_STEP, abs(reached) / 10))
            turned = on_target * (0.1 + 0.9 * coverage) * (1.0 if abs(still[0]) <= SPIN_TOLERANCE else 0.0)
            if turned < 1:
                notes.append(f"the {label} turns {reached:+.0f}° in place (asked {piece.turn:+.0f}°, "
                             f"{coverage:.0%} of the way shown)")
        held_share = (float(np.mean([residue(t, piece.turn, piece.symmetry) <= SPIN_TOLERANCE for t in moving]))
                      if moving else 0.0)
        held = ramp(1.0 - held_share, FRAMES_FULL, FRAMES_ZERO)
        if held < 1:
            notes.append(f"the {label} is not at its outline's orientation while sliding")
        orientation = turned * held
    else:
        upright = float(np.mean([residue(t, 0.0, piece.symmetry) <= SPIN_TOLERANCE for _, t in measured])) if measured else 0.0
        orientation = ramp(1.0 - upright, FRAMES_FULL, FRAMES_ZERO)
        if orientation < 1:
            notes.append(f"the {label} turns on its way")
    return PieceJudgement(arrive, intact, level, pose, orientation, process, whole, "; ".join(notes))


def judge_placement(clip: VideoClip, first: np.ndarray, final: np.ndarray, pieces: Sequence[Piece],
                    turn_first: bool) -> Score:
    """Score a video that should move every piece into its dashed outline (see the module's description).

    value = start · mean over pieces of (arrive · intact · level · pose · orientation) · whole ·
    (0.05 + 0.95 · continuity), where ``orientation`` is ``turned · held`` with ``turn_first`` and
    ``unturned`` without, ``whole`` the worst piece's and ``continuity`` the mean piece's: a cut straight to
    the end keeps at most 0.05 (and 0 with ``turn_first``: nothing turned in place).
    """
    ready = opened(clip, first)
    if isinstance(ready, Score):
        return ready
    frames, scale, first_small, verdict = ready.frames, ready.scale, ready.first, ready.verdict
    final_small = resize_frame(final, frames.shape[2])
    judgements = []
    for piece in pieces:
        expected = int(color_mask(final_small, piece.color, COLOR_TOLERANCE).sum())
        color = observed_color(frames[0], first_small, piece.color)
        judgements.append(judge_piece(piece_poses(frames, piece, color, expected), piece, scale, turn_first))
    for name in ("arrive", "intact", "level", "pose", "orientation"):
        verdict.note(name, float(np.mean([getattr(j, name) for j in judgements])))
    placed_value = float(np.mean([j.value for j in judgements]))
    shortfalls = [f"{p.color_name} {p.kind}: " + ", ".join(
        name for name in ("arrive", "intact", "level", "pose") if getattr(j, name) < 1) for p, j in zip(pieces, judgements, strict=True)
        if min(j.arrive, j.intact, j.level, j.pose) < 1]
    notes = [j.note for j in judgements if j.note]
    verdict.part("placed", placed_value, unless="; ".join(
        ([f"short of {', '.join(shortfalls)}"] if shortfalls else []) + notes) or "pieces misplaced")
    whole = min(j.whole for j in judgements)
    verdict.part("whole", whole, unless="a piece is hidden, merged or broken in part of the video")
    process_part(verdict, float(np.mean([j.process for j in judgements])), "pieces jump instead of sliding")
    return verdict.score(ok="every piece kept its shape and slid into its outline as asked")


def judge_sample(sample: SampleRef, video: VideoReader, turn_first: bool, size: int = 256) -> Score:
    """:func:`judge_placement` of a sample whose solution lists its ``pieces``, on the video read at ``size`` px."""
    pieces = [Piece.model_validate(piece) for piece in sample.solution["pieces"]]
    return judge_placement(video.clip(size=size), sample.first_frame, sample.final_frame, pieces, turn_first)


def score_slide(sample: SampleRef, video: VideoReader) -> Score:
    """The scorer of a task whose pieces slide into their outlines without turning (G-24): every piece ends on its
    dashed outline's centre, upright as its outline, whole, having stayed on its row and never turned on the way;
    no piece is hidden or broken in any frame (nothing passes through anything); each slide is continuous (a cut
    to the end keeps ≤ 0.05). :func:`judge_sample` with ``turn_first=False``."""
    return judge_sample(sample, video, turn_first=False)


def score_turn_then_slide(sample: SampleRef, video: VideoReader) -> Score:
    """The scorer of a task whose pieces first turn in place, then slide into their outlines (G-25): every piece
    turns, through the angles in between, to its outline's orientation (modulo its symmetry), keeps it while it
    slides and ends on its outline's centre, whole, having stayed on its row; no piece is hidden or broken in any
    frame; each slide is continuous. A slide before the turn, or a cut to the end, scores ≈ 0. :func:`judge_sample`
    with ``turn_first=True``, at :data:`TURN_SIZE` px: at 256 a small pentagon's (14 px radius) first few degrees
    of turn read as a lag and then a jump, and its turn seemed to skip the angles in between."""
    return judge_sample(sample, video, turn_first=True, size=TURN_SIZE)
