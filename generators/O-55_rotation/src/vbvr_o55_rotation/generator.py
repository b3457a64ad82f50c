"""O-55 rotation: a structure of light-blue cubes, seen from one side; the camera circles it by half a turn.

Parameters → draw → solve → render → prompt:

- ``cubes`` unit cubes joined face to face inside a 3×3×3 box, grown at random from one cube;
- a camera looks down at the structure from ``elevation`` degrees above the horizon and from the compass
  direction ``start_azimuth`` (orthographic view, light fixed to the camera, black cube edges, the cubes'
  footprint as a grey shadow on the floor) — the official task's light-blue voxels with black borders;
- the solution is the view from the opposite side, ``start_azimuth`` ± 180° at the same elevation: the video
  moves the camera steadily around the structure by 180° the stated way (to the camera's right or left);
- instances whose opposite view looks (almost) like the start, or where two clearly different camera
  directions on the way give (almost) the same picture, are rejected: the end would be trivial or the turn
  could not be followed.
"""

from __future__ import annotations

import math
from functools import lru_cache, partial
from typing import Annotated, Any, Literal

import cv2
import numpy as np
from pydantic import Field
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex
from vbvr_core.families.rotation.draw import steady_turn
from vbvr_core.judge.alternatives import nudged_positions
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o55_rotation.plugin import TASK

CUBE = (120, 190, 245)  # light blue: the official evaluator's voxel hue band
EDGE = (20, 20, 20)
SHADOW = (205, 205, 210)
EDGE_WIDTH = 2
BOX = 3  # cubes live in a BOX×BOX×BOX lattice
CENTER = (256.0, 262.0)  # where the structure's centre is drawn
REACH = 165.0  # pixels from the centre to the structure's farthest corner
MAX_UNIT = 70.0  # largest cube edge in pixels
SUB = 16  # cv2 sub-pixel factor (shift=4)
# The scorer's view templates: the view every TEMPLATE_STEP degrees, TEMPLATE_SIZE² pixels around the structure (drawn at that size).
TEMPLATE_STEP = 4
TEMPLATE_SIZE = 64
# Rejections: the opposite view must differ from the start, and views ≥ AMBIGUOUS_APART apart must not match.
MAX_END_LIKENESS = 0.5
MAX_VIEW_LIKENESS = 0.8
AMBIGUOUS_APART = 36
LIGHT = np.array([-0.35, 0.75, 0.56])  # towards the light in camera coordinates (right, up, towards the viewer)


class Params(TaskParams):
    """O-55's parameter space: more cubes and a lower camera as the difficulty grows."""

    cubes: Annotated[int, Strata((4, 5), (6, 7), (8, 10))] = Field(
        6, ge=4, le=10, description="unit cubes in the structure")
    elevation: Annotated[int, Strata((32, 42), (26, 36), (18, 30))] = Field(
        30, ge=15, le=45, description="camera height above the horizon, degrees")
    start_azimuth: int = Field(
        30, ge=0, le=359, description=(
            "compass direction the camera looks from at the start, degrees; drawn at least 12° from the cube "
            "sides' directions (0°, 90°, 180°, 270°), where sides would be seen edge-on"))
    direction: Annotated[Literal["right", "left"], Uniform()] = Field(
        "right", description="way the camera circles the structure (to its own right or left)")
    background: BackgroundIndex = 0
    orbit_frames: Annotated[int, Uniform(40, 56)] = Field(48, ge=32, le=96, description="video frames the orbit takes")


    @classmethod
    def complete(cls, values: dict[str, Any], rng: Any, fixed: dict[str, Any]) -> dict[str, Any]:
        """The start direction, 12° to 78° into one of the four quadrants."""
        return {"start_azimuth": int(90 * rng.integers(0, 4) + rng.integers(12, 79)), **values}


class Solution(TaskSolution):
    """The structure (cube cells), how it is drawn, and the signed orbit (degrees, + = camera to its right)."""

    cells: list[tuple[int, int, int]]
    elevation: int
    start_azimuth: int
    unit: float
    background: tuple[int, int, int]
    signed_degrees: int


def grow(rng: np.random.Generator, count: int) -> list[tuple[int, int, int]]:
    """``count`` cells of the BOX³ lattice joined face to face, grown from a random cell, resting on the floor."""
    cells = {tuple(int(v) for v in rng.integers(0, BOX, 3))}
    steps = [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)]
    while len(cells) < count:
        base = sorted(cells)[int(rng.integers(0, len(cells)))]
        dx, dy, dz = steps[int(rng.integers(0, 6))]
        cell = (base[0] + dx, base[1] + dy, base[2] + dz)
        if all(0 <= v < BOX for v in cell):
            cells.add(cell)
    low = min(z for _, _, z in cells)
    return sorted((x, y, z - low) for x, y, z in cells)


def structure_centre(cells) -> np.ndarray:
    """The point the camera circles: the cubes' mean position across, the middle of their height."""
    array = np.asarray(cells, dtype=np.float64) + 0.5
    top = max(z for _, _, z in cells) + 1
    return np.array([array[:, 0].mean(), array[:, 1].mean(), top / 2])


def fit_unit(cells) -> float:
    """Cube edge in pixels so the structure's farthest corner from its centre, in any view, stays within REACH."""
    corners = np.array([(x + a, y + b, z + c) for x, y, z in cells for a in (0, 1) for b in (0, 1) for c in (0, 1)],
                       dtype=np.float64)
    radius = float(np.linalg.norm(corners - structure_centre(cells), axis=1).max())
    return round(min(MAX_UNIT, REACH / radius), 2)


def camera(azimuth: float, elevation: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit vectors of the camera looking from compass direction ``azimuth`` at ``elevation`` above the horizon:
    screen right, screen up, and towards the viewer. Increasing the azimuth moves the camera to its right."""
    a, e = math.radians(azimuth), math.radians(elevation)
    toward = np.array([math.cos(e) * math.cos(a), math.cos(e) * math.sin(a), math.sin(e)])
    right = np.array([-math.sin(a), math.cos(a), 0.0])
    up = np.array([-math.sin(e) * math.cos(a), -math.sin(e) * math.sin(a), math.cos(e)])
    return right, up, toward


FACES = {  # outward normal → the face's four corners (offsets from the cube's lower corner), in order
    (1, 0, 0): ((1, 0, 0), (1, 1, 0), (1, 1, 1), (1, 0, 1)),
    (-1, 0, 0): ((0, 0, 0), (0, 0, 1), (0, 1, 1), (0, 1, 0)),
    (0, 1, 0): ((0, 1, 0), (0, 1, 1), (1, 1, 1), (1, 1, 0)),
    (0, -1, 0): ((0, 0, 0), (1, 0, 0), (1, 0, 1), (0, 0, 1)),
    (0, 0, 1): ((0, 0, 1), (1, 0, 1), (1, 1, 1), (0, 1, 1)),
    (0, 0, -1): ((0, 0, 0), (0, 1, 0), (1, 1, 0), (1, 0, 0)),
}


def exposed_faces(cells) -> list[tuple[tuple[int, int, int], int]]:
    """Every cube face not covered by a neighbouring cube: (cell, index into FACES)."""
    occupied = set(map(tuple, cells))
    return [(tuple(cell), k) for cell in cells for k, normal in enumerate(FACES)
            if (cell[0] + normal[0], cell[1] + normal[1], cell[2] + normal[2]) not in occupied]


NORMALS = np.array(list(FACES), dtype=np.float64)
CORNERS = np.array(list(FACES.values()), dtype=np.float64)  # 6 × 4 × 3


@lru_cache(maxsize=64)
def _prepared(cells: tuple[tuple[int, int, int], ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What every view of ``cells`` shares: the centre, the floor squares, and each exposed face's corners,
    normal index and cell centre."""
    origin = structure_centre(cells)
    footprint = np.array(sorted({(x, y) for x, y, _ in cells}), dtype=np.float64)
    square = np.array([(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0)], dtype=np.float64)
    floors = np.concatenate([footprint, np.zeros((len(footprint), 1))], axis=1)[:, None, :] + square
    faces = exposed_faces(cells)
    bases = np.array([cell for cell, _ in faces], dtype=np.float64)
    kinds = np.array([k for _, k in faces])
    return origin, floors - origin, bases[:, None, :] + CORNERS[kinds] - origin, kinds, bases + 0.5 - origin


def draw_view(canvas: np.ndarray, cells, azimuth: float, elevation: float, unit: float,
              center: tuple[float, float] = CENTER, scale: float = 1.0) -> np.ndarray:
    """Draw the structure seen from ``azimuth`` / ``elevation`` into ``canvas`` (H×W×3 uint8, changed in place).

    Positions are 512² canvas pixels times ``scale`` (the scorer draws its small templates with the same code).
    Cubes are painted far to near (right for unit cubes of a lattice in an orthographic view), each visible face
    shaded by the light fixed to the camera and outlined in black; the footprint is a grey floor shadow first.
    """
    right, up, toward = camera(azimuth, elevation)
    _, floors, polygons, kinds, centres = _prepared(tuple(map(tuple, cells)))
    pixels = unit * scale
    frame = np.stack([right * pixels, -up * pixels], axis=1)
    shift = np.array([center[0] * scale, center[1] * scale])

    def project(points: np.ndarray) -> np.ndarray:
        return np.round((points @ frame + shift) * SUB).astype(np.int32)

    cv2.fillPoly(canvas, list(project(floors)), SHADOW, lineType=cv2.LINE_AA, shift=4)
    width = max(1, round(EDGE_WIDTH * scale))
    facing = NORMALS @ toward > 1e-6
    lit = np.stack([NORMALS @ right, NORMALS @ up, NORMALS @ toward], axis=1) @ LIGHT
    shades = [tuple(int(round(c * (0.62 + 0.38 * max(0.0, float(v))))) for c in CUBE) for v in lit]
    visible = facing[kinds]
    projected = project(polygons[visible])
    shown = kinds[visible]
    for index in np.argsort(centres[visible] @ toward, kind="stable"):
        polygon = projected[index]
        cv2.fillPoly(canvas, [polygon], shades[shown[index]], lineType=cv2.LINE_AA, shift=4)
        cv2.polylines(canvas, [polygon], True, EDGE, thickness=width, lineType=cv2.LINE_AA, shift=4)
    return canvas


@lru_cache(maxsize=8)
def blank(background: tuple[int, int, int]) -> np.ndarray:
    """A 512² frame of the colour ``background``, read-only: filling a frame with an RGB triple costs ~2 ms (numpy
    broadcasts the 3-vector pixel by pixel), copying a filled one ~0.05 ms."""
    canvas = np.empty((512, 512, 3), dtype=np.uint8)
    canvas[:] = background
    canvas.setflags(write=False)
    return canvas


def view_frame(solution: Solution, turn: float, offset: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """The 512² frame with the camera turned by ``turn`` degrees (+ = to its right) from the start (the structure
    drawn ``offset`` pixels from its place: a model's framing is about right, not exact)."""
    canvas = blank(tuple(solution.background)).copy()
    return draw_view(canvas, solution.cells, solution.start_azimuth + turn, solution.elevation, solution.unit,
                     center=(CENTER[0] + offset[0], CENTER[1] + offset[1]))


def template_box(unit: float, cells) -> tuple[int, int, int, int]:
    """The square (x0, y0, x1, y1, 512² pixels) around the centre that every view of the structure stays inside."""
    del cells
    half = int(math.ceil(REACH + 2 * EDGE_WIDTH + 4))
    return (int(CENTER[0]) - half, int(CENTER[1]) - half, int(CENTER[0]) + half, int(CENTER[1]) + half)


def view_templates(cells, elevation: int, start_azimuth: int, unit: float, background) -> np.ndarray:
    """Grey views (TEMPLATE_SIZE², float32) every TEMPLATE_STEP degrees of turn from the start, each normalised
    to zero mean and unit norm: row k is the view after a turn of k·TEMPLATE_STEP degrees."""
    return _templates(tuple(map(tuple, cells)), elevation, start_azimuth, unit, tuple(background))


@lru_cache(maxsize=16)
def _templates(cells, elevation, start_azimuth, unit, background) -> np.ndarray:
    x0, y0, x1, y1 = template_box(unit, cells)
    scale = TEMPLATE_SIZE / (x1 - x0)
    side = TEMPLATE_SIZE
    rows = []
    for k in range(360 // TEMPLATE_STEP):
        canvas = np.empty((side, side, 3), dtype=np.uint8)
        canvas[:] = background
        draw_view(canvas, cells, start_azimuth + k * TEMPLATE_STEP, elevation, unit,
                  center=(CENTER[0] - x0, CENTER[1] - y0), scale=scale)
        rows.append(normalised(features(canvas)))
    return np.stack(rows)


def features(frames: np.ndarray) -> np.ndarray:
    """What views are compared on: luminance of RGB frames (…×H×W×3) band-passed (Gaussian σ 1 minus σ 5 template
    pixels) as float32 — the cube edges and the shading steps between faces, not the blob every view shares."""
    values = frames.astype(np.float32) @ np.array([0.299, 0.587, 0.114], dtype=np.float32)

    def band(v: np.ndarray) -> np.ndarray:
        return cv2.GaussianBlur(v, (0, 0), 1.0) - cv2.GaussianBlur(v, (0, 0), 5.0)

    return band(values) if values.ndim == 2 else np.stack([band(v) for v in values])


def normalised(values: np.ndarray) -> np.ndarray:
    """``values`` flattened per leading row, zero mean and unit norm (zeros for a flat row)."""
    flat = values.reshape(values.shape[0], -1) if values.ndim == 3 else values.reshape(1, -1)
    flat = flat - flat.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(flat, axis=1, keepdims=True)
    out = flat / np.maximum(norms, 1e-6)
    return out if values.ndim == 3 else out[0]


def view_problem(templates: np.ndarray, signed_degrees: int) -> str | None:
    """Why the views of this structure cannot carry the task (the far side looks like the near one, or two
    camera directions on the way ≥ AMBIGUOUS_APART degrees apart look alike), or None."""
    count = len(templates)
    half = 180 // TEMPLATE_STEP
    step = 1 if signed_degrees > 0 else -1
    path = [(step * k) % count for k in range(half + 1)]
    likeness = np.einsum("pn,an->pa", templates[path], templates)
    if likeness[0, half] > MAX_END_LIKENESS:
        return f"trivial: the view from the far side looks like the start (likeness {likeness[0, half]:.2f})"
    apart = AMBIGUOUS_APART // TEMPLATE_STEP
    for row, i in enumerate(path):
        distance = np.abs(np.arange(count) - i)
        distance = np.minimum(distance, count - distance)
        rival = float(likeness[row][distance >= apart].max())
        if rival > MAX_VIEW_LIKENESS:
            return f"ambiguous: the view after {((i * TEMPLATE_STEP + 180) % 360) - 180}° of turn has a look-alike"
    return None


class RotationGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Grows a cube structure and renders the camera's half-turn around it."""

    def generate(self) -> Sample:
        """Grow the structure, reject views that cannot carry the task, and orbit the camera by 180°."""
        p = self.params
        cells = grow(self.rng, p.cubes)
        signed = 180 if p.direction == "right" else -180
        unit = fit_unit(cells)
        solution = Solution(cells=cells, elevation=p.elevation, start_azimuth=p.start_azimuth, unit=unit,
                            background=BACKGROUNDS[p.background], signed_degrees=signed)
        if min(p.start_azimuth % 90, 90 - p.start_azimuth % 90) < 12:
            raise Reject("illegible: the camera looks straight at a side, so the cubes' sides are edge-on")
        problem = view_problem(view_templates(cells, p.elevation, p.start_azimuth, unit, solution.background), signed)
        if problem:
            raise Reject(problem)
        way = "to its right (counterclockwise seen from above)" if signed > 0 else "to its left (clockwise seen from above)"
        prompt = (
            f"The picture shows a structure of {p.cubes} light-blue cubes, seen from {p.elevation}° above the horizon. "
            f"Move the camera horizontally around the structure by 180°, {way}, keeping the same height and "
            "distance and always looking at the structure's centre, until it shows the structure from the "
            "opposite side. The structure itself does not move or change; the camera turns at a steady speed."
        )
        return Sample(
            first_frame=view_frame(solution, 0.0), final_frame=view_frame(solution, float(signed)), prompt=prompt,
            trajectory=steady_turn(partial(view_frame, solution), signed, p.orbit_frames),
            solution=solution, params=p,
        )

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """The same orbit with the structure framed a few pixels off (in every frame, as a model might)."""
        solution, frames = sample.solution, self.params.orbit_frames
        signed = solution.signed_degrees
        return {name: steady_turn(lambda angle, offset=offset: view_frame(solution, angle, offset), signed, frames)
                for name, offset in nudged_positions(2 * REACH).items()}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The orbit the wrong way round (same end view, wrong way), a quarter turn only, and a 150° turn."""
        solution, frames = sample.solution, self.params.orbit_frames
        signed = solution.signed_degrees
        return {name: steady_turn(partial(view_frame, solution), final, frames)
                for name, final in (("wrong_way", -signed), ("quarter_turn", signed / 2), ("short_150", signed * 5 / 6))}
