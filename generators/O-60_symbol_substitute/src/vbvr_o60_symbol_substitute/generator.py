"""O-60 symbol_substitute: replace the symbol at the stated position by the stated new symbol, in place.

Parameters → draw → solve → render → prompt:

- a centred row of ``length`` coloured symbols (shapes, letters, digits or a mix) in light grey slot boxes
  numbered 1 … ``length`` underneath, and a reference panel in the top-right corner showing the new symbol
  (the official generator's layout);
- the prompt names the old symbol and its position, and the new symbol by colour and kind;
- the new symbol's colour differs from the old one's (the official evaluator recognises the substitution by a
  change of hue): a draw with the same colour is rejected and redrawn;
- the solution is the same row with the new symbol in that slot; the video holds the start, fades the old
  symbol out completely, then fades the new one in at the same place, and holds the end.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, ease_in_out, font
from vbvr_core.families.symbol_row.draw import (
    FADE_FRAMES,
    HOLD_ENDS,
    SYMBOL_SETS,
    Piece,
    RowStage,
    Symbol,
    neighbour,
    random_symbols,
    row_size,
    shown,
    slot_xs,
    symbol_name,
    symbol_sprite,
)
from vbvr_core.families.symbol_row.judge import confusable
from vbvr_core.families.symbol_row.params import PositionInRow, SymbolSetName
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o60_symbol_substitute.plugin import TASK

SLOT_COLOR, LABEL_COLOR = (200, 200, 200), (110, 110, 110)
# A slot box's half-side as a share of the spacing; its number stands this many spacings below the row.
SLOT_HALF, LABEL_BELOW = 0.47, 0.95
PANEL_MARGIN = 14


class Params(PositionInRow):
    """O-60's parameter space: longer rows of less regular symbols with the difficulty stratum."""

    length: Annotated[int, Strata((5, 6), (6, 8), (7, 9))] = Field(
        6, ge=4, le=9, description="symbols in the row")
    position: Annotated[int, Uniform(1, lambda v: v["length"])] = Field(
        3, ge=1, le=9, description="1-based position of the symbol to substitute")
    symbol_set: SymbolSetName = "shapes"
    symbol_size: Annotated[int, Uniform(44, 64)] = Field(
        56, ge=32, le=64, description="largest symbol size in pixels (shrunk to fit long rows)")
    row_y: Annotated[int, Uniform(230, 290)] = Field(260, ge=220, le=300, description="vertical position of the row")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """The row before and after the substitution, the new symbol, the glyphs it was drawn from, the geometry."""

    row: list[Symbol]
    position: int
    new_symbol: Symbol
    new_name: str
    glyphs: list[str]
    symbol_size: int
    spacing: float
    row_y: int
    xs: list[float]
    final_row: list[Symbol]
    background: tuple[int, int, int]


def panel_centre(size: int) -> tuple[float, float, float]:
    """Centre x, centre y and half-side of the reference panel in the top-right corner."""
    half = (size + 24) / 2
    return 512 - PANEL_MARGIN - half, PANEL_MARGIN + half, half


class SubstituteScene:
    """The slots, numbers and panel drawn once; renders any moment of the substitution at ``slot`` (1-based)."""

    def __init__(self, solution: Solution, slot: int | None = None, new_symbol: Symbol | None = None):
        size, spacing, y = solution.symbol_size, solution.spacing, solution.row_y
        new_symbol = new_symbol or solution.new_symbol

        def decorate(draw: ImageDraw.ImageDraw) -> None:
            half = SLOT_HALF * spacing
            label = font(max(12, int(size * 0.36)), True)
            for k, x in enumerate(solution.xs):
                draw.rectangle((x - half, y - half, x + half, y + half), outline=SLOT_COLOR, width=2)
                draw.text((x, y + LABEL_BELOW * spacing), str(k + 1), fill=LABEL_COLOR, font=label, anchor="mt")
            px, py, ph = panel_centre(size)
            draw.rectangle((px - ph, py - ph, px + ph, py + ph), outline=SLOT_COLOR, width=2, fill=(255, 255, 255))

        self.stage = RowStage(solution.background, decorate)
        self.sprites = [symbol_sprite(glyph, color, size) for glyph, color in solution.row]
        self.new = symbol_sprite(*new_symbol, size)
        self.panel = Piece(symbol_sprite(*solution.new_symbol, size), *panel_centre(size)[:2])
        self.solution = solution
        self.slot = (solution.position if slot is None else slot) - 1

    def frame(self, out: float, into: float, travel: float = 0.0) -> np.ndarray:
        """The old symbol ``out`` (0..1) of the way faded out, the new one ``into`` of the way faded in; with
        ``travel`` pixels, the old one rises that far as it goes and the new one drops in from that far above."""
        y, xs = self.solution.row_y, self.solution.xs
        pieces = [self.panel]
        for k, sprite in enumerate(self.sprites):
            if k == self.slot:
                pieces.append(Piece(sprite, xs[k], y - travel * ease_in_out(out), 1.0 - out))
            else:
                pieces.append(Piece(sprite, xs[k], y))
        pieces.append(Piece(self.new, xs[self.slot], y - travel * (1.0 - ease_in_out(into)), into))
        return self.stage.frame(pieces)

    def frames(self, together: bool = False, travel: float = 0.0):
        """The solution video: the start, the old symbol fading out completely, the new one fading in
        (``together``: a near miss that cross-fades both at once); the pipeline holds both ends (``HOLD_ENDS``)."""
        yield self.frame(0.0, 0.0)
        if together:
            for k in range(1, 2 * FADE_FRAMES + 1):
                yield self.frame(k / (2 * FADE_FRAMES), k / (2 * FADE_FRAMES))
        else:
            for k in range(1, FADE_FRAMES + 1):
                yield self.frame(k / FADE_FRAMES, 0.0, travel)
            for k in range(1, FADE_FRAMES + 1):
                yield self.frame(1.0, k / FADE_FRAMES, travel)


class SymbolSubstituteGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a row of symbols, the new symbol, and the video of the substitution."""

    def generate(self) -> Sample:
        """Draw the row and the new symbol, solve the new row, render the substitution."""
        p = self.params
        glyphs = SYMBOL_SETS[p.symbol_set]
        *named, (new_glyph, new_color) = random_symbols(self.rng, glyphs, p.length + 1)
        old_glyph, old_color = named[p.position - 1]
        if new_color == old_color:
            raise Reject(f"trivial: the new symbol has the old one's colour ({new_color}); the substitution must "
                         "change the colour")
        if confusable(PALETTE[new_color], PALETTE[old_color], BACKGROUNDS[p.background]):
            raise Reject(f"illegible: the new colour ({new_color}) is too close to the old one ({old_color}) to tell "
                         "which symbol shows in the slot")
        size, spacing = row_size(p.symbol_size, p.length)
        row = [(glyph, PALETTE[color]) for glyph, color in named]
        new_symbol = (new_glyph, PALETTE[new_color])
        solution = Solution(
            row=row, position=p.position, new_symbol=new_symbol, new_name=f"{new_color} {symbol_name(new_glyph)}",
            glyphs=list(glyphs), symbol_size=size, spacing=spacing, row_y=p.row_y, xs=slot_xs(p.length, spacing),
            final_row=row[:p.position - 1] + [new_symbol] + row[p.position:], background=BACKGROUNDS[p.background])
        scene = SubstituteScene(solution)
        prompt = (
            f"Substitute the {old_color} {symbol_name(old_glyph)}{shown(old_glyph)} at position {p.position} "
            f"(the slot numbered {p.position}) with a {solution.new_name}{shown(new_glyph)}. The "
            "reference panel in the top-right corner shows the new symbol. Show it step by step: the old symbol "
            "fades out completely, then the new symbol gradually fades in at the same position. Every other "
            "symbol stays exactly as it is."
        )
        return Sample(first_frame=scene.frame(0.0, 0.0), final_frame=scene.frame(1.0, 1.0), prompt=prompt,
                      trajectory=scene.frames, solution=solution, params=p, hold_frames=HOLD_ENDS)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct way to show it: the old symbol rises out of its slot as it fades, then the new one
        drops into the slot from above as it fades in."""
        solution = sample.solution
        return {"lift_out_drop_in": lambda: SubstituteScene(solution).frames(travel=0.8 * solution.symbol_size)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The new symbol put one slot off; another glyph of the right colour; both faded at once (a cross-fade)."""
        solution = sample.solution
        wrong_slot = neighbour(solution.position, len(solution.row))
        glyph, color = solution.new_symbol
        other_glyph = next(g for g in solution.glyphs if g != glyph)
        return {
            "one_slot_off": SubstituteScene(solution, slot=wrong_slot).frames,
            "wrong_glyph": SubstituteScene(solution, new_symbol=(other_glyph, color)).frames,
            "cross_fade": lambda: SubstituteScene(solution).frames(together=True),
        }
