"""O-19 mirror_reflection: a light ray meets a flat mirror; the reflected ray is drawn by the law of reflection.

Parameters → draw → solve → render → prompt:

- a flat mirror (a silver bar, its back hatched) at ``mirror_angle`` degrees through the point (``hit_x``,
  ``hit_y``); a lamp ``source_distance`` px away on the mirror's front shines an orange ray onto that point at
  ``incidence`` degrees from the normal (from the normal's left or right, ``from_left``); the normal is drawn
  dashed when ``show_normal``;
- the solution is the law of reflection: the reflected direction is the incoming one with its component along
  the normal reversed, r = d − 2(d·n)n, so the angle of reflection equals the angle of incidence, on the other
  side of the normal (``vbvr_core.families.physics.rays.reflect``);
- the video draws the red reflected ray (the official evaluator looks for a red, else blue, line) growing from
  the point on the mirror to the edge of the picture;
- a lamp off the picture, a mirror running off it, or a reflected ray shorter than 140 px or passing near the
  lamp is rejected and redrawn.
"""

from __future__ import annotations

from typing import Annotated

from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, Uniform
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, new_canvas
from vbvr_core.families.physics.rays import (
    angle_of,
    direction_of,
    draw_dashed,
    draw_lamp_ray,
    incidence_angle,
    reach,
    reflect,
)
from vbvr_core.families.physics.scene import SurfaceRayGenerator, SurfaceRaySolution, SurfaceScene, rounded

from vbvr_o19_mirror_reflection.plugin import TASK

MIRROR_COLOR = (150, 160, 172)
HATCH_COLOR = (110, 110, 110)
NORMAL_COLOR = (120, 120, 120)
MIN_REFLECTED = 140.0  # px the reflected ray runs before the picture's edge


class Params(TaskParams):
    """O-19's parameter space: a level mirror and the normal drawn first, any tilt and no normal later."""

    mirror_angle: Annotated[float, Strata(0.0, (-35.0, 35.0), (-80.0, 80.0), digits=0)] = Field(
        0.0, ge=-90.0, le=90.0, description="tilt of the mirror's surface (degrees, counter-clockwise from level)")
    incidence: Annotated[float, Uniform(15.0, 75.0, digits=0)] = Field(
        40.0, ge=10.0, le=80.0, description="angle of incidence, from the normal (degrees)")
    from_left: Annotated[bool, Uniform()] = Field(
        True, description="the lamp lies counter-clockwise of the normal (left of it, for a level mirror)")
    hit_x: Annotated[float, Uniform(180.0, 332.0, digits=0)] = Field(
        256.0, ge=150.0, le=362.0, description="x of the point where the ray meets the mirror (px)")
    hit_y: Annotated[float, Uniform(230.0, 330.0, digits=0)] = Field(
        300.0, ge=200.0, le=360.0, description="y of the point where the ray meets the mirror (px)")
    source_distance: Annotated[float, Uniform(130.0, 200.0, digits=0)] = Field(
        160.0, ge=110.0, le=220.0, description="distance from the lamp to that point (px)")
    mirror_length: Annotated[float, Uniform(220.0, 320.0, digits=0)] = Field(
        260.0, ge=180.0, le=360.0, description="length of the mirror (px)")
    show_normal: Annotated[bool, Strata(1.0, 1.0, 0.5)] = Field(
        True, description="the normal at the point is drawn dashed")
    background: BackgroundIndex = 0


class Solution(SurfaceRaySolution):
    """Where the reflected ray leaves the mirror, its direction by the law (y down) and how far it runs (px)."""

    reflected: tuple[float, float]


class MirrorScene(SurfaceScene):
    """The static mirror, lamp, incident ray and normal of one instance; ``frame(length)`` adds the reflected ray
    drawn ``length`` px long (in the direction ``direction``, by default the law's). The normal points out of
    the mirror's front, the lamp's side."""

    def __init__(self, params: Params):
        super().__init__((params.hit_x, params.hit_y), params.mirror_angle, params.incidence, params.from_left,
                         params.source_distance)
        self.params = params
        self.reflected = self.answer = reflect(self.incoming, self.normal)
        self.length = reach(self.hit, self.reflected)
        self.base = self._background()

    def problem(self) -> str | None:
        """Why the instance cannot be used, or None."""
        if self.lamp_off_picture():
            return "the lamp is off the picture"
        half = self.params.mirror_length / 2
        for sign in (-1, 1):
            x, y = self.hit[0] + sign * half * self.surface[0], self.hit[1] + sign * half * self.surface[1]
            if not (10 <= x <= 502 and 10 <= y <= 502):
                return "the mirror runs off the picture"
        if self.length < MIN_REFLECTED:
            return f"the reflected ray runs only {self.length:.0f} px before the edge"
        vx, vy = self.source[0] - self.hit[0], self.source[1] - self.hit[1]
        along = vx * self.reflected[0] + vy * self.reflected[1]
        if along > 0 and abs(vx * self.reflected[1] - vy * self.reflected[0]) < 40:
            return "the reflected ray passes by the lamp"
        return None

    def _background(self):
        p = self.params
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        half = p.mirror_length / 2
        (hx, hy), (ux, uy), (nx, ny) = self.hit, self.surface, self.normal
        a, b = (hx - half * ux, hy - half * uy), (hx + half * ux, hy + half * uy)
        for k in range(int(p.mirror_length // 14) + 1):  # hatching on the mirror's back
            t = -half + 7 + 14 * k
            if t > half - 4:
                break
            x, y = hx + t * ux - 4 * nx, hy + t * uy - 4 * ny
            draw.line([(x, y), (x - 12 * nx - 7 * ux, y - 12 * ny - 7 * uy)], fill=HATCH_COLOR, width=2)
        draw.line([a, b], fill=MIRROR_COLOR, width=8)
        if p.show_normal:
            draw_dashed(draw, self.hit, (hx + 100 * nx, hy + 100 * ny), NORMAL_COLOR, width=2)
        draw_lamp_ray(draw, self.source, self.incoming, p.source_distance)
        return canvas


class MirrorReflectionGenerator(SurfaceRayGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the mirror and the incident ray, and grows the reflected ray by the law of reflection."""

    def scene(self) -> MirrorScene:
        """The mirror and the lamp, the ray reflected by the law."""
        return MirrorScene(self.params)

    def solution(self, scene: MirrorScene) -> Solution:
        """The reflected ray (its angle from the normal equals the incidence)."""
        assert abs(incidence_angle(scene.reflected, scene.normal) - self.params.incidence) < 1e-6
        return Solution(**scene.facts(), reflected=rounded(scene.reflected))

    def prompt(self, scene: MirrorScene) -> str:
        """The mirror and the law, measured from the normal drawn or not."""
        normal = "the dashed normal" if self.params.show_normal else "the normal (perpendicular) to the mirror"
        return (
            "A lamp shines a light ray (orange, with an arrow) onto a flat mirror (the silver bar; its back is "
            "hatched). Draw the reflected ray in red, starting where the ray meets the mirror and extending to the "
            "edge of the picture, following the law of reflection: the angle of reflection equals the angle of "
            f"incidence, both measured from {normal}, on opposite sides of it."
        )

    def near_misses(self, sample: Sample):
        """The reflected ray turned 8° off the law, and the ray going straight on through the mirror."""
        scene = self.scene()
        off = direction_of(angle_of(scene.reflected) + (8.0 if self.params.from_left else -8.0))
        return {"angle_off_8": scene.growing(direction=off), "straight_on": scene.growing(direction=scene.incoming)}
