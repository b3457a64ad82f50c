"""Judging a shape-rule video: does each answer slot end with the shape the rule gives, reached by the rule's
step played out (in the task's order), while the rest of the picture stays as it was?

Each answer slot is read per frame (:func:`read_slot`) from the *saturated* pixels of its box — every shape
colour is saturated, while the background, the arrows and the "?" are not — as facts in fractions of the
frame: size (the ink's radius of gyration, weighted by saturation), fill (the silhouette's core
against the background around the shape: ≈ 1 filled, ≈ 0 for an outline; :func:`interior_fill`), offset of the centre from the slot's centre, colour (the median of the
most saturated ink) and the silhouette itself. The expected facts are read the same way from the sample's
reference frames, so a model's slightly different rendering (stroke, anti-aliasing, size) is compared
within tolerances, not pixel for pixel:

- ``start``: the video opens on the first frame, and its shown shapes are this sample's;
- ``answer``: per answer slot, the colour names the expected palette colour (nearest, after a global colour
  fit), the size is within 12 % (none from 28 %), the fill within 0.15 (none from 0.35), the centre
  within 2.5 % of the frame (none from 7 %), and the silhouette is the expected kind's;
- ``process``: per answer slot, the slot's step attribute (log size, hue, fill, offset) passes through
  the states between its start and its end — a cut or a fade to the answer does not (read at ``PROCESS_FPS``,
  every frame of the video, so a fast eased step keeps its in-between states however the video is re-timed);
- ``order`` (two steps): the first step's slot is done before the second step starts, and the second slot
  already has the first step's attribute when its own step starts;
- ``unchanged``: the picture outside the answer slots stays as the video's opening frame shows it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.fill_in.judge import outside_mask, rest_unchanged, scale_box, soften
from vbvr_core.families.shape_rules.draw import slot_box
from vbvr_core.families.shape_rules.scene import COLORS, ShapeRuleSolution, hue
from vbvr_core.judge.compare import colour_fit, match_colours, starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import largest_blob
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max, histogram_median, resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader

JUDGE_SIZE = 256
# The process (the in-between states a step passes through) is read at this rate: every frame of a video of up
# to 30 fps. A step may take half a second, eased; at JUDGE_FPS a copy re-timed to 30 fps showed it on frames
# falling unevenly on the step (every 1 or 3 source frames of 24), one jump skipping a whole checkpoint's band.
PROCESS_FPS = 30
CHROMA_MIN = 45  # a pixel whose channels spread by at least this much belongs to a shape
WEIGHT_FLOOR = 15  # chroma below this is background noise, not ink, when weighing a shape's moments
MIN_AREA = 0.0012  # least silhouette area (share of the frame) that counts as a shape in a slot
STROKE_CONTRAST = 40  # a pixel beside the ink this far from the background (any channel) still bounds a hole
BRIDGE = 2  # px (at the judge's size): gaps in a stroke up to twice this still enclose its hole
INTERIOR = 0.45  # the interior read for fill: pixels at least this share of the largest inner distance deep
SIZE_FULL, SIZE_ZERO = math.log(1.12), math.log(1.28)
FILL_FULL, FILL_ZERO = 0.15, 0.35
PLACE_FULL, PLACE_ZERO = 0.025, 0.07
KIND_FULL, KIND_ZERO = 0.88, 0.78
# Share of the step's in-between states (3 checkpoints) a slot must pass through for full process credit.
PROCESS_FULL = 0.66
ORDER_SLACK = 2  # judge frames a step may start before the previous one is seen done
SCENE_FULL, SCENE_ZERO = 0.3, 0.6  # clearly differing shown-shape pixels over drawn ones at the opening
TAIL = 3
# The answer's own step must be done: its attribute within 15 % of the step's span from the end (none from 35 %).
STEP_FULL, STEP_ZERO = 0.15, 0.35
# The fill of a shape in the middle of its style step is read less exactly: a wider tolerance for style.
STEP_TOLERANCE = {"style": (0.25, 0.45)}
# A frame shows the shape (for the process) only once its colour is this share as saturated as expected: a fade
# from the "?" to the answer shows a faint shape whose measured size creeps up, not a step played out.
SOLID = 0.6
START_NEAR = 0.15  # progress within which a slot shows the state it starts from


@dataclass
class SlotFacts:
    """What one slot shows in one frame (sizes and offsets in fractions of the frame)."""

    present: bool
    size: float = 0.0
    fill: float = 0.0
    dx: float = 0.0
    dy: float = 0.0
    rgb: tuple[float, float, float] = (0.0, 0.0, 0.0)
    silhouette: np.ndarray | None = None


def _fill_holes(mask: np.ndarray) -> np.ndarray:
    padded = np.pad(mask.astype(np.uint8), 1)
    flood = padded.copy()
    cv2.floodFill(flood, None, (0, 0), 2)
    return (flood != 2)[1:-1, 1:-1]


def _channel_medians(pixels: np.ndarray) -> np.ndarray:
    """``np.median(pixels, axis=0)`` of N×3 byte-valued pixels (any integer dtype), from per-channel histograms:
    the same values, several times faster than sorting (the mean of the two middle values for an even count)."""
    if len(pixels) == 0:
        return np.median(pixels, axis=0)
    return np.array([histogram_median(np.bincount(pixels[:, channel], minlength=256))
                     for channel in range(pixels.shape[1])])


def _chroma(region: np.ndarray) -> np.ndarray:
    """The spread of each pixel's channels (max − min) of a uint8 RGB region, as int16."""
    red, green, blue = cv2.split(np.ascontiguousarray(region))
    return cv2.subtract(cv2.max(cv2.max(red, green), blue), cv2.min(cv2.min(red, green), blue)).astype(np.int16)


def _far_from(region: np.ndarray, colour: np.ndarray, distance: float) -> np.ndarray:
    """Pixels of a uint8 RGB region with some channel at least ``distance`` from ``colour``'s (per-channel tables)."""
    values = np.arange(256, dtype=np.float64)
    far = None
    for plane, level in zip(cv2.split(np.ascontiguousarray(region)), colour, strict=True):
        table = (np.abs(values - level) >= distance).astype(np.uint8)
        hits = cv2.LUT(plane, table)
        far = hits if far is None else cv2.bitwise_or(far, hits)
    return far.astype(bool)


def read_slot(frame: np.ndarray, box: tuple[int, int, int, int], center: tuple[float, float]) -> SlotFacts:
    """The facts of the shape in ``box`` of ``frame`` (square, any size, uint8 RGB); ``center`` is the slot's centre
    in that frame's pixels."""
    left, top, right, bottom = box
    pixels = frame[top:bottom, left:right]
    chroma = _chroma(pixels)
    ink = chroma >= CHROMA_MIN
    size = frame.shape[0]
    if ink.sum() < MIN_AREA * size * size * 0.3:
        return SlotFacts(present=False)
    # The shape is the largest piece of the ink once small gaps are bridged: blur and the codec may break a
    # thin stroke, or wash its colour out in places while its lightness still stands out (pixels beside the
    # ink that differ clearly from the slot's background count). The silhouette is that piece grown by
    # BRIDGE px, its holes filled, shrunk back (a hole bounded by a stroke with gaps up to 2·BRIDGE px is
    # still found), with the ink.
    region = pixels.astype(np.int16)
    background = _channel_medians(pixels.reshape(-1, 3))
    stands_out = _far_from(pixels, background, STROKE_CONTRAST)
    beside = cv2.dilate(ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * BRIDGE + 1, 2 * BRIDGE + 1))
    grown = cv2.dilate((ink | (stands_out & beside)).astype(np.uint8), disc)
    piece = largest_blob(grown).pixels  # the ink is not empty here
    ink &= piece
    silhouette = ink | (cv2.erode(_fill_holes(piece).astype(np.uint8), disc) > 0)
    area = float(silhouette.sum())
    if area < MIN_AREA * size * size:
        return SlotFacts(present=False)
    ys, xs = np.nonzero(silhouette)
    # Size and centre from the ink's chroma-weighted moments (radius of gyration): blur and the codec's colour
    # smear move a threshold's edge, but hardly these.
    near = cv2.dilate(ink.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    weights = np.where(near & (chroma >= WEIGHT_FLOOR), chroma, 0).astype(np.float64)
    total = float(weights.sum())
    grid_y, grid_x = np.indices(weights.shape)
    mx, my = float((weights * grid_x).sum() / total), float((weights * grid_y).sum() / total)
    gyration = math.sqrt(float((weights * ((grid_x - mx) ** 2 + (grid_y - my) ** 2)).sum() / total))
    strong = chroma[ink]
    inked = pixels[ink]
    rgb = tuple(float(v) for v in _channel_medians(inked[strong >= 0.7 * np.percentile(strong, 95)]))
    fill = interior_fill(region, silhouette, np.array(rgb))
    return SlotFacts(present=True, size=gyration / size, fill=fill,
                     dx=(mx + left - center[0]) / size, dy=(my + top - center[1]) / size, rgb=rgb,
                     silhouette=silhouette[ys.min():ys.max() + 1, xs.min():xs.max() + 1])


def _read_series(frames: np.ndarray, box: tuple[int, int, int, int], center: tuple[float, float],
                 read: dict[bytes, SlotFacts]) -> list[SlotFacts]:
    """:func:`read_slot` of every frame; a frame whose box holds the very pixels of one read before (a held or
    repeated frame, or the same source frame in another resampling of the video; ``read`` keeps them by pixels,
    one dict per box) shares its facts instead of being read again."""
    left, top, right, bottom = box
    series = []
    for frame in frames:
        pixels = frame[top:bottom, left:right].tobytes()
        if pixels not in read:
            read[pixels] = read_slot(frame, box, center)
        series.append(read[pixels])
    return series


def interior_fill(region: np.ndarray, silhouette: np.ndarray, ink_rgb: np.ndarray) -> float:
    """How much of the ink's colour the shape's interior holds: 1 filled, 0 an empty outline.

    The interior is the silhouette's core: the pixels whose distance from its edge is at least ``INTERIOR`` of
    the largest (the figure shrunk about its centre, inside an outline's hole even blurred: the family keeps a
    hole at least ``MIN_HOLE`` of the figure). Each core pixel is placed on the line from the background near
    the shape (the slot's pixels away from the silhouette) to the ink colour, 0 to 1. The mean weighs each depth
    alike (a pixel at depth share ``u`` lies on the figure shrunk to ``1 - u``, whose contour is that much
    shorter), so a hole opening from the centre lowers the fill in step with its scale, and a fade lowers it
    in step with the colour. The colour is read against its own surroundings rather than as thresholded ink:
    blur, the codec, resizing and colour drift move it little."""
    inside = cv2.distanceTransform(silhouette.astype(np.uint8), cv2.DIST_L2, 5)
    deepest = float(inside.max())
    core = inside >= INTERIOR * deepest
    away = cv2.dilate(silhouette.astype(np.uint8), np.ones((7, 7), np.uint8)) == 0
    if deepest <= 0 or not away.any():
        return 1.0
    background = _channel_medians(region[away].reshape(-1, 3))
    contrast = ink_rgb - background
    norm = float(contrast @ contrast)
    if norm < 1.0:
        return 1.0
    along = np.clip((region[core].reshape(-1, 3) - background) @ contrast / norm, 0.0, 1.0)
    weights = 1.0 / np.maximum(1.0 - inside[core] / deepest, 0.05)
    return float((along * weights).sum() / weights.sum())


def nearest_color(rgb) -> str:
    """The family colour whose hue is nearest that of ``rgb`` (hue survives blending with a grey background, so
    a thin stroke seen small, blurred or re-encoded keeps it)."""
    seen = hue_of(rgb)
    return min(COLORS, key=lambda name: abs((hue(name) - seen + 180) % 360 - 180))


def chroma_of(rgb) -> float:
    """The spread of an RGB colour's channels (0 for grey)."""
    return float(max(rgb) - min(rgb))


def hue_of(rgb) -> float:
    """Hue (degrees) of an RGB colour."""
    r, g, b = (c / 255 for c in rgb)
    return math.degrees(math.atan2(math.sqrt(3) * (g - b), 2 * r - g - b)) % 360


def _normalised(mask: np.ndarray, side: int = 48) -> np.ndarray:
    """``mask`` moved so its centroid is the canvas centre and scaled to a fixed area, lightly blurred."""
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return np.zeros((side, side), np.float32)
    scale = side * 0.3 / math.sqrt(len(xs))
    matrix = np.float32([[scale, 0, side / 2 - scale * xs.mean()], [0, scale, side / 2 - scale * ys.mean()]])
    warped = cv2.warpAffine(mask.astype(np.float32), matrix, (side, side), flags=cv2.INTER_AREA)
    return cv2.GaussianBlur(warped, (0, 0), 1.0)


def silhouette_overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Soft IoU of two silhouettes brought to one area about their centroids (so only their kind counts)."""
    first, second = _normalised(a), _normalised(b)
    union = float(np.maximum(first, second).sum())
    return float(np.minimum(first, second).sum()) / union if union else 0.0


def step_value(kind: str, facts: SlotFacts) -> float:
    """The attribute a step of ``kind`` changes, as one number (hue in degrees for colour)."""
    if kind == "scale":
        return math.log(max(facts.size, 1e-6))
    if kind == "color":
        return hue_of(facts.rgb)
    if kind == "style":
        return facts.fill
    return facts.dy


def progress(kind: str, value: float, start: float, end: float) -> float:
    """How far ``value`` lies from ``start`` towards ``end`` (0 at the start, 1 at the end)."""
    if kind == "color":
        span = (end - start + 180) % 360 - 180
        moved = (value - start + 180) % 360 - 180
        return moved / span if abs(span) > 1e-6 else 0.0
    return (value - start) / (end - start) if abs(end - start) > 1e-9 else 0.0


def answer_credit(facts: SlotFacts, expected: SlotFacts, color: str) -> dict[str, float]:
    """Per attribute, credit in [0, 1] for a slot's facts against the expected ones."""
    if not facts.present or not expected.present:
        return {"present": 0.0}
    return {
        "color": float(nearest_color(facts.rgb) == color),
        "size": ramp(abs(math.log(facts.size / expected.size)), SIZE_FULL, SIZE_ZERO),
        "fill": ramp(abs(facts.fill - expected.fill), FILL_FULL, FILL_ZERO),
        "place": ramp(math.hypot(facts.dx - expected.dx, facts.dy - expected.dy), PLACE_FULL, PLACE_ZERO),
        "kind": ramp(-silhouette_overlap(facts.silhouette, expected.silhouette), -KIND_FULL, -KIND_ZERO),
    }


def _opening_scene(opening: np.ndarray, reference: np.ndarray, boxes) -> float:
    """Clearly differing pixels over drawn ones in the shown slots' boxes (opening already colour-mapped)."""
    soft_open, soft_ref = soften(opening), soften(reference)
    changed = drawn = 0.0
    for left, top, right, bottom in boxes:
        ours = soft_ref[top:bottom, left:right].astype(np.int16)
        theirs = soft_open[top:bottom, left:right].astype(np.int16)
        background = np.median(ours.reshape(-1, 3), axis=0)
        drawn += float((channel_max(np.abs(ours - background)) > 40).sum())
        changed += float((channel_max(np.abs(ours - theirs)) > 40).sum())
    return changed / max(drawn, 1.0)


def score_rules(sample: SampleRef, video: VideoReader) -> Score:
    """The scorer of every shape-rule task (its ``plugin.py`` names it): :func:`judge_rules` of ``video`` against
    ``sample``'s reference frames and solution (a :class:`ShapeRuleSolution`)."""
    return judge_rules(video, sample.first_frame, sample.final_frame, ShapeRuleSolution.model_validate(sample.solution))


def judge_rules(video: VideoReader, first: np.ndarray, final: np.ndarray, solution: ShapeRuleSolution) -> Score:
    """Score a model's video of a shape-rule sample (``first``/``final``: the sample's 512² reference frames)."""
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    size = clip.frames.shape[1]
    factor = size / FRAME_SIZE
    reference_first, reference_final = resize_frame(first, size), resize_frame(final, size)
    fit = colour_fit(clip.frames[0], reference_first)
    frames = match_colours(clip.frames, *fit)
    boxes = [scale_box(slot_box(solution, slot), factor) for slot in range(len(solution.states))]
    centers = [(x * factor, y * factor) for x, y in solution.centers]
    shown = [slot for slot in range(len(solution.states)) if slot not in solution.answers]

    verdict = Verdict()
    scene = _opening_scene(frames[0], reference_first, [boxes[slot] for slot in shown])
    verdict.part("start", starts_like(clip, first) * ramp(scene, SCENE_FULL, SCENE_ZERO),
                 unless="the video does not open on this sample's first frame")

    expected = {slot: read_slot(reference_final, boxes[slot], centers[slot]) for slot in range(len(solution.states))}
    read: dict[int, dict[bytes, SlotFacts]] = {slot: {} for slot in solution.answers}
    series = {slot: _read_series(frames, boxes[slot], centers[slot], read[slot]) for slot in solution.answers}

    credits, failed = [], []
    for index, slot in enumerate(solution.answers):
        step, source = solution.steps[index], solution.source(slot)
        per_frame = []
        for facts in series[slot][-TAIL:]:
            credit = answer_credit(facts, expected[slot], solution.states[slot].color)
            if facts.present:
                done = progress(step.kind, step_value(step.kind, facts), step_value(step.kind, expected[source]),
                                step_value(step.kind, expected[slot]))
                credit["step"] = ramp(abs(1.0 - done), *STEP_TOLERANCE.get(step.kind, (STEP_FULL, STEP_ZERO)))
            per_frame.append(credit)
        names = set().union(*(c.keys() for c in per_frame))
        parts = {name: float(np.mean([c.get(name, 0.0) for c in per_frame])) for name in sorted(names)}
        credits.append(math.prod(parts.values()))
        failed += [f"slot {slot}: {name}" for name, value in parts.items() if value < 0.9]
    verdict.part("answer", math.prod(credits),
                 unless=f"the answer does not follow the rule ({', '.join(failed) or 'partly'})", full=0.999)

    dense = video.clip(size=JUDGE_SIZE, fps=PROCESS_FPS)
    dense_frames = match_colours(dense.frames, *fit) if dense.ok else frames
    steps_seen = {slot: _read_series(dense_frames, boxes[slot], centers[slot], read[slot]) for slot in solution.answers}
    coverages, order_ok = [], True
    for index, slot in enumerate(solution.answers):
        step = solution.steps[index]
        start, end = expected[solution.source(slot)], expected[slot]
        if not (start.present and end.present):
            coverages.append(0.0)
            continue
        v0, v1 = step_value(step.kind, start), step_value(step.kind, end)
        # solid: as saturated as the slot's shape at its start and end, the end as this video shows it (a blur or a
        # resize pales a thin outline in every frame alike)
        last = steps_seen[slot][-1]
        solid = SOLID * min(chroma_of(start.rgb), chroma_of(end.rgb), chroma_of(last.rgb) if last.present else np.inf)
        values = [progress(step.kind, step_value(step.kind, facts), v0, v1)
                  if facts.present and chroma_of(facts.rgb) >= solid else None for facts in steps_seen[slot]]
        # the step starts from the shape the slot copies: in-between states count only once it has been seen
        opened = next((t for t, value in enumerate(values) if value is not None and abs(value) <= START_NEAR), None)
        values = values[opened:] if opened is not None else []
        coverages.append(min(1.0, progress_coverage(values, 0.0, 1.0, checkpoints=3) / PROCESS_FULL))
        if index == 1:
            order_ok = _in_order(series, solution, expected)
    verdict.part("process", float(np.mean(coverages)),
                 unless="the change is not shown happening step by step in the answer slots")
    if len(solution.answers) == 2:
        verdict.part("order", 1.0 if order_ok else 0.25,
                     unless=f"the steps are not shown in the order {solution.steps[0].kind} then {solution.steps[1].kind}")

    overview = clip.frames
    rest = outside_mask(size, [scale_box(slot_box(solution, slot), factor) for slot in solution.answers])
    verdict.part("unchanged", rest_unchanged(overview, rest, TAIL),
                 unless="the picture outside the answer slots changes")
    return verdict.score(ok="the rule is applied step by step and the answers follow it; the rest is unchanged")


def _done_from(values: list[float | None], threshold: float = 0.75) -> int | None:
    """The first frame from which every known value stays at least ``threshold`` (None if never)."""
    done = None
    for t, value in enumerate(values):
        if value is None:
            continue
        if value >= threshold:
            done = t if done is None else done
        else:
            done = None
    return done


def _in_order(series: dict, solution: ShapeRuleSolution, expected: dict) -> bool:
    """Whether the first step's slot is done before the second step starts in the second slot, and the second
    slot has the first step's attribute by then."""
    first_slot, second_slot = solution.answers
    step1, step2 = solution.steps
    source1, source2 = solution.source(first_slot), solution.source(second_slot)

    def series_progress(slot, step, start, end):
        v0, v1 = step_value(step.kind, expected[start]), step_value(step.kind, expected[end])
        return [progress(step.kind, step_value(step.kind, f), v0, v1) if f.present else None for f in series[slot]]

    first_done = _done_from(series_progress(first_slot, step1, source1, first_slot))
    second = series_progress(second_slot, step2, source2, second_slot)
    # the second step starts once the slot has shown the shape it copies (a frame blending the "?" into that
    # shape, as a re-timed copy of the video may hold, is not the step starting)
    opened = next((t for t, value in enumerate(second) if value is not None and abs(value) <= START_NEAR), None)
    second_start = None if opened is None else next(
        (t for t, value in enumerate(second) if t > opened and value is not None and value >= 0.2), None)
    if first_done is None or second_start is None:
        return False
    # the first step's change, as the second slot shows it just before its own step starts (the second step
    # may itself move the first one's measure: an outline's size reads differently from a filled one's)
    # (from the frame it opens: the second step may start moving the first one's measure before its own
    # measure shows it — an outline closing into a filled shape reads smaller before it reads fuller)
    before = [value for value in series_progress(second_slot, step1, source1, first_slot)[opened:second_start + 1]
              if value is not None]
    return first_done <= second_start + ORDER_SLACK and bool(before) and max(before) >= 0.75
