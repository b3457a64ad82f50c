"""The render every "ring the answer" task shares: the scene, then a ring drawn round one shape of it,
stroke by stroke, and the sample built from them; and the scatter, colour and shuffle steps that build
such a scene.

A task's generator subclasses :class:`RingMarkGenerator`; its ``Params`` carry ``ring_width`` (the ring's
stroke, px) and ``mark_frames`` (the frames the ring is drawn over), its ``Solution`` the ``target``. Where
the ring round shape ``index`` goes is :meth:`RingMarkGenerator.ring` (``solution.centers`` and either
``solution.ring_radii`` or, for a task with one ring radius for every shape, ``solution.ring_radius``).
A task names its near misses by shape (:meth:`RingMarkGenerator.decoys`) and may offer the target's own
outline traced instead of a ring as an alternative (:meth:`RingMarkGenerator.target_outline`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

import numpy as np

from vbvr_core.contract import FRAME_SIZE, Point, Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, shape_points
from vbvr_core.families.marking.draw import MARK_RED, outline_sweep, ring_image, ring_sweep, scatter_discs
from vbvr_core.pipeline.generator import BaseGenerator, Reject

# Fill colours far from the red of the mark (no red, orange or pink) and dark enough to read as a shape.
FILL_COLORS = ("green", "blue", "purple", "cyan", "brown", "gray")
# The shape kinds of a scattered scene: every draw_shape kind but the star.
SCENE_KINDS = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon")


def shape_outline(kind: str, center: Point, radius: float, rotation: float) -> list[Point]:
    """The outline of a shape drawn with :func:`vbvr_core.draw.draw_shape` (``kind``, nominal ``radius``, px), a
    circle as a 96-gon: for measuring a shape (its area, its left edge) and for tracing it in red."""
    if kind == "circle":
        return [(center[0] + radius * math.cos(2 * math.pi * k / 96), center[1] + radius * math.sin(2 * math.pi * k / 96))
                for k in range(96)]
    return shape_points(kind, center, radius, rotation)


def shape_reach(kind: str, radius: float) -> float:
    """How far a shape of ``kind`` (a :func:`vbvr_core.draw.draw_shape` kind) and nominal ``radius`` reaches from
    its centre (px), whatever its turn."""
    if kind == "circle":
        return radius
    return max(math.hypot(x, y) for x, y in shape_points(kind, (0.0, 0.0), radius, 0.0))


def varied_shapes(rng: np.random.Generator, count: int, mixed: bool, kind: str,
                  radius: float) -> tuple[list[str], list[float], list[float]]:
    """``count`` shapes' kinds, nominal radii and turns, drawn in that order: a kind each from
    :data:`SCENE_KINDS` when ``mixed`` (else ``kind`` for all), a radius each within ±15 % of ``radius`` (0.1 px),
    a turn each (0.001 rad; none for a circle)."""
    kinds = [SCENE_KINDS[int(rng.integers(0, len(SCENE_KINDS)))] if mixed else kind for _ in range(count)]
    radii = [round(radius * float(rng.uniform(0.85, 1.15)), 1) for _ in range(count)]
    rotations = [round(float(rng.uniform(0, 2 * math.pi)), 3) if k != "circle" else 0.0 for k in kinds]
    return kinds, radii, rotations


def fill_colors(rng: np.random.Generator, count: int, mixed: bool,
                names: Sequence[str] = FILL_COLORS) -> list[tuple[int, int, int]]:
    """``count`` fills (RGB) from the palette ``names``: with ``mixed`` a colour each, drawn without repeats while
    the names last (``rng.choice``), else one colour drawn for all."""
    if mixed:
        return [PALETTE[names[int(i)]] for i in rng.choice(len(names), size=count, replace=count > len(names))]
    return [PALETTE[names[int(rng.integers(0, len(names)))]]] * count


def place_apart(rng: np.random.Generator, radii: Sequence[float], gap: float, attempts: int, edge: float = 8,
                largest_first: bool = False, digits: int | None = 2, what: str = "shapes",
                area: tuple[float, float, float, float] | None = None, tries: int = 300) -> list[Point]:
    """Centres (in the order of ``radii``, rounded to ``digits`` unless None) for discs of ``radii``, each wholly
    inside ``area`` (left, top, right, bottom; by default the canvas less ``edge`` px on every side) and ``gap`` px
    clear of every other: :func:`scatter_discs` with ``tries`` draws a disc, tried ``attempts`` times (the discs
    placed in turn, or the largest first with ``largest_first``).
    Raises :class:`Reject` ("cluttered") when no attempt places them all."""
    order = sorted(range(len(radii)), key=lambda k: -radii[k]) if largest_first else list(range(len(radii)))
    area = area or (edge, edge, FRAME_SIZE - edge, FRAME_SIZE - edge)
    spots = next((layout for layout in (scatter_discs(rng, [radii[k] for k in order], area, gap, tries)
                                        for _ in range(attempts)) if layout), None)
    if spots is None:
        raise Reject(f"cluttered: the {what} do not fit apart")
    centers: list[Point] = [(0.0, 0.0)] * len(radii)
    for k, (x, y) in zip(order, spots, strict=True):
        centers[k] = (x, y) if digits is None else (round(x, digits), round(y, digits))
    return centers


def shuffle_together(rng: np.random.Generator, *columns: Sequence[Any]) -> list[list[Any]]:
    """The ``columns`` (lists of one length) reordered by one ``rng.permutation``, so that list order says nothing
    about the answer."""
    order = [int(k) for k in rng.permutation(len(columns[0]))]
    return [[column[k] for k in order] for column in columns]


class RingMarkGenerator(BaseGenerator):
    """A generator whose answer is a ring around one of the scene's shapes, ``solution.target``: red unless the
    class sets ``mark_color``, ``params.ring_width`` px wide unless the class sets ``ring_width``. Its alternative
    ``trace_name`` is the target's own outline traced in red (``trace_width`` px) when :meth:`target_outline` gives
    one; its near misses ring each shape :meth:`decoys` names."""

    mark_color: tuple[int, int, int] = MARK_RED
    ring_width: int | None = None
    trace_width = 5
    trace_name = "outline_traced"

    @property
    def _ring_width(self) -> int:
        return self.ring_width or self.params.ring_width

    def rings_apart(self, ring_radii: Sequence[float], gap: float, attempts: int, **options: Any) -> list[Point]:
        """Centres for shapes whose rings (``ring_radii``, each widened by the ring's stroke) stand ``gap`` px apart
        and on the canvas: :func:`place_apart` with ``self.rng``, ``options`` its keywords."""
        return place_apart(self.rng, [r + self._ring_width for r in ring_radii], gap, attempts, **options)

    def ring(self, solution: Any, index: int) -> tuple[Point, float]:
        """Centre and radius (px) of the ring around shape ``index``."""
        radii = getattr(solution, "ring_radii", None)
        return solution.centers[index], radii[index] if radii is not None else solution.ring_radius

    def ring_frames(self, first: np.ndarray, index: int, solution: Any, color=None) -> Iterator[np.ndarray]:
        """The first frame, then a ring (``mark_color`` unless ``color`` says otherwise) drawn around shape
        ``index`` stroke by stroke (a near miss rings another shape exactly like the answer)."""
        center, radius = self.ring(solution, index)
        return chain([first], ring_sweep(first, center, radius, self.params.mark_frames, color=color or self.mark_color,
                                         width=self._ring_width))

    def ringed_sample(self, first: np.ndarray, prompt: str, solution: Any, **fields: Any) -> Sample:
        """The sample that opens on ``first`` and rings ``solution.target``: its final frame holds the whole ring,
        its trajectory :meth:`ring_frames`; ``fields`` are further :class:`Sample` fields (``hold_frames``)."""
        center, radius = self.ring(solution, solution.target)
        final = ring_image(first, center, radius, color=self.mark_color, width=self._ring_width)
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self.ring_frames(first, solution.target, solution), solution=solution,
                      params=self.params, **fields)

    def target_outline(self, solution: Any) -> list[Point] | None:
        """The outline to trace round the target as another correct mark (a little outside the shape), or None
        (the default) when the task offers none."""
        return None

    def decoys(self, solution: Any) -> dict[str, int]:
        """Wrong shapes to ring as near misses, by near-miss name (none by default)."""
        return {}

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct mark: the target's own outline (:meth:`target_outline`) traced in red, vertex to vertex."""
        points = self.target_outline(self.Solution.model_validate(sample.solution))
        if points is None:
            return {}
        first = sample.first_frame
        return {self.trace_name: lambda: chain([first], outline_sweep(first, points, self.params.mark_frames,
                                                                       width=self.trace_width))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers ringed exactly like the right one: each shape :meth:`decoys` names."""
        solution = self.Solution.model_validate(sample.solution)
        return {name: (lambda k=index: self.ring_frames(sample.first_frame, k, solution))
                for name, index in self.decoys(solution).items()}
