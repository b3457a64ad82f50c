"""Pieces and their dashed outlines: a cluster on the left, outlines on the right, a horizontal slide between.

Used by the tasks whose answer is solid pieces moved, unchanged, into dashed outlines of themselves (G-24
separate the objects without turning them, G-25 turn each in place first, then slide it). A :class:`Piece` is
a filled, outlined convex polygon of one colour; its dashed outline stands on the same horizontal line, on
the right, at the orientation the piece must end in. The solution turns every piece in place by its
``turn`` (all at once), then slides every piece straight to the right into its outline (all at once).

Layouts are checked so that nothing passes through anything solid: pieces that turn keep their turning
discs apart; pieces whose rows overlap keep their left-to-right order, so (convex pieces moving in step
along parallel lines) they never meet on the way. Angles are degrees, clockwise positive on screen.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
from PIL import ImageDraw
from pydantic import BaseModel, ConfigDict

from vbvr_core.contract import FRAME_SIZE, Sample
from vbvr_core.contract.geometry import Point
from vbvr_core.draw import PALETTE, Sprite, Stage, color_distance, ease_in_out, new_canvas, shape_points, to_frame
from vbvr_core.draw.canvas import RGB
from vbvr_core.families.rotation.draw import centred, polygon_sprite, rotate_points
from vbvr_core.pipeline.generator import Reject
from vbvr_core.plane import share_along

OUTLINE = (30, 30, 30)
OUTLINE_WIDTH = 2
DASH_COLOR = (85, 85, 85)
DASH_WIDTH = 3
DASH_LENGTH, DASH_GAP = 9.0, 6.0
# Every kind is convex (the no-collision argument needs it); its rotational symmetry (0: round).
SYMMETRY = {"circle": 0, "square": 4, "rectangle": 2, "triangle": 3, "pentagon": 5, "hexagon": 6,
            "trapezoid": 1, "parallelogram": 2}
KINDS = tuple(SYMMETRY)
# Piece colours: saturated palette colours at least this far apart (RGB), so touching pieces never blend into
# each other's colour (the orientation tracker's fill likeness reaches 110).
PIECE_COLORS = ("red", "green", "blue", "yellow", "orange", "purple", "cyan", "pink")
MIN_COLOR_DISTANCE = 115.0
LEFT_EDGE, RIGHT_EDGE = 0.45 * FRAME_SIZE, 0.5 * FRAME_SIZE  # the cluster stays left of one, outlines right of the other
MARGIN = 14
TARGET_GAP = 12  # least gap between two dashed outlines
CLUSTER_TRIES = 8
DIRECTION_WEIGHTS = np.array([1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 1]) / 18


class Piece(BaseModel):
    """One piece: kind and colour, its outline around its centroid at the start orientation, where it starts and
    where its dashed outline stands, the signed turn from start to target orientation, its symmetry, its reach
    (largest vertex distance) and the side of the square sprite it is pasted as."""

    model_config = ConfigDict(frozen=True)

    kind: str
    color: RGB
    color_name: str
    vertices: tuple[Point, ...]
    start: Point
    target: Point
    turn: float
    symmetry: int
    radius: float
    sprite_side: int


def piece_vertices(kind: str, size: float) -> list[Point]:
    """Vertices of a ``kind`` piece of nominal ``size`` (about its half-width), around its area centroid, upright."""
    if kind == "circle":
        points = [(size * math.cos(a), size * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 48, endpoint=False)]
    elif kind == "rectangle":
        points = [(-1.35 * size, -0.75 * size), (1.35 * size, -0.75 * size), (1.35 * size, 0.75 * size),
                  (-1.35 * size, 0.75 * size)]
    elif kind == "trapezoid":
        points = [(-0.65 * size, -0.75 * size), (0.65 * size, -0.75 * size), (1.3 * size, 0.75 * size),
                  (-1.3 * size, 0.75 * size)]
    elif kind == "parallelogram":
        points = [(-0.8 * size, -0.75 * size), (1.4 * size, -0.75 * size), (0.8 * size, 0.75 * size),
                  (-1.4 * size, 0.75 * size)]
    else:
        points = shape_points(kind, (0.0, 0.0), size)
    return centred([(float(x), float(y)) for x, y in points])


def reach(vertices: Sequence[Point]) -> float:
    """The largest distance of a vertex from the centroid (the radius of the disc the piece turns within)."""
    return float(max(math.hypot(x, y) for x, y in vertices))


def sprite_side(radius: float) -> int:
    """Side of the square sprite that holds a piece of ``radius`` at any orientation, outline included."""
    return 2 * int(radius + OUTLINE_WIDTH + 3)


def pick_colors(rng: np.random.Generator, count: int) -> list[str]:
    """``count`` piece colour names, pairwise at least ``MIN_COLOR_DISTANCE`` apart, or fewer if the draw fails."""
    best: list[str] = []
    for _ in range(30):
        chosen: list[str] = []
        for index in rng.permutation(len(PIECE_COLORS)):
            name = PIECE_COLORS[int(index)]
            if all(color_distance(PALETTE[name], PALETTE[other]) >= MIN_COLOR_DISTANCE for other in chosen):
                chosen.append(name)
            if len(chosen) == count:
                return chosen
        best = max(best, chosen, key=len)
    return best


def piece_colors(rng: np.random.Generator, count: int) -> list[str]:
    """:func:`pick_colors` of ``count`` colours; :class:`Reject` ("ambiguous") when the draw finds fewer."""
    colors = pick_colors(rng, count)
    if len(colors) < count:
        raise Reject(f"ambiguous: no {count} piece colours far enough apart were drawn")
    return colors


def placed(vertices: Sequence[Point], center: Point, degrees: float = 0.0) -> np.ndarray:
    """The vertices turned by ``degrees`` about the centroid and moved to ``center`` (an N×2 array)."""
    turned = rotate_points(vertices, (0.0, 0.0), degrees) if degrees else vertices
    return np.asarray(turned, dtype=np.float64) + np.asarray(center, dtype=np.float64)


def polygons_apart(a: np.ndarray, b: np.ndarray, gap: float) -> bool:
    """True when the convex polygons ``a`` and ``b`` (N×2) are at least ``gap`` px apart along some edge normal
    (separating axes: a sufficient test, exact up to corner-to-corner approaches)."""
    best = -math.inf
    for points in (a, b):
        edges = np.roll(points, -1, axis=0) - points
        normals = np.stack([edges[:, 1], -edges[:, 0]], axis=1)
        normals /= np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-9)
        pa, pb = a @ normals.T, b @ normals.T
        gaps = np.maximum(pb.min(axis=0) - pa.max(axis=0), pa.min(axis=0) - pb.max(axis=0))
        best = max(best, float(gaps.max()))
    return best >= gap


def support(points: np.ndarray, direction: np.ndarray) -> float:
    """How far the polygon ``points`` (around the origin) reaches along the unit ``direction``."""
    return float((points @ direction).max())


def cluster(shapes: Sequence[np.ndarray], radii: Sequence[float], rng: np.random.Generator, gap: float,
            discs: bool, tries: int = 60) -> list[Point] | None:
    """Centres (around the first piece) of a compact cluster: each piece set ``gap`` px beyond a random earlier
    one in one of twelve directions, clear of all others — by their outlines, or by their turning discs when
    ``discs`` (pieces that turn in place must not sweep into a neighbour). None when a piece finds no room."""
    centres = [np.zeros(2)]
    for index in range(1, len(shapes)):
        for _ in range(tries):
            anchor = int(rng.integers(0, len(centres)))
            # Steep directions are drawn twice as often: a taller cluster leaves the outlines' rows room.
            angle = math.radians(30 * int(rng.choice(12, p=DIRECTION_WEIGHTS)) + float(rng.uniform(-8, 8)))
            direction = np.array([math.cos(angle), math.sin(angle)])
            if discs:
                distance = radii[anchor] + radii[index] + gap
            else:
                distance = support(shapes[anchor], direction) + support(shapes[index], -direction) + gap
            candidate = centres[anchor] + direction * distance
            if discs:
                clear = all(np.hypot(*(candidate - c)) >= radii[k] + radii[index] + gap - 0.5 for k, c in enumerate(centres))
            else:
                clear = all(polygons_apart(shapes[k] + c, shapes[index] + candidate, gap - 0.5) for k, c in enumerate(centres))
            if clear:
                centres.append(candidate)
                break
        else:
            return None
    return [(float(x), float(y)) for x, y in centres]


def extents(points: np.ndarray) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a polygon."""
    return float(points[:, 0].min()), float(points[:, 1].min()), float(points[:, 0].max()), float(points[:, 1].max())


def layout(vertices: Sequence[Sequence[Point]], turns: Sequence[float], rng: np.random.Generator, contact_gap: float,
           ) -> tuple[list[Point], list[Point]] | None:
    """Integer start and target centres for pieces with these start ``vertices`` and ``turns``, or None.

    The starts form a cluster left of ``LEFT_EDGE`` (discs apart when any piece turns), vertically centred
    with some play; each target lies on its start's row, right of ``RIGHT_EDGE``, its outline (at the turned
    orientation) ``TARGET_GAP`` px clear of the others; pieces whose rows overlap keep their left-to-right order.
    """
    spin = any(turns)
    starts_shape = [np.asarray(v, dtype=np.float64) for v in vertices]
    ends_shape = [placed(v, (0.0, 0.0), t) for v, t in zip(vertices, turns, strict=True)]
    radii = [reach(v) for v in vertices]
    for _ in range(CLUSTER_TRIES):
        relative = cluster(starts_shape, radii, rng, contact_gap if not spin else contact_gap + 4, discs=spin)
        if relative is None:
            continue
        # The cluster's box: by outlines, or by turning discs where pieces turn in place.
        boxes = []
        for (cx, cy), shape, radius in zip(relative, starts_shape, radii, strict=True):
            boxes.append((cx - radius, cy - radius, cx + radius, cy + radius) if spin else extents(shape + (cx, cy)))
        left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
        if right - left <= LEFT_EDGE - MARGIN - 4 and bottom - top <= FRAME_SIZE - 2 * MARGIN - 20:
            break
    else:
        return None
    dx = float(rng.uniform(MARGIN, LEFT_EDGE - (right - left))) - left
    play = (FRAME_SIZE - 2 * MARGIN - (bottom - top)) / 2
    dy = FRAME_SIZE / 2 - (top + bottom) / 2 + float(rng.uniform(-0.5, 0.5) * play)
    starts = [(float(round(cx + dx)), float(round(cy + dy))) for cx, cy in relative]
    lows = [RIGHT_EDGE - shape[:, 0].min() for shape in ends_shape]
    highs = [FRAME_SIZE - MARGIN - shape[:, 0].max() for shape in ends_shape]
    if any(high <= low for low, high in zip(lows, highs, strict=True)):
        return None
    by_start = sorted(range(len(starts)), key=lambda k: starts[k][0])
    for attempt in range(40):
        xs = [float(rng.uniform(low, high)) for low, high in zip(lows, highs, strict=True)]
        if attempt % 2:  # every other try keeps the cluster's whole left-to-right order
            shares = sorted(share_along(x, low, high) for x, low, high in zip(xs, lows, highs, strict=True))
            for rank, k in enumerate(by_start):
                xs[k] = lows[k] + shares[rank] * (highs[k] - lows[k])
        targets = [(float(round(x)), sy) for x, (_, sy) in zip(xs, starts, strict=True)]
        if targets_clear(starts, targets, starts_shape, ends_shape):
            return starts, targets
    return None


def make_pieces(rng: np.random.Generator, kinds: Sequence[str], colors: Sequence[str], size: float,
                turns: Sequence[float], contact_gap: float, jitter: float = 0.15, tries: int = 3,
                angles: Sequence[float] | None = None) -> list[Piece] | None:
    """Pieces of these kinds, palette colours and turns, of nominal ``size`` (each ± ``jitter``), each at its
    start orientation ``angles`` (degrees from upright; upright by default), laid out by :func:`layout` (up to
    ``tries`` times); None when no layout fits."""
    vertices = []
    for k, kind in enumerate(kinds):
        upright = piece_vertices(kind, round(size * float(rng.uniform(1 - jitter, 1 + jitter)), 1))
        angle = angles[k] if angles is not None else 0.0
        vertices.append([(round(x, 2), round(y, 2)) for x, y in rotate_points(upright, (0.0, 0.0), angle)] if angle else upright)
    for _ in range(tries):
        result = layout(vertices, turns, rng, contact_gap)
        if result is not None:
            break
    else:
        return None
    starts, targets = result
    return [Piece(kind=kind, color=PALETTE[name], color_name=name, vertices=tuple(v), start=s, target=t, turn=turn,
                  symmetry=SYMMETRY[kind], radius=round(reach(v), 2), sprite_side=sprite_side(reach(v)))
            for kind, name, v, s, t, turn in zip(kinds, colors, vertices, starts, targets, turns, strict=True)]


def laid_out(rng: np.random.Generator, kinds: Sequence[str], colors: Sequence[str], size: float,
             turns: Sequence[float], contact_gap: float, angles: Sequence[float] | None = None) -> list[Piece]:
    """:func:`make_pieces` (its other arguments as there); :class:`Reject` ("occlusion") when no layout fits."""
    pieces = make_pieces(rng, kinds, colors, size, turns, contact_gap, angles=angles)
    if pieces is None:
        raise Reject("occlusion: the cluster or the outlines do not fit without overlapping")
    return pieces


def targets_clear(starts: Sequence[Point], targets: Sequence[Point], starts_shape: Sequence[np.ndarray],
                  ends_shape: Sequence[np.ndarray]) -> bool:
    """True when the outlines are ``TARGET_GAP`` apart and pieces whose rows overlap keep their order."""
    count = len(starts)
    for a in range(count):
        for b in range(a + 1, count):
            if not polygons_apart(ends_shape[a] + targets[a], ends_shape[b] + targets[b], TARGET_GAP):
                return False
            rows_a = [s[:, 1] for s in (starts_shape[a], ends_shape[a])]
            rows_b = [s[:, 1] for s in (starts_shape[b], ends_shape[b])]
            top_a, bottom_a = min(r.min() for r in rows_a) + starts[a][1], max(r.max() for r in rows_a) + starts[a][1]
            top_b, bottom_b = min(r.min() for r in rows_b) + starts[b][1], max(r.max() for r in rows_b) + starts[b][1]
            overlapping = top_a < bottom_b + 2 and top_b < bottom_a + 2
            if overlapping and (starts[a][0] - starts[b][0]) * (targets[a][0] - targets[b][0]) <= 0:
                return False
    return True


def dashed_polygon(draw: ImageDraw.ImageDraw, points: np.ndarray, color=DASH_COLOR, width: int = DASH_WIDTH) -> None:
    """The closed polygon ``points`` drawn as dashes of ``DASH_LENGTH`` with ``DASH_GAP`` between, along its edges."""
    closed = np.vstack([points, points[:1]])
    for a, b in zip(closed[:-1], closed[1:], strict=True):
        length = float(np.hypot(*(b - a)))
        if length <= 0:
            continue
        unit = (b - a) / length
        position = 0.0
        while position < length:
            end = min(position + DASH_LENGTH, length)
            p, q = a + unit * position, a + unit * end
            draw.line([(float(p[0]), float(p[1])), (float(q[0]), float(q[1]))], fill=color, width=width)
            position += DASH_LENGTH + DASH_GAP


def background(tint: RGB, pieces: Sequence[Piece]) -> np.ndarray:
    """The static scene: the tint with every piece's dashed outline at its target, in its target orientation."""
    canvas = new_canvas(tint)
    draw = ImageDraw.Draw(canvas)
    for piece in pieces:
        dashed_polygon(draw, placed(piece.vertices, piece_pivot(piece.target, piece.sprite_side), piece.turn))
    return to_frame(canvas)


def piece_pivot(center: Point, side: int) -> Point:
    """Where the stage puts a ``side``² sprite's centre when pasting it at ``center``."""
    return (int(round(center[0] - side / 2)) + side / 2, int(round(center[1] - side / 2)) + side / 2)


def piece_sprite(piece: Piece, degrees: float) -> Sprite:
    """The piece turned by ``degrees`` from its start orientation, as a sprite centred on its centroid."""
    return polygon_sprite(rotate_points(piece.vertices, (0.0, 0.0), degrees), piece.sprite_side, piece.color, OUTLINE,
                          OUTLINE_WIDTH)


Pose = tuple[Point, float]  # a piece's centre and its turn from the start orientation


def solution_poses(pieces: Sequence[Piece], turn_frames: int, move_frames: int) -> list[list[Pose]]:
    """Per frame, every piece's pose: first all pieces turn in place together (eased, ``turn_frames``; skipped
    when no piece turns or ``turn_frames`` is 0, the pieces then sliding at their turned orientation), then all
    slide right together into their outlines (eased, ``move_frames``)."""
    frames: list[list[Pose]] = []
    if turn_frames > 0 and any(piece.turn for piece in pieces):
        for k in range(turn_frames + 1):
            t = ease_in_out(k / turn_frames)
            frames.append([(piece.start, piece.turn * t) for piece in pieces])
    else:
        frames.append([(piece.start, piece.turn) for piece in pieces])
    for k in range(1, move_frames + 1):
        t = ease_in_out(k / move_frames)
        frames.append([((piece.start[0] + (piece.target[0] - piece.start[0]) * t, piece.start[1]), piece.turn)
                       for piece in pieces])
    return frames


def render(stage: Stage, pieces: Sequence[Piece], poses: Sequence[Sequence[Pose]]) -> Iterator[np.ndarray]:
    """One frame per entry of ``poses``: every piece drawn at its pose on the stage (sprites reused per angle)."""
    cache: dict[tuple[int, float], Sprite] = {}
    for row in poses:
        placements = []
        for index, (piece, (center, degrees)) in enumerate(zip(pieces, row, strict=True)):
            key = (index, round(degrees, 2))
            if key not in cache:
                cache[key] = piece_sprite(piece, degrees)
            placements.append((cache[key], center))
        yield stage.frame(placements)


def pieces_sample(stage: Stage, pieces: Sequence[Piece], turn_frames: int, move_frames: int, **fields) -> Sample:
    """The :class:`Sample` of the solution (:func:`solution_poses` rendered on ``stage``, the :func:`background` of
    the pieces): its first and final frames and its trajectory, with the other fields (prompt, solution, params…)
    as given."""
    poses = solution_poses(pieces, turn_frames, move_frames)
    return Sample(first_frame=next(render(stage, pieces, poses[:1])), final_frame=next(render(stage, pieces, poses[-1:])),
                  trajectory=lambda: render(stage, pieces, poses), **fields)
