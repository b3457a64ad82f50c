"""The picture of O-56: a 3×3 matrix of panels holding figures, the bottom-right one empty with a question mark."""

from __future__ import annotations

from PIL import ImageDraw
from vbvr_core.contract import FRAME_SIZE
from vbvr_core.draw import draw_shape
from vbvr_core.families.fill_in.draw import Panels, PanelScene

RGB = tuple[int, int, int]
SIZE_FACTORS = (0.38, 0.55, 0.72)  # radius / half a slot, for the sizes small, medium, large
OUTLINE = (35, 35, 35)
# Slot offsets (in half-slot units from the panel centre) for one to four figures.
LAYOUTS = {
    1: [(0, 0)],
    2: [(-1, 0), (1, 0)],
    3: [(0, -1), (-1, 1), (1, 1)],
    4: [(-1, -1), (1, -1), (-1, 1), (1, 1)],
}


class MatrixScene(PanelScene):
    """Geometry and drawing of a 3×3 panel matrix with ``gap`` px between panels and ``margin`` around it; a panel
    holds its figures (indices into ``colors`` and ``shapes``), the bottom-right one is the question mark's."""

    def __init__(self, margin: int, gap: int, background: RGB, panel_fill: RGB, panel_line: RGB, colors: list[RGB],
                 shapes: list[str]):
        self.colors, self.shapes = colors, shapes
        self.side = (FRAME_SIZE - 2 * margin - 2 * gap) // 3
        super().__init__(Panels.centred(3, 3, self.side, gap), background, panel_fill, panel_line, 3, (2, 2),
                         int(self.side * 0.45))

    def figure_radius(self, size: int) -> float:
        """Nominal radius of a figure of size index ``size``."""
        return SIZE_FACTORS[size] * self.side / 4

    def draw_content(self, draw: ImageDraw.ImageDraw, box, panel: dict) -> None:
        """The panel's ``count`` + 1 figures of one shape, colour and size, laid out in its slots."""
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        half_slot = self.side / 4
        radius = self.figure_radius(panel["size"])
        for dx, dy in LAYOUTS[panel["count"] + 1]:
            draw_shape(draw, self.shapes[panel["shape"]], (cx + dx * half_slot, cy + dy * half_slot), radius,
                       fill=self.colors[panel["color"]], outline=OUTLINE, width=2)

    def figures_fit(self) -> bool:
        """True when the largest figure (a star reaches 1.25 × its radius) stays inside its slot."""
        return 1.25 * self.figure_radius(2) < self.side / 4 - 1
