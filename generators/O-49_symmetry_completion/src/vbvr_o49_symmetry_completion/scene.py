"""The picture of O-49: a grid pattern, a dark grey mirror axis, hidden cells shown grey with a question mark."""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw
from vbvr_core.draw import PALETTE, GridLayout, new_canvas, to_frame
from vbvr_core.families.fill_in.draw import draw_question_mark

RGB = tuple[int, int, int]
# The axis is an unsaturated dark grey: the official task draws none, and a coloured axis merges with the
# filled cells beside it wherever a colour-blob reader (the official evaluator's) looks at the video.
AXIS_COLOR: RGB = (90, 90, 96)
FILL_COLORS = ("navy", "green", "purple", "cyan", "yellow", "blue", "pink", "brown", "red")
COLOR_VALUES: dict[str, RGB] = {**PALETTE, "navy": (30, 41, 59)}
HIDDEN_FILL = (200, 200, 206)
HIDDEN_MARK = (120, 120, 130)
EMPTY_FILL = (255, 255, 255)
LINE_COLOR = (150, 160, 175)
FILL_INSET = 3  # pixels between a filled cell and its grid lines: filled neighbours stay ≥ 8 px apart


class PatternScene:
    """Draws a pattern (0 = empty, k = ``fill_names[k-1]``) on ``layout`` with its ``axis`` marked."""

    def __init__(self, layout: GridLayout, axis: str, background: RGB, fill_names: list[str]):
        self.layout, self.axis, self.background = layout, axis, background
        self.fills = [COLOR_VALUES[name] for name in fill_names]

    def render(self, pattern: np.ndarray, hidden: set[tuple[int, int]]) -> np.ndarray:
        """The grid with every cell drawn from ``pattern`` except the ``hidden`` ones (grey, question mark)."""
        layout = self.layout
        canvas = new_canvas(self.background)
        draw = ImageDraw.Draw(canvas)
        for cell, value in np.ndenumerate(pattern):
            if cell in hidden:
                layout.fill_cell(draw, cell, HIDDEN_FILL)
                draw_question_mark(draw, layout.cell_box(cell), max(12, int(layout.cell * 0.5)), HIDDEN_MARK)
            else:
                layout.fill_cell(draw, cell, EMPTY_FILL)
                if value:
                    layout.fill_cell(draw, cell, self.fills[value - 1], inset=FILL_INSET)
        layout.draw_lines(draw, LINE_COLOR, 2)
        left, top, right, bottom = layout.box
        overhang = max(10, layout.cell // 3)
        x, y = (left + right) // 2, (top + bottom) // 2
        ends = ([(x, top - overhang), (x, bottom + overhang)] if self.axis == "vertical"
                else [(left - overhang, y), (right + overhang, y)])
        draw.line(ends, fill=AXIS_COLOR, width=5)
        return to_frame(canvas)
