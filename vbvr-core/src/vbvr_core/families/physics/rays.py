"""Light rays: the laws that turn a ray at a surface (reflection, Snell's refraction), drawing a ray that grows
from its origin, and the judge that measures a drawn ray's direction, anchor, extent and growth in a video.

Geometry is on the 512-px canvas with y down; directions are unit vectors (dx, dy). A surface is given by its
unit normal ``normal`` pointing to the side the light comes from.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import ImageDraw

from vbvr_core.contract import Score
from vbvr_core.draw import draw_arrow, draw_disc
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import hue_mask
from vbvr_core.judge.motion import angle_difference, progress_coverage, unlike_dissolve
from vbvr_core.judge.verdict import Verdict

Vector = tuple[float, float]

# Judging tolerances: the direction earns full credit within ANGLE_FULL degrees of the law, none from ANGLE_ZERO.
ANGLE_FULL, ANGLE_ZERO = 2.5, 6.0
# Pixels (512-px canvas) a ray may stray sideways from its line and still count as on it; its start from the point.
CORRIDOR = 7.0
ANCHOR = 14.0
SOLID = 0.75  # share of its way a growing ray's ink must fill for the frame to count as a stage of growth
# A ray pixel holds red at least this much over the other two channels, which stay this close (an orange or
# yellow ray has a strong green and a weak blue, so it is not red).
RED_MARGIN, GREEN_BLUE_GAP = 35, 45
# The given ray and its lamp: orange and yellow, never read as the red answer.
INCIDENT_COLOR = (245, 150, 0)
LAMP_COLOR = (250, 210, 20)
ANSWER_COLOR = (220, 30, 30)
RAY_WIDTH = 4


def unit(v: Sequence[float]) -> Vector:
    """``v`` scaled to length 1."""
    length = math.hypot(v[0], v[1])
    return (v[0] / length, v[1] / length)


def direction_of(degrees: float) -> Vector:
    """The unit vector at ``degrees`` counter-clockwise from the right, on a canvas whose y points down."""
    rad = math.radians(degrees)
    return (math.cos(rad), -math.sin(rad))


def reflect(d: Vector, normal: Vector) -> Vector:
    """Law of reflection: ``d`` mirrored about the surface — its normal component reversed, the rest kept."""
    dot = d[0] * normal[0] + d[1] * normal[1]
    return unit((d[0] - 2 * dot * normal[0], d[1] - 2 * dot * normal[1]))


def incidence_angle(d: Vector, normal: Vector) -> float:
    """Angle (degrees, 0–90) between the incoming direction ``d`` and the normal."""
    cos = abs(d[0] * normal[0] + d[1] * normal[1])
    return math.degrees(math.acos(min(1.0, cos)))


def refract(d: Vector, normal: Vector, n1: float, n2: float) -> Vector | None:
    """Snell's law n₁·sin θ₁ = n₂·sin θ₂: the direction of ``d`` after crossing from index ``n1`` into ``n2``
    (``normal`` points back into the first medium); None for total internal reflection."""
    cos1 = -(d[0] * normal[0] + d[1] * normal[1])
    ratio = n1 / n2
    sin2_sq = ratio * ratio * (1.0 - cos1 * cos1)
    if sin2_sq > 1.0:
        return None
    cos2 = math.sqrt(1.0 - sin2_sq)
    return unit((ratio * d[0] + (ratio * cos1 - cos2) * normal[0], ratio * d[1] + (ratio * cos1 - cos2) * normal[1]))


def reach(origin: Vector, d: Vector, margin: float = 8.0, size: float = 512.0) -> float:
    """How far a ray from ``origin`` along ``d`` runs before it comes within ``margin`` of the canvas edge."""
    limits = []
    for o, v in zip(origin, d, strict=True):
        if v > 1e-9:
            limits.append((size - margin - o) / v)
        elif v < -1e-9:
            limits.append((margin - o) / v)
    return max(0.0, min(limits))


def draw_dashed(draw: ImageDraw.ImageDraw, start: Vector, end: Vector, color, width: int = 2, dash: float = 8.0,
                gap: float = 6.0) -> None:
    """A dashed line from ``start`` to ``end``."""
    length = math.dist(start, end)
    if length < 1e-6:
        return
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    at = 0.0
    while at < length:
        stop = min(length, at + dash)
        draw.line([(start[0] + ux * at, start[1] + uy * at), (start[0] + ux * stop, start[1] + uy * stop)],
                  fill=color, width=width)
        at = stop + gap


def draw_ray(draw: ImageDraw.ImageDraw, origin: Vector, d: Vector, length: float, color, width: int = 4) -> None:
    """A ray from ``origin`` along ``d`` for ``length`` pixels (nothing for a length under one pixel)."""
    if length < 1.0:
        return
    draw.line([origin, (origin[0] + d[0] * length, origin[1] + d[1] * length)], fill=color, width=width)


def draw_lamp_ray(draw: ImageDraw.ImageDraw, source: Vector, d: Vector, length: float) -> None:
    """The given ray: a lamp at ``source`` shining an orange ray along ``d`` for ``length`` px, with an arrow
    half-way showing the light's direction."""
    draw_ray(draw, source, d, length, INCIDENT_COLOR, RAY_WIDTH)
    middle = (source[0] + d[0] * length * 0.55, source[1] + d[1] * length * 0.55)
    draw_arrow(draw, (middle[0] - d[0] * 20, middle[1] - d[1] * 20), middle, INCIDENT_COLOR, width=RAY_WIDTH,
               head_length=16, head_width=16)
    draw_disc(draw, source, 12, fill=LAMP_COLOR, outline=(60, 60, 60), width=2)


def grow_lengths(length: float, frames: int) -> list[float]:
    """The drawn length of a ray growing steadily to ``length`` over ``frames`` frames (the first is 0)."""
    return [length * k / frames for k in range(frames + 1)]


def red_ink(frames: np.ndarray, opening: np.ndarray) -> np.ndarray:
    """Per frame, the pixels that hold red (red over both other channels, those two close together) and were
    not red in ``opening`` — new red ink, whatever the scene's other colours, brightness or tint."""
    def red(images: np.ndarray) -> np.ndarray:
        img = images.astype(np.int16)
        return hue_mask(img, 0, RED_MARGIN) & (np.abs(img[..., 1] - img[..., 2]) <= GREEN_BLUE_GAP)

    return red(frames) & ~red(opening[None])


@dataclass(frozen=True)
class RayReading:
    """A drawn ray as measured in one frame (512-px canvas coordinates, degrees)."""

    direction: Vector | None  # principal direction of the ink away from the origin
    anchored: bool  # ink comes within ANCHOR px of the origin
    extent: float  # how far along ``along`` the ink on its line reaches (px)
    solid: float  # share of 8-px steps from the origin to ``extent`` that hold ink on the line (a drawn ray: ~1)
    covered: float  # share of the expected segment [0, length] whose bins hold ink on the line
    stray: float  # share of the ink off the expected line
    pixels: int


def read_ray(mask: np.ndarray, origin: Vector, expected: Vector, length: float, along: Vector | None = None) -> RayReading:
    """Measure the ray in one frame's ``mask`` (any size; mapped to the 512-px canvas) that should leave
    ``origin`` along ``expected`` for ``length`` px. ``along`` is the line the extent is read on (default the
    measured direction)."""
    scale = 512.0 / mask.shape[1]
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        return RayReading(None, False, 0.0, 0.0, 0.0, 1.0, 0)
    vx = (xs + 0.5) * scale - origin[0]
    vy = (ys + 0.5) * scale - origin[1]
    distance = np.hypot(vx, vy)
    anchored = bool(distance.min() <= ANCHOR)
    away = distance >= 2 * CORRIDOR
    direction = None
    if away.sum() >= 3:
        px, py, w = vx[away], vy[away], distance[away]
        scatter = np.array([[np.sum(px * px / w), np.sum(px * py / w)], [np.sum(px * py / w), np.sum(py * py / w)]])
        values, vectors = np.linalg.eigh(scatter)
        axis = vectors[:, int(values.argmax())]
        if float(np.sum(px * axis[0] + py * axis[1])) < 0:
            axis = -axis
        direction = (float(axis[0]), float(axis[1]))
    line = along or direction or expected
    a = vx * line[0] + vy * line[1]
    b = np.abs(vx * line[1] - vy * line[0])
    on_line = (b <= CORRIDOR) & (a >= -CORRIDOR)
    extent = float(np.percentile(a[on_line], 98)) if on_line.sum() >= 3 else 0.0
    solid = 0.0
    if extent >= 8.0:
        steps = int(extent // 8)
        filled = np.zeros(steps, bool)
        inside_line = on_line & (a >= 0) & (a < steps * 8)
        filled[(a[inside_line] // 8).astype(int)] = True
        solid = float(filled.mean())
    ea = vx * expected[0] + vy * expected[1]
    eb = np.abs(vx * expected[1] - vy * expected[0])
    on_expected = (eb <= CORRIDOR) & (ea >= -CORRIDOR)
    bins = max(4, int(length // 16))
    hit = np.zeros(bins, bool)
    inside = on_expected & (ea >= 0) & (ea < length)
    hit[np.minimum(bins - 1, (ea[inside] / length * bins).astype(int))] = True
    stray = float(1.0 - on_expected[away].mean()) if away.any() else 0.0
    return RayReading(direction, anchored, extent, solid, float(hit.mean()), stray, int(len(xs)))


def angle_of(v: Vector) -> float:
    """Direction ``v`` (y down) as degrees counter-clockwise from the right."""
    return math.degrees(math.atan2(-v[1], v[0]))


@dataclass(frozen=True)
class RayJudgement:
    """The parts of a drawn ray's verdict, each in [0, 1], and what was measured."""

    angle: float
    anchored: float
    length: float
    clean: float
    process: float
    error_degrees: float | None
    reading: RayReading


def judge_ray(masks: np.ndarray, origin: Vector, expected: Vector, length: float) -> RayJudgement:
    """Judge the ray drawn over ``masks`` (new red ink per frame): its last frame's direction against
    ``expected`` (full credit within ANGLE_FULL°, none from ANGLE_ZERO°), its anchor at ``origin``, its length
    (share of the ``length`` px segment covered: full from 90 %, none up to 60 %), its cleanliness (ink off the
    line: full up to 10 %, none from 40 %) and its growth (the extents of the frames pass the intermediate
    lengths from 0 to the final extent: a ray that appears whole earns none). A frame counts towards growth only
    where its ray is solid (ink along at least 75 % of its way from the origin): a ray fading in whole shows
    sparse ink along all its length, not a shorter ray."""
    final = read_ray(masks[-1], origin, expected, length)
    if final.direction is None:
        return RayJudgement(0.0, 0.0, 0.0, 0.0, 0.0, None, final)
    error = angle_difference(angle_of(final.direction), angle_of(expected))
    readings = [read_ray(mask, origin, expected, length, along=final.direction) for mask in masks]
    extents = [r.extent if r.solid >= SOLID else None for r in readings]
    process = progress_coverage(extents, 0.0, max(final.extent, 1.0), checkpoints=5, resolution=CORRIDOR)
    return RayJudgement(
        angle=ramp(error, ANGLE_FULL, ANGLE_ZERO), anchored=1.0 if final.anchored else 0.0,
        length=ramp(1.0 - final.covered, 0.1, 0.4), clean=ramp(final.stray, 0.1, 0.4), process=process,
        error_degrees=error, reading=final,
    )


def ray_score(clip, first_frame: np.ndarray, origin: Vector, expected: Vector, length: float, law: str,
              ok: str) -> Score:
    """The verdict on a red ray that should grow from ``origin`` along ``expected`` (the ``law``'s direction) for
    ``length`` px (to the picture's edge), in ``clip`` (a :class:`~vbvr_core.media.video.VideoClip`, 256 px in the
    ray tasks). New red ink (red the video's opening frame does not hold, :func:`red_ink`) is read in every frame;
    in the last frame its principal direction away from ``origin`` is the drawn ray (:func:`judge_ray`). Parts:

    - ``start``: the video opens on the sample's ``first_frame`` (colours matched);
    - ``angle``: the drawn direction against the law's — full credit within ANGLE_FULL (2.5°), none from
      ANGLE_ZERO (6°);
    - ``anchored``: the ray starts at ``origin`` (within ANCHOR, 14 px);
    - ``length``: share of the segment from ``origin`` to the picture's edge the ray covers (full from 90 %,
      none up to 60 %);
    - ``clean``: share of the new red ink off that line (full up to 10 %, none from 40 %);
    - ``growth``: the ray grows — its extent passes the intermediate lengths, and some frame is no blend of the
      first and the last (:func:`~vbvr_core.judge.motion.unlike_dissolve`: a ray faded in reads as growing where the
      fade reaches the red threshold unevenly); a ray that appears whole keeps 0.05.

    value = start · angle · anchored · length · clean · growth; ``ok`` is the reason when nothing falls short."""
    if not clip.ok:
        return Score.zero(clip.error or "the video has no frames")
    judged = judge_ray(red_ink(clip.frames, clip.frames[0]), origin, expected, length)
    verdict = Verdict()
    verdict.part("start", starts_like(clip, first_frame), unless="the video does not open on the scene")
    if judged.error_degrees is None:
        verdict.part("angle", 0.0, unless="no red ray is drawn")
        return verdict.score(ok="")
    verdict.part("angle", judged.angle, unless=f"the ray is {judged.error_degrees:.1f}° off {law}")
    verdict.part("anchored", judged.anchored, unless="the ray does not start where the light meets the surface")
    verdict.part("length", judged.length,
                 unless=f"the ray covers {judged.reading.covered:.0%} of its way to the picture's edge")
    verdict.part("clean", judged.clean, unless=f"{judged.reading.stray:.0%} of the red ink is off the ray")
    grows = judged.process * unlike_dissolve(clip.frames)
    verdict.part("growth", 0.05 + 0.95 * grows,
                 unless=f"the ray grows through {judged.process:.0%} of its intermediate lengths" if judged.process < 1
                 else "the ray fades in instead of growing: every frame is a blend of the first and the last")
    verdict.note("error_degrees", judged.error_degrees)
    return verdict.score(ok=ok)
