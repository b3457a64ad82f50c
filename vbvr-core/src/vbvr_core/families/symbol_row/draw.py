"""Drawing a row of coloured symbols: symbol sets and their names, slot geometry, sprites and a stage.

A row holds ``count`` slots ``spacing`` apart, centred on the canvas (:func:`slot_xs`); symbols are glyphs of the
project's bundled bold font (shapes ● ▲ ■ ★ ◆ ♥ ▼ ▶ ◀, letters, digits), coloured from core's palette. A frame
is a list of :class:`Piece` placements (sprite, centre, opacity) composited on a :class:`RowStage`, so a task
describes each moment of its edit (a symbol fading, the others sliding) and the stage draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

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
# Frames a symbol fades out (or in) over; frames the pipeline holds the start and the end of a symbol-row video
# with no holds of its own (``Sample.hold_frames``: a third of a second each).
FADE_FRAMES, HOLD_ENDS = 10, 8


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


def random_symbols(rng: Any, glyphs: Sequence[str], count: int) -> list[tuple[str, str]]:
    """``count`` symbols drawn independently from ``rng``: each a glyph of ``glyphs``, then a colour name of
    :data:`COLOR_NAMES` (repeats allowed), as ``(glyph, colour name)``."""
    return [(glyphs[int(rng.integers(0, len(glyphs)))], COLOR_NAMES[int(rng.integers(0, len(COLOR_NAMES)))])
            for _ in range(count)]


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


class _Layer:
    """A sprite at one opacity, ready to blend: its box of non-zero alpha (offset ``top``, ``left`` in the sprite,
    whose full size ``height`` × ``width`` fixes where it lands), ``rgb · alpha`` and ``255 − alpha`` as uint16."""

    def __init__(self, sprite: Sprite, opacity: float):
        rgba = sprite.rgba
        self.height, self.width = rgba.shape[:2]
        rows, cols = np.flatnonzero(rgba[..., 3].any(axis=1)), np.flatnonzero(rgba[..., 3].any(axis=0))
        if rows.size == 0:
            self.top = self.left = 0
            self.weighted = self.rest = np.zeros((0, 0, 3), np.uint16)
            return
        self.top, self.left = int(rows[0]), int(cols[0])
        box = rgba[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
        alpha = box[..., 3]
        if opacity < 1:  # as faded() scales it
            alpha = (alpha.astype(np.float32) * opacity).round().astype(np.uint8)
        alpha = alpha[..., None].astype(np.uint16)
        self.weighted = box[..., :3] * alpha
        self.rest = 255 - alpha

    def blend(self, frame: np.ndarray, x: float, y: float) -> None:
        """Blend into ``frame`` in place, the sprite centred at ``(x, y)``: exactly ``draw.paste`` of the (faded)
        sprite — the same placement and ``(rgb·a + frame·(255 − a) + 127) // 255`` — over its inked box only (a
        pixel of alpha 0 is left as it is by that blend too)."""
        frame_h, frame_w = frame.shape[:2]
        x0 = int(round(x - self.width / 2)) + self.left
        y0 = int(round(y - self.height / 2)) + self.top
        box_h, box_w = self.weighted.shape[:2]
        fx0, fy0, fx1, fy1 = max(0, x0), max(0, y0), min(frame_w, x0 + box_w), min(frame_h, y0 + box_h)
        if fx0 >= fx1 or fy0 >= fy1:
            return
        window = (slice(fy0 - y0, fy1 - y0), slice(fx0 - x0, fx1 - x0))
        region = frame[fy0:fy1, fx0:fx1]
        region[:] = (self.weighted[window] + region * self.rest[window] + 127) // 255


class RowStage:
    """A background (plain tint, plus anything drawn once by ``decorate``) onto which pieces are composited."""

    def __init__(self, background: RGB, decorate=None):
        image = new_canvas(background)
        if decorate is not None:
            decorate(ImageDraw.Draw(image))
        self.stage = Stage(to_frame(image))
        self._layers: dict[tuple[int, float], tuple[Sprite, _Layer]] = {}

    def _layer(self, sprite: Sprite, opacity: float) -> _Layer:
        key = (id(sprite), opacity)
        found = self._layers.get(key)
        if found is None or found[0] is not sprite:
            found = self._layers[key] = (sprite, _Layer(sprite, opacity))
        return found[1]

    def frame(self, pieces: Sequence[Piece]) -> np.ndarray:
        """The background with every visible piece drawn, in order (the bytes of ``Stage.frame`` with each
        sprite ``faded`` to its opacity, several times faster: each sprite's blend terms are found once per
        opacity, and only its inked box is blended)."""
        frame = self.stage.background.copy()
        for piece in pieces:
            if piece.opacity > 0:
                self._layer(piece.sprite, min(1.0, piece.opacity)).blend(frame, piece.x, piece.y)
        return frame


def lerp(a: float, b: float, t: float) -> float:
    """``a`` + ``t`` · (``b`` − ``a``)."""
    return a + (b - a) * t
