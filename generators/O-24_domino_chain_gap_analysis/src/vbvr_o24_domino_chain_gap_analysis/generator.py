"""O-24 domino_chain_gap_analysis: push the START domino of an unevenly spaced row and show where it stops.

Parameters → draw → solve → render → prompt:

- seen from above, a row of ``count`` numbered dominoes runs right (or left, ``leftward``); neighbours stand
  ``spacing`` domino lengths apart (each ± 8 %), ``stretches`` of the spacings are wider but still within
  reach (0.7 – 0.8 lengths), and after domino ``stop`` the spacing is a gap of ``gap`` lengths, too wide to
  cross; a legend shows one domino length (a fallen domino), a green arrow labelled START pushes domino 1;
- the solution is the chain rule of :mod:`vbvr_core.families.dominoes.chain`: each domino falls three frames
  after the one before it, up to domino ``stop``, which lies at its full length short of the next; the rest stand;
- a row that leaves the canvas, a spacing near the reach (ambiguous), or a domino's ground too small to read is
  rejected and redrawn.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import FRAME_SIZE, Sample, Strata, TaskParams, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_arrow, draw_text, new_canvas, to_frame
from vbvr_core.families.dominoes.chain import KNOCK_FRAMES, THICKNESS, Domino, Fall, ambiguous_pairs
from vbvr_core.families.dominoes.draw import FALLEN, OUTLINE, STANDING
from vbvr_core.families.dominoes.scene import ChainSolution
from vbvr_core.families.dominoes.task import ChainGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_o24_domino_chain_gap_analysis.plugin import TASK

HEIGHT = 48.0  # a domino's length: how far it reaches when it falls (px)
WIDTH = 26.0
MARGIN = 16
ARROW = 46.0
ARROW_COLOR = PALETTE["green"]
TEXT_COLOR = (40, 40, 40)
NUMBER_SIZE = 14
STRETCH = (0.7, 0.8)


class Params(TaskParams):
    """O-24's parameter space: longer rows, more misleading stretches and narrower gaps as the difficulty grows."""

    count: Annotated[int, Strata((7, 8), (8, 10), (9, 11))] = Field(
        9, ge=6, le=12, description="dominoes in the row")
    stop: Annotated[int, Uniform(lambda v: min(4, max(3, v["count"] - 2)), lambda v: max(3, v["count"] - 2))] = Field(
        5, ge=3, le=10, description="number of the last domino before the first too-wide gap (it falls, the next "
                                    "does not)")
    spacing: Annotated[float, Uniform(0.56, 0.64, digits=2)] = Field(
        0.6, ge=0.5, le=0.66, description="usual distance between neighbouring dominoes, in domino lengths")
    stretches: Annotated[int, Strata((0, 1), (1, 2), (2, 3))] = Field(
        1, ge=0, le=3, description="spacings before the gap that are wider (0.7 – 0.8 lengths) but still within reach")
    gap: Annotated[float, Strata((1.8, 2.2), (1.5, 1.8), (1.35, 1.55), digits=2)] = Field(
        1.7, ge=1.35, le=2.4, description="width of the gap after domino `stop`, in domino lengths")
    leftward: Annotated[bool, Strata(0.0, 0.5, 0.5)] = Field(
        False, description="the row runs from right to left (START on the right)")
    row_y: Annotated[int, Uniform(220, 330)] = Field(
        280, ge=200, le=340, description="height of the row on the picture (px)")
    background: BackgroundIndex = 0

    @model_validator(mode="after")
    def _stop_inside(self) -> Params:
        if self.stop > self.count - 2:
            raise ValueError(f"stop {self.stop} must leave at least two dominoes after the gap (count {self.count})")
        return self


class Solution(ChainSolution):
    """The dominoes (x, y, facing angle, width), how long each lies, the fall schedule the scorer checks, and the
    number of the last domino that falls."""

    stop: int


class Row:
    """The laid-out row: dominoes in pushing order, the spacing after each (in lengths), the arrow."""

    def __init__(self, dominoes: list[Domino], spacings: list[float], arrow: tuple[tuple[float, float], ...]):
        self.dominoes, self.spacings, self.arrow = dominoes, spacings, arrow


def build_row(p: Params, rng: np.random.Generator) -> Row:
    """Draw the spacings (usual, stretched, the gap, then usual again) and place the row centred across the picture."""
    spacings = [p.spacing * float(rng.uniform(0.92, 1.08)) for _ in range(p.count - 1)]
    before = list(range(p.stop - 1))
    for k in rng.choice(len(before), size=min(p.stretches, len(before)), replace=False) if before else []:
        spacings[before[int(k)]] = float(rng.uniform(*STRETCH))
    spacings[p.stop - 1] = p.gap
    spacings = [round(s, 3) for s in spacings]
    length = ARROW + THICKNESS + sum(spacings) * HEIGHT + HEIGHT
    if length > FRAME_SIZE - 2 * MARGIN:
        raise Reject(f"out of bounds: the row needs {length:.0f} px")
    slack = FRAME_SIZE - 2 * MARGIN - length
    left = MARGIN + float(rng.uniform(0.3, 0.7)) * slack
    sign = -1 if p.leftward else 1
    x = left + ARROW + THICKNESS / 2
    if p.leftward:
        x = FRAME_SIZE - x
    dominoes = []
    for k in range(p.count):
        dominoes.append(Domino(round(x, 1), float(p.row_y), 180.0 if p.leftward else 0.0, WIDTH))
        if k < p.count - 1:
            x += sign * spacings[k] * HEIGHT
    first = dominoes[0].x
    tail = (first - sign * (THICKNESS / 2 + ARROW), float(p.row_y))
    head = (first - sign * (THICKNESS / 2 + 10), float(p.row_y))
    return Row(dominoes, spacings, (tail, head))


class DominoChainGapAnalysisGenerator(ChainGenerator, task=TASK, params=Params, solution=Solution):
    """Lays out the row, runs the chain reaction and draws it domino by domino."""

    height = HEIGHT

    def lay_out(self) -> Row:
        """The row (:func:`build_row`)."""
        return build_row(self.params, self.rng)

    def problem(self, row: Row, result: Fall) -> str | None:
        """A domino near the edge of another's reach, or a chain that does not stop after domino ``stop``."""
        pairs = ambiguous_pairs(row.dominoes, HEIGHT)
        if pairs:
            return f"ambiguous: domino {pairs[0][1] + 1} stands near the edge of domino {pairs[0][0] + 1}'s reach"
        if result.fallen != list(range(self.params.stop)):
            return f"the chain does not stop after domino {self.params.stop}: {len(result.fallen)} fall"
        return None

    def facts(self, row: Row) -> dict[str, int]:
        """The number of the last domino that falls."""
        return {"stop": self.params.stop}

    def prompt(self, row: Row) -> str:
        """The rule of the chain, told for a row and its legend."""
        p = self.params
        side = "left" if p.leftward else "right"
        return (
            f"Seen from above, {p.count} numbered blue dominoes stand in a row; the green arrow pushes domino 1 "
            f"(START) over toward the {side}. A falling domino lies flat (red) and reaches exactly one domino "
            "length, as the legend shows: it knocks the next domino over only if that one stands within its "
            "length, so the chain stops at the first gap wider than a domino. Show the chain reaction, one "
            "domino falling after another, until the last domino before that gap has fallen and the rest stand."
        )

    def floor(self, row: Row) -> np.ndarray:
        """The floor with the legend (one fallen domino: one domino length), the numbers, the push arrow and START."""
        canvas = new_canvas(BACKGROUNDS[self.params.background])
        draw = ImageDraw.Draw(canvas)
        legend = Domino(40.0 + THICKNESS / 2, 44.0, 0.0, WIDTH)
        draw.polygon(legend.tile(HEIGHT), fill=FALLEN, outline=OUTLINE, width=2)
        draw.line([(40 + HEIGHT / 2, 44 - WIDTH / 2 + 4), (40 + HEIGHT / 2, 44 + WIDTH / 2 - 4)], fill=OUTLINE, width=2)
        draw.polygon(Domino(40.0 + HEIGHT + 40, 44.0, 0.0, WIDTH).bar(), fill=STANDING, outline=OUTLINE, width=2)
        draw_text(draw, (40.0, 76.0), "fallen: reaches 1 domino length", 13, fill=TEXT_COLOR, anchor="lm")
        draw_text(draw, (40.0 + HEIGHT + 52, 44.0), "standing", 13, fill=TEXT_COLOR, anchor="lm")
        for number, domino in enumerate(row.dominoes, start=1):
            draw_text(draw, (domino.x, domino.y - WIDTH / 2 - 14), str(number), NUMBER_SIZE, fill=TEXT_COLOR,
                      anchor="mm", bold=True)
        tail, head = row.arrow
        draw_arrow(draw, tail, head, ARROW_COLOR, width=6, head_length=14, head_width=16)
        draw_text(draw, (tail[0] + (head[0] - tail[0]) * 0.4, tail[1] + WIDTH / 2 + 14), "START", 13,
                  fill=TEXT_COLOR, anchor="mm", bold=True)
        return to_frame(canvas)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong chain reactions drawn like the right one: falling across the gap, stopping one domino early,
        and (where the row has one) stopping at the first wide-but-reachable stretch."""
        row, result, source, p = self.layout, self.chain.result, self.chain.replay, self.params
        through = [KNOCK_FRAMES * k for k in range(p.count)]
        early = [s if k < p.stop - 1 else None for k, s in enumerate(result.starts)]
        misses = {"through_gap": source(through), "stops_early": source(early)}
        stretched = [k for k in range(p.stop - 1) if row.spacings[k] >= STRETCH[0]]
        if stretched:
            misses["stops_at_stretch"] = source([s if k <= stretched[0] else None for k, s in enumerate(result.starts)])
        return misses

