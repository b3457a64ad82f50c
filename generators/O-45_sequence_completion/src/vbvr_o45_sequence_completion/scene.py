"""The picture of O-45: a row of boxes holding numbers, shapes or arrows, the last one a question mark."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from PIL import ImageDraw
from vbvr_core.contract import FRAME_SIZE
from vbvr_core.draw import draw_arrow, draw_shape, draw_text, text_size
from vbvr_core.families.fill_in.draw import Panels, PanelScene

MIN_FONT = 14
MARGIN = 20
BOX_FILL = (255, 255, 255)
BOX_LINE = (70, 70, 80)
TEXT_COLOR = (25, 25, 35)
OUTLINE = (40, 40, 40)
ARROW_ANGLES = {"up": -90, "up_right": -45, "right": 0, "down_right": 45, "down": 90, "down_left": 135,
                "left": 180, "up_left": -135}
RGB = tuple[int, int, int]


class RowScene(PanelScene):
    """Geometry and drawing of a row of ``count`` square boxes, ``gap`` apart, centred ``offset`` px off the middle,
    the last one the question mark's."""

    def __init__(self, count: int, gap: int, offset: int, background: RGB, colors: dict[str, RGB]):
        self.colors = colors
        self.side = side = min(96, (FRAME_SIZE - 2 * MARGIN - (count - 1) * gap) // count)
        panels = Panels(1, count, side, gap, Panels.centred(1, count, side, gap).left, FRAME_SIZE // 2 + offset - side // 2)
        super().__init__(panels, background, BOX_FILL, BOX_LINE, 2, (0, count - 1), int(side * 0.6))

    def box(self, index: int, inset: int = 0) -> tuple[int, int, int, int]:
        """Box (left, top, right, bottom; right/bottom exclusive) of box ``index``, shrunk by ``inset``."""
        return self.panels.box(0, index, inset)

    def font_size(self, elements: Sequence[dict[str, Any]]) -> int:
        """One font size for every number of the row: the largest whose widest number fills ≤ 80 % of a box."""
        labels = [str(element["number"]) for element in elements if "number" in element] or ["0"]
        size = int(self.side * 0.5)
        while size > 6 and max(text_size(label, size, bold=True)[0] for label in labels) > 0.8 * self.side:
            size -= 1
        return size

    def draw_content(self, draw: ImageDraw.ImageDraw, box, element: dict[str, Any]) -> None:
        """A number (at the row's font size), an arrow or a filled shape, centred in ``box``."""
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        radius = self.side * 0.3
        if "number" in element:
            draw_text(draw, (cx, cy), str(element["number"]), self.number_size, fill=TEXT_COLOR, bold=True)
        elif "arrow" in element:
            angle = math.radians(ARROW_ANGLES[element["arrow"]])
            dx, dy = math.cos(angle) * radius * 1.15, math.sin(angle) * radius * 1.15
            draw_arrow(draw, (cx - dx, cy - dy), (cx + dx, cy + dy), self.colors[element["color"]],
                       width=max(3, self.side // 14), head_length=self.side * 0.28, head_width=self.side * 0.3)
        else:
            draw_shape(draw, element["shape"], (cx, cy), radius, fill=self.colors[element["color"]], outline=OUTLINE,
                       width=2)

    def render(self, elements: Sequence[dict[str, Any]], question: bool, *, row: Sequence[dict[str, Any]]) -> np.ndarray:
        """The row with ``elements`` in the first boxes and, if ``question``, a question mark in the last one; the
        numbers are set at the :meth:`font_size` of ``row``, the whole row with its answer, whichever frame is drawn
        (sized by the shown numbers alone, they would shrink in the final frame when the answer is wider, and the
        video, which only reveals the answer box, would not end on it)."""
        self.number_size = self.font_size(row)
        return super().render({(0, index): element for index, element in enumerate(elements)}, question)
