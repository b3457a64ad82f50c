"""Drawing a domino chain from above: blue standing bars tip over into red tiles, one after another."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.draw import PALETTE
from vbvr_core.families.dominoes.chain import FALL_FRAMES, THICKNESS, Domino, Fall

STANDING = PALETTE["blue"]
FALLEN = PALETTE["red"]
OUTLINE = (30, 30, 30)


def progress_at(result: Fall, frame: int, starts: Sequence[int | None] | None = None) -> list[float]:
    """Per domino, how far it has fallen (0 standing … 1 lying) at ``frame`` of the schedule ``starts``
    (the chain's own by default)."""
    starts = result.starts if starts is None else starts
    return [0.0 if start is None else min(1.0, max(0.0, (frame - start) / FALL_FRAMES)) for start in starts]


def _blend(a: Sequence[int], b: Sequence[int], share: float) -> tuple[int, int, int]:
    return tuple(int(round(x + (y - x) * share)) for x, y in zip(a, b, strict=True))


def _draw_domino(draw: ImageDraw.ImageDraw, domino: Domino, lie: float, share: float,
                 fallen: tuple[int, int, int]) -> None:
    if share <= 0:
        draw.polygon(domino.bar(), fill=STANDING, outline=OUTLINE, width=2)
        return
    theta = math.pi / 2 * share * share
    length = min(lie, THICKNESS * math.cos(theta) + lie * math.sin(theta))
    draw.polygon(domino.tile(length), fill=_blend(STANDING, fallen, share), outline=OUTLINE, width=2)
    if share >= 1:
        ux, uy = domino.axis
        middle = -THICKNESS / 2 + lie / 2
        cx, cy = domino.x + ux * middle, domino.y + uy * middle
        half = domino.width / 2 - 4
        draw.line([(cx - uy * half, cy + ux * half), (cx + uy * half, cy - ux * half)], fill=OUTLINE, width=2)


def paint(background: np.ndarray, dominoes: Sequence[Domino], lies: Sequence[float],
          progress: Sequence[float], fallen: tuple[int, int, int] = FALLEN) -> np.ndarray:
    """The background with every domino drawn at its fall progress. A tipping domino's shadow from above grows
    from its bar to its tile as it turns (projected length t·cos θ + lie·sin θ, θ = 90°·progress², an
    accelerating fall) and turns from blue to ``fallen`` (red). Tiles end short of the bars they rest against,
    so no two dominoes overlap and the drawing order does not matter."""
    image = Image.fromarray(background)
    draw = ImageDraw.Draw(image)
    for domino, lie, share in zip(dominoes, lies, progress, strict=True):
        _draw_domino(draw, domino, lie, share, fallen)
    return np.asarray(image, dtype=np.uint8).copy()


def chain_frames(background: np.ndarray, dominoes: Sequence[Domino], result: Fall,
                 starts: Sequence[int | None] | None = None, fallen: tuple[int, int, int] = FALLEN) -> Iterator[np.ndarray]:
    """The chain reaction frame by frame under the schedule ``starts`` (the chain's own by default: a near
    miss passes another), from everything standing to the last domino lying flat. Each frame redraws only the
    dominoes that moved (a tile only grows over its own bar and ground); the last is painted whole."""
    starts = result.starts if starts is None else starts
    last = max((s for s in starts if s is not None), default=0) + FALL_FRAMES
    previous = progress_at(result, 0, starts)
    image = Image.fromarray(paint(background, dominoes, result.lies, previous, fallen))
    draw = ImageDraw.Draw(image)
    yield np.asarray(image, dtype=np.uint8).copy()
    for frame in range(1, last):
        progress = progress_at(result, frame, starts)
        for i, share in enumerate(progress):
            if share != previous[i]:
                _draw_domino(draw, dominoes[i], result.lies[i], share, fallen)
        previous = progress
        yield np.asarray(image, dtype=np.uint8).copy()
    if last > 0:  # the end state exactly as paint() draws it (the final frame's picture)
        yield paint(background, dominoes, result.lies, progress_at(result, last, starts), fallen)
