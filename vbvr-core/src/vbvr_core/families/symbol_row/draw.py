"""Drawing a row of coloured symbols: symbol sets and their names, slot geometry, sprites and a stage.

A row holds ``count`` slots ``spacing`` apart, centred on the canvas (:func:`slot_xs`); symbols are glyphs of the
project's bundled bold font (shapes ● ▲ ■ ★ ◆ ♥ ▼ ▶ ◀, letters, digits), coloured from core's palette. A frame
is a list of :class:`Piece` placements (sprite, centre, opacity) composited on a :class:`RowStage`, so a task
describes each moment of its edit (a symbol fading, the others sliding) and the stage draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.draw import Sprite, Stage, font, new_canvas, to_frame

RGB = tuple[int, int, int]
Symbol = tuple[str, RGB]

SHAPE_NAMES = {
    "●": "circle", "▲": "triangle", "■": "square", "★": "star", "◆": "diamond", "♥": "heart",
    "▼": "downward triangle", "▶": "right-pointing triangle", "◀": "left-pointing triangle",
}
SYMBOL_SETS: dict[str, tuple[str, ...]] = {
    "shapes": tuple(SHAPE_NAMES),
    "letters": tuple("ABCDEFGHJKLMNPRSTUVWXYZ"),
    "digits": tuple("0123456789"),
    "mixed": ("●", "▲", "■", "★", "◆", "♥", "A", "B", "K", "X", "Z", "3", "7", "8"),
}
COLOR_NAMES = ("red", "green", "blue", "orange", "purple", "cyan", "pink", "brown", "yellow")
# Slot pitch as a multiple of the symbol size, and the widest row (canvas pixels) a row may span.
PITCH = 1.3
ROW_SPAN = 470


def symbol_name(glyph: str) -> str:
    """How a prompt names a glyph: 'star', 'letter K', 'digit 7'."""
    if glyph in SHAPE_NAMES:
        return SHAPE_NAMES[glyph]
    return f"letter {glyph}" if glyph.isalpha() else f"digit {glyph}"


def shown(glyph: str) -> str:
    """The glyph in brackets after a shape's name (' (★)'), nothing for a letter or digit."""
    return f" ({glyph})" if glyph in SHAPE_NAMES else ""


def ordinal(number: int) -> str:
    """1 → '1st', 2 → '2nd', 11 → '11th'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def row_size(largest: int, slots: int) -> tuple[int, float]:
    """``(symbol size, spacing)`` for ``slots`` slots: ``largest`` shrunk so the row spans at most ``ROW_SPAN``."""
    size = min(largest, int(ROW_SPAN / slots / PITCH))
    return size, round(size * PITCH, 2)


def slot_xs(count: int, spacing: float, centre: float = 256.0) -> list[float]:
    """Centres of ``count`` slots ``spacing`` apart, centred on ``centre``."""
    return [centre + (k - (count - 1) / 2) * spacing for k in range(count)]


def neighbour(position: int, count: int) -> int:
    """The 1-based position next to ``position`` among ``count``: the one after it, or before it at the end (where
    a near miss puts its symbol instead)."""
    return position + 1 if position < count else position - 1


def symbol_sprite(glyph: str, color: RGB, size: int) -> Sprite:
    """A glyph in the bundled bold font, centred in a transparent square sprite."""
    side = int(size * 1.5)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((side / 2, side / 2), glyph, fill=tuple(color) + (255,), font=font(size, True),
                               anchor="mm")
    return Sprite(np.asarray(image, dtype=np.uint8))


def frame_sprite(half: float, color: RGB, width: int) -> Sprite:
    """A square outline of half-side ``half`` and line ``width`` (a marking frame around one symbol)."""
    side = int(2 * half + 2 * width + 4)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    c = side / 2
    ImageDraw.Draw(image).rectangle((c - half, c - half, c + half, c + half), outline=tuple(color) + (255,),
                                    width=width)
    return Sprite(np.asarray(image, dtype=np.uint8))


def faded(sprite: Sprite, opacity: float) -> Sprite:
    """``sprite`` with its alpha scaled by ``opacity`` in [0, 1]."""
    if opacity >= 1:
        return sprite
    rgba = sprite.rgba.copy()
    rgba[..., 3] = (rgba[..., 3].astype(np.float32) * opacity).round().astype(np.uint8)
    return Sprite(rgba)


class Piece(NamedTuple):
    """One sprite placed at ``(x, y)`` with ``opacity`` (0 hides it)."""

    sprite: Sprite
    x: float
    y: float
    opacity: float = 1.0


class RowStage:
    """A background (plain tint, plus anything drawn once by ``decorate``) onto which pieces are composited."""

    def __init__(self, background: RGB, decorate=None):
        image = new_canvas(background)
        if decorate is not None:
            decorate(ImageDraw.Draw(image))
        self.stage = Stage(to_frame(image))

    def frame(self, pieces: Sequence[Piece]) -> np.ndarray:
        """The background with every visible piece drawn, in order."""
        return self.stage.frame([(faded(p.sprite, p.opacity), (p.x, p.y)) for p in pieces if p.opacity > 0])


def lerp(a: float, b: float, t: float) -> float:
    """``a`` + ``t`` · (``b`` − ``a``)."""
    return a + (b - a) * t
