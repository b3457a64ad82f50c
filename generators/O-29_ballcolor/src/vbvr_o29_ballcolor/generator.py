"""O-29 ballcolor: the red cluster A absorbs, one at a time, every cluster smaller than itself until all balls are red.

Parameters → draw → solve → render → prompt (the official task's conventions: a red cluster "A" and clusters of
other colours, each a packed blob of balls with its count, a global TOTAL label; A may only absorb a cluster with
fewer balls than it has now, and grows by the balls it absorbs):

- ``clusters`` other clusters whose counts make the absorbing order unique: at every step exactly one remaining
  cluster is smaller than A (``unique_order``), the next one is larger than A was before its last absorption, so
  the only way to absorb them all is to take them in this order — an instance where two clusters could be taken,
  or where a count ties A's, is rejected;
- the clusters are hex-packed blobs of balls of radius ``ball_radius`` scattered on a white board, every blob
  labelled with its letter and count; the layout is rejected when blobs crowd, when A's way to the next cluster
  passes over another one, when the merged blob would touch a cluster still waiting, or when A would travel less
  than ``MIN_TRAVEL`` pixels;
- the video moves A (eased, ``move_frames``) until it touches the next cluster, turns that cluster's balls red,
  and packs the merged balls into one blob around their centre (``merge_frames``); A's label counts up.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, Sprite, ease_in_out, new_canvas, paste, to_frame
from vbvr_core.draw.text import draw_text
from vbvr_core.families.arrangement.draw import frames_sample
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import point_segment_distance

from vbvr_o29_ballcolor.plugin import TASK

RED = PALETTE["red"]
# Colours of the other clusters: each ≥ 100 (RGB) from red and from one another, far from white and black.
OTHER_COLORS = ("blue", "green", "yellow", "purple", "cyan", "orange")
BOARD = (255, 255, 255)
INK = (30, 30, 30)
TOP_BAND = 56  # the TOTAL label's band
LABEL_GAP, LABEL_SIZE = 14, 16
EDGE = 8
BLOB_GAP = 26  # least space between two blobs (labels below them included)
PATH_GAP = 10  # least space between A's swept blob and a cluster it does not touch
CONTACT_GAP = 4  # A stops this far from the cluster it absorbs
MIN_TRAVEL = 80.0  # A travels at least this far to every cluster (a recolouring in place is not a visit)
MAX_TOTAL = 64
LAYOUT_TRIES = 60
HOLD_START, CONTACT_HOLD, RECOLOR_HOLD, PAUSE, HOLD_END = 6, 1, 2, 2, 6


class Params(TaskParams):
    """O-29's parameter space: more clusters, larger counts and smaller balls as the difficulty grows."""

    clusters: Annotated[int, Strata((2, 2), (3, 3), (4, 4))] = Field(
        3, ge=2, le=4, description="clusters besides the red cluster A")
    start_count: Annotated[int, Strata((3, 5), (4, 6), (5, 7))] = Field(
        5, ge=3, le=8, description="balls in the red cluster A at the start")
    ball_radius: Annotated[int, Strata((7, 7), (6, 7), (6, 6))] = Field(
        6, ge=5, le=8, description="radius of one ball in pixels")
    move_frames: Annotated[int, Uniform(14, 18)] = Field(
        16, ge=8, le=30, description="video frames of one move of A to the next cluster")
    merge_frames: Annotated[int, Uniform(6, 8)] = Field(
        7, ge=4, le=16, description="video frames of packing the merged balls into one blob")


class Solution(TaskSolution):
    """Cluster 0 is A. Per cluster: its letter, count, colour, blob centre and radius; ``order`` lists the other
    clusters in the only order A can absorb them, ``positions`` A's blob centre before each absorption (its start,
    then each merged blob's centre), ``ball_radius`` the balls' radius."""

    letters: list[str]
    counts: list[int]
    colors: list[tuple[int, int, int]]
    centers: list[Point]
    radii: list[float]
    order: list[int]
    positions: list[Point]
    ball_radius: int


def absorbable(size: int, counts: list[int]) -> list[int]:
    """Indices of the clusters A (``size`` balls) may absorb: those with fewer balls."""
    return [k for k, count in enumerate(counts) if count < size]


def unique_order(start: int, counts: list[int]) -> list[int] | None:
    """The absorbing order when it is forced (exactly one cluster smaller than A at every step, none tying A),
    else None (two choices at some step, a tie, or a cluster A can never absorb)."""
    left, size, order = list(range(len(counts))), start, []
    while left:
        if any(counts[k] == size for k in left):
            return None
        ready = [k for k in left if counts[k] < size]
        if len(ready) != 1:
            return None
        order.append(ready[0])
        size += counts[ready[0]]
        left.remove(ready[0])
    return order


def draw_counts(rng: np.random.Generator, start: int, clusters: int) -> list[int]:
    """Counts in absorbing order: c1 < A0, and each next count between A before and after the last absorption."""
    counts, before, size = [], None, start
    for _ in range(clusters):
        low, high = (2, size - 1) if before is None else (before + 1, size - 1)
        if high < low:
            raise Reject(f"unsolvable: no count fits between {low} and {high}")
        count = int(rng.integers(low, high + 1))
        counts.append(count)
        before, size = size, size + count
    return counts


def packing(count: int, radius: int) -> np.ndarray:
    """Offsets of ``count`` hex-packed balls around (0, 0), the nearest lattice points first."""
    return _packing(count, radius).copy()


@functools.lru_cache(maxsize=512)
def _packing(count: int, radius: int) -> np.ndarray:
    pitch = 2 * radius + 1
    rows = int(math.sqrt(count)) + 3
    points = [((c + 0.5 * (r % 2)) * pitch, r * pitch * math.sqrt(3) / 2)
              for r in range(-rows, rows + 1) for c in range(-rows, rows + 1)]
    points.sort(key=lambda p: (round(math.hypot(*p), 3), round(math.atan2(p[1], p[0]), 3)))
    chosen = np.asarray(points[:count], dtype=np.float64)
    return chosen - chosen.mean(axis=0)


def blob_radius(count: int, radius: int) -> float:
    """How far the balls of a packed blob of ``count`` reach from its centre."""
    return float(np.hypot(*packing(count, radius).T).max()) + radius


@dataclass
class Ball:
    """One ball: where it is and its colour."""

    x: float
    y: float
    color: tuple[int, int, int]


@dataclass
class Label:
    """A cluster's label: its text and the blob it sits under (centre, radius)."""

    text: str
    center: Point
    radius: float


class Painter:
    """Draws frames fast: the board with the TOTAL label once, one ball sprite per colour, one sprite per label text."""

    def __init__(self, total: int, radius: int):
        canvas = new_canvas(BOARD)
        draw_text(ImageDraw.Draw(canvas), (FRAME_SIZE / 2, TOP_BAND / 2), f"TOTAL: {total}", 22, fill=INK, bold=True)
        self.board = to_frame(canvas)
        self.radius = radius
        self.balls: dict[tuple[int, int, int], tuple[np.ndarray, np.ndarray]] = {}
        self.labels: dict[str, Sprite] = {}

    def _ball(self, color: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
        if color not in self.balls:
            side = 2 * self.radius + 1
            image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
            rim = tuple(int(v * 0.6) for v in color)
            ImageDraw.Draw(image).ellipse([0, 0, side - 1, side - 1], fill=(*color, 255), outline=(*rim, 255),
                                          width=1)
            rgba = np.asarray(image)
            self.balls[color] = (rgba[..., 3] > 0, rgba[..., :3].copy())
        return self.balls[color]

    def _label(self, text: str) -> Sprite:
        if text not in self.labels:
            image = Image.new("RGBA", (90, 26), (0, 0, 0, 0))
            draw_text(ImageDraw.Draw(image), (45, 13), text, LABEL_SIZE, fill=(*INK, 255), bold=True)
            self.labels[text] = Sprite.from_image(image)
        return self.labels[text]

    def frame(self, balls: list[Ball], labels: list[Label], base: np.ndarray | None = None) -> np.ndarray:
        """``base`` (the board by default) with every label under its blob and every ball (a darker rim around its
        colour) drawn on it."""
        frame = (self.board if base is None else base).copy()
        for label in labels:
            paste(frame, self._label(label.text), (label.center[0], label.center[1] + label.radius + LABEL_GAP))
        side = 2 * self.radius + 1
        for ball in balls:
            mask, rgb = self._ball(ball.color)
            x0, y0 = int(round(ball.x)) - self.radius, int(round(ball.y)) - self.radius
            if x0 < 0 or y0 < 0 or x0 + side > FRAME_SIZE or y0 + side > FRAME_SIZE:
                continue
            frame[y0:y0 + side, x0:x0 + side][mask] = rgb[mask]
        return frame


def blob_balls(center: Point, count: int, color: tuple[int, int, int], radius: int) -> list[Ball]:
    """The balls of a packed blob."""
    return [Ball(center[0] + dx, center[1] + dy, color) for dx, dy in packing(count, radius)]


def assign_slots(balls: list[Ball], slots: np.ndarray) -> list[int]:
    """For each slot (nearest the centre first), the nearest ball not yet given a slot."""
    free = set(range(len(balls)))
    chosen = [0] * len(slots)
    for s, (x, y) in enumerate(slots):
        best = min(free, key=lambda b: ((balls[b].x - x) ** 2 + (balls[b].y - y) ** 2, b))
        chosen[s] = best
        free.remove(best)
    return chosen


def play(solution: Solution, plan: list[int], move_frames: int, merge_frames: int,
         keep_balls: bool = True) -> Iterator[np.ndarray]:
    """Frames of A absorbing the clusters of ``plan`` in that order (``keep_balls`` False: the absorbed balls vanish
    instead of joining A — a near miss)."""
    r = solution.ball_radius
    total = sum(solution.counts)
    groups = [blob_balls(c, n, col, r) for c, n, col in zip(solution.centers, solution.counts, solution.colors,
                                                             strict=True)]
    labels = {k: Label(f"{solution.letters[k]}: {solution.counts[k]}", solution.centers[k], solution.radii[k])
              for k in range(len(groups))}
    a_balls, a_count = groups[0], solution.counts[0]
    waiting = set(range(1, len(groups)))

    painter = Painter(total, r)

    bases: dict[tuple[int, ...], np.ndarray] = {}

    def frame() -> np.ndarray:
        key = tuple(sorted(waiting))
        if key not in bases:
            bases[key] = painter.frame([b for k in key for b in groups[k]], [labels[k] for k in key])
        return painter.frame(a_balls, [labels[0]], bases[key])

    yield from [frame()] * HOLD_START
    for target in plan:
        center = np.mean([(b.x, b.y) for b in a_balls], axis=0)
        goal = np.asarray(solution.centers[target])
        a_radius = labels[0].radius
        way = goal - center
        distance = float(np.hypot(*way))
        shift = way / max(distance, 1e-9) * max(0.0, distance - a_radius - solution.radii[target] - CONTACT_GAP)
        origin = [(b.x, b.y) for b in a_balls]
        for k in range(1, move_frames + 1):
            t = ease_in_out(k / move_frames)
            for ball, (x, y) in zip(a_balls, origin, strict=True):
                ball.x, ball.y = x + shift[0] * t, y + shift[1] * t
            labels[0] = Label(labels[0].text, (center[0] + shift[0] * t, center[1] + shift[1] * t), a_radius)
            yield frame()
        yield from [frame()] * CONTACT_HOLD
        waiting.discard(target)
        if keep_balls:
            a_balls = a_balls + [Ball(b.x, b.y, RED) for b in groups[target]]
            a_count += solution.counts[target]
        labels[0] = Label(f"{solution.letters[0]}: {a_count}", labels[0].center, labels[0].radius)
        yield from [frame()] * RECOLOR_HOLD
        middle = np.mean([(b.x, b.y) for b in a_balls], axis=0)
        slots = packing(len(a_balls), r) + middle
        chosen = assign_slots(a_balls, slots)
        moves = [(a_balls[b], (a_balls[b].x, a_balls[b].y), slots[s]) for s, b in enumerate(chosen)]
        old_center, old_radius, new_radius = labels[0].center, labels[0].radius, blob_radius(len(a_balls), r)
        for k in range(1, merge_frames + 1):
            t = ease_in_out(k / merge_frames)
            for ball, (x, y), (sx, sy) in moves:
                ball.x, ball.y = x + (sx - x) * t, y + (sy - y) * t
            labels[0] = Label(labels[0].text, (old_center[0] + (middle[0] - old_center[0]) * t,
                                               old_center[1] + (middle[1] - old_center[1]) * t),
                              old_radius + (new_radius - old_radius) * t)
            yield frame()
        yield from [frame()] * PAUSE
    yield from [frame()] * HOLD_END


def on_board(point, reach: float) -> bool:
    """Whether a blob of ``reach`` centred on ``point`` stays on the board, below the TOTAL band, its label too."""
    return (EDGE + reach <= point[0] <= FRAME_SIZE - EDGE - reach
            and TOP_BAND + reach <= point[1] <= FRAME_SIZE - EDGE - reach - 2 * LABEL_GAP)


def a_walk(centers: list[Point], counts: list[int], order: list[int], radius: int) -> Iterator[tuple]:
    """A's way through the absorptions in ``order``: per cluster, (the cluster, A's blob centre before, where A stops
    in contact with it, A's reach before, how far A travels, the merged blob's centre and count)."""
    position, size = np.asarray(centers[0], dtype=np.float64), counts[0]
    for target in order:
        goal = np.asarray(centers[target])
        a_reach = blob_radius(size, radius)
        distance = float(np.hypot(*(goal - position)))
        travel = distance - a_reach - blob_radius(counts[target], radius) - CONTACT_GAP
        contact = position + (goal - position) / max(distance, 1e-9) * travel
        merged = (contact * size + goal * counts[target]) / (size + counts[target])
        yield target, position, contact, a_reach, travel, merged, size + counts[target]
        position, size = merged, size + counts[target]


def layout_problem(centers: list[Point], counts: list[int], order: list[int], radius: int) -> str | None:
    """Why cluster blobs at ``centers`` cannot be used (crowded, off the board, A's way over another cluster, a
    merged blob touching a waiting cluster, too short a move), or None; A is cluster 0."""
    radii = [blob_radius(n, radius) for n in counts]
    for k, (center, reach) in enumerate(zip(centers, radii, strict=True)):
        if not on_board(center, reach):
            return f"out of bounds: cluster {k} leaves the board"
        for j in range(k):
            if math.dist(centers[j], center) < reach + radii[j] + BLOB_GAP:
                return f"occlusion: clusters {j} and {k} crowd each other"
    waiting = set(order)
    for target, position, contact, a_reach, travel, merged, size in a_walk(centers, counts, order, radius):
        if travel < MIN_TRAVEL:
            return f"trivial: A travels only {travel:.0f} px to cluster {target}"
        waiting.discard(target)
        for other in waiting:
            if point_segment_distance(centers[other], position, contact) < a_reach + radii[other] + PATH_GAP:
                return f"occlusion: A's way to cluster {target} passes over cluster {other}"
        reach = blob_radius(size, radius)
        if not on_board(merged, reach):
            return "out of bounds: a merged blob leaves the board"
        for other in waiting:
            if math.dist(merged, centers[other]) < reach + radii[other] + BLOB_GAP / 2:
                return f"occlusion: the merged blob touches cluster {other}"
    return None


def a_positions(centers: list[Point], counts: list[int], order: list[int], radius: int) -> list[Point]:
    """A's blob centre at the start and after each absorption (the merged balls' centre)."""
    steps = [np.asarray(centers[0], dtype=np.float64)] + [step[5] for step in a_walk(centers, counts, order, radius)]
    return [(round(float(x), 2), round(float(y), 2)) for x, y in steps]


class BallcolorGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the clusters with their counts, and A absorbing them in the only possible order."""

    def generate(self) -> Sample:
        """Draw forced counts, scatter the blobs, check the layout, and render the absorptions."""
        p = self.params
        in_order = draw_counts(self.rng, p.start_count, p.clusters)
        if p.start_count + sum(in_order) > MAX_TOTAL:
            raise Reject(f"illegible: {p.start_count + sum(in_order)} balls is more than {MAX_TOTAL}")
        places = [int(k) for k in self.rng.permutation(p.clusters)]  # cluster 1 + places[i] is the i-th absorbed
        counts = [p.start_count] + [0] * p.clusters
        for rank, place in enumerate(places):
            counts[1 + place] = in_order[rank]
        order = unique_order(p.start_count, counts[1:])
        if order is None:
            raise Reject("ambiguous: the absorbing order is not forced")
        order = [k + 1 for k in order]
        radii = [blob_radius(n, p.ball_radius) for n in counts]
        for _ in range(LAYOUT_TRIES):
            centers = [(float(self.rng.integers(int(EDGE + reach), int(FRAME_SIZE - EDGE - reach) + 1)),
                        float(self.rng.integers(int(TOP_BAND + reach), int(FRAME_SIZE - EDGE - reach - 2 * LABEL_GAP) + 1)))
                       for reach in radii]
            if layout_problem(centers, counts, order, p.ball_radius) is None:
                break
        else:
            raise Reject("occlusion: no layout keeps the blobs, A's ways and the merged blobs apart")
        picked = [OTHER_COLORS[int(k)] for k in self.rng.permutation(len(OTHER_COLORS))[:p.clusters]]
        letters = [chr(ord("A") + k) for k in range(p.clusters + 1)]
        solution = Solution(letters=letters, counts=counts, colors=[RED] + [PALETTE[n] for n in picked],
                            centers=centers, radii=[round(r, 2) for r in radii], order=order,
                            positions=a_positions(centers, counts, order, p.ball_radius), ball_radius=p.ball_radius)
        total = sum(counts)
        prompt = (f"In the scene, there are {p.clusters + 1} ball clusters: red cluster A has {counts[0]} balls, and "
                  "there are other clusters with different numbers of balls; each label gives a cluster's letter "
                  f"and its number of balls. The global TOTAL label shows the sum {total}. Control the red cluster "
                  "A to absorb other clusters: move A to a cluster, its balls turn red and join A, and A's count "
                  "grows by them. You can only absorb clusters that are smaller than the red cluster. Find the "
                  "correct sequence to absorb all clusters step by step until all balls become red.")
        return frames_sample(list(play(solution, order, p.move_frames, p.merge_frames)), prompt=prompt,
                             solution=solution, params=p)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A absorbing a cluster larger than itself (the first two swapped), stopping before the last cluster, and
        the absorbed balls vanishing instead of joining A."""
        solution = Solution.model_validate(sample.solution)
        frames = (self.params.move_frames, self.params.merge_frames)
        swapped = [solution.order[1], solution.order[0], *solution.order[2:]]
        return {"larger_first": lambda: play(solution, swapped, *frames),
                "last_left": lambda: play(solution, solution.order[:-1], *frames),
                "balls_lost": lambda: play(solution, solution.order, *frames, keep_balls=False)}
