"""Where the pieces stand and how they go: scattered pieces, a board split into pieces and places, slides one at a time.

- :func:`scatter`: integer centres for pieces (discs of their reach) in a box, apart from each other;
- :func:`split_board`: pieces on the left half of the board, their places (outlines) on the right half in an
  unrelated order, so each piece must be matched to its own place; :func:`draw_divider` paints the bar between;
  :func:`matched_board` adds an order in which the pieces can slide into their places without meeting;
- :func:`one_at_a_time`: per-frame positions of pieces moving one after another (straight or along waypoints), eased;
- :func:`near_miss_moves`: the two wrong answers every one-at-a-time task declares (the first two pieces swapped,
  the last one left where it was), as the ends and the moving order a task's replay takes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from PIL import ImageDraw

from vbvr_core.contract import FRAME_SIZE, Point
from vbvr_core.draw import tween
from vbvr_core.families.arrangement.draw import Mover, clear_order
from vbvr_core.pipeline.generator import Reject

#: Least distance (px) from a piece or a place to the canvas edge; least gap between two pieces' (places') reaches.
MARGIN, PLACE_GAP = 14, 14
PLACE_TRIES = 300
#: Frames the pipeline holds the start and the end of a sample whose judge reads its last 3 frames: an 8-fps copy
#: (every 3rd frame) reads 3/8 s, and 10 final frames hold all three at any length of clip.
HOLD_ENDS = 9


def scatter(rng: np.random.Generator, reaches: Sequence[float], x_range: tuple[float, float],
            y_range: tuple[float, float], gap: float = PLACE_GAP, tries: int = PLACE_TRIES) -> list[Point] | None:
    """Integer centres, one per entry of ``reaches`` in that order, each drawn uniformly (``rng.integers``, x then
    y, up to ``tries`` times) so that its disc of that reach lies inside ``x_range`` × ``y_range`` and keeps
    ``gap`` px from the discs placed before it (the box must hold one disc of each reach); None when one finds no
    room."""
    placed: list[Point] = []
    for reach in reaches:
        for _ in range(tries):
            point = (float(rng.integers(int(x_range[0] + reach), int(x_range[1] - reach) + 1)),
                     float(rng.integers(int(y_range[0] + reach), int(y_range[1] - reach) + 1)))
            if all(math.dist(point, other) >= reach + reaches[k] + gap for k, other in enumerate(placed)):
                placed.append(point)
                break
        else:
            return None
    return placed


def split_board(rng: np.random.Generator, reaches: Sequence[float], side_gap: float, margin: float = MARGIN,
                size: int = FRAME_SIZE) -> tuple[list[Point], list[Point]] | None:
    """(starts, targets), listed by piece: the pieces scattered on the left half of a ``size``-px board, their places
    on the right half, placed in a random order (so a place's position says nothing of its piece), every disc
    ``margin`` px from the edges and ``side_gap`` px from the middle line; None when either half has no room."""
    height = (margin, size - margin)
    starts = scatter(rng, reaches, (margin, size / 2 - side_gap), height)
    shuffled = [int(k) for k in rng.permutation(len(reaches))]
    slots = scatter(rng, [reaches[k] for k in shuffled], (size / 2 + side_gap, size - margin), height)
    if starts is None or slots is None:
        return None
    targets: list[Point] = [(0.0, 0.0)] * len(reaches)
    for slot, index in enumerate(shuffled):
        targets[index] = slots[slot]
    return starts, targets


def matched_board(rng: np.random.Generator, reaches: Sequence[float], footprints: Sequence[float], side_gap: float,
                  path_gap: float, noun: str) -> tuple[list[Point], list[Point], list[int]]:
    """(starts, targets, order): the pieces and their places laid out by :func:`split_board` (discs of ``reaches``),
    and an order in which each piece can slide straight into its place with its disc of ``footprints`` ``path_gap``
    px clear of every other piece, still waiting or already placed (``clear_order`` of the arrangement family).
    Raises :class:`Reject` ("no room", "occlusion"; the pieces called ``noun``) when either cannot be found."""
    layout = split_board(rng, reaches, side_gap)
    if layout is None:
        raise Reject(f"no room: the {noun}s or their outlines do not fit their half of the board")
    starts, targets = layout
    order = clear_order([Mover(None, (s, t), r) for s, t, r in zip(starts, targets, footprints, strict=True)], path_gap)
    if order is None:
        raise Reject(f"occlusion: no order lets every {noun} reach its outline without passing over another {noun}")
    return starts, targets, order


def draw_divider(draw: ImageDraw.ImageDraw, color, half_width: int = 4, margin: int = 40,
                 size: int = FRAME_SIZE) -> None:
    """The bar between the halves of a split board: ``2 · half_width`` px wide down the middle, ``margin`` px short
    of the top and bottom edges."""
    middle = size / 2
    draw.rectangle([middle - half_width, margin, middle + half_width - 1, size - margin], fill=color)


def one_at_a_time(starts: Sequence[Point], ends: Sequence[Point], order: Sequence[int], move_frames: int,
                  pause_frames: int, ways: dict[int, Sequence[Point]] | None = None) -> list[list[Point]]:
    """Per-frame positions of every piece (listed by piece index): the pieces in ``order`` slide one after another
    from their start to their end, eased, ``move_frames`` frames each, ``pause_frames`` still frames between; the
    first frame shows them all at their starts, pieces not in ``order`` stay there. A piece with an entry in ``ways``
    (its waypoints, start first, end last) moves along them instead, ``move_frames`` frames per leg."""
    current = [tuple(p) for p in starts]
    frames = [list(current)]
    for rank, index in enumerate(order):
        way = (ways or {}).get(index, (starts[index], ends[index]))
        for a, b in pairwise(way):
            for point in tween(a, b, move_frames):
                current[index] = point
                frames.append(list(current))
        if rank < len(order) - 1:
            frames.extend([list(current)] * pause_frames)
    return frames


def near_miss_moves(targets: list[Point], order: list[int]) -> dict[str, tuple[list[Point], list[int]]]:
    """The wrong answers of a one-at-a-time task, as (ends by piece, moving order): ``swapped_pair``, the first two
    pieces of ``order`` going each into the other's place; ``last_left_behind``, the last piece never moving."""
    first, second = order[:2]
    swapped = list(targets)
    swapped[first], swapped[second] = targets[second], targets[first]
    return {"swapped_pair": (swapped, order), "last_left_behind": (targets, order[:-1])}


def match_listing(labels: Sequence[str], noun: str = "", then: str = "then") -> str:
    """The prompt's sentence naming the pieces in the order they move: for two, "Match the {a}{noun} first, {then} the
    {b}{noun}."; for more, "Match the {a}, {b}, …, and finally the {z}{noun}." (``noun``, e.g. " card", after the
    last one only)."""
    if len(labels) == 2:
        return f"Match the {labels[0]}{noun} first, {then} the {labels[1]}{noun}."
    return f"Match the {', '.join(labels[:-1])}, and finally the {labels[-1]}{noun}."
