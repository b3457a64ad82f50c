"""Rendering primitives shared by every task: canvas and palette, grids, shapes, arrows, text, animation.

A task module draws with these and never re-implements drawing. Everything works on Pillow images
(``ImageDraw``) for drawing and on numpy arrays (HxWx3 uint8) for frames.
"""

from vbvr_core.draw.animate import Sprite, Stage, ease_in_out, interpolate_points, paste, tween
from vbvr_core.draw.canvas import (
    BACKGROUNDS,
    PALETTE,
    BackgroundIndex,
    color_distance,
    distinct_colors,
    new_canvas,
    to_frame,
)
from vbvr_core.draw.grid import GridLayout
from vbvr_core.draw.shapes import (
    SHAPE_KINDS,
    draw_arrow,
    draw_cross,
    draw_disc,
    draw_shape,
    regular_polygon,
    shape_points,
)
from vbvr_core.draw.text import draw_text, font, text_size

__all__ = [
    "BACKGROUNDS", "PALETTE", "SHAPE_KINDS", "BackgroundIndex", "GridLayout", "Sprite", "Stage", "color_distance", "paste",
    "distinct_colors", "draw_arrow", "draw_cross", "draw_disc", "draw_shape", "draw_text", "ease_in_out", "font",
    "interpolate_points", "new_canvas", "regular_polygon", "shape_points", "text_size", "to_frame", "tween",
]
