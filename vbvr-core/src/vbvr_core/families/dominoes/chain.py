"""The chain's rule: a falling domino knocks every domino whose bar stands within its length in front of it.

Geometry on the 512-pixel canvas, seen from above. A domino is a bar ``thickness`` long (along its facing
direction ``angle``, degrees, 0 = +x, 90 = +y i.e. down the picture) and ``width`` wide, centred on
``(x, y)``. Falling, it turns into a tile that starts at the bar's back edge and runs along the facing
direction: the full ``height`` where nothing stops it, or up to the nearest domino it knocks (``lie``), on
which it comes to rest.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

THICKNESS = 10.0
# The chain starts at domino 0; a knocked domino starts to fall KNOCK_FRAMES after the one that knocks it and
# lies flat FALL_FRAMES after it started.
KNOCK_FRAMES = 3
FALL_FRAMES = 6
# A domino stands clearly in reach when its bar's centre is no farther than NEAR × height in front, clearly
# out of reach from FAR × height: in between, the instance is ambiguous and a generator rejects it.
NEAR, FAR = 0.85, 1.3


@dataclass(frozen=True)
class Domino:
    """One domino seen from above: its bar's centre, the direction it falls (degrees) and its width."""

    x: float
    y: float
    angle: float
    width: float

    @property
    def axis(self) -> tuple[float, float]:
        """Unit vector of the direction it falls."""
        radians = math.radians(self.angle)
        return math.cos(radians), math.sin(radians)

    def relative(self, other: Domino) -> tuple[float, float]:
        """(along, across) of ``other``'s centre in this domino's frame: ahead along its axis, and to the side."""
        ux, uy = self.axis
        dx, dy = other.x - self.x, other.y - self.y
        return dx * ux + dy * uy, dx * uy - dy * ux

    def rectangle(self, start: float, end: float, margin: float = 0.0) -> list[tuple[float, float]]:
        """Corners of the rectangle from ``start`` to ``end`` along the axis (0 = bar centre) across the full
        width, shrunk by ``margin`` on every side."""
        ux, uy = self.axis
        half = self.width / 2 - margin
        a, b = start + margin, end - margin
        return [(self.x + ux * s - uy * c, self.y + uy * s + ux * c) for s, c in ((a, -half), (b, -half), (b, half), (a, half))]

    def bar(self, thickness: float = THICKNESS, margin: float = 0.0) -> list[tuple[float, float]]:
        """The standing bar's corners."""
        return self.rectangle(-thickness / 2, thickness / 2, margin)

    def tile(self, length: float, thickness: float = THICKNESS, margin: float = 0.0) -> list[tuple[float, float]]:
        """The lying domino's corners: from the bar's back edge, ``length`` along the axis."""
        return self.rectangle(-thickness / 2, -thickness / 2 + length, margin)


def _in_reach(a: Domino, b: Domino, height: float) -> float | None:
    along, across = a.relative(b)
    if THICKNESS < along <= NEAR * height and abs(across) <= a.width / 2:
        return along
    return None


def _contacts(a: Domino, dominoes: Sequence[Domino], height: float) -> tuple[list[int], float]:
    """The dominoes ``a`` knocks (the nearest one in its reach, and any level with it) and its tile's length
    once it lies against them: up to the nearest back corner of their bars, or its full height."""
    reach = [(j, along) for j, b in enumerate(dominoes) if b is not a and (along := _in_reach(a, b, height)) is not None]
    if not reach:
        return [], height
    nearest = min(along for _, along in reach)
    hit = [j for j, along in reach if along <= nearest + THICKNESS / 2]
    stops = []
    for j in hit:
        b = dominoes[j]
        along, _ = a.relative(b)
        turn = math.radians(b.angle - a.angle)
        back = THICKNESS / 2 * abs(math.cos(turn)) + b.width / 2 * abs(math.sin(turn))
        stops.append(along - back + THICKNESS / 2 - 3)
    return hit, min(stops)


def rest_length(a: Domino, dominoes: Sequence[Domino], height: float) -> float:
    """How long ``a``'s tile is once it lies: up to the nearest domino standing in its reach, else its height."""
    return _contacts(a, dominoes, height)[1]


def knocks(a: Domino, b: Domino, dominoes: Sequence[Domino], height: float) -> bool:
    """Whether ``a``, falling, knocks ``b``: b stands in a's reach (its bar's centre in front within
    ``NEAR × height`` and within a's width) and is the nearest such domino, or level with it (a fork knocks
    both branches)."""
    hit, _ = _contacts(a, dominoes, height)
    return any(dominoes[j] is b for j in hit)


def ambiguous_pairs(dominoes: Sequence[Domino], height: float) -> list[tuple[int, int]]:
    """Pairs (a, b) where b stands near the edge of a's reach — neither clearly knocked nor clearly missed:
    ahead of a falling a that nothing stops, between NEAR and FAR heights; or, before a comes to rest, beside
    its tile by less than half b's width."""
    found = []
    for i, a in enumerate(dominoes):
        rest = rest_length(a, dominoes, height)
        stopped = rest < height
        for j, b in enumerate(dominoes):
            if i == j:
                continue
            along, across = a.relative(b)
            if along <= 0 or along > (rest if stopped else FAR * height):
                continue
            in_width = abs(across) <= a.width / 2
            beside = abs(across) <= a.width / 2 + b.width / 2 + 2
            if (in_width and not stopped and along > NEAR * height) or (beside and not in_width):
                found.append((i, j))
    return found


@dataclass(frozen=True)
class Fall:
    """The chain reaction from domino 0: per domino the frame it starts to fall (None: it stays standing),
    who knocked it, and how long its tile is once it lies."""

    starts: list[int | None]
    parents: list[int | None]
    lies: list[float]

    @property
    def fallen(self) -> list[int]:
        """Indices of the dominoes that fall."""
        return [i for i, start in enumerate(self.starts) if start is not None]

    @property
    def frames(self) -> int:
        """Frames from the push to the last domino lying flat (inclusive)."""
        return max(start for start in self.starts if start is not None) + FALL_FRAMES + 1


def fall(dominoes: Sequence[Domino], height: float, root: int = 0) -> Fall:
    """Run the chain reaction from ``root``, breadth first: a knocked domino starts KNOCK_FRAMES after its knocker."""
    count = len(dominoes)
    lies = [round(rest_length(a, dominoes, height), 2) for a in dominoes]
    starts: list[int | None] = [None] * count
    parents: list[int | None] = [None] * count
    starts[root] = 0
    queue = [root]
    while queue:
        i = queue.pop(0)
        for j, b in enumerate(dominoes):
            if starts[j] is None and knocks(dominoes[i], b, dominoes, height):
                starts[j] = starts[i] + KNOCK_FRAMES
                parents[j] = i
                queue.append(j)
    return Fall(starts, parents, lies)


def depth(result: Fall) -> int:
    """Dominoes on the longest knock path from the root (the root counts)."""
    def level(i: int) -> int:
        parent = result.parents[i]
        return 1 if parent is None else 1 + level(parent)

    return max(level(i) for i in result.fallen)
