"""Moving objects into place: a centred row layout, staggered moves along waypoints, and a clearance check.

Used by every task whose answer is an arrangement (sort a row, line circles up by size, place objects):
the task decides *where* each object goes and in which order it moves; this module turns that into
per-frame positions, verifies that no two objects ever overlap on the way, and renders the frames by
pasting sprites onto a static background (:class:`~vbvr_core.draw.animate.Stage`).

Positions are (x, y) pixel centres on the 512² canvas. An object's footprint is a disc of its
``radius`` (the radius of a circle that encloses it), which is what the clearance check compares.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract import FRAME_SIZE, Sample, TaskSolution
from vbvr_core.contract.geometry import Point
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import Sprite, Stage, draw_shape, ease_in_out
from vbvr_core.plane import point_segment_distance

# Colours of objects followed by their colour (palette names). Gray and brown are left out: blends of a black outline
# with a light background or with orange pass for them.
OBJECT_COLORS = ("red", "green", "blue", "yellow", "orange", "purple", "cyan", "pink")
# How far each shape kind reaches from its centre, in nominal radii (the vertices of vbvr_core.draw.shape_points).
KIND_REACH = {"circle": 1.0, "square": 1.2, "triangle": 1.2, "diamond": 1.15, "pentagon": 1.1, "hexagon": 1.05,
              "star": 1.25}


def shape_sprite(kind: str, radius: float, half: float, fill, outline=None, width: int = 0) -> Sprite:
    """A ``kind`` shape of nominal ``radius`` (``draw.draw_shape``) filled with ``fill`` (RGB), outlined ``width`` px in
    ``outline`` if given, centred on a transparent square of side ``2 · int(half)`` (even: a sprite pasted at a
    whole-pixel centre lies on whole pixels)."""
    side = 2 * int(half)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw_shape(ImageDraw.Draw(image), kind, (side / 2, side / 2), radius, fill=(*fill, 255),
               outline=None if outline is None else (*outline, 255), width=width)
    return Sprite.from_image(image)


class RowSolution(TaskSolution):
    """The solution of a row task, as the judge's ``score_row`` reads it: each object's colour, start and place in
    the row (512 canvas), and the row's left-to-right order (object indices)."""

    colors: list[tuple[int, int, int]]
    starts: list[Point]
    ends: list[Point]
    order: list[int]


@dataclass(frozen=True)
class Mover:
    """One object to move: its sprite, the waypoints of its path (first = where it starts) and its footprint."""

    sprite: Sprite
    waypoints: tuple[Point, ...]
    radius: float


def row_slots(widths: Sequence[float], y: float, gap: float, size: int = FRAME_SIZE) -> list[Point]:
    """Centres of objects of the given ``widths`` laid left to right with ``gap`` between, the row centred."""
    total = float(sum(widths)) + gap * (len(widths) - 1)
    x = (size - total) / 2
    slots = []
    for width in widths:
        slots.append((x + width / 2, float(y)))
        x += width + gap
    return slots


def row_places(order: Sequence[int], widths: Sequence[float], y: float, gap: float,
               size: int = FRAME_SIZE) -> list[Point]:
    """Each object's centre (listed by object index) when the objects stand left to right in ``order`` on the
    line ``y``, ``gap`` apart, the row centred; ``widths`` are listed by object index too."""
    places: list[Point] = [(0.0, 0.0)] * len(order)
    for index, slot in zip(order, row_slots([widths[k] for k in order], y, gap, size), strict=True):
        places[index] = slot
    return places


def point_along(waypoints: Sequence[Point], fraction: float) -> Point:
    """The point ``fraction`` (0..1) of the way along the polyline ``waypoints``, by arc length."""
    lengths = [math.dist(a, b) for a, b in pairwise(waypoints)]
    total = sum(lengths)
    last = (float(waypoints[-1][0]), float(waypoints[-1][1]))
    if total == 0:
        return last
    remaining = min(1.0, max(0.0, fraction)) * total
    for (a, b), length in zip(pairwise(waypoints), lengths, strict=True):
        if remaining <= length and length > 0:
            t = remaining / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        remaining -= length
    return last


def schedule(movers: Sequence[Mover], frames_per_move: int, stagger: int) -> list[list[Point]]:
    """Per-frame positions of every mover: mover ``k`` starts at frame ``k * stagger`` and takes
    ``frames_per_move`` frames (eased). Frame 0 shows every mover at its start; the last frame, at its end.

    Returns one list of positions per frame, each holding one point per mover.
    """
    if frames_per_move < 1 or stagger < 0:
        raise ValueError(f"frames_per_move must be ≥ 1 and stagger ≥ 0, got {frames_per_move}, {stagger}")
    total = (len(movers) - 1) * stagger + frames_per_move if movers else 0
    frames = []
    for frame in range(total + 1):
        row = []
        for index, mover in enumerate(movers):
            progress = (frame - index * stagger) / frames_per_move
            row.append(point_along(mover.waypoints, ease_in_out(progress)))
        frames.append(row)
    return frames


def min_clearance(positions: Sequence[Sequence[Point]], radii: Sequence[float]) -> float:
    """Smallest gap (pixels) between the footprints of any two movers over all frames (negative = overlap)."""
    if len(radii) < 2:
        return math.inf
    points = np.asarray(positions, dtype=np.float64)  # frames × movers × 2
    radii_array = np.asarray(radii, dtype=np.float64)
    deltas = points[:, :, None, :] - points[:, None, :, :]
    distances = np.sqrt((deltas ** 2).sum(axis=-1))
    gaps = distances - (radii_array[:, None] + radii_array[None, :])
    upper = np.triu_indices(len(radii), k=1)
    return float(gaps[:, upper[0], upper[1]].min())


def path_is_clear(mover: Mover, parked: Sequence[tuple[Point, float]], min_gap: float) -> bool:
    """True when ``mover`` can travel its whole path without touching any parked (point, radius) disc."""
    for a, b in pairwise(mover.waypoints):
        for point, radius in parked:
            if point_segment_distance(point, a, b) < mover.radius + radius + min_gap:
                return False
    return True


def clear_order(movers: Sequence[Mover], min_gap: float = 4.0) -> list[int] | None:
    """An order in which to move ``movers`` one at a time so that each path is clear of every other
    object (still at its start or already at its end); prefers the given order. None if there is none."""
    remaining = list(range(len(movers)))
    done: list[int] = []
    while remaining:
        for index in remaining:
            parked = [(movers[k].waypoints[0], movers[k].radius) for k in remaining if k != index]
            parked += [(movers[k].waypoints[-1], movers[k].radius) for k in done]
            if path_is_clear(movers[index], parked, min_gap):
                remaining.remove(index)
                done.append(index)
                break
        else:
            return None
    return done


def plan_moves(movers: Sequence[Mover], frames_per_move: int, stagger: int, min_gap: float = 4.0,
               ) -> tuple[list[int], list[list[Point]]] | None:
    """A collision-free plan: the order to move ``movers`` in (indices) and the per-frame positions.

    The movers go in the given order if their paths allow, else in a :func:`clear_order`; moves overlap
    by ``stagger`` frames where that keeps every gap ≥ ``min_gap``, else by half a move, else not at all.
    Positions are listed per frame in the *original* mover order. None when no order is clear.
    """
    order = clear_order(movers, min_gap)
    if order is None:
        return None
    ordered = [movers[k] for k in order]
    radii = [mover.radius for mover in ordered]
    for attempt in dict.fromkeys((stagger, max(stagger, frames_per_move // 2), frames_per_move)):
        positions = schedule(ordered, frames_per_move, attempt)
        if min_clearance(positions, radii) >= min_gap:
            back = sorted(range(len(order)), key=lambda k: order[k])
            return order, [[row[k] for k in back] for row in positions]
    return None


def render_moves(background: np.ndarray, movers: Sequence[Mover], positions: Sequence[Sequence[Point]],
                 ) -> Iterator[np.ndarray]:
    """One frame per entry of ``positions``: every mover's sprite pasted at its position on ``background``."""
    stage = Stage(background)
    for row in positions:
        yield stage.frame([(mover.sprite, point) for mover, point in zip(movers, row, strict=True)])


def moves_sample(background: np.ndarray, movers: Sequence[Mover], positions: Sequence[Sequence[Point]], **fields,
                 ) -> Sample:
    """The :class:`Sample` of a plan of moves: its first frame (``positions[0]``), its final frame (the last entry)
    and its trajectory (:func:`render_moves` of every entry), with the other fields (prompt, solution, params…)
    as given."""
    return Sample(first_frame=next(render_moves(background, movers, positions[:1])),
                  final_frame=next(render_moves(background, movers, positions[-1:])),
                  trajectory=lambda: render_moves(background, movers, positions), **fields)


def staged_sample(stage: Stage, sprites: Sequence[Sprite], starts: Sequence[Point], ends: Sequence[Point],
                  trajectory: FrameSource, **fields) -> Sample:
    """The :class:`Sample` whose first frame is ``stage`` with every sprite at its start and whose final frame has
    every sprite at its end (``starts``/``ends``: where the sprites are pasted, one per sprite), its ``trajectory`` and
    the other fields (prompt, solution, params…) as given."""
    return Sample(first_frame=stage.frame(list(zip(sprites, starts, strict=True))),
                  final_frame=stage.frame(list(zip(sprites, ends, strict=True))), trajectory=trajectory, **fields)


def frames_sample(frames: Sequence[np.ndarray], **fields) -> Sample:
    """The :class:`Sample` whose trajectory is ``frames`` (rendered ahead), its first and final frames their ends,
    with the other fields (prompt, solution, params…) as given."""
    return Sample(first_frame=frames[0], final_frame=frames[-1], trajectory=lambda: iter(frames), **fields)


def rounded(points: Sequence[Point]) -> list[Point]:
    """``points`` rounded to 0.01 px, as a solution records them."""
    return [(round(x, 2), round(y, 2)) for x, y in points]
