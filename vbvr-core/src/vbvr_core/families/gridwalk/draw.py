"""Grid worlds: a grid with coloured cells and marks, and an agent sprite that walks cell to cell.

Shared by every grid navigation task (avoid obstacles, shortest path, mazes, keys and doors): the task
decides what the cells mean; this draws them and animates the walk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract.geometry import Cell
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import GridLayout, Sprite, Stage, draw_cross, draw_text, interpolate_points, new_canvas, to_frame

RGB = tuple[int, int, int]
#: Frames the whole walk may take before each step gets fewer (see :func:`step_frames`): keeps encoding cheap.
MAX_MOTION_FRAMES = 100


def step_frames(frames_per_step: int, steps: int, budget: int | None = MAX_MOTION_FRAMES, least: int = 4) -> int:
    """Frames per one-cell move of a walk of ``steps`` moves: ``frames_per_step``, fewer when the walk would take
    more than ``budget`` frames (None: no budget), never fewer than ``least``."""
    return frames_per_step if budget is None else max(least, min(frames_per_step, budget // steps))


@dataclass
class GridWorld:
    """What a grid scene shows: cell fills, crossed cells, the colours of its lines (none at ``line_width`` 0) and
    background, and text labels written in cells (bold, ``label_size`` px, over the lines)."""

    layout: GridLayout
    background: RGB = (255, 255, 255)
    line_color: RGB = (60, 60, 60)
    line_width: int = 2
    fills: dict[Cell, RGB] = field(default_factory=dict)
    crosses: dict[Cell, RGB] = field(default_factory=dict)
    cross_width: int = 4
    labels: dict[Cell, str] = field(default_factory=dict)
    label_size: int = 0
    label_color: RGB = (20, 20, 20)

    def image(self) -> Image.Image:
        """The static scene (no agent) as a Pillow image."""
        canvas = new_canvas(self.background)
        draw = ImageDraw.Draw(canvas)
        for cell, color in sorted(self.fills.items()):
            self.layout.fill_cell(draw, cell, color)
        inset = max(3, self.layout.cell // 6)
        for cell, color in sorted(self.crosses.items()):
            draw_cross(draw, self.layout.cell_box(cell, inset), color, width=self.cross_width)
        self.layout.draw_lines(draw, self.line_color, self.line_width)
        for cell, text in sorted(self.labels.items()):
            draw_text(draw, self.layout.cell_center(cell), text, self.label_size, fill=self.label_color, bold=True)
        return canvas

    def agent_sprite(self, color: RGB, outline: RGB = (40, 40, 40), radius_ratio: float = 0.32) -> Sprite:
        """A round agent sized to the cells, with an outline so it stands out on any fill."""
        return Sprite.of_shape("circle", self.layout.cell * radius_ratio, color, outline,
                               outline_width=max(2, self.layout.cell // 20), reach=1.0)

    def walk(self, path: Sequence[Cell], agent: Sprite, frames_per_step: int) -> tuple[np.ndarray, np.ndarray, Iterator[np.ndarray]]:
        """First frame, final frame and a fresh frame iterator of ``agent`` walking ``path`` cell by cell."""
        stage = Stage(to_frame(self.image()))
        points = interpolate_points([self.layout.cell_center(cell) for cell in path], frames_per_step)
        first = stage.frame([(agent, points[0])])
        final = stage.frame([(agent, points[-1])])
        return first, final, stage.frames([(agent, points)])

    def walker(self, agent_color: RGB, path: Sequence[Cell], frames_per_step: int,
               ) -> tuple[np.ndarray, np.ndarray, Callable[[Sequence[Cell]], FrameSource]]:
        """The first and final frames of the round agent of ``agent_color`` (:meth:`agent_sprite`) walking ``path``
        at ``frames_per_step`` frames per cell, and a function giving the frame source of the same agent walking
        any other cells at the same pace (for a task's alternatives and near misses)."""
        agent = self.agent_sprite(agent_color)
        first, final, _ = self.walk(path, agent, frames_per_step)
        return first, final, lambda cells: lambda: self.walk(cells, agent, frames_per_step)[2]
