"""Canvas and colours: a blank 512×512 image, the shared palette, conversions to frames."""

from __future__ import annotations

from typing import Annotated

import numpy as np
from PIL import Image
from pydantic import Field

from vbvr_core.contract import FRAME_SIZE, Uniform

RGB = tuple[int, int, int]

# Saturated, well-separated colours that survive H.264 chroma subsampling; scorers detect them by name.
PALETTE: dict[str, RGB] = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "gray": (128, 128, 128),
    "light_gray": (215, 215, 215),
    "red": (220, 30, 30),
    "green": (30, 170, 60),
    "blue": (40, 90, 220),
    "yellow": (250, 210, 20),
    "orange": (245, 130, 20),
    "purple": (140, 60, 190),
    "cyan": (20, 190, 210),
    "pink": (240, 110, 170),
    "brown": (140, 90, 40),
}

# Light background tints a task may draw from (a ``background`` parameter is an index into this list); every
# palette colour above stays far from all of them.
BACKGROUNDS: list[RGB] = [(255, 255, 255), (250, 248, 240), (240, 244, 248), (246, 246, 246)]
#: A task's ``background`` parameter, an index into :data:`BACKGROUNDS` drawn uniformly: a task writes
#: ``background: BackgroundIndex = 0`` among its fields.
BackgroundIndex = Annotated[
    int, Uniform(0, len(BACKGROUNDS) - 1), Field(ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
]


def new_canvas(color: RGB = PALETTE["white"], size: int = FRAME_SIZE) -> Image.Image:
    """A blank square RGB image."""
    return Image.new("RGB", (size, size), color)


def to_frame(image: Image.Image) -> np.ndarray:
    """A Pillow image as an HxWx3 uint8 frame (a copy the caller owns)."""
    return np.array(image.convert("RGB"), dtype=np.uint8)


def color_distance(a: RGB, b: RGB) -> float:
    """Euclidean distance between two RGB colours."""
    return float(np.linalg.norm(np.subtract(a, b, dtype=float)))


def distinct_colors(rng: np.random.Generator, count: int, exclude: tuple[str, ...] = ("white", "black")) -> list[str]:
    """``count`` different palette colour names drawn with ``rng`` (never those in ``exclude``)."""
    names = [name for name in PALETTE if name not in exclude]
    if count > len(names):
        raise ValueError(f"asked for {count} distinct colours; the palette has {len(names)} usable")
    picks = rng.choice(len(names), size=count, replace=False)
    return [names[int(i)] for i in picks]
