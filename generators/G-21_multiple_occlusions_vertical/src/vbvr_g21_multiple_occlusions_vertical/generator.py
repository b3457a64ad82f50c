"""G-21 multiple_occlusions_vertical: a dark mask sweeps straight down over a row of objects and off the frame.

Parameters → draw → solve → render → prompt (the official conventions: a few bright coloured objects in a
horizontal line across the middle of a light frame, a dark rectangular mask above them; the mask moves straight
down in one continuous motion, passes in front of every object — hiding it — and leaves the frame at the bottom;
the objects never move or change):

- ``objects`` shapes (kinds from the core shape set, distinct bright colours, nominal radius ``object_radius``)
  spread along a horizontal row near the frame's middle;
- the mask spans the whole row (``mask_margin`` beyond its outer objects on each side) and is ``mask_height``
  tall; it starts wholly inside the frame, its bottom edge above the objects' tops;
- the solution moves the mask down at constant speed over ``motion_frames`` frames until its top edge is at the
  frame's bottom: every object is wholly hidden for a while, then reappears unchanged. Instances where the row
  does not fit, the mask cannot start above it or would never hide an object whole are rejected.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import FRAME_SIZE, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, SHAPE_KINDS, BackgroundIndex, Sprite, Stage, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import shape_sprite
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g21_multiple_occlusions_vertical.plugin import TASK

MASK_COLOR = (44, 46, 52)
# Bright object colours: saturated, and light enough (grey level > 110) never to pass for the dark mask.
OBJECT_COLORS = {
    "red": (236, 64, 64),
    "orange": (250, 140, 30),
    "yellow": (240, 200, 30),
    "green": (50, 190, 80),
    "blue": (60, 130, 240),
    "purple": (172, 96, 224),
    "cyan": (30, 196, 214),
    "pink": (245, 110, 180),
}
TOP_ROOM = 8  # the mask starts at least this far below the frame's top edge
MASK_GAP = 16  # and its bottom edge at least this far above the objects' tops
OBJECT_GAP = 18  # least gap between two objects' extents
SIDE_ROOM = 24  # least room between the mask and the frame's sides
COVER_MARGIN = 4  # a frame counts as hiding an object when the mask reaches this far beyond it
# Frames in which the mask hides the whole row: three, so that every third frame (an 8-fps rendering) still shows one.
HIDING_FRAMES = 3
HOLD_START = 6  # frames the pipeline holds each end (a quarter of a second; the scorer reads the opening frame)
END_EXTRA = 6  # frames the sweep holds its end besides (12 in all, as in 0.1.2): the scorer reads the last 4 frames,
# which an 8-fps copy (every 3rd frame) takes from the last 13 (the mask gone in all of them)


class Params(TaskParams):
    """G-21's parameter space: more, smaller objects and a shorter mask as the difficulty grows."""

    objects: Annotated[int, Strata((3, 3), (3, 4), (4, 5))] = Field(
        3, ge=2, le=5, description="objects in the row (distinct colours)")
    object_radius: Annotated[int, Strata((30, 36), (25, 31), (20, 26))] = Field(
        28, ge=18, le=40, description="nominal radius of each object in pixels")
    row_offset: Annotated[int, Uniform(-30, 30)] = Field(
        0, ge=-40, le=40, description="vertical offset in pixels of the row's centre from the frame's middle")
    mask_height: Annotated[int, Strata((120, 170), (100, 150), (90, 130))] = Field(
        130, ge=80, le=180, description="height of the mask in pixels")
    mask_margin: Annotated[int, Uniform(14, 40)] = Field(
        24, ge=8, le=60, description="how far in pixels the mask reaches beyond the row's outer objects")
    motion_frames: Annotated[int, Uniform(28, 34)] = Field(
        31, ge=24, le=110, description="video frames of the mask's sweep")
    background: BackgroundIndex = 0


class Solution(TaskSolution):
    """The objects (shape kind, colour name and RGB, centre, bounding box left/top/right/bottom), the mask's colour,
    its columns (left, right), its height and its top edge at the start, and the background colour."""

    kinds: list[str]
    names: list[str]
    colors: list[tuple[int, int, int]]
    centers: list[tuple[float, float]]
    boxes: list[tuple[int, int, int, int]]
    mask_color: tuple[int, int, int]
    mask_columns: tuple[int, int]
    mask_height: int
    mask_top: int
    background: tuple[int, int, int]


def object_sprite(kind: str, color, radius: int) -> Sprite:
    """A flat filled shape with a slightly darker rim of its own hue (never dark enough to pass for the mask)."""
    return shape_sprite(kind, radius, 1.3 * radius + 4, color, tuple(int(c * 0.8) for c in color), 2)


def sprite_box(sprite: Sprite, center: tuple[float, float]) -> tuple[int, int, int, int]:
    """The bounding box (left, top, right, bottom; exclusive) of a sprite's opaque pixels pasted at ``center``."""
    ys, xs = np.nonzero(sprite.rgba[..., 3] > 0)
    h, w = sprite.rgba.shape[:2]
    x0, y0 = int(round(center[0] - w / 2)), int(round(center[1] - h / 2))
    return (x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1, y0 + int(ys.max()) + 1)


def mask_tops(start: int, frames: int) -> list[int]:
    """The mask's top edge in each frame of the sweep: from ``start`` down to the frame's bottom, constant speed."""
    return [int(round(start + (FRAME_SIZE - start) * k / frames)) for k in range(frames + 1)]


class MultipleOcclusionsVerticalGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws the row of objects and the mask above it, and the mask sweeping down across them and off the frame."""

    def generate(self) -> Sample:
        """Lay out the row and the mask, and render the sweep."""
        p = self.params
        kinds = [SHAPE_KINDS[int(k)] for k in self.rng.integers(0, len(SHAPE_KINDS), size=p.objects)]
        names = [list(OBJECT_COLORS)[int(k)] for k in self.rng.permutation(len(OBJECT_COLORS))[:p.objects]]
        colors = [OBJECT_COLORS[n] for n in names]
        sprites = [object_sprite(k, c, p.object_radius) for k, c in zip(kinds, colors, strict=True)]
        extent = max(s.rgba.shape[1] for s in sprites)
        pitch_min = extent + OBJECT_GAP
        room = FRAME_SIZE - 2 * (SIDE_ROOM + p.mask_margin) - extent
        if room < (p.objects - 1) * pitch_min:
            raise Reject("no room: the row of objects does not fit across the frame inside the mask")
        # Spread: a pitch between the least and what fits, the row placed anywhere that fits, each object jittered.
        pitch = float(self.rng.uniform(pitch_min, min(room / max(1, p.objects - 1), 2.2 * pitch_min)))
        span = pitch * (p.objects - 1)
        left = float(self.rng.uniform(SIDE_ROOM + p.mask_margin + extent / 2,
                                      FRAME_SIZE - SIDE_ROOM - p.mask_margin - extent / 2 - span))
        jitter = (pitch - pitch_min) / 2
        row_y = FRAME_SIZE / 2 + p.row_offset
        centers = [(float(round(left + k * pitch + self.rng.uniform(-jitter, jitter))), float(row_y))
                   for k in range(p.objects)]
        boxes = [sprite_box(s, c) for s, c in zip(sprites, centers, strict=True)]
        for a, b in zip(boxes, boxes[1:], strict=False):
            if b[0] - a[2] < OBJECT_GAP // 2:
                raise Reject("occlusion: two objects of the row touch")
        top_of_row, bottom_of_row = min(b[1] for b in boxes), max(b[3] for b in boxes)
        mask_top = top_of_row - MASK_GAP - p.mask_height
        if mask_top < TOP_ROOM:
            raise Reject("no room: the mask does not fit above the row")
        if p.mask_height < bottom_of_row - top_of_row + 2 * COVER_MARGIN + 8:
            raise Reject("the mask is too short ever to hide a whole object")
        columns = (min(b[0] for b in boxes) - p.mask_margin, max(b[2] for b in boxes) + p.mask_margin)
        tops = mask_tops(mask_top, p.motion_frames)
        hiding = sum(t <= top_of_row - COVER_MARGIN and t + p.mask_height >= bottom_of_row + COVER_MARGIN for t in tops)
        if hiding < HIDING_FRAMES:
            raise Reject(f"the mask hides the whole row in {hiding} frames of the sweep, fewer than {HIDING_FRAMES}")

        canvas = new_canvas(BACKGROUNDS[p.background])
        scene = to_frame(canvas)
        stage = Stage(Stage(scene).frame(list(zip(sprites, centers, strict=True))))
        self.stage, self.columns, self.tops = stage, columns, tops
        self.sprites, self.centers, self.kinds, self.colors = sprites, centers, kinds, colors
        count = {2: "two", 3: "three", 4: "four", 5: "five"}[p.objects]
        prompt = (f"The scene shows {count} coloured objects in a horizontal line across the middle of the frame, with "
                  "a dark rectangular mask above them. Move the mask straight down in one continuous motion until it "
                  "has left the frame at the bottom. On its way the mask passes in front of the objects and hides "
                  "them; the objects stay exactly where and as they are, and reappear unchanged once it has passed.")
        solution = Solution(kinds=kinds, names=names, colors=colors, centers=centers, boxes=boxes,
                            mask_color=MASK_COLOR, mask_columns=columns, mask_height=p.mask_height,
                            mask_top=mask_top, background=BACKGROUNDS[p.background])
        return Sample(
            first_frame=self.frame(tops[0]),
            final_frame=self.frame(None),
            prompt=prompt,
            trajectory=self.sweep(),
            solution=solution,
            params=p,
            hold_frames=HOLD_START,
        )

    def frame(self, top: int | None, stage: Stage | None = None, front: list | None = None) -> np.ndarray:
        """The scene with the mask's top edge at ``top`` (None: gone), and ``front`` sprites drawn over it."""
        frame = (stage or self.stage).background.copy()
        if top is not None:  # the mask is opaque: filled in, not blended
            frame[max(0, top):top + self.params.mask_height, self.columns[0]:self.columns[1]] = MASK_COLOR
        return Stage(frame).frame(front) if front else frame

    def sweep(self, stage: Stage | None = None, after: Stage | None = None, front: bool = False) -> FrameSource:
        """The sweep, its last frame held ``END_EXTRA`` more; ``after`` is the scene once the mask has wholly passed
        the row (objects changed behind it), ``front`` draws the objects over the mask (a mask they show through)."""
        bottom_of_row = max(b[3] for b in self.solution_boxes())
        over = list(zip(self.sprites, self.centers, strict=True)) if front else None

        def frames():
            for top in self.tops:
                scene = after if after is not None and top > bottom_of_row else stage
                last = self.frame(top if top < FRAME_SIZE else None, scene, over)
                yield last
            for _ in range(END_EXTRA):
                yield last

        return frames

    def solution_boxes(self) -> list[tuple[int, int, int, int]]:
        """The objects' bounding boxes."""
        return [sprite_box(s, c) for s, c in zip(self.sprites, self.centers, strict=True)]

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """The middle object comes back in another colour, or moved aside; or the objects show through the mask."""
        middle = len(self.sprites) // 2
        spare = next(c for c in OBJECT_COLORS.values() if c not in self.colors)
        radius = int(self.params.object_radius)
        recoloured = list(self.sprites)
        recoloured[middle] = object_sprite(self.kinds[middle], spare, radius)
        moved = list(self.centers)
        moved[middle] = (moved[middle][0], moved[middle][1] + 0.9 * radius)
        background = Stage(to_frame(new_canvas(BACKGROUNDS[self.params.background])))
        return {
            "object_recoloured_behind_mask": self.sweep(
                after=Stage(background.frame(list(zip(recoloured, self.centers, strict=True))))),
            "object_moved_behind_mask": self.sweep(
                after=Stage(background.frame(list(zip(self.sprites, moved, strict=True))))),
            "objects_show_through_mask": self.sweep(front=True),
        }
