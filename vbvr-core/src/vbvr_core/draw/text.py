"""Text with the bundled DejaVu Sans font (Pillow's default font is ASCII only)."""

from __future__ import annotations

import functools
from importlib import resources

from PIL import ImageDraw, ImageFont

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


@functools.lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled font at ``size`` pixels (cached)."""
    path = resources.files("vbvr_core").joinpath("fonts", FONT_FILES[bold])
    with resources.as_file(path) as font_path:
        return ImageFont.truetype(str(font_path), size)


def text_size(text: str, size: int, bold: bool = False) -> tuple[int, int]:
    """Width and height in pixels of ``text`` set in the bundled font."""
    left, top, right, bottom = font(size, bold).getbbox(text)
    return right - left, bottom - top


def draw_text(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill=(0, 0, 0),
              bold: bool = False, anchor: str = "mm") -> None:
    """Draw ``text`` at ``xy``; ``anchor`` is Pillow's (``mm`` centres it on the point)."""
    draw.text(xy, text, fill=fill, font=font(size, bold), anchor=anchor)
