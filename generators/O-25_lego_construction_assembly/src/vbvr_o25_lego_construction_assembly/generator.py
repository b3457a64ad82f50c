"""O-25 lego_construction_assembly: follow the instruction arrow and seat the yellow brick in the wall.

Parameters → draw → solve → render → prompt (the official conventions: a partial LEGO model — a wall of bricks
with studs, seen from the front, on a baseplate — and an instruction diagram showing the next brick, highlighted
in yellow, with an arrow to where it connects; in the result the brick sits at that place aligned to the studs
beneath it, in the same orientation, the rest of the model is unchanged and the instruction diagram is gone):

- bricks are 2, 3 or 4 studs long (``stud_pitch`` pixels per stud, 1.2 pitches tall, studs on top); the wall is
  ``wall_studs`` studs wide, ``courses`` complete courses in running bond, and a top course with the gap the
  yellow brick fills plus ``extra_gaps`` other gaps (bricks missing elsewhere, never next to the brick's gap);
- the instruction panel (a pale box holding the yellow brick) sits above the wall on the side away from the gap,
  an arrow from it to just above the gap;
- the solution carries the brick along the arrow to just above its gap, presses it straight down onto the studs
  below (nothing passes through a brick), then the panel and the arrow fade out. An instance with no room for the
  panel above the wall, or a top course left with no brick, is rejected.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, Sprite, Stage, draw_arrow, new_canvas, to_frame, tween
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o25_lego_construction_assembly.plugin import TASK

BRICK_COLOR = (250, 200, 20)  # the highlighted brick: the only yellow in the scene
WALL_COLORS = {"red": (205, 35, 30), "blue": (20, 95, 190), "green": (40, 135, 70), "tan": (215, 190, 140),
               "grey": (190, 192, 198)}
BASEPLATE = (95, 100, 108)
PANEL_FILL = (200, 220, 242)
PANEL_EDGE = (120, 130, 150)
ARROW = (35, 35, 40)
BASE_Y = 452  # the baseplate's top: the bottom course stands on it
LENGTHS = (2, 3, 4)
PANEL_PAD = 22
FADE_FRAMES = 8
Rect = tuple[int, int, int, int]


def shade(color, factor: float = 0.62) -> tuple[int, int, int]:
    """A darker shade of ``color`` (brick outlines)."""
    return tuple(int(c * factor) for c in color)


def brick_image(color, studs: int, pitch: int) -> Image.Image:
    """A brick seen from the front: a ``studs``-long body 1.2 pitches tall with its studs on top, outlined."""
    width, height, stud_w, stud_h = studs * pitch, body_height(pitch), stud_width(pitch), stud_height(pitch)
    image = Image.new("RGBA", (width, height + stud_h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    fill, edge = (*color, 255), (*shade(color), 255)
    for k in range(studs):
        x = (2 * k + 1) * pitch // 2 - stud_w // 2
        draw.rectangle([x, 0, x + stud_w - 1, stud_h + 1], fill=fill, outline=edge, width=2)
    draw.rectangle([0, stud_h, width - 1, stud_h + height - 1], fill=fill, outline=edge, width=2)
    return image


def body_height(pitch: int) -> int:
    """A brick's body height: 1.2 stud pitches (LEGO's 9.6 mm to 8 mm)."""
    return int(round(1.2 * pitch))


def stud_width(pitch: int) -> int:
    """A stud's width (even)."""
    return 2 * int(round(0.28 * pitch))


def stud_height(pitch: int) -> int:
    """A stud's height."""
    return max(4, int(round(0.2 * pitch)))


def partition(total: int, rng: np.random.Generator, avoid: set[int] | None = None) -> list[int]:
    """Brick lengths (2–4) filling ``total`` studs, avoiding joints at the positions in ``avoid`` where it can."""
    for _ in range(40):
        lengths, at = [], 0
        while at < total:
            fits = [n for n in LENGTHS if at + n == total or total - (at + n) >= 2]
            fits = [n for n in fits if at + n not in (avoid or set()) or at + n == total] or fits
            if not fits:
                break
            n = int(rng.choice(fits))
            lengths.append(n)
            at += n
        if at == total:
            return lengths
    raise Reject(f"no partition of {total} studs into bricks of 2-4")


def joints(lengths: list[int]) -> set[int]:
    """The stud positions where two bricks of a course meet."""
    return {int(v) for v in np.cumsum(lengths)[:-1]}


def overlap(a: Rect, b: Rect) -> int:
    """The area two rectangles (left, top, right, bottom; exclusive) share."""
    return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))


class Params(TaskParams):
    """O-25's parameter space: wider, taller walls of smaller bricks with more gaps as the difficulty grows."""

    stud_pitch: Annotated[int, Strata((34, 38), (30, 34), (26, 30))] = Field(
        32, ge=24, le=40, description="pixels per stud (a brick is 1.2 pitches tall)")
    wall_studs: Annotated[int, Strata((6, 8), (8, 10), (10, 12))] = Field(
        9, ge=5, le=12, description="width of the wall in studs")
    courses: Annotated[int, Strata((1, 2), (2, 3), (3, 3))] = Field(
        2, ge=1, le=3, description="complete courses below the top course")
    extra_gaps: Annotated[int, Strata((0, 0), (0, 1), (1, 2))] = Field(
        1, ge=0, le=2, description="other gaps in the top course (bricks missing elsewhere)")
    move_frames: Annotated[int, Uniform(28, 40)] = Field(
        32, ge=16, le=60, description="video frames of the carry along the arrow")
    press_frames: Annotated[int, Uniform(8, 12)] = Field(
        10, ge=4, le=20, description="video frames of pressing the brick down onto the studs")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """The yellow brick (colour, length in studs, body width and height, where its colour's centre starts and must
    end), the wall's bricks (rectangles of their bodies and of their bodies with studs), the baseplate, the gaps
    left empty, the instruction panel and the arrow (start, tip), and the background colour."""

    brick_color: tuple[int, int, int]
    brick_studs: int
    body: tuple[int, int]
    start: Point
    target: Point
    center_offset: Point
    wall_bodies: list[tuple[int, int, int, int]]
    wall_boxes: list[tuple[int, int, int, int]]
    baseplate: tuple[int, int, int, int]
    empty_gaps: list[tuple[int, int, int, int]]
    panel: tuple[int, int, int, int]
    arrow: tuple[Point, Point]
    background: tuple[int, int, int]


class LegoConstructionAssemblyGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the partial wall and the instruction panel, and the yellow brick carried along the arrow into its gap."""

    def generate(self) -> Sample:
        """Build the wall and its gaps, place the panel and the arrow, and render the assembly."""
        p = self.params
        u, hb, sh = p.stud_pitch, body_height(p.stud_pitch), stud_height(p.stud_pitch)
        left = int(round(FRAME_SIZE / 2 - p.wall_studs * u / 2 + self.rng.integers(-2, 3) * u / 2))
        if left < 12 or left + p.wall_studs * u > FRAME_SIZE - 12:
            raise Reject("no room: the wall does not fit across the frame")
        courses, avoid = [], set()
        for _ in range(p.courses + 1):
            lengths = partition(p.wall_studs, self.rng, avoid)
            courses.append(lengths)
            avoid = joints(lengths)
        top = courses[-1]
        gap = int(self.rng.integers(0, len(top)))
        free = [k for k in range(len(top)) if abs(k - gap) > 1]
        if len(free) < p.extra_gaps:
            raise Reject("no room: the top course has too few bricks for its gaps")
        extra = {int(k) for k in self.rng.choice(free, size=p.extra_gaps, replace=False)} if p.extra_gaps else set()
        if len(top) - 1 - len(extra) < 1:
            raise Reject("trivial: the top course would hold no brick")

        canvas = new_canvas(BACKGROUNDS[p.background])
        base: Rect = (left - u // 2, BASE_Y, left + p.wall_studs * u + u // 2, BASE_Y + 16)
        ImageDraw.Draw(canvas).rectangle([base[0], base[1], base[2] - 1, base[3] - 1], fill=BASEPLATE,
                                         outline=shade(BASEPLATE), width=2)
        names = list(WALL_COLORS)
        bodies, boxes, empty = [], [], []
        brick_body: Rect | None = None
        for level, lengths in enumerate(courses):
            y1 = BASE_Y - level * hb
            at = 0
            for k, n in enumerate(lengths):
                x0, x1 = left + at * u, left + (at + n) * u
                at += n
                body: Rect = (x0, y1 - hb, x1, y1)
                if level == len(courses) - 1 and (k == gap or k in extra):
                    if k == gap:
                        brick_body, studs = body, n
                    else:
                        empty.append(body)
                    continue
                image = brick_image(WALL_COLORS[names[int(self.rng.integers(0, len(names)))]], n, u)
                canvas.paste(image, (x0, y1 - hb - sh), image)
                bodies.append(body)
                boxes.append((x0, y1 - hb - sh, x1, y1))
        assert brick_body is not None
        wall_top = BASE_Y - len(courses) * hb - sh

        # The instruction panel: above the wall, on the side away from the gap; the arrow to just above the gap.
        sprite_image = brick_image(BRICK_COLOR, studs, u)
        sprite = Sprite.from_image(sprite_image)
        sw, sh_total = sprite_image.size
        pw, ph = sw + 2 * PANEL_PAD, sh_total + 2 * PANEL_PAD
        gap_cx = (brick_body[0] + brick_body[2]) / 2
        py0 = int(self.rng.integers(20, 44))
        if py0 + ph > wall_top - 70:
            raise Reject("no room: the instruction panel does not fit above the wall")
        if gap_cx < FRAME_SIZE / 2:
            px0 = int(self.rng.integers(FRAME_SIZE - 20 - pw - 40, FRAME_SIZE - 20 - pw + 1))
        else:
            px0 = int(self.rng.integers(20, 61))
        panel: Rect = (px0, py0, px0 + pw, py0 + ph)
        if abs((panel[0] + panel[2]) / 2 - gap_cx) < 60:
            raise Reject("ambiguous: the panel sits straight above the gap, the arrow would be too short")
        tip = (gap_cx, float(brick_body[1] - sh - 12))
        tail_x = panel[0] + pw / 2
        tail = (tail_x, float(panel[3] + 4))
        with_panel = canvas.copy()
        draw = ImageDraw.Draw(with_panel)
        draw.rectangle([panel[0], panel[1], panel[2] - 1, panel[3] - 1], fill=PANEL_FILL, outline=PANEL_EDGE, width=2)
        draw_arrow(draw, tail, tip, ARROW, width=5, head_length=18, head_width=18)

        # Where the sprite's centre goes: in the panel, just above the gap, in the gap (body bottom on the studs).
        def centre(body_x0: float, body_top: float) -> Point:
            return (body_x0 + sw / 2, body_top - sh + sh_total / 2)

        start = centre(panel[0] + PANEL_PAD, panel[1] + PANEL_PAD + sh)
        target = centre(brick_body[0], brick_body[1])
        above = (target[0], target[1] - sh - 14)
        rgba = sprite.rgba
        ys, xs = np.nonzero((rgba[..., 3] > 0) & (np.abs(rgba[..., :3].astype(int) - BRICK_COLOR).sum(axis=2) == 0))
        offset = (float(xs.mean() + 0.5 - sw / 2), float(ys.mean() + 0.5 - sh_total / 2))
        self.sprite, self.stages = sprite, (Stage(to_frame(with_panel)), Stage(to_frame(canvas)))
        self.way = (start, above, target)
        self.bodies, self.studs, self.empty, self.u = bodies, studs, empty, u
        solution = Solution(
            brick_color=BRICK_COLOR, brick_studs=studs, body=(sw, hb),
            start=(start[0] + offset[0], start[1] + offset[1]), target=(target[0] + offset[0], target[1] + offset[1]),
            center_offset=(offset[0], offset[1] - sh / 2), wall_bodies=bodies, wall_boxes=boxes, baseplate=base,
            empty_gaps=empty, panel=panel, arrow=(tail, tip), background=BACKGROUNDS[p.background])
        prompt = ("The picture shows a LEGO wall being built on a grey baseplate and, in the pale instruction panel, the "
                  "next brick: the yellow one. Add this brick to continue the wall construction. Follow the arrow to "
                  "see where it connects to the existing structure: carry the yellow brick along the arrow, then press "
                  "it straight down onto the studs of the bricks below so that it sits exactly in its place, the same "
                  "way up. It never passes through another brick, and the bricks already built stay where they are. "
                  "Once the brick is seated, the instruction panel and its arrow disappear.")
        return Sample(
            first_frame=self.stages[0].frame([(sprite, start)]),
            final_frame=self.stages[1].frame([(sprite, target)]),
            prompt=prompt,
            trajectory=self.assembly(self.way),
            solution=solution,
            params=p,
        )

    def assembly(self, way: tuple[Point, ...], fade: bool = True) -> FrameSource:
        """The brick carried along ``way`` (the first leg over ``move_frames``, the others over ``press_frames``),
        then — with ``fade`` — the panel and the arrow fading out."""
        p = self.params
        points = [way[0]]
        for k, (a, b) in enumerate(zip(way, way[1:], strict=False)):
            points += tween(a, b, p.move_frames if k == 0 else p.press_frames)
        with_panel, without = self.stages

        def frames():
            for point in points:
                yield with_panel.frame([(self.sprite, point)])
            if not fade:
                return
            end = points[-1]
            a, b = with_panel.frame([(self.sprite, end)]), without.frame([(self.sprite, end)])
            for j in range(1, FADE_FRAMES + 1):
                t = j / FADE_FRAMES
                yield np.rint(a * (1 - t) + b * t).astype(np.uint8)

        return frames

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The brick slid in sideways through the top course; the instruction left in place; and, where another
        gap fits the brick, the brick pressed into that gap instead."""
        start, above, target = self.way
        bodies_top = [b for b in self.bodies if b[1] < target[1] < b[3]]
        left_side = [b for b in bodies_top if b[2] <= target[0]]
        right_side = [b for b in bodies_top if b[0] >= target[0]]
        side = left_side if len(left_side) >= len(right_side) else right_side
        if side:
            far = min(b[0] for b in side) - 0.6 * self.studs * self.u if side is left_side else (
                max(b[2] for b in side) + 0.6 * self.studs * self.u)
        else:
            far = target[0] - 2 * self.u * self.studs
        beside = (far, target[1])
        misses = {
            "slid_in_sideways": self.assembly((start, (far, above[1] - 40), beside, target)),
            "instruction_left": self.assembly(self.way, fade=False),
        }
        fits = [g for g in self.empty if g[2] - g[0] >= self.studs * self.u]
        if fits:
            g = fits[0]
            other = (g[0] + self.studs * self.u / 2, target[1])
            misses["wrong_gap"] = self.assembly((start, (other[0], above[1]), other))
        return misses
