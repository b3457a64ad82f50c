"""A lamp's ray meeting a flat surface at a point, and the answer ray drawn growing from that point.

:class:`SurfaceScene` holds what every such task shares — where the lamp stands, the incoming direction, the
surface's normal — and draws the answer: frames of the red ray grown from the point, the generator's trajectory,
its thin and thick alternatives and near misses grown along other directions. A task's scene subclasses it,
sets ``answer`` (the law's direction), ``length`` and ``base`` (its static picture), and draws the rest; a task's
generator subclasses :class:`SurfaceRayGenerator`, which makes the sample and the alternatives from that scene.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, Self

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract import Sample, TaskParams, TaskSolution
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import to_frame
from vbvr_core.families.physics.rays import ANSWER_COLOR, RAY_WIDTH, Vector, direction_of, draw_ray, grow_lengths, reach
from vbvr_core.pipeline.generator import BaseGenerator, Reject

#: Line widths of the right ray that a task accepts as well (its ``alternatives``).
THICKNESS_ALTERNATIVES = (("thin", 2), ("thick", 7))
#: Frames over which the answer ray grows to its full length (0.75 s).
GROW_FRAMES = 18


class SurfaceRaySolution(TaskSolution):
    """What every surface-ray task records: where the answer ray leaves the surface (``hit``), the normal and the
    light's incoming direction (unit vectors, y down), how far the answer runs to the picture's edge (px), the
    angle of incidence (degrees) and the answer's colour. A task adds the answer's direction under its own name."""

    hit: tuple[float, float]
    normal: tuple[float, float]
    incoming: tuple[float, float]
    length: float
    incidence: float
    ray_color: tuple[int, int, int]


class SurfaceScene:
    """A lamp ``source_distance`` px from the point ``hit`` of a flat surface tilted ``surface_angle`` degrees
    (counter-clockwise from level), shining onto it at ``incidence`` degrees from the normal — counter-clockwise
    of the normal when ``from_left``. ``surface`` runs along the surface, ``normal`` points into the lamp's side,
    ``incoming`` is the light's direction and ``source`` the lamp's centre (512-px canvas, y down).

    A subclass sets ``answer`` (the direction the law gives; None where there is none), ``length`` (px the answer
    runs to the picture's edge) and ``base`` (the static picture, a Pillow image) before it draws frames, and
    defines ``problem()``: why its instance cannot be used, or None (:meth:`checked` calls it)."""

    answer: Vector | None
    length: float
    base: Image.Image

    def __init__(self, hit: Vector, surface_angle: float, incidence: float, from_left: bool,
                 source_distance: float):
        self.hit, self.incidence = hit, incidence
        self.surface = direction_of(surface_angle)
        self.normal = direction_of(surface_angle + 90.0)
        side = 1.0 if from_left else -1.0
        back = direction_of(surface_angle + 90.0 + side * incidence)  # from the point towards the lamp
        self.incoming = (-back[0], -back[1])
        self.source = (hit[0] + back[0] * source_distance, hit[1] + back[1] * source_distance)

    def checked(self) -> Self:
        """This scene once its ``problem()`` finds nothing wrong with it; else :class:`Reject` with the reason."""
        problem = self.problem()
        if problem:
            raise Reject(problem)
        return self

    def facts(self) -> dict[str, object]:
        """The :class:`SurfaceRaySolution` fields of this scene (directions to 6 decimals, the length to 2)."""
        return {"hit": self.hit, "normal": rounded(self.normal), "incoming": rounded(self.incoming),
                "length": round(self.length, 2), "incidence": self.incidence, "ray_color": ANSWER_COLOR}

    def lamp_off_picture(self, margin: float = 24.0, size: float = 512.0) -> bool:
        """Whether the lamp's centre lies less than ``margin`` px inside the picture's edge (or outside it)."""
        x, y = self.source
        return not (margin <= x <= size - margin and margin <= y <= size - margin)

    def frame(self, length: float, direction: Vector | None = None, width: int = RAY_WIDTH) -> np.ndarray:
        """The scene with the red ray drawn ``length`` px from the point along ``direction`` (the answer's by
        default), ``width`` px wide."""
        canvas = self.base.copy()
        draw_ray(ImageDraw.Draw(canvas), self.hit, direction or self.answer, length, ANSWER_COLOR, width)
        return to_frame(canvas)

    def growing(self, frames: int = GROW_FRAMES, direction: Vector | None = None, width: int = RAY_WIDTH) -> FrameSource:
        """The ray along ``direction`` (the answer's by default) growing steadily from nothing to the picture's
        edge, but never past the answer's ``length``, over ``frames`` + 1 frames."""
        length = min(self.length, reach(self.hit, direction or self.answer))
        lengths = grow_lengths(length, frames)
        return lambda: (self.frame(drawn, direction, width) for drawn in lengths)

    def thickness_alternatives(self, frames: int = GROW_FRAMES) -> dict[str, FrameSource]:
        """The right ray grown as :meth:`growing` does, drawn thin (``thin_ray``, 2 px) or thick (``thick_ray``, 7 px)."""
        return {f"{name}_ray": self.growing(frames, width=width) for name, width in THICKNESS_ALTERNATIVES}

    def sample(self, prompt: str, solution: SurfaceRaySolution, params: TaskParams) -> Sample:
        """The sample: the scene without the answer ray, the ray growing over :data:`GROW_FRAMES` frames, the scene
        with the whole ray."""
        return Sample(first_frame=self.frame(0.0), final_frame=self.frame(self.length), prompt=prompt,
                      trajectory=self.growing(), solution=solution, params=params)


class SurfaceRayGenerator(BaseGenerator):
    """A surface-ray task's generator: its :meth:`scene`, checked (:meth:`SurfaceScene.checked`), makes the sample
    with the answer ray growing (:meth:`SurfaceScene.sample`) and the right ray drawn thin and thick as the
    alternatives. The task gives :meth:`scene`, :meth:`solution` and :meth:`prompt`, and its near misses."""

    @abstractmethod
    def scene(self) -> SurfaceScene:
        """The task's scene of ``self.params``."""

    @abstractmethod
    def solution(self, scene: Any) -> SurfaceRaySolution:
        """The sample's solution: ``scene.facts()`` and the task's own fields."""

    @abstractmethod
    def prompt(self, scene: Any) -> str:
        """The sample's prompt."""

    def ready_scene(self) -> Any:
        """The task's scene with its ``problem()`` asked (which some scenes need before they draw), unchecked."""
        scene = self.scene()
        scene.problem()
        return scene

    def generate(self) -> Sample:
        """Apply the law (rejecting an instance the scene's ``problem()`` finds unusable) and grow the answer ray."""
        scene = self.scene().checked()
        return scene.sample(self.prompt(scene), self.solution(scene), self.params)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The right ray drawn thin (2 px) or thick (7 px)."""
        return self.ready_scene().thickness_alternatives()


def rounded(v: Vector, digits: int = 6) -> Vector:
    """``v`` with both components rounded to ``digits`` decimals (a direction as a solution records it)."""
    return (round(v[0], digits), round(v[1], digits))
