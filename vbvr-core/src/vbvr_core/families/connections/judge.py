"""Judging connections: which pairs of points did the video join, with no extra join, one stroke after another?

The scene holds *points* (centres and radii on the 512 canvas: numbered dots, coloured circles) and the lines
may come in a few *colours* (red only for dot-to-dot, the circles' own colours for colour pairs). The video is
read at 256 px and 12 fps; its colours are mapped onto the first frame's (a brightness or colour drift undone).
A pixel is *ink* of colour ``c`` when it changed since the first frame and holds at least ``INK_MIN`` of ``c``
over the background (:func:`line_ink`), more than of any other line colour or of the scene's other colours (a
dot's fill seen a few pixels off is no ink); the points' discs are left out (a line may run beneath a dot or over it). The end state is the ink of the last ``TAIL_SECONDS``.

Two ways to read a join, as the task asks:

- ``segment``: straight lines. A pair is joined when ink of its colour covers the straight segment between the
  two rims — at least ``LINK_FULL`` of its length in ``BINS`` bins, within ``reach`` of it (half the line
  width plus ``REACH`` of the frame). Any other pair covered for ``EXTRA_LINK`` of its length, within half the
  line width plus ``EXTRA_REACH``, is an extra join (a narrower band: a line merely crossing the gap between two
  close dots does not join them); a pair whose segment runs over other points is read only when its ink is not
  theirs: when some step of the chain through them (first point, the points it runs over, last point) is neither
  an expected join nor an extra one read already (the last dot joined back to the first over a dot between is an
  extra join; a straight run of expected joins through a dot is those joins).
- ``curve``: lines of any shape. Ink of one colour joined into one piece (gaps of a pixel closed) joins every
  point its ends touch (ink within ``TOUCH`` of a radius of the rim). A pair is joined when one piece of its colour
  touches both — or pieces of its colour cut apart where later lines of other colours cross them (their
  surroundings within ``BRIDGE`` px meet on another colour's ink); a piece touching points of another pairing is
  a wrong join.

Per expected join, its *coverage* over time is the share of its bins (along the axis from one point to the other)
inked in each frame, relative to the end state (in segment mode, bins lying mostly in another expected join's band
— where two lines meet at a sharp angle, or cross — are left out: they tell neither line's progress). value = start · links · extra · stray · unchanged · sequence ·
(0.85 + 0.15 · growing): the video opens on the first frame with nothing joined; every expected pair is joined
(a missing one costs in proportion, half of them missing scores 0); no extra or wrong join (one costs 0.7, two
everything); little ink outside the joins; the rest of the picture as it was; the joins completed one after
another (each starts once the previous one is complete; in the given order when ``ordered``), a cut or a
cross-fade completing them all at once scores 0; most joins seen part-drawn (a line growing, not popping in).
Never raises. :func:`read_answer` is the same reading of one picture, for a generator's check of its own answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Score
from vbvr_core.contract.geometry import Point
from vbvr_core.families.marking.parts import rest_unchanged
from vbvr_core.judge.compare import colour_fit, match_colours, starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.ink import background_of
from vbvr_core.judge.order import LEAVES, change_span
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max, channel_sum, resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader

JUDGE_SIZE = 256
TAIL_SECONDS = 0.25
CHANGED = 40  # grey levels: a pixel this far from the first frame (after the colour fit) has changed
INK_MIN = 0.2  # share of a line colour a changed pixel must hold to be ink of it (a 3-px dark red line at half
# chroma resolution, read at 256 px, holds 0.25–0.4 of the official light red)
OFF_LINE = 0.7  # a pixel this far off the blend line to a colour (share of the colour's distance) holds none of it
BINS = 24
DISC_MARGIN = 1.0  # judge px beyond a point's radius left out with its disc
REACH = 0.02  # a segment's ink lies this close to it (fraction of the frame) beyond half the line width
LINK_FULL, LINK_ZERO = 0.85, 0.6  # share of an expected segment covered: full credit, none
EXTRA_LINK = 0.8  # share of another pair's segment covered that makes it an extra join ...
EXTRA_REACH = 0.006  # ... within this (fraction of the frame) beyond half the line width: a line crossing the gap
# between two close dots covers a wide band's whole length, but only a narrow band's part
EXTRA_CLEAR = 0.25  # a pair whose segment runs over other points is read on its bins clear of the expected joins'
# bands, when at least this share of them are (the last dot joined back to the first over a dot between: ~0.4)
TOUCH = 0.45  # curve mode: ink within this share of a radius beyond the rim touches the point
PART_LOW, PART_HIGH = 0.15, 0.85  # a join is seen part-drawn when its coverage lies between these
STARTED = 0.2  # a join already this far drawn in the opening frame: the video does not start on the first frame
STRAY_FULL, STRAY_ZERO = 0.15, 0.4  # share of the ink outside every join
GROWING_SHARE = 0.5  # share of joins that must be seen part-drawn
APART = 2  # judge frames (1/6 s) at least between two joins' completions
BRIDGE = 4  # curve mode: judge px of another colour's ink, next to a line, that bridges a crossing's cut in it
MIN_BRIDGED, MAX_BRIDGED = 4, 40  # curve mode: pixels a piece must hold to be bridged; most pieces of a colour read

Link = tuple[int, int, int]  # (point a, point b, colour index)


@dataclass
class Reading:
    """What the judge read from one video: per expected link its final coverage and coverage series, the extra
    joins, and the ink's stray share."""

    coverage: list[float]
    series: list[np.ndarray]
    extra: list[tuple[int, int]]
    stray: float


def line_ink(pixels: np.ndarray, rgb: Sequence[int], background: np.ndarray) -> np.ndarray:
    """Per pixel (N×3), the share in [0, 1] of line colour ``rgb`` it holds over ``background``: its share along
    the blend line from the background to the colour, fading to none at ``OFF_LINE`` of the colour's distance off
    that line. (The core's :func:`~vbvr_core.judge.ink.ink_map` with a wider tolerance: a thin line stored at half
    chroma resolution comes out darker and greyer than its colour, yet is plainly a line of that colour.)"""
    offset = pixels - background
    direction = np.asarray(rgb, np.float32) - background
    length_sq = float(direction @ direction)
    if length_sq < 1.0:
        return np.zeros(len(pixels), np.float32)
    share = offset @ direction / length_sq
    off_line = offset - share[:, None] * direction
    off = np.sqrt(channel_sum(off_line * off_line)) / np.sqrt(length_sq)
    return np.clip(share, 0.0, 1.0) * np.clip(1.0 - off / OFF_LINE, 0.0, 1.0)


def ink_labels(frames: np.ndarray, first: np.ndarray, colors: Sequence[Sequence[int]],
               excluded: np.ndarray, others: Sequence[Sequence[int]] = ()) -> np.ndarray:
    """Per pixel of ``frames`` (T×H×W×3, colours mapped onto ``first``), the index of the line colour it is ink of,
    or -1: changed since ``first``, holding ≥ ``INK_MIN`` of that colour, more than of any other line colour or of
    any of the scene's ``others`` (colours that are no line: a dot's fill seen a few pixels off), outside
    ``excluded``."""
    frames = np.asarray(frames)
    labels = np.full(frames.shape[:3], -1, np.int8)
    changed = channel_max(np.abs(frames.astype(np.int16) - first.astype(np.int16))) >= CHANGED
    changed &= ~excluded
    where = np.nonzero(changed)
    if len(where[0]) == 0:
        return labels
    pixels = frames[where].astype(np.float32)
    background = background_of(first)
    shares = np.stack([line_ink(pixels, color, background) for color in [*colors, *others]])
    best = shares.argmax(axis=0)
    labels[where] = np.where((shares.max(axis=0) >= INK_MIN) & (best < len(colors)), best, -1).astype(np.int8)
    return labels


def disc_mask(centers: np.ndarray, radii: np.ndarray, size: int, margin: float = DISC_MARGIN) -> np.ndarray:
    """Pixels within ``radius + margin`` of any point (judge px)."""
    ys, xs = np.mgrid[:size, :size]
    mask = np.zeros((size, size), bool)
    for (x, y), r in zip(centers, radii, strict=True):
        mask |= (xs - x) ** 2 + (ys - y) ** 2 <= (r + margin) ** 2
    return mask


def segment_band(a: Point, b: Point, ra: float, rb: float, reach: float, excluded: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The pixels (flat indices) within ``reach`` of the segment between the rims of points ``a`` and ``b`` (radii
    ``ra``, ``rb``; judge px), outside ``excluded``, and each one's bin along it (0 … BINS − 1)."""
    size = excluded.shape[0]
    (x0, y0), (x1, y1) = a, b
    x_lo, x_hi = max(0, int(min(x0, x1) - reach - 1)), min(size, int(max(x0, x1) + reach + 2))
    y_lo, y_hi = max(0, int(min(y0, y1) - reach - 1)), min(size, int(max(y0, y1) + reach + 2))
    ys, xs = np.mgrid[y_lo:y_hi, x_lo:x_hi]
    dx, dy = x1 - x0, y1 - y0
    length = max(np.hypot(dx, dy), 1e-9)
    t = ((xs - x0) * dx + (ys - y0) * dy) / length**2
    t0, t1 = (ra + DISC_MARGIN) / length, 1.0 - (rb + DISC_MARGIN) / length
    clipped = np.clip(t, t0, t1)
    distance = np.hypot(xs - x0 - clipped * dx, ys - y0 - clipped * dy)
    keep = (distance <= reach) & (t >= t0) & (t <= t1) & ~excluded[y_lo:y_hi, x_lo:x_hi]
    share = (t[keep] - t0) / max(t1 - t0, 1e-9)
    bins = np.clip((share * BINS).astype(int), 0, BINS - 1)
    return (ys[keep] * size + xs[keep]).astype(np.int64), bins


def axis_bins(flat: np.ndarray, a: Point, b: Point, size: int) -> np.ndarray:
    """Each pixel's (flat indices) bin along the axis from ``a`` to ``b`` (its projection, clipped to the axis)."""
    ys, xs = np.divmod(flat, size)
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = ((xs - a[0]) * dx + (ys - a[1]) * dy) / max(dx * dx + dy * dy, 1e-9)
    return np.clip((t * BINS).astype(int), 0, BINS - 1)


def coverage_series(labels: np.ndarray, flat: np.ndarray, bins: np.ndarray, color: int) -> np.ndarray:
    """Per frame of ``labels`` (T×H×W), the share of the bins (those ``flat`` has pixels in) holding ink of
    ``color`` among ``flat``."""
    if len(flat) == 0:
        return np.zeros(len(labels))
    hits = labels.reshape(len(labels), -1)[:, flat] == color
    present = np.unique(bins)
    covered = np.zeros((len(labels), len(present)), bool)
    for n, k in enumerate(present):
        covered[:, n] = hits[:, bins == k].any(axis=1)
    return covered.mean(axis=1)


def end_state(labels: np.ndarray, colors: int) -> np.ndarray:
    """The ink of the end state: per pixel the colour it is ink of in at least half of ``labels``' frames, or -1."""
    out = np.full(labels.shape[1:], -1, np.int8)
    for k in range(colors):
        out[(labels == k).mean(axis=0) >= 0.5] = k
    return out


def _dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    import cv2

    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    return cv2.dilate(mask.astype(np.uint8), kernel) > 0


def _blockers(centers: np.ndarray, radii: np.ndarray, i: int, j: int) -> list[int]:
    """The other points whose disc the segment between points ``i`` and ``j`` runs over, in order along it (joining
    ``i`` and ``j`` straight would join them too)."""
    (x0, y0), (x1, y1) = centers[i], centers[j]
    dx, dy = x1 - x0, y1 - y0
    over = []
    for k, ((px, py), r) in enumerate(zip(centers, radii, strict=True)):
        if k in (i, j):
            continue
        t = np.clip(((px - x0) * dx + (py - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0.0, 1.0)
        if np.hypot(px - x0 - t * dx, py - y0 - t * dy) <= r:
            over.append((float(t), k))
    return [k for _, k in sorted(over)]


def read_segments(labels: np.ndarray, final: np.ndarray, centers: np.ndarray, radii: np.ndarray,
                  links: Sequence[Link], reach: float, excluded: np.ndarray, narrow: float) -> Reading:
    """Straight joins: each expected link's coverage by ink of its colour within ``reach``; every other pair
    covered by any ink within ``narrow``."""
    size = final.shape[0]
    coverage, series, used = [], [], np.zeros(size * size, bool)
    wanted = {frozenset((a, b)) for a, b, _ in links}
    bands = [segment_band(centers[a], centers[b], radii[a], radii[b], reach, excluded) for a, b, _ in links]
    # A bin lying mostly in another expected band too (where two lines meet at a dot at a sharp angle, or cross)
    # tells neither line's progress: it is left out of both (unless that would leave out half the bins).
    shared = np.bincount(np.concatenate([flat for flat, _ in bands] or [np.zeros(0, np.int64)]),
                         minlength=size * size) > 1
    for (_a, _b, color), (flat, bins) in zip(links, bands, strict=True):
        used[flat] = True
        mostly = np.bincount(bins, weights=shared[flat], minlength=BINS) > 0.5 * np.bincount(bins, minlength=BINS)
        own = ~mostly[bins]
        if len(np.unique(bins[own])) >= 0.5 * len(np.unique(bins)):
            flat, bins = flat[own], bins[own]
        series.append(coverage_series(labels, flat, bins, color))
        coverage.append(float(coverage_series(final[None], flat, bins, color)[0]))
    inked = final.ravel() >= 0
    any_ink = np.where(final >= 0, 0, -1).astype(np.int8)[None]
    extra: list[tuple[int, int]] = []
    expected = np.zeros(size * size, bool)
    for flat, _ in bands:
        expected[flat] = True

    def read_extra(i: int, j: int, apart: bool = False) -> None:
        flat, bins = segment_band(centers[i], centers[j], radii[i], radii[j], narrow, excluded)
        if apart:  # only its bins mostly clear of the expected joins' bands tell (none if too few are)
            inside = np.bincount(bins, weights=expected[flat], minlength=BINS)
            clear = (inside <= 0.5 * np.bincount(bins, minlength=BINS))[bins]
            if len(np.unique(bins[clear])) < EXTRA_CLEAR * len(np.unique(bins)):
                return
            flat, bins = flat[clear], bins[clear]
        if coverage_series(any_ink, flat, bins, 0)[0] >= EXTRA_LINK:
            extra.append((i, j))
            used[flat] = True

    over: dict[tuple[int, int], list[int]] = {}
    for i in range(len(centers)):
        for j in range(i + 1, len(centers)):
            if frozenset((i, j)) in wanted:
                continue
            blockers = _blockers(centers, radii, i, j)
            if blockers:
                over[(i, j)] = blockers
            else:
                read_extra(i, j)
    # A pair over other points, after the rest: its ink is theirs when every step of the chain through them is an
    # expected join or an extra one read above; else it is read on its bins clear of the expected joins' bands (a
    # run of expected joins along it, as 4 → 5 → 6 beside the segment 4–6 over dot 5, is those joins).
    joins = wanted | {frozenset(pair) for pair in extra}
    for (i, j), blockers in over.items():
        chain = [i, *blockers, j]
        if not all(frozenset(step) in joins for step in zip(chain, chain[1:], strict=False)):
            read_extra(i, j, apart=True)
    stray = float((inked & ~used).sum()) / max(1, int(inked.sum()))
    return Reading(coverage, series, extra, stray)


def read_curves(labels: np.ndarray, final: np.ndarray, centers: np.ndarray, radii: np.ndarray,
                links: Sequence[Link], colors: int) -> Reading:
    """Joins of any shape: pieces of one colour's ink and the points their ends touch."""
    import cv2

    size = final.shape[0]
    ys, xs = np.mgrid[:size, :size]
    touch_zones = [((xs - x) ** 2 + (ys - y) ** 2 <= (r + DISC_MARGIN + 1 + TOUCH * r) ** 2)
                   for (x, y), r in zip(centers, radii, strict=True)]
    pieces: list[tuple[int, np.ndarray, frozenset[int]]] = []
    for color in range(colors):
        mask = final == color
        if not mask.any():
            continue
        closed = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8)) > 0
        count, components = cv2.connectedComponents(closed.astype(np.uint8), connectivity=8)
        for k in range(1, count):
            piece = (components == k) & mask
            touched = frozenset(i for i, zone in enumerate(touch_zones) if (piece & zone).any())
            pieces.append((color, piece, touched))
    wanted = {(frozenset((a, b)), color) for a, b, color in links}
    coverage, series, used = [], [], np.zeros((size, size), bool)
    for a, b, color in links:
        region = np.zeros((size, size), bool)
        for piece_color, piece, touched in pieces:
            if piece_color == color and a in touched and b in touched:
                region |= piece
        if not region.any():
            region = _bridged(pieces, final, color, a, b)
        if not region.any():
            coverage.append(0.0)
            series.append(np.zeros(len(labels)))
            continue
        used |= region
        flat = np.flatnonzero(_dilate(region, 1))
        bins = axis_bins(flat, centers[a], centers[b], size)
        final_share = float(coverage_series(final[None], flat, bins, color)[0])
        coverage.append(1.0)
        series.append(coverage_series(labels, flat, bins, color) / max(final_share, 1e-9))
    extra: set[tuple[int, int]] = set()
    for piece_color, piece, touched in pieces:
        joined = sorted(touched)
        for n, i in enumerate(joined):
            for j in joined[n + 1:]:
                if (frozenset((i, j)), piece_color) not in wanted:
                    extra.add((i, j))
                    used |= piece
    inked = final >= 0
    stray = float((inked & ~used).sum()) / max(1, int(inked.sum()))
    return Reading(coverage, series, sorted(extra), stray)


def _bridged(pieces: Sequence[tuple[int, np.ndarray, frozenset[int]]], final: np.ndarray, color: int, a: int,
             b: int) -> np.ndarray:
    """The pieces of ``color`` that join points ``a`` and ``b`` across the cuts later lines of other colours made
    in them (pieces whose ``BRIDGE``-px surroundings meet on ink of another colour), or an empty mask. Only an
    expected join is read so: a wrong join must be one piece."""
    own = [(piece, touched) for piece_color, piece, touched in pieces
           if piece_color == color and piece.sum() >= MIN_BRIDGED][:MAX_BRIDGED]
    empty = np.zeros(final.shape, bool)
    if not any(a in t for _, t in own) or not any(b in t for _, t in own):
        return empty
    other = (final >= 0) & (final != color)
    grown = [_dilate(piece, BRIDGE) & other for piece, _ in own]
    group = list(range(len(own)))

    def root(k: int) -> int:
        while group[k] != k:
            k = group[k]
        return k

    for i in range(len(own)):
        for j in range(i + 1, len(own)):
            if root(i) != root(j) and (grown[i] & grown[j]).any():
                group[root(j)] = root(i)
    for r in {root(k) for k in range(len(own))}:
        members = [k for k in range(len(own)) if root(k) == r]
        if any(a in own[k][1] for k in members) and any(b in own[k][1] for k in members):
            out = empty.copy()
            for k in members:
                out |= own[k][0]
            return out
    return empty


def sequence_credit(series: Sequence[np.ndarray], ordered: bool) -> tuple[float, int, int]:
    """(share of consecutive joins completed one after another, how many are, out of how many). In list order when
    ``ordered``, else in the order they complete, each later join b after join a must: complete at least ``APART``
    frames after a; start (a quarter drawn) no earlier than a frame before a is complete; and when a is complete,
    every join after b must not have started yet (a cross-fade brings every line in together)."""
    spans = [change_span(np.clip(s, 0.0, None)) for s in series]
    indices = list(range(len(series)))
    if not ordered:
        indices = sorted((k for k in indices if spans[k][1] is not None), key=lambda k: spans[k][1])
    pairs = len(series) - 1
    if pairs <= 0:
        return 1.0, 0, 0
    good = 0
    for n, (a, b) in enumerate(zip(indices, indices[1:], strict=False)):
        (_, end_a), (start_b, end_b) = spans[a], spans[b]
        if end_a is None or end_b is None or end_b - end_a < APART or start_b < end_a - 1:
            continue
        if all(np.nan_to_num(series[later][end_a]) < LEAVES for later in indices[n + 2:]):
            good += 1
    return good / pairs, good, pairs


class Points:
    """The scene's points in judge px (:data:`JUDGE_SIZE`): centres, radii and the mask of their discs, from their
    512-canvas ``centers`` and ``radii``."""

    def __init__(self, centers: Sequence[Point], radii: Sequence[float]) -> None:
        factor = JUDGE_SIZE / FRAME_SIZE
        self.centers = np.asarray(centers, dtype=np.float64) * factor
        self.radii = np.asarray(radii, dtype=np.float64) * factor
        self.excluded = disc_mask(self.centers, self.radii, JUDGE_SIZE)

    def read(self, labels: np.ndarray, final: np.ndarray, links: Sequence[Link], mode: str, line_width: float,
             colors: int) -> Reading:
        """The joins of ``links`` read from ``labels`` (per frame) and their end state ``final``: by straight segments
        (``mode="segment"``, ink within half the ``line_width`` — canvas px — plus ``REACH`` of the frame, extra joins
        within ``EXTRA_REACH``) or by lines of any shape (``"curve"``, ``colors`` line colours)."""
        if mode == "segment":
            factor = JUDGE_SIZE / FRAME_SIZE
            reach = line_width / 2 * factor + REACH * JUDGE_SIZE
            narrow = line_width / 2 * factor + EXTRA_REACH * JUDGE_SIZE
            return read_segments(labels, final, self.centers, self.radii, links, reach, self.excluded, narrow)
        return read_curves(labels, final, self.centers, self.radii, links, colors)


def read_answer(first: np.ndarray, final: np.ndarray, centers: Sequence[Point], radii: Sequence[float],
                colors: Sequence[Sequence[int]], links: Sequence[Link], mode: str, line_width: float,
                others: Sequence[Sequence[int]] = ()) -> Reading:
    """How :func:`judge_links` reads an answer's ``final`` picture drawn over ``first`` (both on the 512 canvas, no
    colour drift): the joins of ``links`` as its end state shows them. A generator checks with it that its own
    answer is read right (every join covered, no extra one) before it keeps the instance."""
    points = Points(centers, radii)
    first_small, final_small = resize_frame(first, JUDGE_SIZE), resize_frame(final, JUDGE_SIZE)
    labels = ink_labels(final_small[None], first_small, colors, points.excluded, others)
    return points.read(labels, labels[0], links, mode, line_width, len(colors))


def judge_links(video: VideoReader, first: np.ndarray, centers: Sequence[Point], radii: Sequence[float],
                colors: Sequence[Sequence[int]], links: Sequence[Link], mode: str = "segment",
                ordered: bool = False, line_width: float = 5.0, others: Sequence[Sequence[int]] = (),
                ok: str = "") -> Score:
    """Score a video that should join exactly the pairs of ``links`` (``(a, b, colour index)`` into ``centers`` /
    ``radii``, 512-canvas, and ``colors``), by straight segments (``mode="segment"``) or lines of any shape
    (``"curve"``), one after another (in list order when ``ordered``). ``line_width`` (canvas px) sets how far from
    a segment its ink may lie; ``others`` are the scene's colours that are no line colour. Never raises."""
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    first_small = resize_frame(first, JUDGE_SIZE)
    points = Points(centers, radii)
    verdict = Verdict()
    start_reason = "the video does not open on the first frame with nothing joined"
    if not starts_like(clip, first):
        verdict.part("start", 0.0, unless=start_reason)
        return verdict.score(ok="")
    mapped = match_colours(clip.frames, *colour_fit(clip.frames[0], first_small))
    labels = ink_labels(mapped, first_small, colors, points.excluded, others)
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    final = end_state(labels[-tail:], len(colors))
    reading = points.read(labels, final, links, mode, line_width, len(colors))
    relative = [s / max(c, 1e-9) if c > 0 else s for s, c in zip(reading.series, reading.coverage, strict=True)]
    already = [k for k, s in enumerate(relative) if len(s) and s[0] >= STARTED]
    if not verdict.part("start", float(not already), unless=start_reason):
        return verdict.score(ok="")
    if mode == "segment":
        credits = [ramp(-c, -LINK_FULL, -LINK_ZERO) for c in reading.coverage]
    else:
        credits = list(reading.coverage)
    missing = [(a, b) for (a, b, _), credit in zip(links, credits, strict=True) if credit < 1.0]
    shortfall = 1.0 - float(np.mean(credits)) if credits else 1.0
    verdict.part("links", ramp(shortfall, 0.0, 0.5), unless=f"pairs not (fully) joined: {missing}")
    verdict.part("extra", (1.0, 0.3, 0.0)[min(2, len(reading.extra))],
                 unless=f"pairs joined that should not be: {reading.extra}")
    verdict.note("stray_share", reading.stray)
    verdict.part("stray", ramp(reading.stray, STRAY_FULL, STRAY_ZERO),
                 unless=f"{reading.stray:.0%} of the drawn lines join no pair")
    keep = ~_dilate((final >= 0) | (labels >= 0).any(axis=0), 3)
    rest_unchanged(verdict, clip.frames, first_small, keep, "the picture outside the lines changes")
    found = [s for s, credit in zip(relative, credits, strict=True) if credit > 0]
    share, good, pairs = sequence_credit(relative if ordered else found, ordered)
    verdict.note("one_after_another", share)
    verdict.part("sequence", ramp(1.0 - share, 0.2, 0.6),
                 unless=f"only {good} of {pairs} joins follow the previous one " +
                        ("in the given order" if ordered else "one at a time"))
    grown = [bool(((s > PART_LOW) & (s < PART_HIGH)).any()) for s in found]
    growing = float(np.mean(grown)) if grown else 0.0
    verdict.note("growing", growing)
    verdict.factor(0.85, when=growing < GROWING_SHARE, reason="the lines pop in rather than being drawn")
    return verdict.score(ok=ok or "every pair joined, no other, one line after another; the rest unchanged")
