"""O-43 object_subtraction: remove, one at a time, every object the prompt's rule names; keep the rest.

Parameters → draw → solve → render → prompt:

- ``num_objects`` filled shapes (circle, square, triangle, star, hexagon) in saturated colours, scattered on
  white with gaps between them;
- a rule names the objects to remove: every object of one colour (``rule = "color"``), of one shape
  (``"shape"``), or of one colour *and* shape (``"both"``: then other objects share the colour or the shape,
  so neither alone picks the answer);
- ``num_targets`` objects match the rule (at least two, and at least two objects stay); the others never do;
- the video removes the targets one at a time, left to right, each fading out over a few frames with a
  pause between; the others stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, draw_shape, new_canvas, to_frame
from vbvr_core.draw.shapes import SHAPE_REACH
from vbvr_core.families.marking.task import place_apart, shuffle_together
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o43_object_subtraction.plugin import TASK

BACKGROUND = (255, 255, 255)
COLORS: tuple[str, ...] = ("red", "green", "blue", "yellow", "purple", "orange")
KINDS: tuple[str, ...] = ("circle", "square", "triangle", "star", "hexagon")
PLURAL = {"circle": "circles", "square": "squares", "triangle": "triangles", "star": "stars", "hexagon": "hexagons"}
Rule = Literal["color", "shape", "both"]


class Params(TaskParams):
    """O-43's parameter space: more objects and a two-attribute rule more often as the difficulty grows."""

    num_objects: Annotated[int, Strata((5, 6), (6, 8), (8, 10))] = Field(
        7, ge=4, le=10, description="how many objects the scene holds")
    rule: Annotated[Rule, Strata(("color", "shape"), ("color", "shape", "both"), ("both",))] = Field(
        "color", description="what the rule names: a colour, a shape, or both")
    num_targets: Annotated[int, Uniform(2, 3)] = Field(2, ge=2, le=4, description="how many objects match the rule")
    radius: Annotated[int, Uniform(24, 30)] = Field(27, ge=20, le=34, description="object size (nominal radius), pixels")
    fade_frames: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=8, description="video frames over which one object fades out")
    pause_frames: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=10, description="video frames between two removals")


class Solution(TaskSolution):
    """The objects (kind, colour name, RGB, centre, rotation), the size, the rule's words and the targets."""

    kinds: list[str]
    color_names: list[str]
    colors: list[tuple[int, int, int]]
    centers: list[Point]
    rotations: list[float]
    radius: float
    rule_text: str
    targets: list[int]


def matches(rule: str, kind: str, color: str, want_kind: str, want_color: str) -> bool:
    """Whether an object of ``kind`` and ``color`` is named by the rule."""
    if rule == "color":
        return color == want_color
    if rule == "shape":
        return kind == want_kind
    return color == want_color and kind == want_kind


def draw_scene(solution: Solution, levels: list[float]) -> np.ndarray:
    """The scene with each object ``level`` of the way from present (1) to gone (0), faded into the background."""
    canvas = new_canvas(BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    for kind, color, center, rotation, level in zip(solution.kinds, solution.colors, solution.centers,
                                                   solution.rotations, levels, strict=True):
        if level <= 0:
            continue
        fill = tuple(round(b + (c - b) * level) for b, c in zip(BACKGROUND, color, strict=True))
        draw_shape(draw, kind, center, solution.radius, fill=fill, rotation=rotation)
    return to_frame(canvas)


class ObjectSubtractionGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters coloured shapes and removes, one at a time, those the rule names."""

    def _attributes(self) -> tuple[list[str], list[str], list[int], str]:
        """Kinds and colour names of the objects, the targets, and the rule's words."""
        p, rng = self.params, self.rng
        n, k = p.num_objects, p.num_targets
        if n - k < 2:
            raise Reject(f"trivial: {k} of {n} objects to remove leaves fewer than two")
        want_kind, want_color = KINDS[int(rng.integers(0, len(KINDS)))], COLORS[int(rng.integers(0, len(COLORS)))]
        kinds, colors = [want_kind] * k, [want_color] * k
        others = [(kd, c) for kd in KINDS for c in COLORS if not matches(p.rule, kd, c, want_kind, want_color)]
        picks = [others[int(i)] for i in rng.integers(0, len(others), size=n - k)]
        if p.rule == "both":
            # Decoys: one shares the colour only, one the shape only, so neither attribute alone decides.
            picks[0] = (KINDS[(KINDS.index(want_kind) + 1 + int(rng.integers(0, len(KINDS) - 1))) % len(KINDS)], want_color)
            picks[1] = (want_kind, COLORS[(COLORS.index(want_color) + 1 + int(rng.integers(0, len(COLORS) - 1))) % len(COLORS)])
        kinds += [kd for kd, _ in picks]
        colors += [c for _, c in picks]
        kinds, colors = shuffle_together(rng, kinds, colors)
        targets = sorted(i for i in range(n) if matches(p.rule, kinds[i], colors[i], want_kind, want_color))
        words = {"color": f"every {want_color} object", "shape": f"every {want_kind}",
                 "both": f"every {want_color} {want_kind}"}[p.rule]
        return kinds, colors, targets, words

    def generate(self) -> Sample:
        """Draw the objects and the rule, lay them out, and fade the targets out one by one."""
        p, rng = self.params, self.rng
        kinds, color_names, targets, words = self._attributes()
        centers = place_apart(rng, [p.radius * SHAPE_REACH] * len(kinds), 14, 1, edge=16, digits=1, what="objects")
        solution = Solution(
            kinds=kinds, color_names=color_names, colors=[PALETTE[c] for c in color_names],
            centers=centers,
            rotations=[round(float(rng.uniform(-0.3, 0.3)), 3) if kd != "circle" else 0.0 for kd in kinds],
            radius=float(p.radius), rule_text=words, targets=targets)
        targets = sorted(targets, key=lambda i: solution.centers[i][0])
        first = draw_scene(solution, [1.0] * len(kinds))
        final = draw_scene(solution, [0.0 if i in targets else 1.0 for i in range(len(kinds))])
        prompt = (
            f"The picture shows {len(kinds)} coloured shapes. Remove {words} from the picture, one object at a "
            "time, and keep every other object exactly where and as it is."
        )
        return Sample(first_frame=first, final_frame=final, prompt=prompt,
                      trajectory=lambda: self._remove(solution, targets), solution=solution, params=p)

    def _remove(self, solution: Solution, order: list[int], together: bool = False) -> Iterator[np.ndarray]:
        """The first frame, then the objects of ``order`` faded out one after another (or all at once), with
        ``pause_frames`` between two removals (the sample's own hold is the pause before the first)."""
        p = self.params
        levels = [1.0] * len(solution.kinds)
        scene = draw_scene(solution, levels)
        yield scene
        for step, group in enumerate([order] if together else [[i] for i in order]):
            # A pause shows the scene as it stands: the same frame again, not redrawn (the encoder converts a
            # repeated frame once).
            for _ in range(p.pause_frames if step else 0):
                yield scene
            for step in range(1, p.fade_frames + 1):
                for i in group:
                    levels[i] = 1.0 - step / p.fade_frames
                scene = draw_scene(solution, levels)
                yield scene

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct process: the targets removed right to left."""
        solution = Solution.model_validate(sample.solution)
        order = sorted(solution.targets, key=lambda i: -solution.centers[i][0])
        return {"right_to_left": lambda: self._remove(solution, order)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """One target left, one other object removed too, and every target removed at once."""
        solution = Solution.model_validate(sample.solution)
        targets = sorted(solution.targets, key=lambda i: solution.centers[i][0])
        keep = [i for i in range(len(solution.kinds)) if i not in targets]
        return {"one_target_left": lambda: self._remove(solution, targets[:-1]),
                "extra_object_removed": lambda: self._remove(solution, targets + keep[:1]),
                "all_at_once": lambda: self._remove(solution, targets, together=True)}
