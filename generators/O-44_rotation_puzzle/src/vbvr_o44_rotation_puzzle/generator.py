"""O-44 rotation puzzle: four pipe tiles in a 2×2 grid; turn tiles in place until the pipes form one closed loop.

Parameters → draw → solve → render → prompt:

- a 2×2 grid of light tiles on a dark board, each holding a blue elbow pipe (an L from the tile's centre to the
  middles of two neighbouring edges) — the official task's blue L-shaped pipes in a 2×2 grid;
- the loop is unique: every tile's elbow must open towards its two neighbours in the grid (the top-left tile to
  the right and down, …); ``turned_tiles`` tiles start turned away from that by a quarter or, for ``half_turns``
  of them, half a turn;
- the solution turns each such tile about its centre by the shortest way (a half turn either way) to its place,
  all at once at a steady speed; the other tiles stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import BaseModel, ConfigDict, Field, model_validator
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, Sprite, Stage, new_canvas, paste, to_frame
from vbvr_core.draw.canvas import RGB
from vbvr_core.families.rotation.draw import rotate_points, turned_sprite
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o44_rotation_puzzle.plugin import TASK

TILE = 200  # tile side, pixels
GAP = 20  # board between tiles: a turning elbow's box never reaches the next tile's pipe
BOARD = (140, 146, 158)  # mid grey: a blurred elbow's dark outline never reads as a see-through blend with it
TILE_EDGE = (95, 100, 112)
OUTLINE = (25, 30, 45)
OUTLINE_WIDTH = 3
PIPE_SHADES: list[RGB] = [(40, 90, 220), (30, 80, 200), (50, 105, 235)]  # the official evaluator's blue band
ORIGIN = (512 - 2 * TILE - GAP) / 2
# Openings of the elbow at orientation 0 are right and down; orientation k is turned k quarter turns clockwise.
# Each tile's place in the loop: the orientation whose openings face its two neighbours.
LOOP = {(0, 0): 0, (0, 1): 1, (1, 1): 2, (1, 0): 3}  # (row, col) → orientation
SIDES = ("right", "down", "left", "up")

HOLD_ENDS = 6  # frames the pipeline holds the start and the end (a quarter of a second each)

class Params(TaskParams):
    """O-44's parameter space: more tiles out of place, and half turns, as the difficulty grows."""

    turned_tiles: Annotated[int, Strata((1, 2), (2, 3), (3, 4))] = Field(
        2, ge=1, le=4, description="tiles that start turned away from their place in the loop")
    half_turns: Annotated[int, Strata((0, 0), (0, 1), (1, 2))] = Field(
        0, ge=0, le=2, description="of those, tiles that need half a turn (the others need a quarter turn)")
    pipe_width: Annotated[int, Uniform(44, 64)] = Field(54, ge=40, le=70, description="pipe width in pixels")
    pipe_shade: Annotated[int, Uniform(0, len(PIPE_SHADES) - 1)] = Field(
        0, ge=0, le=len(PIPE_SHADES) - 1, description="shade of blue of the pipes")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="tile colour index (light tints)")
    turn_frames: Annotated[int, Uniform(25, 28)] = Field(26, ge=20, le=60, description="video frames the turning takes")

    @model_validator(mode="after")
    def _half_turns_among_turned(self) -> Params:
        if self.half_turns > self.turned_tiles:
            raise ValueError(f"half_turns ({self.half_turns}) cannot exceed turned_tiles ({self.turned_tiles})")
        return self


class Tile(BaseModel):
    """One tile: its grid place, centre, the elbow's outline at the start (around the centre), its turn to the loop."""

    model_config = ConfigDict(frozen=True)

    row: int
    col: int
    center: Point
    start_orientation: int
    vertices: tuple[Point, ...]
    turn: int  # degrees, clockwise positive: the shortest turn from the start to the loop (a half turn: ±180)


class Solution(TaskSolution):
    """The tiles, the pipes' colour and how they are drawn (for the scorer's tracker)."""

    tiles: list[Tile]
    pipe_width: int
    pipe_color: RGB
    outline_width: int
    sprite_side: int


def elbow(width: float, orientation: int) -> list[Point]:
    """The elbow's outline around the tile centre: arms to the right and down edges, turned ``orientation``
    quarter turns clockwise."""
    half, reach = width / 2, TILE / 2
    points = [(-half, -half), (reach, -half), (reach, half), (half, half), (half, reach), (-half, reach)]
    return [(round(x, 2), round(y, 2)) for x, y in rotate_points(points, (0.0, 0.0), 90.0 * orientation)]


def tile_center(row: int, col: int) -> Point:
    """Centre of the tile at grid place (row, col)."""
    return (ORIGIN + col * (TILE + GAP) + TILE / 2, ORIGIN + row * (TILE + GAP) + TILE / 2)


def openings(orientation: int) -> tuple[str, str]:
    """The two sides an elbow at ``orientation`` opens to."""
    return SIDES[orientation % 4], SIDES[(orientation + 1) % 4]


def board_stage(params: Params) -> Stage:
    """The static board: dark background, four light tiles with a thin edge."""
    canvas = new_canvas(BOARD)
    draw = ImageDraw.Draw(canvas)
    for (row, col) in LOOP:
        cx, cy = tile_center(row, col)
        draw.rectangle([cx - TILE / 2, cy - TILE / 2, cx + TILE / 2 - 1, cy + TILE / 2 - 1],
                       fill=BACKGROUNDS[params.background], outline=TILE_EDGE, width=2)
    return Stage(to_frame(canvas))


def tile_sprite(solution: Solution, tile: Tile, angle: float) -> Sprite:
    """The elbow of ``tile`` turned by ``angle`` degrees, on its transparent square."""
    return turned_sprite(tile.vertices, angle, solution.sprite_side, solution.pipe_color, OUTLINE, solution.outline_width)


def puzzle_frame(stage: Stage, solution: Solution, share: float, turns: dict[tuple[int, int], float] | None = None) -> np.ndarray:
    """The board with every tile turned by ``share`` of its turn (or of ``turns`` given per tile place)."""
    return stage.frame([(tile_sprite(solution, tile, (turns or {}).get((tile.row, tile.col), tile.turn) * share),
                         tile.center) for tile in solution.tiles])


def turning(stage: Stage, solution: Solution, frames: int,
            turns: dict[tuple[int, int], float] | None = None) -> FrameSource:
    """The video frames ``puzzle_frame(stage, solution, k / frames, turns)``, k = 0 … ``frames``, drawn the cheap
    way: the tiles that do not turn are pasted into the board once, the turning ones by :func:`~vbvr_core.draw.paste`. The
    same pixels, because no two tile sprites overlap (a sprite's box reaches 10 px past its tile, into the 20-px
    ``GAP``), so the order of pasting is moot."""
    angles = [(turns or {}).get((tile.row, tile.col), tile.turn) for tile in solution.tiles]
    still = [(tile_sprite(solution, tile, 0.0), tile.center)
             for tile, angle in zip(solution.tiles, angles, strict=True) if angle == 0]
    moving = [(tile, angle) for tile, angle in zip(solution.tiles, angles, strict=True) if angle != 0]

    def frames_of() -> Iterator[np.ndarray]:
        board = stage.frame(still)
        for k in range(frames + 1):
            frame = board.copy()
            for tile, angle in moving:
                paste(frame, tile_sprite(solution, tile, angle * (k / frames)), tile.center)
            yield frame
    return frames_of


class RotationPuzzleGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the 2×2 pipe puzzle and turns the misplaced tiles into the loop."""

    def generate(self) -> Sample:
        """Turn some tiles away from the loop, then turn them back the shortest way, all at once."""
        p = self.params
        places = list(LOOP)
        chosen = [places[int(k)] for k in self.rng.permutation(4)[:p.turned_tiles]]
        halves = set(chosen[:p.half_turns])
        tiles = []
        for row, col in places:
            if (row, col) in halves:
                quarter_turns = 2
            elif (row, col) in chosen:
                quarter_turns = int(self.rng.choice([1, 3]))
            else:
                quarter_turns = 0
            start = (LOOP[(row, col)] - quarter_turns) % 4
            turn = {0: 0, 1: 90, 2: 180 * int(self.rng.choice([1, -1])), 3: -90}[quarter_turns]
            tiles.append(Tile(row=row, col=col, center=tile_center(row, col), start_orientation=start,
                              vertices=tuple(elbow(p.pipe_width, start)), turn=turn))
        if all(tile.turn == 0 for tile in tiles):
            raise Reject("trivial: every tile is already in its place in the loop")
        solution = Solution(tiles=tiles, pipe_width=p.pipe_width, pipe_color=PIPE_SHADES[p.pipe_shade], outline_width=OUTLINE_WIDTH,
                            sprite_side=int(1.1 * TILE))
        stage = board_stage(p)
        frames = p.turn_frames
        prompt = (
            "The board is a 2×2 grid of tiles, each with a blue elbow pipe. Rotate tiles in place, about their own "
            "centres and in steps of 90°, until the four pipes join into one closed loop: every pipe end meets the "
            "pipe end of the neighbouring tile. Show the tiles turning smoothly; tiles already in place stay "
            "as they are, and no tile moves to another place."
        )
        return Sample(
            first_frame=puzzle_frame(stage, solution, 0.0), final_frame=puzzle_frame(stage, solution, 1.0),
            prompt=prompt, trajectory=turning(stage, solution, frames),
            solution=solution, params=p, hold_frames=HOLD_ENDS,
        )

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other right solutions: every half turn made the other way round, and the quarter turns made the long
        way (three quarters the other way)."""
        solution, frames = sample.solution, self.params.turn_frames
        stage = board_stage(self.params)
        other_half = {(t.row, t.col): -t.turn if abs(t.turn) == 180 else t.turn for t in solution.tiles}
        long_way = {(t.row, t.col): (t.turn - 360 if t.turn == 90 else 270 if t.turn == -90 else t.turn)
                    for t in solution.tiles}
        return {name: turning(stage, solution, frames, turns)
                for name, turns in (("half_turns_other_way", other_half), ("quarter_turns_long_way", long_way))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """One turned tile left as it was (the loop stays open), and one turned a quarter too far."""
        solution, frames = sample.solution, self.params.turn_frames
        stage = board_stage(self.params)
        moving = [t for t in solution.tiles if t.turn]
        first = moving[0]
        left = {(t.row, t.col): (0 if t is first else t.turn) for t in solution.tiles}
        over = {(t.row, t.col): (t.turn + (90 if t.turn > 0 else -90) if t is first else t.turn) for t in solution.tiles}
        return {name: turning(stage, solution, frames, turns)
                for name, turns in (("one_tile_left", left), ("one_tile_too_far", over))}
