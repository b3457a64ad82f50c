"""O-22 construction_stack: copy the pale target tower on the left pad with the coloured blocks on the table.

Parameters → draw → solve → render → prompt (the official evaluator's conventions: the target stack on the right
third stays unchanged; the blocks on the left are moved to build, in the left third, a stack matching the target,
block by block, with visible movement):

- ``blocks`` blocks of distinct colours lie in a row on the table in the middle (random order); the target tower on
  the right third shows the same colours, paler, stacked in a random order; a grey pad on the left third marks
  where the copy is built;
- the solution lifts the blocks one at a time in the target's order from the bottom: each rises straight up to
  above the tallest thing on the way, moves across, and comes straight down onto the pad or the block below
  (``move_frames`` frames per leg, eased, ``pause_frames`` between blocks); nothing passes through anything.
"""

from __future__ import annotations

from typing import Annotated

from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, Sprite, Stage, color_distance, new_canvas, to_frame
from vbvr_core.families.stacking.layout import one_at_a_time
from vbvr_core.families.stacking.task import OneAtATimeGenerator
from vbvr_core.pipeline.generator import Reject

from vbvr_o22_construction_stack.plugin import TASK

BOARD = (248, 248, 245)
TABLE = (120, 110, 100)
PAD = (150, 152, 158)
EDGE = (50, 50, 56)
FLOOR_Y = 420  # the table's top
PAD_X = 76  # the copy's centre line (left third)
TARGET_X = 450  # the target tower's centre line (right third)
ROW_LEFT, ROW_RIGHT = 150, 376  # where the loose blocks lie
BLOCK_COLORS = ("red", "blue", "green", "yellow", "purple", "cyan")
TINT = 0.55  # the target tower's colours: this share of white mixed in
CLEARANCE = 16


def tint(color) -> tuple[int, int, int]:
    """The colour mixed with ``TINT`` white (the target tower's paler copy)."""
    return tuple(int(round(c + (255 - c) * TINT)) for c in color)


def tints_apart(min_distance: float = 70.0) -> bool:
    """True when no pale target colour comes within ``min_distance`` of any block colour (tracked by colour)."""
    return all(color_distance(tint(PALETTE[a]), PALETTE[b]) >= min_distance for a in BLOCK_COLORS for b in BLOCK_COLORS)


def block_image(color, width: int, height: int) -> Image.Image:
    """A block: filled, dark-edged rectangle."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle([0, 0, width - 1, height - 1], fill=(*color, 255), outline=(*EDGE, 255), width=2)
    return image


class Params(TaskParams):
    """O-22's parameter space: taller towers of smaller blocks as the difficulty grows."""

    blocks: Annotated[int, Strata((3, 3), (4, 4), (5, 5))] = Field(
        4, ge=2, le=5, description="blocks in the tower (distinct colours)")
    block_size: Annotated[int, Strata((48, 52), (42, 46), (36, 40))] = Field(
        44, ge=32, le=56, description="block width in pixels (height is 0.8 of it)")
    move_frames: Annotated[int, Uniform(8, 11)] = Field(
        9, ge=6, le=20, description="video frames of each of a block's three legs (up, across, down)")
    pause_frames: Annotated[int, Uniform(1, 3)] = Field(
        2, ge=0, le=8, description="still frames between two blocks")


class Solution(TaskSolution):
    """Per block: colour name and RGB, where its centre starts (on the table) and ends (in the copy); ``order``
    lists the blocks from the tower's bottom up (the order they move); the target tower's tints."""

    names: list[str]
    colors: list[tuple[int, int, int]]
    starts: list[Point]
    targets: list[Point]
    order: list[int]
    tints: list[tuple[int, int, int]]


def legs(start: Point, end: Point, top: float) -> list[Point]:
    """A block's way: straight up to ``top``, across, straight down."""
    return [start, (start[0], top), (end[0], top), end]


class ConstructionStackGenerator(OneAtATimeGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the table, the pad, the loose blocks and the pale target tower, and the tower built block by block."""

    hold_frames = None  # the pipeline's default hold

    def generate(self) -> Sample:
        """Choose colours and the target order, lay the blocks out, and render the building."""
        p = self.params
        width, height = p.block_size, int(round(0.8 * p.block_size))
        names = [BLOCK_COLORS[int(k)] for k in self.rng.permutation(len(BLOCK_COLORS))[:p.blocks]]
        colors = [PALETTE[n] for n in names]
        order = [int(k) for k in self.rng.permutation(p.blocks)]  # bottom to top
        if order == sorted(order) and p.blocks > 2:
            raise Reject("trivial: the target tower stacks the blocks in their order on the table")
        gap = (ROW_RIGHT - ROW_LEFT - p.blocks * width) / max(1, p.blocks - 1)
        if gap < 6:
            raise Reject("no room: the blocks do not fit their row on the table")
        starts: list[Point] = [(float(round(ROW_LEFT + width / 2 + k * (width + gap))), float(FLOOR_Y - height / 2))
                               for k in range(p.blocks)]
        targets: list[Point] = [(0.0, 0.0)] * p.blocks
        for level, index in enumerate(order):
            targets[index] = (float(PAD_X), float(FLOOR_Y - height / 2 - level * height))
        tops = [FLOOR_Y - (level + 1.5) * height - CLEARANCE for level in range(p.blocks)]
        tops = [min(t, FLOOR_Y - 1.5 * height - CLEARANCE) for t in tops]

        canvas = new_canvas(BOARD)
        draw = ImageDraw.Draw(canvas)
        draw.rectangle([0, FLOOR_Y, FRAME_SIZE, FLOOR_Y + 8], fill=TABLE)
        draw.rectangle([PAD_X - width / 2 - 8, FLOOR_Y - 4, PAD_X + width / 2 + 8, FLOOR_Y], fill=PAD, outline=EDGE)
        tints = [tint(c) for c in colors]
        for level, index in enumerate(order):
            image = block_image(tints[index], width, height)
            canvas.paste(image, (int(TARGET_X - width / 2), int(FLOOR_Y - (level + 1) * height)), image)
        stage = Stage(to_frame(canvas))
        sprites = [Sprite.from_image(block_image(c, width, height)) for c in colors]
        # Sprite centres: a block of even size pasted at round(centre - size / 2) sits exactly on its place.
        self.stage, self.sprites, self.tops = stage, sprites, tops
        self.plan = (starts, targets, order)
        listing = ", ".join(names[k] for k in order)
        prompt = ("Copy the pale target tower on the right: using the coloured blocks lying on the table, build the "
                  "same tower on the grey pad on the left, one block at a time from the bottom up — lift each block, "
                  f"carry it over and set it down. From the bottom, the tower is {listing}. Leave the target tower "
                  "unchanged.")
        solution = Solution(names=names, colors=colors, starts=starts, targets=targets, order=order, tints=tints)
        return self.carried_sample(stage, sprites, starts, targets, prompt, solution)

    def moves(self, solution: Solution, ends: list[Point], moving: list[int]) -> FrameSource:
        """The blocks in ``moving`` carried one after another along their legs to ``ends``, the n-th block to move
        over the n-th of ``tops``."""
        starts = self.plan[0]
        ways = {index: legs(starts[index], ends[index], self.tops[rank]) for rank, index in enumerate(moving)}
        rows = one_at_a_time(starts, ends, moving, self.params.move_frames, self.params.pause_frames, ways)
        return lambda: (self.stage.frame(list(zip(self.sprites, row, strict=True))) for row in rows)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The top two blocks of the copy swapped, and the top block left on the table."""
        starts, targets, order = self.plan
        swapped = list(targets)
        a, b = order[-1], order[-2]
        swapped[a], swapped[b] = targets[b], targets[a]
        return {"top_two_swapped": self.moves(sample.solution, swapped, order[:-2] + [a, b]),
                "top_left_on_table": self.moves(sample.solution, targets, order[:-1])}
