"""The answer label of O-33: "Count: N" in a white box at the bottom of the canvas.

Shared by the generator (which draws it) and the scorer (which renders every candidate count the same
way and asks which one the model's last frames show).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.draw import draw_text

LABEL_BOX = (146, 452, 366, 502)  # left, top, right, bottom on the 512 canvas
LABEL_TEXT_SIZE = 32
SCENE_BOTTOM = 440  # objects stay above this line, clear of the label box


def label_text(count: int) -> str:
    """The printed answer for ``count``."""
    return f"Count: {count}"


def draw_label(image: Image.Image, count: int) -> None:
    """Draw the label box with ``count`` onto ``image`` (in place)."""
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = LABEL_BOX
    draw.rounded_rectangle(LABEL_BOX, radius=10, fill=(255, 255, 255), outline=(40, 40, 40), width=2)
    draw_text(draw, ((left + right) / 2, (top + bottom) / 2), label_text(count), LABEL_TEXT_SIZE, fill=(0, 0, 0),
              bold=True)


def with_label(frame: np.ndarray, count: int) -> np.ndarray:
    """A copy of ``frame`` with the label for ``count``."""
    image = Image.fromarray(frame)
    draw_label(image, count)
    return np.asarray(image, dtype=np.uint8).copy()
