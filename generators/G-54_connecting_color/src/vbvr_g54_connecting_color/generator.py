"""G-54 connecting_color: join every two shapes of one colour by a curve of that colour, one curve at a time.

Parameters → draw → solve → render → prompt:

- ``num_pairs`` colours that two shapes each wear, and ``num_lone`` colours worn by one shape only (nothing to
  join: a distractor), every colour a different one of six clearly distinct hues; each shape a circle, square,
  triangle, diamond or hexagon of nominal radius ``shape_radius``, drawn at random (the kind says nothing: only
  the colour pairs them), filled with its colour and outlined in dark grey, on a white canvas;
- the solution joins each pair by a gentle quadratic Bézier curve of its colour, from centre to centre beneath
  the shapes. The pairs are placed one after another, each curve bent to one side or the other by the least of a
  few bends that keeps it ``CLEARANCE`` px beyond the reach of every shape of another colour and ``CURVE_GAP``
  px from every other curve (no curve crosses a shape or another curve); a lone shape keeps as far from every
  curve. An instance whose shapes and curves do not fit, or whose answer the scorer's own judge would misread
  (a curve not seen as one piece joining its pair, or touching another shape), is rejected;
- the video draws the curves one after another in a random order of the pairs, each growing from one of its
  shapes to the other over ``line_frames`` frames, beneath the shapes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, draw_shape
from vbvr_core.families.connections.draw import Stroke, StrokeScene, bezier
from vbvr_core.families.connections.judge import TOUCH, read_answer
from vbvr_core.pipeline.generator import BaseGenerator, Reject
from vbvr_core.plane import segment_distances

from vbvr_g54_connecting_color.plugin import TASK

WHITE = (255, 255, 255)
OUTLINE = (60, 60, 60)
# Six hues of the official evaluator's colour names, far apart (no yellow: too faint a line on white; no pink).
COLOR_NAMES = ("red", "orange", "green", "cyan", "blue", "purple")
# The kinds a shape may take, and how far each reaches from its centre in units of its nominal radius.
KIND_REACH = {"circle": 1.0, "square": 1.2, "triangle": 1.2, "diamond": 1.15, "hexagon": 1.05}
EDGE = 16  # px between a shape's reach and the canvas edge
SHAPE_GAP = 36  # px between the reaches of two shapes
CLEARANCE = 12  # px between a curve's edge and the judge's touch zone of a shape of another colour
CURVE_GAP = 22  # px between the centre lines of two curves
BENDS = (0.08, 0.14, 0.2, 0.26)  # a curve's mid-point offset from the straight line, as a share of its length
MIN_SPAN, MAX_SPAN = 130, 360  # px between the centres of a pair
HOLD_ENDS = 8  # frames the pipeline holds the start and the end (a third of a second each)


class Params(TaskParams):
    """G-54's parameter space: more pairs, lone distractors and shorter strokes as the difficulty grows."""

    num_pairs: Annotated[int, Strata((2, 3), (3, 4), (4, 5))] = Field(
        3, ge=2, le=6, description="colours worn by two shapes each (the pairs to join)")
    num_lone: Annotated[int, Strata((0, 0), (0, 1), (1, 1))] = Field(
        0, ge=0, le=2, description="colours worn by one shape only (nothing to join)")
    shape_radius: Annotated[int, Uniform(17, 22)] = Field(
        20, ge=14, le=28, description="nominal radius of each shape, pixels")
    line_width: Annotated[int, Uniform(5, 7)] = Field(6, ge=4, le=9, description="width of the curves, pixels")
    line_frames: Annotated[int, Strata((10, 12), (9, 10), (8, 9))] = Field(
        10, ge=6, le=20, description="video frames over which each curve is drawn")


class Solution(TaskSolution):
    """The shapes (centre, reach radius, colour index, kind), the colours (RGB), the pairs to join in the order
    the answer draws them (shape indices a, b and the colour index), each pair's curve control point, and the
    line width."""

    centers: list[Point]
    radii: list[float]
    color_of: list[int]
    kinds: list[str]
    colors: list[tuple[int, int, int]]
    pairs: list[tuple[int, int, int]]
    controls: list[Point]
    line_width: int


def curve_points(a: Point, b: Point, bend: float) -> tuple[Point, tuple[Point, ...]]:
    """The control point and the sampled quadratic Bézier from ``a`` to ``b`` whose mid-point lies ``bend`` × the
    span to the left of the straight line (negative: to the right)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    span = math.hypot(dx, dy)
    nx, ny = -dy / span, dx / span
    # the curve's mid-point lies half-way between the chord's mid-point and the control point
    control = (round((a[0] + b[0]) / 2 + 2 * bend * span * nx, 2), round((a[1] + b[1]) / 2 + 2 * bend * span * ny, 2))
    return control, bezier(a, control, b, 40)


def point_gap(point: Point, polyline: np.ndarray) -> float:
    """Distance from ``point`` to the polyline (N×2) sampled densely enough to read it point by point."""
    return float(segment_distances(np.asarray(point, np.float64), np.asarray(polyline, np.float64)).min())


def curve_gap(first: np.ndarray, second: np.ndarray) -> float:
    """Least distance between two sampled curves (to within half their sample spacing)."""
    p, q = np.asarray(first, np.float64), np.asarray(second, np.float64)
    return float(np.sqrt(((p[:, None, :] - q[None, :, :]) ** 2).sum(-1)).min())


def keep_off(radius: float, width: int) -> float:
    """How far a curve's centre line must stay from the centre of a shape of reach ``radius`` it does not join:
    beyond the judge's touch zone of the shape (its disc, a margin and ``TOUCH`` radii, in canvas px) by
    ``CLEARANCE`` px plus half the line."""
    return radius * (1 + TOUCH) + 6 + width / 2 + CLEARANCE


class Layout:
    """Shapes and curves placed so far (canvas px)."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.centers: list[Point] = []
        self.radii: list[float] = []
        self.curves: list[tuple[int, int, np.ndarray]] = []  # (shape a, shape b, samples)

    def shape_fits(self, center: Point, radius: float) -> bool:
        """Inside the canvas, apart from every shape, off every curve."""
        if not all(radius + EDGE <= v <= 512 - radius - EDGE for v in center):
            return False
        if any(math.dist(center, c) < radius + r + SHAPE_GAP for c, r in zip(self.centers, self.radii, strict=True)):
            return False
        return all(point_gap(center, samples) >= keep_off(radius, self.width) for _, _, samples in self.curves)

    def curve_fits(self, a: int, b: int, samples: np.ndarray) -> bool:
        """Inside the canvas, off every other shape, apart from every other curve."""
        if samples.min() < EDGE or samples.max() > 512 - EDGE:
            return False
        for k, (center, radius) in enumerate(zip(self.centers, self.radii, strict=True)):
            if k not in (a, b) and point_gap(center, samples) < keep_off(radius, self.width):
                return False
        return all(curve_gap(samples, other) >= CURVE_GAP for _, _, other in self.curves)


def place(rng: np.random.Generator, reaches: list[float], pairs: int, width: int
          ) -> tuple[list[Point], list[Point]]:
    """Centres for ``len(reaches)`` shapes — shapes 2k and 2k + 1 a pair for k < ``pairs``, the rest alone — and
    each pair's curve control point; Reject when they do not fit."""
    for _ in range(12):
        layout, controls = Layout(width), []
        for k in range(pairs):
            ra, rb = reaches[2 * k], reaches[2 * k + 1]
            for _ in range(40):
                a = tuple(round(float(v), 1) for v in rng.uniform(ra + EDGE, 512 - ra - EDGE, size=2))
                angle, span = rng.uniform(0, 2 * math.pi), rng.uniform(MIN_SPAN, MAX_SPAN)
                b = (round(a[0] + span * math.cos(angle), 1), round(a[1] + span * math.sin(angle), 1))
                if not (layout.shape_fits(a, ra) and layout.shape_fits(b, rb)) or math.dist(a, b) < ra + rb + SHAPE_GAP:
                    continue
                layout.centers += [a, b]
                layout.radii += [ra, rb]
                sign = 1 if rng.random() < 0.5 else -1
                for bend in (s * m for m in BENDS for s in (sign, -sign)):
                    control, samples = curve_points(a, b, bend)
                    samples = np.asarray(samples)
                    if layout.curve_fits(2 * k, 2 * k + 1, samples):
                        layout.curves.append((2 * k, 2 * k + 1, samples))
                        controls.append(control)
                        break
                else:
                    del layout.centers[-2:], layout.radii[-2:]
                    continue
                break
            else:
                break
        else:
            for radius in reaches[2 * pairs:]:
                for _ in range(60):
                    c = tuple(round(float(v), 1) for v in rng.uniform(radius + EDGE, 512 - radius - EDGE, size=2))
                    if layout.shape_fits(c, radius):
                        layout.centers.append(c)
                        layout.radii.append(radius)
                        break
                else:
                    break
            else:
                return layout.centers, controls
    raise Reject(f"cluttered: {pairs} joined pairs and {len(reaches) - 2 * pairs} lone shapes do not fit apart")


def shape_layer(centers: list[Point], radius: float, kinds: list[str], colors: list[tuple[int, int, int]],
                rotations: list[float]) -> np.ndarray:
    """The shapes as an RGBA layer (drawn over the curves)."""
    image = Image.new("RGBA", (512, 512), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for center, kind, color, rotation in zip(centers, kinds, colors, rotations, strict=True):
        draw_shape(draw, kind, center, radius, fill=tuple(color) + (255,), outline=OUTLINE + (255,), width=2,
                   rotation=rotation)
    return np.asarray(image, dtype=np.uint8).copy()


class ConnectingColorGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters pairs of same-coloured shapes (and lone ones) and joins each pair by a curve of its colour."""

    def generate(self) -> Sample:
        """Place the shapes and route the curves, check the judge reads the answer, draw it curve by curve."""
        p, rng = self.params, self.rng
        count = 2 * p.num_pairs + p.num_lone
        names = [COLOR_NAMES[int(k)] for k in rng.permutation(len(COLOR_NAMES))[:p.num_pairs + p.num_lone]]
        colors = [PALETTE[name] for name in names]
        color_of = [k // 2 for k in range(2 * p.num_pairs)] + [p.num_pairs + k for k in range(p.num_lone)]
        kind_names = list(KIND_REACH)
        kinds = [kind_names[int(k)] for k in rng.integers(0, len(kind_names), size=count)]
        radius = float(p.shape_radius)
        reaches = [round(radius * KIND_REACH[kind], 2) for kind in kinds]
        centers, controls = place(rng, reaches, p.num_pairs, p.line_width)
        rotations = [float(rng.uniform(-0.3, 0.3)) if kind != "circle" else 0.0 for kind in kinds]
        # the answer joins the pairs in a random order, each from a random one of its two shapes
        pairs = []
        for k in (int(v) for v in rng.permutation(p.num_pairs)):
            a, b = (2 * k, 2 * k + 1) if rng.random() < 0.5 else (2 * k + 1, 2 * k)
            pairs.append((a, b, k))
        solution = Solution(centers=centers, radii=reaches, color_of=color_of, kinds=kinds, colors=colors,
                            pairs=pairs, controls=[controls[k] for _, _, k in pairs], line_width=p.line_width)
        overlay = shape_layer(centers, radius, kinds, [colors[c] for c in color_of], rotations)
        self._scene = scene = StrokeScene(overlay, p.line_frames)
        strokes = self.strokes(solution)
        first, final = scene.first, scene.final(strokes)
        self._check_reading(first, final, solution)
        prompt = (
            "The image shows colored shapes on a white background. Connect every two shapes of the same color with "
            "a curved line of that color, drawing one line at a time; a line must not run over a shape of another "
            "color."
        )
        if p.num_lone:
            prompt += " A shape whose color appears only once stays unconnected."
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: scene.video(strokes), solution=solution, params=p,
                      hold_frames=HOLD_ENDS)

    @staticmethod
    def strokes(solution: Solution, width: int | None = None) -> list[Stroke]:
        """Each pair's curve in its colour, in the answer's order, growing from its first shape."""
        width = solution.line_width if width is None else width
        out = []
        for (a, b, color), control in zip(solution.pairs, solution.controls, strict=True):
            out.append(Stroke(bezier(solution.centers[a], control, solution.centers[b], 40),
                              tuple(solution.colors[color]), width))
        return out

    def _check_reading(self, first: np.ndarray, final: np.ndarray, solution: Solution) -> None:
        """Reject an answer the scorer would misread: a curve not one piece joining its pair, or touching another
        shape, or ink the judge sees outside the joins."""
        reading = read_answer(first, final, solution.centers, solution.radii, solution.colors, solution.pairs, "curve",
                              solution.line_width)
        if min(reading.coverage) < 1.0:
            raise Reject("illegible: a curve is not seen joining its pair")
        if reading.extra:
            raise Reject(f"ambiguous: shapes {reading.extra[0]} (0-based) seem joined")
        if reading.stray > 0.05:
            raise Reject(f"illegible: {reading.stray:.0%} of the curves' ink is read outside the joins")

    def _drawn(self, sample: Sample, pairs: list[tuple[int, int, int]], width: int | None = None,
               controls: list[Point] | None = None) -> Iterator[np.ndarray]:
        """The video of curves joining ``pairs`` (shape a, shape b, colour) one after another; a pair the answer
        joins keeps its curve, any other is bent a little to one side."""
        solution = Solution.model_validate(sample.solution)
        known = {frozenset((a, b)): control for (a, b, _), control in zip(solution.pairs, solution.controls,
                                                                             strict=True)}
        if controls is None:
            controls = [known.get(frozenset((a, b))) or curve_points(solution.centers[a], solution.centers[b], 0.1)[0]
                        for a, b, _ in pairs]
        drawn = solution.model_copy(update={"pairs": pairs, "controls": controls})
        return self._scene.video(self.strokes(drawn, width))

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct drawings: thinner curves; the pairs joined in the reverse order, each from its other end."""
        solution = Solution.model_validate(sample.solution)
        backwards = [(b, a, c) for a, b, c in solution.pairs[::-1]]
        return {
            "thin_lines": lambda: self._drawn(sample, solution.pairs, width=4),
            "other_order_and_ends": lambda: self._drawn(sample, backwards, controls=solution.controls[::-1]),
        }

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong drawings: two pairs' partners swapped (each curve to a shape of the other colour), one pair joined
        in another pair's colour, the last pair left unjoined."""
        solution = Solution.model_validate(sample.solution)
        (a1, b1, c1), (a2, b2, c2), *rest = solution.pairs
        return {
            "swapped_partners": lambda: self._drawn(sample, [(a1, b2, c1), (a2, b1, c2), *rest]),
            "wrong_color": lambda: self._drawn(sample, [(a1, b1, c2), (a2, b2, c2), *rest]),
            "last_pair_missing": lambda: self._drawn(sample, solution.pairs[:-1]),
        }
