"""The marking family's third-pass helpers (issue 14): the scattered-shapes scene drawn in one place."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import ImageDraw
from vbvr_core.draw import PALETTE, draw_shape, new_canvas, to_frame
from vbvr_core.families.marking.draw import shapes_image

KINDS = ["circle", "triangle", "hexagon"]
CENTERS = [(100.0, 120.0), (300.5, 200.25), (400.0, 400.0)]
RADII = [30.0, 41.5, 25.0]
ROTATIONS = [0.0, 1.234, 2.5]
FILLS = [PALETTE["green"], PALETTE["blue"], PALETTE["purple"]]
BACKGROUND = (250, 248, 240)


def _drawn(outline=None, width: int = 0) -> np.ndarray:
    """The scene drawn shape by shape with ``draw_shape``, as the tasks did before."""
    canvas = new_canvas(BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    for kind, center, radius, rotation, fill in zip(KINDS, CENTERS, RADII, ROTATIONS, FILLS, strict=True):
        draw_shape(draw, kind, center, radius, fill=fill, outline=outline, width=width, rotation=rotation)
    return to_frame(canvas)


def test_shapes_image_is_the_draw_shape_loop() -> None:
    """Byte for byte the frame of drawing each shape in turn on the background, with and without an outline."""
    image = shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS)
    assert image.shape == (512, 512, 3) and image.dtype == np.uint8
    assert np.array_equal(image, _drawn())
    outlined = shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS, outline=(0, 0, 0), width=2)
    assert np.array_equal(outlined, _drawn((0, 0, 0), 2))
    assert not np.array_equal(outlined, image)


def test_shapes_image_needs_one_entry_a_shape() -> None:
    """Lists of different lengths are refused, not silently cut short."""
    with pytest.raises(ValueError):
        shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS[:2])
