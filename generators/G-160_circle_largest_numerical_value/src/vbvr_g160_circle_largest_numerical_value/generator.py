"""G-160 circle_largest_numerical_value: circle the number with the largest value.

Parameters → draw → solve → render → prompt:

- ``num_numbers`` numbers of a ``number_kind``: ``integers`` of different lengths, ``close`` integers of
  one length whose top two differ by a few units, or ``mixed`` decimals and negatives with traps
  (0.8 vs 0.75, 9.9 vs 10.2, −3 vs −12);
- each printed in the bundled font at its own size (``size_trap`` draws the largest value smallest) and
  a dark colour, at random places whose marking rings cannot touch another number;
- the solver parses the printed texts and takes the largest value (validation demands a unique one);
- the video draws a red ring around it, stroke by stroke.
"""

from __future__ import annotations

import math
from itertools import chain
from typing import Any, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, TaskParams
from vbvr_core.draw import draw_text, new_canvas, text_size, to_frame
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_g160_circle_largest_numerical_value.plugin import INFO

TEXT_COLORS = [(0, 0, 0), (30, 40, 120), (20, 90, 40), (80, 40, 110), (90, 55, 20), (60, 60, 60)]
NUMBER_KINDS = ("integers", "close", "mixed")
# Difficulty strata: (count range, number kinds, chance of the size trap).
STRATA = {0: ((3, 4), ("integers",), 0.0), 1: ((4, 6), ("integers", "close"), 0.3), 2: ((5, 7), ("close", "mixed"), 0.6)}
RING_PADDING = 10
GAP = 8
EDGE = 10


class Params(TaskParams):
    """G-160's parameter space; every field is drawn from the difficulty stratum unless fixed."""

    num_numbers: int = Field(5, ge=3, le=8, description="how many numbers are shown")
    number_kind: Literal["integers", "close", "mixed"] = Field(
        "integers", description="integers of different lengths, close integers of one length, or decimals/negatives")
    min_font: int = Field(26, ge=22, le=40, description="smallest font size, pixels")
    max_font: int = Field(48, ge=28, le=64, description="largest font size, pixels")
    size_trap: bool = Field(False, description="print the largest value in the smallest font")
    ring_width: int = Field(5, ge=4, le=7, description="stroke width of the red ring, pixels")
    mark_frames: int = Field(18, ge=10, le=30, description="video frames over which the ring is drawn")


def format_number(value: float, decimals: int) -> str:
    """The printed form of ``value`` with ``decimals`` decimals (ASCII minus sign)."""
    return f"{value:.{decimals}f}" if decimals else str(int(value))


def parse_number(text: str) -> float:
    """The value a printed number stands for."""
    return float(text)


class LargestNumberGenerator(BaseGenerator):
    """Prints numbers of varied form and size and circles the largest value."""

    info = INFO
    Params = Params

    def draw_params(self, rng: np.random.Generator, difficulty: int) -> dict[str, Any]:
        """Count, kind and trap from the stratum; fonts and pace uniformly."""
        (count_lo, count_hi), kinds, trap_chance = STRATA[difficulty]
        min_font = int(rng.integers(24, 33))
        return {
            "num_numbers": int(rng.integers(count_lo, count_hi + 1)),
            "number_kind": kinds[int(rng.integers(0, len(kinds)))],
            "min_font": min_font,
            "max_font": int(rng.integers(min_font + 8, 57)),
            "size_trap": bool(rng.random() < trap_chance),
            "ring_width": int(rng.integers(4, 7)),
            "mark_frames": int(rng.integers(14, 23)),
        }

    def _texts(self) -> list[str]:
        """The printed numbers, all different, with one largest value (first in the list)."""
        p, rng = self.params, self.rng
        count = p.num_numbers
        if p.number_kind == "integers":
            values = set()
            while len(values) < count:
                values.add(int(rng.integers(1, 10 ** int(rng.integers(1, 4)))))
            texts = [str(v) for v in values]
        elif p.number_kind == "close":
            digits = int(rng.integers(2, 4))
            top = int(rng.integers(10 ** (digits - 1) + 10, 10 ** digits))
            values = {top, top - int(rng.integers(1, 4))}
            while len(values) < count:
                values.add(int(rng.integers(10 ** (digits - 1), top)))
            texts = [str(v) for v in values]
        else:
            texts = set()
            while len(texts) < count:
                decimals = int(rng.integers(0, 3))
                magnitude = float(rng.choice([1.0, 10.0, 20.0]))
                text = format_number(float(rng.uniform(-magnitude, magnitude)), decimals)
                if parse_number(text) != 0 or not text.startswith("-"):  # never print "-0.0"
                    texts.add(text)
            texts = list(texts)
        return sorted(texts, key=lambda t: (-parse_number(t), t))

    def _layout(self, texts: list[str], fonts: list[int]) -> list[tuple[float, float]] | None:
        """Centres for the texts such that each one's ring (half-diagonal + padding) stays clear of the others."""
        placed: list[tuple[float, float, float]] = []
        for text, size in zip(texts, fonts, strict=True):
            width, height = text_size(text, size)
            radius = math.hypot(width, height) / 2 + RING_PADDING
            for _ in range(300):
                x = float(self.rng.uniform(EDGE + radius, 512 - EDGE - radius))
                y = float(self.rng.uniform(EDGE + radius, 512 - EDGE - radius))
                if all(math.hypot(x - px, y - py) >= radius + pr + GAP for px, py, pr in placed):
                    placed.append((x, y, radius))
                    break
            else:
                return None
        return [(x, y) for x, y, _ in placed]

    def generate(self) -> Sample:
        """Draw the numbers, lay them out, print them, and circle the largest value."""
        p = self.params
        texts = self._texts()
        fonts = [int(self.rng.integers(p.min_font, max(p.min_font, p.max_font) + 1)) for _ in texts]
        if p.size_trap:
            fonts[0] = min(fonts)
            fonts[1:] = [max(f, fonts[0] + 6) for f in fonts[1:]]
        order = [int(k) for k in self.rng.permutation(len(texts))]
        texts, fonts = [texts[k] for k in order], [fonts[k] for k in order]
        colors = [TEXT_COLORS[int(self.rng.integers(0, len(TEXT_COLORS)))] for _ in texts]
        centers = None
        for _ in range(10):
            centers = self._layout(texts, fonts)
            if centers is not None:
                break
        centers = centers or [(256.0, 256.0)] * len(texts)
        radii = [round(math.hypot(*text_size(t, f)) / 2 + RING_PADDING, 1) for t, f in zip(texts, fonts, strict=True)]
        values = [parse_number(t) for t in texts]
        target = int(np.argmax(values))
        canvas = new_canvas()
        draw = ImageDraw.Draw(canvas)
        for text, size, color, center in zip(texts, fonts, colors, centers, strict=True):
            draw_text(draw, center, text, size, fill=color)
        first = to_frame(canvas)
        final = ring_image(first, centers[target], radii[target], width=p.ring_width)
        prompt = (
            "Several numbers are shown on the screen. Find the number with the largest value and draw a red "
            "circle around it. Do not change anything else in the image."
        )
        solution = {
            "texts": texts,
            "values": values,
            "font_sizes": fonts,
            "centers": [[round(x, 2), round(y, 2)] for x, y in centers],
            "ring_radii": radii,
            "target": target,
            "laid_out": len(set(map(tuple, centers))) == len(centers),
        }
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: chain([first], ring_sweep(first, centers[target], radii[target], p.mark_frames,
                                                        width=p.ring_width)),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """Reject a shared maximum, repeated numbers, crowded layouts and text under 20 px."""
        problems = super().validate(sample)
        solution = sample.solution
        values = sorted((parse_number(t) for t in solution["texts"]), reverse=True)
        if values[0] == values[1]:
            problems.append(f"ambiguous: the largest value {values[0]} is printed twice")
        if len(set(solution["texts"])) != len(solution["texts"]):
            problems.append("the same number is printed twice")
        if not solution["laid_out"]:
            problems.append("cluttered: the numbers do not fit with their rings apart")
        centers, radii = solution["centers"], solution["ring_radii"]
        for a in range(len(centers)):
            for b in range(a + 1, len(centers)):
                if math.dist(centers[a], centers[b]) < radii[a] + radii[b]:
                    problems.append(f"cluttered: numbers {a} and {b} would share a ring")
        if min(solution["font_sizes"]) < 20:
            problems.append("illegible: a number is printed smaller than 20 px")
        return problems
