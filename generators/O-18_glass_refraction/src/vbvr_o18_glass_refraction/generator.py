"""O-18 glass_refraction: a light ray crosses the flat boundary between two media; the refracted ray is drawn by
Snell's law.

Parameters → draw → solve → render → prompt:

- the picture is split by a flat boundary at ``interface_angle`` degrees through (``hit_x``, ``hit_y``): the lamp's
  side is ``medium_from``, the other ``medium_to``, each tinted and labelled with its name and refractive index
  (``INDICES``: air 1.00, water 1.33, glass 1.50, diamond 2.42); a lamp ``source_distance`` px away shines an
  orange ray onto the point at ``incidence`` degrees from the normal (dashed, across both sides);
- the solution is Snell's law n₁·sin θ₁ = n₂·sin θ₂ with the ray staying in the plane of incidence, on the far
  side of the normal (``vbvr_core.families.physics.rays.refract``);
- the video draws the red refracted ray growing from the point to the edge of the picture;
- total internal reflection, a bend under 8° (too close to going straight on to be read), a refracted ray
  beyond 78° from the normal or shorter than 140 px, a lamp off the picture, or labels with no clear place are
  rejected and redrawn.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, Uniform
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, draw_text, new_canvas
from vbvr_core.families.physics.rays import (
    angle_of,
    direction_of,
    draw_dashed,
    draw_lamp_ray,
    incidence_angle,
    reach,
    refract,
)
from vbvr_core.families.physics.scene import SurfaceRayGenerator, SurfaceRaySolution, SurfaceScene, rounded
from vbvr_core.plane import point_segment_distance

from vbvr_o18_glass_refraction.plugin import TASK

Medium = Literal["air", "water", "glass", "diamond"]
# Refractive indices (visible light, about 589 nm), as the picture and the prompt state them.
INDICES: dict[str, float] = {"air": 1.00, "water": 1.33, "glass": 1.50, "diamond": 2.42}
TINTS: dict[str, tuple[int, int, int] | None] = {"air": None, "water": (208, 229, 248), "glass": (212, 240, 234),
                                                 "diamond": (232, 226, 246)}
BOUNDARY_COLOR = (95, 105, 115)
NORMAL_COLOR = (110, 110, 110)
TEXT_COLOR = (45, 45, 45)
MIN_BEND = 8.0  # degrees between the refracted ray and the straight-on direction
MAX_REFRACTED = 78.0  # degrees from the normal
MIN_REFRACTED_LENGTH = 140.0
LABEL_W, LABEL_H = 150.0, 22.0


class Params(TaskParams):
    """O-18's parameter space: air into glass or water across a level boundary first, any pair and tilt later."""

    medium_from: Annotated[Literal["air", "water", "glass"], Strata(("air",), ("air",), ("air", "water", "glass"))] = Field(
        "air", description="medium the light comes from (the lamp's side)")
    medium_to: Annotated[Medium, Strata(("water", "glass"), ("water", "glass", "diamond"),
                                        ("air", "water", "glass", "diamond"))] = Field(
        "glass", description="medium the light enters")
    interface_angle: Annotated[float, Strata(0.0, (-30.0, 30.0), (-60.0, 60.0), digits=0)] = Field(
        0.0, ge=-90.0, le=90.0, description="tilt of the boundary (degrees, counter-clockwise from level)")
    incidence: Annotated[float, Uniform(20.0, 70.0, digits=0)] = Field(
        45.0, ge=10.0, le=80.0, description="angle of incidence, from the normal (degrees)")
    from_left: Annotated[bool, Uniform()] = Field(
        True, description="the lamp lies counter-clockwise of the normal (left of it, for a level boundary)")
    hit_x: Annotated[float, Uniform(196.0, 316.0, digits=0)] = Field(
        256.0, ge=150.0, le=362.0, description="x of the point where the ray meets the boundary (px)")
    hit_y: Annotated[float, Uniform(210.0, 300.0, digits=0)] = Field(
        256.0, ge=150.0, le=362.0, description="y of the point where the ray meets the boundary (px)")
    source_distance: Annotated[float, Uniform(130.0, 190.0, digits=0)] = Field(
        160.0, ge=110.0, le=220.0, description="distance from the lamp to that point (px)")
    background: BackgroundIndex = 0


class Solution(SurfaceRaySolution):
    """Where the refracted ray leaves the boundary, its direction by Snell's law (y down) and how far it runs; the
    two refractive indices and the angle of refraction (degrees)."""

    refracted: tuple[float, float]
    n1: float
    n2: float
    refraction: float


def half_plane(point: tuple[float, float], normal: tuple[float, float], size: float = 512.0) -> list[tuple[float, float]]:
    """The canvas square clipped to the side of the line through ``point`` that ``normal`` points away from."""
    square = [(0.0, 0.0), (size, 0.0), (size, size), (0.0, size)]

    def side(p):
        return (p[0] - point[0]) * normal[0] + (p[1] - point[1]) * normal[1]

    out = []
    for a, b in zip(square, square[1:] + square[:1], strict=True):
        sa, sb = side(a), side(b)
        if sa <= 0:
            out.append(a)
        if sa * sb < 0:
            t = sa / (sa - sb)
            out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    return out


class RefractionScene(SurfaceScene):
    """The static media, boundary, normal, lamp and incident ray of one instance; ``frame(length)`` adds the
    refracted ray drawn ``length`` px long (along ``direction``, by default Snell's). The normal points into
    the lamp's medium."""

    def __init__(self, params: Params):
        super().__init__((params.hit_x, params.hit_y), params.interface_angle, params.incidence, params.from_left,
                         params.source_distance)
        self.params = p = params
        self.n1, self.n2 = INDICES[p.medium_from], INDICES[p.medium_to]
        self.refracted = self.answer = refract(self.incoming, self.normal, self.n1, self.n2)
        self.length = reach(self.hit, self.refracted) if self.refracted else 0.0
        self.labels: list[tuple[tuple[float, float], str]] = []
        self.base = None

    def problem(self) -> str | None:
        """Why the instance cannot be used, or None (and then the scene is ready to draw)."""
        p = self.params
        if p.medium_from == p.medium_to:
            return "the same medium on both sides: nothing refracts"
        if self.refracted is None:
            return f"total internal reflection at {p.incidence:g}° from {p.medium_from} into {p.medium_to}"
        refraction = incidence_angle(self.refracted, self.normal)
        if abs(refraction - p.incidence) < MIN_BEND:
            return f"the ray bends only {abs(refraction - p.incidence):.1f}°: hard to tell from going straight on"
        if refraction > MAX_REFRACTED:
            return f"the refracted ray grazes the boundary ({refraction:.0f}° from the normal)"
        if self.length < MIN_REFRACTED_LENGTH:
            return f"the refracted ray runs only {self.length:.0f} px before the edge"
        if self.lamp_off_picture():
            return "the lamp is off the picture"
        segments = [(self.source, self.hit),
                    (self.hit, (self.hit[0] + self.refracted[0] * self.length, self.hit[1] + self.refracted[1] * self.length)),
                    ((self.hit[0] - 90 * self.normal[0], self.hit[1] - 90 * self.normal[1]),
                     (self.hit[0] + 90 * self.normal[0], self.hit[1] + 90 * self.normal[1]))]
        for medium, sign in ((p.medium_from, 1.0), (p.medium_to, -1.0)):
            spot = self._label_spot(sign, segments)
            if spot is None:
                return f"no clear place for the {medium} label"
            self.labels.append((spot, f"{medium}   n = {INDICES[medium]:.2f}"))
        self.base = self._background()
        return None

    def _label_spot(self, sign: float, segments) -> tuple[float, float] | None:
        """The label centre on the ``sign`` side of the boundary farthest from the rays (None if none is clear)."""
        best, clearance = None, 0.0
        for cx in (92.0, 256.0, 420.0):
            for cy in np.arange(30.0, 490.0, 20.0):
                corners = [(cx + dx * LABEL_W / 2, cy + dy * LABEL_H / 2) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
                sides = [((x - self.hit[0]) * self.normal[0] + (y - self.hit[1]) * self.normal[1]) * sign
                         for x, y in corners]
                if min(sides) < 12:
                    continue
                gap = min(point_segment_distance(c, a, b) for c in corners for a, b in segments)
                if gap > clearance:
                    best, clearance = (cx, float(cy)), gap
        return best if clearance >= 16 else None

    def _background(self):
        p = self.params
        canvas = new_canvas(BACKGROUNDS[p.background])
        draw = ImageDraw.Draw(canvas)
        for medium, normal in ((p.medium_from, (-self.normal[0], -self.normal[1])), (p.medium_to, self.normal)):
            if TINTS[medium]:
                draw.polygon(half_plane(self.hit, normal), fill=TINTS[medium])
        (hx, hy), (ux, uy), (nx, ny) = self.hit, self.surface, self.normal
        draw.line([(hx - 800 * ux, hy - 800 * uy), (hx + 800 * ux, hy + 800 * uy)], fill=BOUNDARY_COLOR, width=3)
        draw_dashed(draw, (hx - 90 * nx, hy - 90 * ny), (hx + 90 * nx, hy + 90 * ny), NORMAL_COLOR, width=2)
        draw_lamp_ray(draw, self.source, self.incoming, p.source_distance)
        for (x, y), text in self.labels:
            draw_text(draw, (x, y), text, 17, fill=TEXT_COLOR, anchor="mm")
        return canvas


class GlassRefractionGenerator(SurfaceRayGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the two media and the incident ray, and grows the refracted ray by Snell's law."""

    def scene(self) -> RefractionScene:
        """The media, the boundary and the lamp, the ray refracted by Snell's law."""
        return RefractionScene(self.params)

    def solution(self, scene: RefractionScene) -> Solution:
        """The refracted ray, the two indices and the angle of refraction."""
        refraction = incidence_angle(scene.refracted, scene.normal)
        return Solution(**scene.facts(), refracted=rounded(scene.refracted), n1=scene.n1, n2=scene.n2,
                        refraction=round(refraction, 3))

    def prompt(self, scene: RefractionScene) -> str:
        """The media, their indices and the law."""
        p = self.params
        return (
            f"A lamp shines a light ray (orange, with an arrow) through {p.medium_from} (n = {scene.n1:.2f}) onto the "
            f"flat boundary with {p.medium_to} (n = {scene.n2:.2f}). Draw the refracted ray in red, starting where "
            "the ray meets the boundary and extending to the edge of the picture, following Snell's law "
            "n₁·sin θ₁ = n₂·sin θ₂, with both angles measured from the dashed normal."
        )

    def near_misses(self, sample: Sample):
        """The ray going straight on (not bent), and bent only half as much as Snell's law says."""
        scene = self.ready_scene()
        straight, snell = angle_of(scene.incoming), angle_of(scene.refracted)
        turn = (snell - straight + 180.0) % 360.0 - 180.0
        return {"straight_on": scene.growing(direction=scene.incoming),
                "half_bent": scene.growing(direction=direction_of(straight + turn / 2))}
