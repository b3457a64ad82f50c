"""O-21 construction_blueprint: of four candidate pieces, slide the one that fits the red-outlined gap into it.

Parameters → draw → solve → render → prompt (the official evaluator's conventions: a block structure with a gap
outlined in red, four candidate pieces, the right piece moved into the gap so that no red outline remains):

- a wall of ``cols`` × ``rows`` grey blocks (``CELL`` px squares) near the top, with a gap of ``cells`` blocks (a
  connected polyomino within a 3 × 3 box, drawn growing from a random cell) outlined in red just inside its edge;
- four candidate pieces of ``cells`` blocks each, in four colours, in a row below the wall, in random order: the
  gap's own shape and three others — with ``twisted`` on, as many as possible are the gap's shape turned or
  mirrored (so the piece must be chosen by orientation, not by shape alone), the rest random polyominoes; no two
  candidates have the same shape (as placed: a piece moves without turning), else the instance is rejected;
- the solution slides the fitting piece straight to the gap (``move_frames`` frames, eased); the others stay (an
  instance where it would pass over another piece is rejected).
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import PALETTE, Sprite, Stage, ease_in_out, new_canvas, paste, to_frame
from vbvr_core.families.arrangement.draw import staged_sample
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o21_construction_blueprint.plugin import TASK

CELL = 30
BOARD = (248, 248, 245)
WALL = (170, 172, 178)
EDGE = (60, 60, 66)
GAP_RED = (220, 30, 30)
PIECE_COLORS = ("green", "blue", "yellow", "orange", "purple", "cyan")
WALL_TOP = 40
ROW_Y = 400  # the candidates' row: centre line of their 3 × 3 boxes
Shape = frozenset[tuple[int, int]]  # (row, col) cells, normalised to start at (0, 0)


def normalised(cells) -> Shape:
    """The cells moved so that their top row and left column are 0."""
    r0, c0 = min(r for r, _ in cells), min(c for _, c in cells)
    return frozenset((r - r0, c - c0) for r, c in cells)


def grown(rng: np.random.Generator, count: int, box: int = 3) -> Shape:
    """A connected shape of ``count`` cells grown from one cell, staying within a ``box`` × ``box`` square."""
    cells = {(int(rng.integers(0, box)), int(rng.integers(0, box)))}
    while len(cells) < count:
        r, c = sorted(cells)[int(rng.integers(0, len(cells)))]
        dr, dc = ((1, 0), (-1, 0), (0, 1), (0, -1))[int(rng.integers(0, 4))]
        if 0 <= r + dr < box and 0 <= c + dc < box:
            cells.add((r + dr, c + dc))
    return normalised(cells)


def variants(shape: Shape) -> list[Shape]:
    """The shape turned by quarter turns and mirrored (the distinct ones other than itself)."""
    out: list[Shape] = []
    current = set(shape)
    for mirror in (False, True):
        cells = {(r, -c) for r, c in current} if mirror else set(current)
        for _ in range(4):
            cells = {(c, -r) for r, c in cells}
            candidate = normalised(cells)
            if candidate != shape and candidate not in out:
                out.append(candidate)
    return out


def centre(shape: Shape) -> Point:
    """Mean of the cells' centres, in cell units from the shape's top-left corner."""
    return (float(np.mean([c + 0.5 for _, c in shape])), float(np.mean([r + 0.5 for r, _ in shape])))


def piece_sprite(shape: Shape, color) -> Sprite:
    """The piece as blocks of ``color`` with dark edges, on a transparent 3 × 3-cell square."""
    image = Image.new("RGBA", (3 * CELL, 3 * CELL), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for r, c in shape:
        draw.rectangle([c * CELL, r * CELL, (c + 1) * CELL - 1, (r + 1) * CELL - 1], fill=(*color, 255),
                       outline=(*EDGE, 255), width=2)
    return Sprite.from_image(image)


def cell_boxes(shape: Shape, sprite_centre: Point, gap: float = 0.0) -> list[tuple[float, float, float, float]]:
    """The piece's blocks (left, top, right, bottom) when its 3 × 3 sprite is centred on ``sprite_centre``, grown
    by ``gap`` px."""
    x0, y0 = sprite_centre[0] - 1.5 * CELL, sprite_centre[1] - 1.5 * CELL
    return [(x0 + c * CELL - gap, y0 + r * CELL - gap, x0 + (c + 1) * CELL + gap, y0 + (r + 1) * CELL + gap)
            for r, c in shape]


def path_clear(shapes: list[Shape], starts: list[Point], index: int, end: Point, gap: float = 4.0) -> bool:
    """True when piece ``index`` slides from its start to ``end`` without its blocks coming within ``gap`` px of
    another piece's blocks."""
    others = [box for k, (shape, start) in enumerate(zip(shapes, starts, strict=True)) if k != index
              for box in cell_boxes(shape, start)]
    (sx, sy), (ex, ey) = starts[index], end
    for t in np.linspace(0.0, 1.0, 61):
        for a in cell_boxes(shapes[index], (sx + (ex - sx) * t, sy + (ey - sy) * t), gap):
            if any(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3] for b in others):
                return False
    return True


class Params(TaskParams):
    """O-21's parameter space: bigger gaps, wider walls and look-alike candidates as the difficulty grows."""

    cells: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=6, description="blocks in the gap and in every candidate piece")
    cols: Annotated[int, Strata((6, 7), (7, 8), (8, 9))] = Field(
        7, ge=5, le=10, description="blocks across the wall")
    rows: Annotated[int, Uniform(4, 6)] = Field(5, ge=4, le=7, description="blocks down the wall")
    twisted: Annotated[int, Strata((0, 0), (0, 1), (1, 1))] = Field(
        0, ge=0, le=1, description="1: the wrong candidates are the gap's shape turned or mirrored where possible")
    move_frames: Annotated[int, Uniform(16, 20)] = Field(
        18, ge=16, le=48, description="video frames of the fitting piece's slide")


class Solution(TaskSolution):
    """The four candidates (cells, colour name and RGB, where their colour's centre starts), which one fits, and
    where its centre ends (the gap's); the gap's cells in the wall."""

    shapes: list[list[tuple[int, int]]]
    names: list[str]
    colors: list[tuple[int, int, int]]
    starts: list[Point]
    answer: int
    target: Point
    gap: list[tuple[int, int]]


class ConstructionBlueprintGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the wall with its gap and the four candidates, and the fitting piece's slide into the gap."""

    def generate(self) -> Sample:
        """Cut the gap, choose the candidates, lay out the scene and render the slide."""
        p = self.params
        gap = grown(self.rng, p.cells)
        others = variants(gap) if p.twisted else []
        self.rng.shuffle(others)
        wrong: list[Shape] = others[:3]
        for _ in range(60):
            if len(wrong) == 3:
                break
            extra = grown(self.rng, p.cells)
            if extra != gap and extra not in wrong:
                wrong.append(extra)
        if len(wrong) < 3:
            raise Reject("ambiguous: fewer than three candidate shapes other than the gap's")
        shapes = [gap, *wrong]
        order = [int(k) for k in self.rng.permutation(4)]
        shapes = [shapes[k] for k in order]
        answer = order.index(0)
        names = [PIECE_COLORS[int(k)] for k in self.rng.permutation(len(PIECE_COLORS))[:4]]
        colors = [PALETTE[n] for n in names]

        # The wall, centred, and the gap's place in it (its 3 × 3 box inside the wall).
        height = max(r for r, _ in gap) + 1
        width = max(c for _, c in gap) + 1
        left = (FRAME_SIZE - p.cols * CELL) // 2
        gap_row = int(self.rng.integers(0, p.rows - height + 1))
        gap_col = int(self.rng.integers(0, p.cols - width + 1))
        holes = {(gap_row + r, gap_col + c) for r, c in gap}
        canvas = new_canvas(BOARD)
        draw = ImageDraw.Draw(canvas)
        for r in range(p.rows):
            for c in range(p.cols):
                if (r, c) not in holes:
                    x, y = left + c * CELL, WALL_TOP + r * CELL
                    draw.rectangle([x, y, x + CELL - 1, y + CELL - 1], fill=WALL, outline=EDGE, width=2)
        for r, c in holes:  # the gap's outline, drawn just inside it: a piece in the gap covers it
            x, y = left + c * CELL, WALL_TOP + r * CELL
            edges = (((-1, 0), [x, y, x + CELL - 1, y + 2]), ((1, 0), [x, y + CELL - 3, x + CELL - 1, y + CELL - 1]),
                     ((0, -1), [x, y, x + 2, y + CELL - 1]), ((0, 1), [x + CELL - 3, y, x + CELL - 1, y + CELL - 1]))
            for dr, line in edges:
                if (r + dr[0], c + dr[1]) not in holes:
                    draw.rectangle(line, fill=GAP_RED)
        stage = Stage(to_frame(canvas))
        # The gap's 3 × 3 sprite box: its top-left corner is the gap's top-left cell corner.
        box_x, box_y = left + gap_col * CELL, WALL_TOP + gap_row * CELL
        target_sprite = (box_x + 1.5 * CELL, box_y + 1.5 * CELL)
        slot = 3 * CELL + 24
        row_left = (FRAME_SIZE - 4 * slot + 24) / 2
        sprite_starts = [(row_left + k * slot + 1.5 * CELL, float(ROW_Y)) for k in range(4)]
        if not path_clear(shapes, sprite_starts, answer, target_sprite):
            raise Reject("occlusion: the fitting piece would pass over another piece on its way to the gap")
        sprites = [piece_sprite(s, col) for s, col in zip(shapes, colors, strict=True)]

        def centre_at(k: int, sprite_centre: Point) -> Point:
            cx, cy = centre(shapes[k])
            return (round(sprite_centre[0] - 1.5 * CELL + cx * CELL, 2), round(sprite_centre[1] - 1.5 * CELL + cy * CELL, 2))

        self.stage, self.sprites, self.sprite_starts = stage, sprites, sprite_starts
        solution = Solution(shapes=[sorted(s) for s in shapes], names=names, colors=colors,
                            starts=[centre_at(k, sprite_starts[k]) for k in range(4)], answer=answer,
                            target=centre_at(answer, target_sprite), gap=sorted(holes))
        self.target_sprite = target_sprite
        prompt = ("The grey block wall has a gap outlined in red. Exactly one of the four coloured pieces below has "
                  "the gap's shape as it stands, without turning. Slide that piece straight into the gap so that it "
                  "fills the gap exactly and no red outline remains; leave the other pieces where they are.")
        ends = list(sprite_starts)
        ends[answer] = target_sprite
        return staged_sample(stage, sprites, sprite_starts, ends, self.slide(answer, target_sprite), prompt=prompt,
                             solution=solution, params=p)

    def slide(self, index: int, end: Point, share: float = 1.0) -> FrameSource:
        """Piece ``index`` sliding straight from its start towards ``end``, ``share`` of the way (eased)."""
        sx, sy = self.sprite_starts[index]
        steps = self.params.move_frames

        def frames():
            # The pieces pasted before the sliding one never move: paste them once; the sliding one and those after
            # it are pasted per frame in the same order (the same bytes as Stage.frame over all of them).
            board = self.stage.frame(list(zip(self.sprites[:index], self.sprite_starts[:index], strict=True)))
            for k in range(steps + 1):
                t = ease_in_out(k / steps) * share
                positions = list(self.sprite_starts)
                positions[index] = (sx + (end[0] - sx) * t, sy + (end[1] - sy) * t)
                frame = board.copy()
                for sprite, where in zip(self.sprites[index:], positions[index:], strict=True):
                    paste(frame, sprite, where)
                yield frame
        return frames

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A wrong piece slid into the gap, and the right piece stopped half way."""
        wrong = (sample.solution.answer + 1) % 4
        return {"wrong_piece": self.slide(wrong, self.target_sprite), "half_way": self.slide(sample.solution.answer, self.target_sprite, 0.5)}
