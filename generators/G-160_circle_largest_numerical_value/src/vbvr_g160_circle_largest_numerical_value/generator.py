"""G-160 circle_largest_numerical_value: circle the number with the largest value.

Parameters → draw → solve → render → prompt:

- ``num_numbers`` numbers of a ``number_kind``: ``integers`` of different lengths, ``close`` integers of
  one length whose top two differ by a few units, or ``mixed`` decimals and negatives with traps
  (0.8 vs 0.75, 9.9 vs 10.2, −3 vs −12);
- each printed in the bundled font at its own size (``size_trap`` draws the largest value smallest) and
  a dark colour, inside a round badge outlined in a darker shade of it; every badge has the same size (so the badge
  says nothing about the value: the official evaluator compares the areas of the dark outlines), and the
  badges stand at random places whose marking rings cannot touch another badge;
- the solver parses the printed texts and takes the largest value; a largest value printed twice (``1`` and
  ``1.0``) or numbers that do not fit with their rings apart are rejected;
- the video draws a red ring around it, stroke by stroke.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import draw_disc, draw_text, new_canvas, text_size, to_frame
from vbvr_core.families.marking.task import RingMarkGenerator, place_apart, shuffle_together
from vbvr_core.pipeline.generator import Reject

from vbvr_g160_circle_largest_numerical_value.plugin import TASK

TEXT_COLORS = [(0, 0, 0), (30, 40, 120), (20, 90, 40), (80, 40, 110), (90, 55, 20), (60, 60, 60)]
# Every number sits in a round badge of one size, outlined in a dark shade of its colour. The official evaluator
# reads the external outlines of the dark ink (area 100–10000 px) and credits the ring only when the
# outline nearest its centre is as large as the largest: equal badges make them all equal, so it is the
# ring's place that counts, never a print size (badges at whole-pixel centres are exact translates).
BADGE_RADIUS = 52
BADGE_BORDER = 4
BADGE_SHADE = 0.35  # the outline is the number's colour darkened this much: ink far below the evaluator's grey 100,
# so video compression cannot move the outline's edge (an outline of grey 60 came out up to grey 111)
BADGE_MARGIN = 4  # clear space between the text's corners and the badge's outline
RING_RADIUS = BADGE_RADIUS + 12  # the official evaluator wants a ring of radius 30–200 px
GAP = 8
EDGE = 10


class Params(TaskParams):
    """G-160's parameter space: more numbers, closer values and the size trap as the difficulty grows."""

    min_font: Annotated[int, Uniform(24, 32)] = Field(26, ge=22, le=40, description="smallest font size, pixels")
    num_numbers: Annotated[int, Strata((3, 4), (4, 6), (5, 7))] = Field(
        5, ge=3, le=8, description="how many numbers are shown")
    number_kind: Annotated[Literal["integers", "close", "mixed"], Strata(
        ("integers",), ("integers", "close"), ("close", "mixed"))] = Field(
        "integers", description="integers of different lengths, close integers of one length, or decimals/negatives")
    max_font: Annotated[int, Uniform(lambda v: v["min_font"] + 8, 56)] = Field(
        48, ge=28, le=64, description="largest font size, pixels")
    size_trap: Annotated[bool, Strata(0.0, 0.3, 0.6)] = Field(
        False, description="print the largest value in the smallest font")
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(14, 22)] = Field(
        18, ge=10, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The printed numbers, where they stand, the radius of a ring around each, and which one is the largest."""

    texts: list[str]
    centers: list[Point]
    ring_radii: list[float]
    target: int


def format_number(value: float, decimals: int) -> str:
    """The printed form of ``value`` with ``decimals`` decimals (ASCII minus sign)."""
    return f"{value:.{decimals}f}" if decimals else str(int(value))


def fit_font(text: str, size: int) -> int:
    """``size``, or the largest smaller font in which ``text`` fits inside a badge (its corners clear of the outline)."""
    room = BADGE_RADIUS - BADGE_BORDER - BADGE_MARGIN
    while size > 12 and math.hypot(*text_size(text, size)) / 2 > room:
        size -= 1
    return size


def largest_index(texts: list[str]) -> int:
    """The index of the printed number with the largest value; ``Reject`` when that value is printed twice."""
    values = [float(text) for text in texts]
    if sorted(values)[-2] == max(values):
        raise Reject(f"ambiguous: the largest value {max(values)} is printed twice")
    return int(np.argmax(values))


class LargestNumberGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Prints numbers of varied form and size and circles the largest value."""

    def _texts(self) -> list[str]:
        """The printed numbers, all different, with one largest value (first in the list)."""
        p, rng = self.params, self.rng
        texts: set[str] = set()
        if p.number_kind == "close":  # one length, the top two a few units apart
            digits = int(rng.integers(2, 4))
            top = int(rng.integers(10 ** (digits - 1) + 10, 10 ** digits))
            texts = {str(top), str(top - int(rng.integers(1, 4)))}
        while len(texts) < p.num_numbers:
            if p.number_kind == "integers":
                text = str(int(rng.integers(1, 10 ** int(rng.integers(1, 4)))))
            elif p.number_kind == "close":
                text = str(int(rng.integers(10 ** (digits - 1), top)))
            else:
                decimals = int(rng.integers(0, 3))
                magnitude = float(rng.choice([1.0, 10.0, 20.0]))
                text = format_number(float(rng.uniform(-magnitude, magnitude)), decimals)
            if float(text) != 0 or not text.startswith("-"):  # never print "-0.0"
                texts.add(text)
        return sorted(texts, key=lambda t: (-float(t), t))

    def generate(self) -> Sample:
        """Draw the numbers, lay them out, print them, and circle the largest value."""
        p = self.params
        texts = self._texts()
        fonts = [int(self.rng.integers(p.min_font, max(p.min_font, p.max_font) + 1)) for _ in texts]
        if p.size_trap:
            fonts[0] = min(fonts)
            fonts[1:] = [max(f, fonts[0] + 6) for f in fonts[1:]]
        fonts = [fit_font(t, f) for t, f in zip(texts, fonts, strict=True)]
        texts, fonts = shuffle_together(self.rng, texts, fonts)
        colors = [TEXT_COLORS[int(self.rng.integers(0, len(TEXT_COLORS)))] for _ in texts]
        # Each badge's ring must stay clear of the other badges and their rings; centres on whole pixels.
        ring_radii = [float(RING_RADIUS)] * len(texts)
        centers = place_apart(self.rng, ring_radii, GAP + 1, 10, EDGE, digits=0, what="numbers")
        target = largest_index(texts)
        canvas = new_canvas()
        draw = ImageDraw.Draw(canvas)
        for text, size, color, center in zip(texts, fonts, colors, centers, strict=True):
            draw_disc(draw, center, BADGE_RADIUS, None, tuple(round(c * BADGE_SHADE) for c in color), BADGE_BORDER)
            draw_text(draw, center, text, size, fill=color)
        prompt = (
            "Several numbers are shown on the screen. Find the number with the largest value and draw a red "
            "circle around it. Do not change anything else in the image."
        )
        solution = Solution(texts=texts, centers=centers, ring_radii=ring_radii, target=target)
        return self.ringed_sample(to_frame(canvas), prompt, solution)
