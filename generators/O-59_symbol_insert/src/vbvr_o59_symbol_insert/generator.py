"""O-59 symbol_insert: insert the stated symbol into a row at the stated position.

Parameters → draw → solve → render → prompt:

- a centred row of ``length`` coloured symbols (shapes, letters, digits or a mix);
- the prompt names the new symbol (colour and kind) and its 1-based position in the new row;
- the solution is the row after insertion, centred again; the video shows the original generator's
  three phases: the symbols move apart to open a gap at the position, the new symbol fades in above
  the gap, then slides down into it;
- a new symbol whose colour the row already uses is rejected, so "the red star" names one symbol.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, Sprite, Stage, ease_in_out, font, new_canvas, to_frame
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o59_symbol_insert.plugin import TASK

SHAPE_NAMES = {
    "●": "circle", "▲": "triangle", "■": "square", "★": "star", "◆": "diamond", "♥": "heart",
    "▼": "downward triangle", "▶": "right-pointing triangle", "◀": "left-pointing triangle",
}
SYMBOL_SETS = {
    "shapes": tuple(SHAPE_NAMES),
    "letters": tuple("ABCDEFGHJKLMNPRSTUVWXYZ"),
    "digits": tuple("0123456789"),
    "mixed": ("●", "▲", "■", "★", "◆", "♥", "A", "B", "K", "X", "Z", "3", "7", "8"),
}
COLOR_NAMES = ("red", "green", "blue", "orange", "purple", "cyan", "pink", "brown", "yellow")
SHIFT_FRAMES, FADE_FRAMES, SLIDE_FRAMES = 16, 10, 16


class Params(TaskParams):
    """O-59's parameter space: longer rows of less regular symbols with the difficulty stratum."""

    length: Annotated[int, Strata((3, 5), (5, 7), (7, 9))] = Field(
        5, ge=3, le=9, description="symbols in the row before the insertion")
    position: Annotated[int, Uniform(1, lambda v: v["length"] + 1)] = Field(
        3, ge=1, le=10, description="1-based position of the new symbol in the new row")
    symbol_set: Annotated[Literal["shapes", "letters", "digits", "mixed"],
                          Strata(("shapes",), ("shapes", "letters", "digits"), ("mixed", "letters"))] = Field(
        "shapes", description="kind of symbols")
    symbol_size: Annotated[int, Uniform(44, 72)] = Field(
        60, ge=32, le=72, description="largest symbol size in pixels (shrunk to fit long rows)")
    row_y: Annotated[int, Uniform(240, 310)] = Field(270, ge=230, le=320, description="vertical position of the row")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")

    @model_validator(mode="after")
    def _position_fits_the_row(self) -> Params:
        if self.position > self.length + 1:
            raise ValueError(f"position {self.position} is beyond the new row's end: use 1..{self.length + 1}")
        return self


Symbol = tuple[str, tuple[int, int, int]]


class Solution(TaskSolution):
    """The row before and after the insertion (glyph and colour per symbol), and where everything stands."""

    row: list[Symbol]
    new_symbol: Symbol
    new_name: str
    position: int
    symbol_size: int
    spacing: float
    row_y: int
    above_y: int
    final_row: list[Symbol]
    final_xs: list[float]


def symbol_name(glyph: str) -> str:
    """How the prompt names a glyph: 'star', 'letter K', 'digit 7'."""
    if glyph in SHAPE_NAMES:
        return SHAPE_NAMES[glyph]
    return f"letter {glyph}" if glyph.isalpha() else f"digit {glyph}"


def ordinal(number: int) -> str:
    """1 → '1st', 2 → '2nd', 11 → '11th'."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def slot_xs(count: int, spacing: float) -> list[float]:
    """Centres of ``count`` slots ``spacing`` apart, centred on the canvas."""
    return [256 + (k - (count - 1) / 2) * spacing for k in range(count)]


def symbol_sprite(glyph: str, color: tuple[int, int, int], size: int) -> Sprite:
    """A glyph in the bundled bold font, centred in a transparent square sprite."""
    side = int(size * 1.5)
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((side / 2, side / 2), glyph, fill=color + (255,), font=font(size, True), anchor="mm")
    return Sprite(np.asarray(image, dtype=np.uint8))


def faded(sprite: Sprite, opacity: float) -> Sprite:
    """``sprite`` with its alpha scaled by ``opacity`` in [0, 1]."""
    rgba = sprite.rgba.copy()
    rgba[..., 3] = (rgba[..., 3].astype(np.float32) * opacity).round().astype(np.uint8)
    return Sprite(rgba)


class RowScene:
    """Sprites and slot geometry of one instance; renders any phase of the insertion."""

    def __init__(self, solution: Solution, background: tuple[int, int, int]):
        self.stage = Stage(to_frame(new_canvas(background)))
        size = solution.symbol_size
        self.sprites = [symbol_sprite(glyph, color, size) for glyph, color in solution.row]
        self.new_sprite = symbol_sprite(*solution.new_symbol, size)
        self.before = slot_xs(len(self.sprites), solution.spacing)
        after = slot_xs(len(self.sprites) + 1, solution.spacing)
        gap = solution.position - 1
        self.after = after[:gap] + after[gap + 1:]
        self.gap_x = after[gap]
        self.row_y = solution.row_y
        self.above_y = solution.above_y

    def frame(self, shift: float, opacity: float, descent: float) -> np.ndarray:
        """The row with the others moved ``shift`` (0..1) of the way apart and the new symbol at
        ``opacity`` and ``descent`` (0 above the gap .. 1 in it); opacity 0 hides it."""
        placements = [(sprite, (x0 + (x1 - x0) * shift, self.row_y))
                      for sprite, x0, x1 in zip(self.sprites, self.before, self.after, strict=True)]
        if opacity > 0:
            y = self.above_y + (self.row_y - self.above_y) * descent
            placements.append((self.new_sprite if opacity >= 1 else faded(self.new_sprite, opacity), (self.gap_x, y)))
        return self.stage.frame(placements)

    def frames(self):
        """The solution video: open the gap, fade the new symbol in above it, slide it down."""
        for k in range(SHIFT_FRAMES + 1):
            yield self.frame(ease_in_out(k / SHIFT_FRAMES), 0.0, 0.0)
        for k in range(1, FADE_FRAMES + 1):
            yield self.frame(1.0, k / FADE_FRAMES, 0.0)
        for k in range(1, SLIDE_FRAMES + 1):
            yield self.frame(1.0, 1.0, ease_in_out(k / SLIDE_FRAMES))


class SymbolInsertGenerator(BaseGenerator):
    """Draws a row of symbols and the video of the stated insertion."""

    info = TASK.info
    Params = Params
    Solution = Solution

    def generate(self) -> Sample:
        """Draw the row and the new symbol, solve the new row, render the insertion."""
        p = self.params
        symbols = SYMBOL_SETS[p.symbol_set]
        # Drawn independently, as the original generator does; a new colour the row already uses is rejected,
        # since the prompt must name one symbol.
        row = [(symbols[int(self.rng.integers(0, len(symbols)))], COLOR_NAMES[int(self.rng.integers(0, len(COLOR_NAMES)))])
               for _ in range(p.length)]
        new_color = COLOR_NAMES[int(self.rng.integers(0, len(COLOR_NAMES)))]
        new_symbol = (symbols[int(self.rng.integers(0, len(symbols)))], new_color)
        if any(color == new_color for _, color in row):
            raise Reject(f"ambiguous: the new symbol's colour ({new_color}) is already in the row")
        size = min(p.symbol_size, int(470 / (p.length + 1) / 1.3))
        spacing = round(size * 1.3, 2)
        final_row = row[:p.position - 1] + [new_symbol] + row[p.position - 1:]
        solution = Solution(
            row=[(glyph, PALETTE[color]) for glyph, color in row],
            new_symbol=(new_symbol[0], PALETTE[new_color]),
            new_name=f"{new_color} {symbol_name(new_symbol[0])}",
            position=p.position, symbol_size=size, spacing=spacing, row_y=p.row_y,
            above_y=p.row_y - round(1.5 * size),
            final_row=[(glyph, PALETTE[color]) for glyph, color in final_row],
            final_xs=slot_xs(len(final_row), spacing),
        )
        scene = RowScene(solution, BACKGROUNDS[p.background])
        where = ("at the very start of the row" if p.position == 1 else
                 "at the very end of the row" if p.position == p.length + 1 else
                 f"so that it becomes the {ordinal(p.position)} symbol from the left")
        shown = f" ({new_symbol[0]})" if new_symbol[0] in SHAPE_NAMES else ""
        prompt = (
            f"Insert a {solution.new_name}{shown} into the row {where}. Show it step by step: the "
            "symbols move apart to open a gap at that place, the new symbol fades in just above the gap, then "
            "slides down into it. The other symbols keep their order, shapes and colours."
        )
        return Sample(first_frame=scene.frame(0.0, 0.0, 0.0), final_frame=scene.frame(1.0, 1.0, 1.0), prompt=prompt,
                      trajectory=scene.frames, solution=solution, params=p)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The same symbol inserted one place off (to the right, or to the left at the row's end), shown the same way."""
        solution = sample.solution
        wrong = solution.position + 1 if solution.position <= len(solution.row) else solution.position - 1
        scene = RowScene(solution.model_copy(update={"position": wrong}), BACKGROUNDS[self.params.background])
        return {"one_place_off": scene.frames}
