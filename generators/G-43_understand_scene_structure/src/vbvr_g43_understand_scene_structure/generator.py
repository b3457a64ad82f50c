"""G-43 understand_scene_structure: find the room of the asked kind in a floor plan and box it in green.

Parameters → draw → solve → render → prompt (the official evaluator's conventions: a floor plan whose rooms must be
told apart by what they are, the answer room marked with a green rectangular box, the plan otherwise unchanged):

- a home's outline (``house_width`` × ``house_height``) is cut, wall by wall, into ``rooms`` rooms (each cut splits
  the largest room across its longer side, at 35–65 %); every interior wall has a doorway. Each room gets its own
  kind (bedroom, bathroom, kitchen, living room, dining room, study), told only by its furniture drawn in plan view
  (a bed; a bathtub and a toilet; a counter with a hob and a sink and a fridge; a sofa facing a TV; a table with
  chairs; a desk with a monitor, a chair and a bookshelf), turned a random quarter turn; no room is labelled;
- the prompt names one kind, the target; the solution is the rectangle ``INSET`` px inside that room's walls.
  An instance whose rooms come out smaller than ``MIN_SIDE`` px a side is rejected and redrawn;
- the video traces the green box around the room, stroke by stroke (the outline family), in ``mark_frames`` frames.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.families.outline.draw import outline_image
from vbvr_core.families.outline.task import TraceOutlineGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_g43_understand_scene_structure.plugin import TASK

Box = tuple[float, float, float, float]

KINDS = ("bedroom", "bathroom", "kitchen", "living room", "dining room", "study")
MARK_GREEN = (30, 200, 50)
OUTSIDE = (255, 255, 255)
FLOOR = (255, 255, 255)
WALL = (40, 40, 40)
WALL_WIDTH = 6
DOOR = 34  # doorway width, pixels
INK = (70, 70, 70)
WOOD = (206, 172, 128)
FABRIC = (150, 168, 200)
LINEN = (236, 236, 246)
CERAMIC = (255, 255, 255)
METAL = (172, 172, 176)
WATER = (192, 222, 242)
SCREEN = (60, 60, 70)
INSET = 9  # the box runs this far inside the room's wall lines (3 px clear of the wall's ink)
MIN_SIDE = 120  # least side of a room (wall line to wall line), pixels
TOLERANCE = 11.0  # 512-canvas px a traced box may stray from the answer's rectangle (2 · INSET from a neighbour's)
SPLIT_TRIES = 30


class Params(TaskParams):
    """G-43's parameter space: more rooms in the same space as the difficulty grows."""

    rooms: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=6, description="rooms in the home, each of its own kind")
    house_width: Annotated[int, Uniform(380, 460)] = Field(
        440, ge=340, le=470, description="width of the home's outline in pixels")
    house_height: Annotated[int, Uniform(380, 460)] = Field(
        440, ge=340, le=470, description="height of the home's outline in pixels")
    line_width: Annotated[int, Uniform(4, 6)] = Field(5, ge=3, le=7, description="width of the green box in pixels")
    mark_frames: Annotated[int, Uniform(20, 32)] = Field(
        26, ge=12, le=48, description="video frames over which the box is traced")


class Solution(TaskSolution):
    """The rooms (left, top, right, bottom wall lines), their kinds, the asked room and the traced box's tolerance."""

    rooms: list[Box]
    kinds: list[str]
    target: int
    tolerance: float


def box_polygon(room: Box, inset: float = INSET) -> list[Point]:
    """The rectangle ``inset`` px inside a room's wall lines, clockwise from its top-left corner."""
    x0, y0, x1, y1 = room
    return [(x0 + inset, y0 + inset), (x1 - inset, y0 + inset), (x1 - inset, y1 - inset), (x0 + inset, y1 - inset)]


def split_rooms(rng: np.random.Generator, house: Box, count: int) -> tuple[list[Box], list[tuple[Point, Point]]] | None:
    """``count`` rooms cut from ``house`` (the largest room split across its longer side each time) and the walls
    the cuts made (end points), or None when a room comes out under ``MIN_SIDE``."""
    rooms, walls = [house], []
    while len(rooms) < count:
        rooms.sort(key=lambda r: -(r[2] - r[0]) * (r[3] - r[1]))
        x0, y0, x1, y1 = rooms.pop(0)
        share = float(rng.uniform(0.35, 0.65))
        if x1 - x0 >= y1 - y0:
            cut = round(x0 + share * (x1 - x0))
            rooms += [(x0, y0, cut, y1), (cut, y0, x1, y1)]
            walls.append(((cut, y0), (cut, y1)))
        else:
            cut = round(y0 + share * (y1 - y0))
            rooms += [(x0, y0, x1, cut), (x0, cut, x1, y1)]
            walls.append(((x0, cut), (x1, cut)))
    if min(min(r[2] - r[0], r[3] - r[1]) for r in rooms) < MIN_SIDE:
        return None
    return sorted(rooms, key=lambda r: (r[1], r[0])), walls


def _rect(draw: ImageDraw.ImageDraw, s: float, box: tuple[float, float, float, float], fill, width: int = 2) -> None:
    draw.rectangle([box[0] * s, box[1] * s, box[2] * s, box[3] * s], fill=fill, outline=INK, width=width)


def _round(draw: ImageDraw.ImageDraw, s: float, box: tuple[float, float, float, float], fill, radius: float) -> None:
    draw.rounded_rectangle([box[0] * s, box[1] * s, box[2] * s, box[3] * s], radius=radius * s, fill=fill,
                           outline=INK, width=2)


def _ellipse(draw: ImageDraw.ImageDraw, s: float, box: tuple[float, float, float, float], fill) -> None:
    draw.ellipse([box[0] * s, box[1] * s, box[2] * s, box[3] * s], fill=fill, outline=INK, width=2)


def furnish(kind: str, side: int) -> Image.Image:
    """A room kind's furniture in plan view on a transparent ``side``² square (unit coordinates scaled by it),
    the wall it stands against at the top."""
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    s = side - 1
    if kind == "bedroom":
        _rect(draw, s, (0.22, 0.02, 0.78, 0.86), LINEN)  # bed, head at the wall
        _round(draw, s, (0.27, 0.06, 0.48, 0.2), CERAMIC, 0.03)
        _round(draw, s, (0.52, 0.06, 0.73, 0.2), CERAMIC, 0.03)
        _rect(draw, s, (0.22, 0.34, 0.78, 0.86), FABRIC)  # blanket
        draw.line([(0.22 * s, 0.42 * s), (0.78 * s, 0.42 * s)], fill=INK, width=2)
        _rect(draw, s, (0.02, 0.02, 0.17, 0.16), WOOD)  # nightstands
        _rect(draw, s, (0.83, 0.02, 0.98, 0.16), WOOD)
    elif kind == "bathroom":
        _rect(draw, s, (0.02, 0.02, 0.98, 0.36), CERAMIC)  # bathtub along the wall
        _round(draw, s, (0.07, 0.07, 0.93, 0.31), WATER, 0.1)
        _ellipse(draw, s, (0.84, 0.15, 0.88, 0.19), METAL)
        _rect(draw, s, (0.05, 0.62, 0.17, 0.98), CERAMIC)  # toilet: tank and bowl
        _ellipse(draw, s, (0.17, 0.66, 0.45, 0.94), CERAMIC)
        _rect(draw, s, (0.62, 0.66, 0.98, 0.98), CERAMIC)  # washbasin
        _ellipse(draw, s, (0.68, 0.71, 0.92, 0.93), WATER)
    elif kind == "kitchen":
        _rect(draw, s, (0.02, 0.02, 0.98, 0.3), METAL)  # counter
        _rect(draw, s, (0.08, 0.05, 0.4, 0.27), (90, 90, 96))  # hob with four burners
        for cx, cy in ((0.16, 0.1), (0.32, 0.1), (0.16, 0.22), (0.32, 0.22)):
            draw.ellipse([(cx - 0.055) * s, (cy - 0.045) * s, (cx + 0.055) * s, (cy + 0.045) * s], outline=CERAMIC,
                         width=2)
        _rect(draw, s, (0.52, 0.06, 0.76, 0.26), WATER)  # sink
        _ellipse(draw, s, (0.62, 0.08, 0.66, 0.12), METAL)
        _rect(draw, s, (0.02, 0.45, 0.3, 0.98), CERAMIC)  # fridge
        draw.line([(0.06 * s, 0.6 * s), (0.26 * s, 0.6 * s)], fill=INK, width=2)
    elif kind == "living room":
        _rect(draw, s, (0.25, 0.02, 0.75, 0.08), SCREEN)  # TV on the wall
        _rect(draw, s, (0.32, 0.38, 0.68, 0.56), WOOD)  # coffee table
        _round(draw, s, (0.1, 0.7, 0.9, 0.98), FABRIC, 0.05)  # sofa: seat, back and arms
        _rect(draw, s, (0.1, 0.88, 0.9, 0.98), FABRIC)
        _rect(draw, s, (0.1, 0.7, 0.2, 0.98), FABRIC)
        _rect(draw, s, (0.8, 0.7, 0.9, 0.98), FABRIC)
    elif kind == "dining room":
        for cx in (0.33, 0.5, 0.67):  # chairs along both long sides, one at each end
            _rect(draw, s, (cx - 0.06, 0.12, cx + 0.06, 0.24), WOOD)
            _rect(draw, s, (cx - 0.06, 0.76, cx + 0.06, 0.88), WOOD)
        _rect(draw, s, (0.06, 0.44, 0.18, 0.56), WOOD)
        _rect(draw, s, (0.82, 0.44, 0.94, 0.56), WOOD)
        _round(draw, s, (0.2, 0.28, 0.8, 0.72), WOOD, 0.04)  # table
        _ellipse(draw, s, (0.44, 0.44, 0.56, 0.56), CERAMIC)
    elif kind == "study":
        _rect(draw, s, (0.04, 0.02, 0.74, 0.3), WOOD)  # desk against the wall
        _rect(draw, s, (0.2, 0.05, 0.5, 0.1), SCREEN)  # monitor
        _rect(draw, s, (0.26, 0.16, 0.44, 0.24), CERAMIC)  # keyboard
        _ellipse(draw, s, (0.24, 0.38, 0.46, 0.6), FABRIC)  # office chair
        _rect(draw, s, (0.84, 0.02, 0.98, 0.8), WOOD)  # bookshelf with its shelves
        for y in (0.18, 0.34, 0.5, 0.66):
            draw.line([(0.84 * s, y * s), (0.98 * s, y * s)], fill=INK, width=2)
    else:
        raise ValueError(f"unknown room kind {kind!r}")
    return image


def plan_image(rooms: list[Box], walls: list[tuple[Point, Point]], kinds: list[str], house: Box,
               rng: np.random.Generator) -> np.ndarray:
    """The floor plan: white floors on white paper (one bright level, so a brighter video clips it evenly), the
    furniture (a random quarter turn, against a wall), the outer walls, the interior walls with a doorway each."""
    canvas = new_canvas(OUTSIDE)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle(list(house), fill=FLOOR)
    for room, kind in zip(rooms, kinds, strict=True):
        x0, y0, x1, y1 = room
        side = int(min(x1 - x0, y1 - y0) - 2 * INSET - 12)
        turn = int(rng.integers(0, 4))
        layer = furnish(kind, side).rotate(90 * turn)
        # Against the wall the turn faces: the free space of the room lies beyond the furniture.
        room_w, room_h = x1 - x0 - 2 * INSET - 12, y1 - y0 - 2 * INSET - 12
        spare_x, spare_y = room_w - side, room_h - side
        offset = {0: (spare_x / 2, 0), 1: (0, spare_y / 2), 2: (spare_x / 2, spare_y), 3: (spare_x, spare_y / 2)}[turn]
        canvas.paste(layer, (int(x0 + INSET + 6 + offset[0]), int(y0 + INSET + 6 + offset[1])), layer)
    for (ax, ay), (bx, by) in walls:
        draw.line([(ax, ay), (bx, by)], fill=WALL, width=WALL_WIDTH)
        length = abs(bx - ax) + abs(by - ay)
        start = float(rng.uniform(0.25, 0.75)) * (length - DOOR)
        if ax == bx:
            draw.line([(ax, ay + start), (ax, ay + start + DOOR)], fill=FLOOR, width=WALL_WIDTH + 2)
        else:
            draw.line([(ax + start, ay), (ax + start + DOOR, ay)], fill=FLOOR, width=WALL_WIDTH + 2)
    draw.rectangle([house[0] - WALL_WIDTH // 2, house[1] - WALL_WIDTH // 2, house[2] + WALL_WIDTH // 2,
                    house[3] + WALL_WIDTH // 2], outline=WALL, width=WALL_WIDTH)
    return to_frame(canvas)


class SceneStructureGenerator(TraceOutlineGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a furnished floor plan and traces a green box around the room of the asked kind."""

    trace_color = MARK_GREEN

    def generate(self) -> Sample:
        """Cut the home into rooms, give each a kind and its furniture, pick the asked room, trace its box."""
        p = self.params
        left = float(self.rng.integers(16, FRAME_SIZE - 16 - p.house_width + 1))
        top = float(self.rng.integers(16, FRAME_SIZE - 16 - p.house_height + 1))
        house = (left, top, left + p.house_width, top + p.house_height)
        for _ in range(SPLIT_TRIES):
            cut = split_rooms(self.rng, house, p.rooms)
            if cut is not None:
                break
        else:
            raise Reject(f"illegible: {p.rooms} rooms in {p.house_width}×{p.house_height} px leave a room under "
                         f"{MIN_SIDE} px a side")
        rooms, walls = cut
        kinds = [KINDS[int(k)] for k in self.rng.permutation(len(KINDS))[:p.rooms]]
        target = int(self.rng.integers(0, p.rooms))
        first = plan_image(rooms, walls, kinds, house, self.rng)
        solution = Solution(rooms=rooms, kinds=kinds, target=target, tolerance=TOLERANCE)
        prompt = (
            "The image is the floor plan of a home seen from above: black walls with gaps for the doorways, and "
            "every room furnished for what it is used for; the rooms are not labelled. Find the "
            f"{kinds[target]} and draw a green rectangular box just inside its walls, all the way around it. Mark "
            "only that room and do not change anything else in the image."
        )
        return self.traced_sample(first, prompt, box_polygon(rooms[target]), solution)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other right boxes: a thin one on the wall lines, and a thick one a little further in."""
        room = sample.solution.rooms[sample.solution.target]
        return {"thin_box_on_the_walls": lambda: self.trace_frames(sample.first_frame, box_polygon(room, 3), width=3),
                "thick_box_further_in": lambda: self.trace_frames(sample.first_frame, box_polygon(room, INSET + 6),
                                                                  width=7)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The box around another room (the largest other one), and the right box left unfinished (80 %)."""
        solution = sample.solution
        others = [k for k in range(len(solution.rooms)) if k != solution.target]
        other = max(others, key=lambda k: (solution.rooms[k][2] - solution.rooms[k][0])
                    * (solution.rooms[k][3] - solution.rooms[k][1]))
        room = solution.rooms[solution.target]
        polygon = box_polygon(room)

        def unfinished() -> Iterator[np.ndarray]:
            steps = self.params.mark_frames
            yield sample.first_frame
            for k in range(1, steps + 1):
                yield outline_image(sample.first_frame, polygon, MARK_GREEN, self.params.line_width, 0.8 * k / steps)

        return {"wrong_room": lambda: self.trace_frames(sample.first_frame, box_polygon(solution.rooms[other])),
                "unfinished_box": unfinished}

