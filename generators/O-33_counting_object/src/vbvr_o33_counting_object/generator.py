"""O-33 counting_object: count the objects (all, or those of the asked kind) and show the total.

Parameters → draw → solve → render → prompt:

- ``count`` objects to count and ``distractors`` others; ``mode`` says what is counted: ``all_same``
  (every object, all one kind), ``all_mixed`` (every object, kinds mixed) or ``kind`` (only the asked
  kind among other kinds); objects are filled shapes with a black outline, each its own size and
  colour, placed without touching above the label box;
- the solver counts the objects of the asked kind;
- the video visits the counted objects in reading order (top to bottom, then left to right), ringing
  each in magenta while the label at the bottom counts up ("Count: 1", "Count: 2", ...); the final
  frame shows the scene with "Count: N".
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex, draw_text
from vbvr_core.draw.shapes import SHAPE_REACH
from vbvr_core.families.marking.draw import ring_image, shapes_image
from vbvr_core.families.marking.task import place_apart, shuffle_together
from vbvr_core.judge.alternatives import font_alternatives
from vbvr_core.pipeline.generator import BaseGenerator

from vbvr_o33_counting_object.plugin import TASK

KINDS = ("circle", "square", "triangle", "star")
PLURALS = {"circle": "circles", "square": "squares", "triangle": "triangles", "star": "stars"}
ADJECTIVES = {"circle": "circular", "square": "square", "triangle": "triangular", "star": "star-shaped"}
OBJECT_COLORS = ("red", "green", "blue", "yellow", "orange", "purple", "cyan", "pink", "brown")
HIGHLIGHT = (215, 0, 215)
GAP = 14
EDGE = 8
LABEL_BOX = (146, 452, 366, 502)  # left, top, right, bottom on the 512 canvas: the answer label "Count: N"
LABEL_TEXT_SIZE = 32
SCENE_BOTTOM = 440  # objects stay above this line, clear of the label box


def _if_kind(n: int):
    """A draw bound: ``n`` when only one kind is counted (mode ``kind``), else 0 (no distractors)."""
    return lambda values: n if values["mode"] == "kind" else 0


def _size_cap(values: dict[str, Any]) -> int:
    """The largest object size that lets ``count + distractors`` objects fit above the label."""
    total = values["count"] + values["distractors"]
    return 60 if total <= 8 else 50 if total <= 14 else 44 if total <= 20 else 40


class Params(TaskParams):
    """O-33's parameter space: more objects, mixed kinds and distractors as the difficulty grows."""

    mode: Annotated[Literal["all_same", "all_mixed", "kind"], Strata(("all_same",), ("all_mixed", "kind"), ("kind",))] = Field(
        "all_same", description="count every object of one kind, every object of mixed kinds, or one kind among others")
    count: Annotated[int, Strata((1, 6), (4, 10), (8, 18))] = Field(
        5, ge=1, le=20, description="how many objects are to be counted (the answer)")
    distractors: Annotated[int, Strata((0, 0), (_if_kind(2), _if_kind(5)), (_if_kind(4), _if_kind(10)))] = Field(
        0, ge=0, le=10, description="objects of other kinds that are not counted (mode 'kind')")
    min_size: Annotated[int, Uniform(26, 32)] = Field(
        30, ge=24, le=60, description="smallest object size (outer width), pixels")
    max_size: Annotated[int, Uniform(lambda v: _size_cap(v) - 8, _size_cap)] = Field(
        54, ge=28, le=64, description="largest object size (outer width), pixels")
    background: BackgroundIndex = 0
    frames_per_object: int = Field(4, ge=3, le=8, description="video frames each counted object stays highlighted; "
                                                             "60 // count, within 3–6")

    @model_validator(mode="after")
    def _something_to_ignore(self) -> Params:
        if self.mode == "kind" and self.distractors < 1:
            raise ValueError("distractors: mode 'kind' needs at least one object of another kind (else it is 'all_same')")
        return self

    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """About 60 highlighted frames in all, whatever the count."""
        return {"frames_per_object": max(3, min(6, 60 // max(1, values["count"]))), **values}


def with_label(frame: np.ndarray, count: int) -> np.ndarray:
    """A copy of ``frame`` with the answer label for ``count``: "Count: N" in a white box at the bottom."""
    image = Image.fromarray(frame)
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = LABEL_BOX
    draw.rounded_rectangle(LABEL_BOX, radius=10, fill=(255, 255, 255), outline=(40, 40, 40), width=2)
    draw_text(draw, ((left + right) / 2, (top + bottom) / 2), f"Count: {count}", LABEL_TEXT_SIZE, fill=(0, 0, 0),
              bold=True)
    return np.asarray(image, dtype=np.uint8).copy()


class Solution(TaskSolution):
    """The answer, each object's place and size, which objects are counted, and the highlight colour."""

    answer: int
    centers: list[Point]
    sizes: list[float]
    counted: list[int]
    highlight: tuple[int, int, int]


class CountingGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters shapes, counts those of the asked kind and shows the running and final count."""

    def _kinds(self) -> tuple[list[str], str | None]:
        """Each object's kind (counted objects first) and the asked kind (None when all are counted)."""
        p, rng = self.params, self.rng
        if p.mode == "all_same":
            return [str(rng.choice(KINDS))] * p.count, None
        if p.mode == "all_mixed":
            return [str(rng.choice(KINDS)) for _ in range(p.count)], None
        asked = str(rng.choice(KINDS))
        others = [kind for kind in KINDS if kind != asked]
        return [asked] * p.count + [str(rng.choice(others)) for _ in range(p.distractors)], asked

    def _prompt(self, kinds: list[str], asked: str | None) -> str:
        tail = ("Write the total at the bottom of the image as \"Count: N\" in a white box, and change nothing else.")
        if asked is not None:
            return (
                "The scene shows filled shapes with black outlines, of different kinds: "
                f"{', '.join(PLURALS[k] for k in KINDS if k in kinds)}. Count only the {PLURALS[asked]}: go through "
                f"the scene systematically and count each {asked} exactly once, ignoring every other shape. " + tail
            )
        if len(set(kinds)) == 1:
            adjective = ADJECTIVES[kinds[0]]
            return (
                f"The scene shows {adjective} objects scattered across the image, each a filled {kinds[0]} with a black "
                f"outline. Systematically count all the {adjective} objects, each exactly once, so that none is "
                "missed or counted twice. " + tail
            )
        return (
            "The scene shows objects of different shapes scattered across the image, each a filled shape with a black "
            "outline. Systematically count all the objects regardless of their shape, each exactly once, so that "
            "none is missed or counted twice. " + tail
        )

    def generate(self) -> Sample:
        """Draw the objects, place and paint them, count the asked kind, and animate the count."""
        p = self.params
        kinds, asked = self._kinds()
        sizes = [float(self.rng.integers(p.min_size, max(p.min_size, p.max_size) + 1)) for _ in kinds]
        radii = [size / (2 * SHAPE_REACH) for size in sizes]  # a size is the reach across
        names = [str(self.rng.choice(OBJECT_COLORS)) for _ in kinds]
        kinds, sizes, radii, names = shuffle_together(self.rng, kinds, sizes, radii, names)
        # One layout attempt: a crowded draw is redrawn with a derived seed.
        centers = place_apart(self.rng, [size / 2 for size in sizes], GAP, 1, digits=None, what="objects",
                              area=(EDGE, EDGE, 512 - EDGE, SCENE_BOTTOM), tries=40)
        counted = [k for k, kind in enumerate(kinds) if asked is None or kind == asked]
        # Reading order: bands of 80 px from the top, left to right inside a band.
        visit = sorted(counted, key=lambda k: (int(centers[k][1] // 80), centers[k][0]))
        first = shapes_image(BACKGROUNDS[p.background], kinds, centers, radii, [0.0] * len(kinds),
                             [PALETTE[name] for name in names], outline=(0, 0, 0), width=2)
        final = with_label(first, len(counted))

        def frames():
            yield first
            for step, index in enumerate(visit, start=1):
                state = ring_image(with_label(first, step), centers[index], sizes[index] / 2 + 7, HIGHLIGHT, width=4)
                for _ in range(p.frames_per_object):
                    yield state
            yield with_label(first, len(counted))  # drawn here, so an alternative typeface reaches the answer too

        solution = Solution(answer=len(counted), centers=[(round(x, 2), round(y, 2)) for x, y in centers],
                            sizes=sizes, counted=counted, highlight=HIGHLIGHT)
        return Sample(first_frame=first, final_frame=final, prompt=self._prompt(kinds, asked), trajectory=frames,
                      solution=solution, params=p)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The same count with its label set in three other typefaces at 0.7–1.3× the size (the scorer reads the
        number, not our glyphs)."""
        return font_alternatives(sample.trajectory)
