"""Judging red marks on the points of a geometric construction: which points are marked, and is each a clear mark?

Tasks of this family ask for a red mark on one or more points of a drawing: where two segments cross, the
midpoint of a polygon's longest side, the dots that lie where two shapes overlap. The judge is given the
*anchors* — every point a mark could sensibly be on (the answer, and the candidates it must be told from) —
and the *targets* among them, the points that must be marked.

From the last quarter second of the clip (read at 256 px and 12 fps by the marking family's ``read_new_ink``),
the pixels that turned clearly red (its ``red_mask``, judged against the frame's own background) form the
marks; red pixels within ``GROUP`` px, or bridged by pixels that changed since the first frame (a ring greyed
where a dark line crosses it), belong to one mark, and specks under ``MIN_PIXELS`` are codec noise. Each mark is read in the
style a model might draw it:

- a *point mark* — a ring, a dot or a filled disc: it marks the anchor nearest its centre, with full credit
  within ``on_full`` of the frame's side and none from ``on_zero`` (then it marks nothing: a stray mark); it
  must be closed (its holes filled, it covers its own centre, and its stroke leaves no gap wider than
  ``GAP_FULL`` around the circle through it: a ring, a dot, a disc or a border does; an open arc, a half-drawn
  ring, does not, even where the lines crossing it fill it into a half disc: :func:`closed_credit`), round (it
  surrounds its centre on every side: a stroke does not) and small (its reach at most ``small_full`` of the
  frame: a ring round the whole figure is no point mark);
- a *trace* — where the task gives a segment per anchor (a polygon's sides), the segment drawn over in red:
  at least 90 % of the mark lies along the segment and it covers 80 % of its length. It marks that anchor.

value = start · selection · position · closed · round · small · unchanged · (0.9 + 0.1 · progressive):
the video opens on the unmarked first frame (its drawing where the first frame has it); the marked anchors are exactly the targets, with no stray mark;
position is the least credit of the marks' distances; the rest of the picture matches the first frame up to
a global colour drift (the marking family's ``rest_change``); the marks grow over at least 1/6 s (when the
task does not ask for the process, a mark that appears at once keeps 0.9). Never raises.

"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from vbvr_core.contract import Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.marking.judge import JUDGE_SIZE, coverage_around, mark_fit, read_new_ink
from vbvr_core.families.marking.parts import away_from, unchanged_and_progressive
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import dilate
from vbvr_core.media.frames import channel_max
from vbvr_core.media.video import VideoReader
from vbvr_core.plane import Segment, distances_to_segment

CHANGED = 40  # grey levels: a pixel this far from the first frame (after a colour fit) has changed
MIN_PIXELS = 14  # judge pixels: a dot of radius ~2 px; smaller red specks are codec noise
GROUP = 1  # judge pixels: red pixels this close belong to one mark (and those bridged by changed pixels)
GAP_REACH = 4  # judge pixels: changed pixels this close to a mark's red count as the mark where it is greyed
GREY_REACH = 2  # judge pixels: changed pixels this close to a mark's red are its stroke when measuring its gaps
BRIDGE = 1  # judge pixels: a ring's gaps this wide (where a crossing line greys the red after compression) close
ON_FULL, ON_ZERO = 0.03, 0.055  # a point mark's centre from its anchor, fraction of the frame's side
SMALL_FULL, SMALL_ZERO = 0.07, 0.11  # a point mark's reach, fraction of the frame's side
GAP_FULL, GAP_ZERO = 45.0, 90.0  # degrees: the widest turn round a point mark its stroke may leave open
ROUND_FULL, ROUND_ZERO = 0.85, 0.65  # share of 12 directions around its centre a point mark covers
TRACE_NEAR, TRACE_ALONG = 0.9, 0.8  # a trace: share of its pixels along the segment, share of the segment covered
TRACE_REACH = 0.02  # a traced pixel lies this close to the segment (fraction of the frame) beyond half its width


@dataclass(frozen=True)
class Mark:
    """One red mark read from the clip (judge-size pixels): the anchor it marks (None: a stray mark), how, its
    credits, and the widest gap (degrees) its pixels leave around the circle through them."""

    anchor: int | None
    style: str  # "point", "trace" or "stray"
    position: float
    closed: float
    round: float
    small: float
    center: Point
    reach: float
    gap: float = 0.0


def filled(mask: np.ndarray, bridge: int = BRIDGE) -> np.ndarray:
    """``mask`` with gaps of up to ``2 · bridge`` px closed and its enclosed holes filled (a closed ring becomes a
    disc, even where a dark line crossing it took the red out of a few pixels; an open arc stays an arc)."""
    import cv2

    if bridge > 0:
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * bridge + 1, 2 * bridge + 1))
        mask = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, kernel) > 0
    padded = np.pad(mask.astype(np.uint8), 1)
    cv2.floodFill(padded, None, (0, 0), 2)
    return (padded != 2)[1:-1, 1:-1]


def circle_centre(mask: np.ndarray) -> Point | None:
    """The centre of the circle that best fits ``mask``'s pixels (least squares on x² + y² + D·x + E·y + F = 0):
    a ring's centre even from an arc of it; a dot's or a square border's own centre."""
    ys, xs = np.nonzero(mask)
    if len(xs) < 3:
        return None
    x, y = xs.astype(np.float64), ys.astype(np.float64)
    solution = np.linalg.lstsq(np.stack([x, y, np.ones_like(x)], axis=1), -(x * x + y * y), rcond=None)[0]
    return float(-solution[0] / 2), float(-solution[1] / 2)


def widest_gap(mask: np.ndarray, center: Point, bins: int = 72) -> float:
    """The widest turn (degrees) around ``center`` in which ``mask`` has no pixel (those within 1 px of the centre
    aside): 0 for a ring, a dot or a border, the missing part of an arc, 360 for nothing."""
    ys, xs = np.nonzero(mask)
    dx, dy = xs - center[0], ys - center[1]
    away = np.hypot(dx, dy) >= 1.0
    if not away.any():
        return 360.0
    hit = np.zeros(bins, bool)
    hit[((np.arctan2(dy[away], dx[away]) + np.pi) / (2 * np.pi) * bins).astype(int) % bins] = True
    if hit.all():
        return 0.0
    run = longest = 0
    for value in np.concatenate([hit, hit]):
        run = 0 if value else run + 1
        longest = max(longest, run)
    return min(longest, bins) * 360.0 / bins


def closed_credit(mark: np.ndarray, solid: np.ndarray, center: Point,
                  greyed: np.ndarray | None = None) -> tuple[float, float]:
    """Credit for a point mark being closed, and the widest gap (degrees) of its stroke around the centre of the
    circle through its pixels (:func:`circle_centre`, :func:`widest_gap`). ``solid`` is the mark with its holes
    filled: it must cover the mark's ``center`` (its centre of pixels); the gap earns full credit up to
    ``GAP_FULL``, none from ``GAP_ZERO``. ``greyed`` (optional) holds pixels that count as the stroke where a line
    crossing it greyed its colour. A ring (crossed by lines: gaps of up to 15°), a dot, a disc or a border is
    closed; a half-drawn ring (130–190°) is not, even where the lines crossing it fill it into a half disc that
    covers its centre of pixels."""
    cx = min(solid.shape[1] - 1, max(0, round(center[0])))
    cy = min(solid.shape[0] - 1, max(0, round(center[1])))
    fitted = circle_centre(mark)
    stroke = mark if greyed is None else mark | greyed
    gap = widest_gap(stroke, fitted) if fitted is not None else 360.0
    return float(solid[cy, cx]) * ramp(gap, GAP_FULL, GAP_ZERO), gap


def round_credit(solid: np.ndarray, center: Point) -> tuple[float, float]:
    """Credit for a point mark being round, and the share of 12 directions around ``center`` in which ``solid``
    (the mark with its holes filled) has a pixel (a single pixel counts, from half a pixel out: a small dot
    surrounds its centre): full credit from ``ROUND_FULL``, none up to ``ROUND_ZERO``. A ring, a dot or a disc
    surrounds its centre on every side; a stroke does not."""
    cover = coverage_around(solid, center, sectors=12, min_pixels=1, min_distance=0.5)
    return ramp(-cover, -ROUND_FULL, -ROUND_ZERO), cover


def mark_blobs(mask: np.ndarray, min_pixels: int = MIN_PIXELS, group: int = GROUP,
               joins: np.ndarray | None = None) -> list[np.ndarray]:
    """The separate marks in ``mask``, each of at least ``min_pixels``: pixels joined across ``group`` px, and
    across the pixels of ``joins`` (the changed pixels) within ``GAP_REACH`` of them — where a dark line crossing
    a ring greyed its red, the ring stays one mark, while two rings with untouched background between stay two."""
    import cv2

    body = mask if joins is None else mask | (joins & dilate(mask, GAP_REACH))
    count, labels = cv2.connectedComponents(dilate(body, group).astype(np.uint8), connectivity=8)
    blobs = [mask & (labels == k) for k in range(1, count)]
    return [blob for blob in blobs if int(blob.sum()) >= min_pixels]


def traces(blob: np.ndarray, segment: Segment, reach: float) -> bool:
    """Whether ``blob`` is ``segment`` drawn over: ≥ TRACE_NEAR of its pixels within ``reach`` of it, covering
    ≥ TRACE_ALONG of its length (in 20 bins)."""
    ys, xs = np.nonzero(blob)
    if len(xs) == 0:
        return False
    distance, t = distances_to_segment(xs.astype(np.float64), ys.astype(np.float64), segment)
    near = distance <= reach
    if near.mean() < TRACE_NEAR:
        return False
    bins = np.unique(np.clip((t[near] * 20).astype(int), 0, 19))
    return len(bins) >= round(20 * TRACE_ALONG)


def read_mark(blob: np.ndarray, anchors: np.ndarray, segments: Sequence[Segment] | None, trace_reach: float,
              on_full: float, on_zero: float, small_full: float, small_zero: float,
              changed: np.ndarray | None = None) -> Mark:
    """Read one mark (judge-size ``blob``) against the ``anchors`` (judge px; with ``segments``, one per anchor,
    a trace of a segment marks its anchor). ``changed`` (judge size) holds the pixels that changed since the
    first frame: next to the mark they count as part of it when judging whether it is closed (where a ring
    crosses a dark line, compression turns its red into a blend that is no longer clearly red)."""
    size = blob.shape[0]
    fit = mark_fit(blob)
    center, reach = fit if fit is not None else ((0.0, 0.0), 0.0)
    if segments is not None:
        for k, segment in enumerate(segments):
            if traces(blob, segment, trace_reach):
                return Mark(k, "trace", 1.0, 1.0, 1.0, 1.0, center, reach)
    distances = np.hypot(anchors[:, 0] - center[0], anchors[:, 1] - center[1]) / size
    nearest = int(np.argmin(distances))
    position = ramp(float(distances[nearest]), on_full, on_zero)
    body = blob if changed is None else blob | (changed & dilate(blob, GAP_REACH))
    solid = filled(body)
    greyed = None if changed is None else changed & dilate(blob, GREY_REACH)
    closed, gap = closed_credit(blob, solid, center, greyed)
    round_, _ = round_credit(solid, center)
    small = ramp(reach / size, small_full, small_zero)
    if position <= 0.0:
        return Mark(None, "stray", 0.0, closed, round_, small, center, reach, gap)
    return Mark(nearest, "point", position, closed, round_, small, center, reach, gap)


def judge_point_marks(video: VideoReader, first: np.ndarray, anchors: Sequence[Point], targets: Sequence[int],
                      segments: Sequence[Segment] | None = None, line_width: float = 4.0,
                      on_full: float = ON_FULL, on_zero: float = ON_ZERO, small_full: float = SMALL_FULL,
                      small_zero: float = SMALL_ZERO, ok: str = "") -> Score:
    """Score a video that should mark exactly ``anchors[targets]`` (points on ``first``'s canvas) in red.

    ``segments`` (canvas points, one per anchor, ``line_width`` px wide), when given, lets a segment drawn over
    in red mark its anchor. Distances and sizes are fractions of the frame's side, so any resolution judges
    alike. Never raises.
    """
    read = read_new_ink(video, first)
    if isinstance(read, Score):
        return read
    clip, first_small, factor, mask, verdict = read.clip, read.first, read.factor, read.mark, read.verdict
    end = clip.frames[-read.tail:].astype(np.float32).mean(axis=0)
    end = match_colours(np.clip(np.rint(end), 0, 255).astype(np.uint8), *colour_fit(end, first_small))
    changed = channel_max(np.abs(end.astype(np.int16) - first_small.astype(np.int16))) >= CHANGED
    blobs = mark_blobs(mask, joins=changed)
    if not blobs:
        verdict.part("selection", 0.0, unless="no red mark at the end of the video")
        return verdict.score(ok="")
    points = np.asarray(anchors, dtype=np.float64) * factor
    scaled = None if segments is None else [((x0 * factor, y0 * factor), (x1 * factor, y1 * factor))
                                            for (x0, y0), (x1, y1) in segments]
    trace_reach = line_width / 2 * factor + TRACE_REACH * JUDGE_SIZE
    marks = [read_mark(blob, points, scaled, trace_reach, on_full, on_zero, small_full, small_zero, changed)
             for blob in blobs]
    marked = sorted({m.anchor for m in marks if m.anchor is not None})
    stray = sum(m.anchor is None for m in marks)
    wanted = sorted(set(targets))
    missed = [k for k in wanted if k not in marked]
    extra = [k for k in marked if k not in wanted]
    verdict.part("selection", float(not missed and not extra and not stray),
                 unless=f"points not marked: {missed}; other points marked: {extra}; marks on no point: {stray}")
    placed = [m for m in marks if m.anchor is not None]
    verdict.part("position", min((m.position for m in placed), default=0.0),
                 unless="a mark is centred off its point")
    dots = [m for m in marks if m.style != "trace"]
    verdict.part("closed", min((m.closed for m in dots), default=1.0),
                 unless="a mark is an open stroke or arc, not a closed circle or dot")
    verdict.note("gap", max((m.gap for m in dots), default=0.0))
    verdict.part("round", min((m.round for m in dots), default=1.0),
                 unless="a mark does not surround its centre (not a circle or dot)")
    verdict.part("small", min((m.small for m in dots), default=1.0),
                 unless="a mark is too large to mark one point")
    unchanged_and_progressive(verdict, clip.frames, first_small, away_from(mask, factor), read.counts,
                              changed="the picture outside the marks changes", at_once="the marks appear at once")
    return verdict.score(ok=ok or "a clear red mark on each point asked for and on no other; the rest unchanged")
