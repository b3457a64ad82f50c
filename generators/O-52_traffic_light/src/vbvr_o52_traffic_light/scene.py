"""The picture of O-52: a crossroad with two traffic lights (red and green lamps) and countdown displays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.contract.geometry import Box
from vbvr_core.draw import draw_disc, draw_text, new_canvas, to_frame

from vbvr_o52_traffic_light.timing import LightsState

RGB = tuple[int, int, int]
LAMP_ON = {"red": (235, 35, 35), "green": (30, 200, 70)}
LAMP_OFF = {"red": (95, 40, 40), "green": (35, 85, 50)}
DISPLAY_FILL = (255, 255, 255)
DISPLAY_TEXT = (15, 15, 20)
LABEL_PX = 22


@dataclass(frozen=True)
class LightGeometry:
    """Where one light's parts are on the 512² canvas (boxes are left, top, right, bottom; exclusive)."""

    label: str
    housing: Box
    red_lamp: Box
    green_lamp: Box
    display: Box

    @classmethod
    def at(cls, label: str, cx: int, top: int, lamp_radius: int) -> LightGeometry:
        """A light whose housing is centred on ``cx`` with its top edge at ``top``."""
        pad = lamp_radius // 2
        width = 2 * (lamp_radius + pad)
        height = 4 * lamp_radius + 3 * pad
        housing = (cx - width // 2, top, cx + width // 2, top + height)
        red_cy, green_cy = top + pad + lamp_radius, top + 2 * pad + 3 * lamp_radius
        lamp = lambda cy: (cx - lamp_radius, cy - lamp_radius, cx + lamp_radius, cy + lamp_radius)  # noqa: E731
        display_w, display_h = 3 * lamp_radius, 2 * lamp_radius
        display_top = housing[3] + pad
        display = (cx - display_w // 2, display_top, cx + display_w // 2, display_top + display_h)
        return cls(label, housing, lamp(red_cy), lamp(green_cy), display)

    @property
    def title(self) -> str:
        """The label drawn above the light."""
        return f"Light {self.label}"


def display_image(width: int, height: int, count: int | None) -> Image.Image:
    """A countdown display of ``width``×``height`` showing ``count`` (blank when None)."""
    image = Image.new("RGB", (width, height), DISPLAY_FILL)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width - 1, height - 1], outline=(20, 20, 20), width=2)
    if count is not None:
        draw_text(draw, (width / 2, height / 2), str(count), int(height * 0.72), fill=DISPLAY_TEXT, bold=True)
    return image


class CrossroadScene:
    """A crossroad background drawn once, lights and displays drawn on top per state."""

    def __init__(self, lights: tuple[LightGeometry, LightGeometry], background: RGB, road: RGB, housing: RGB):
        self.lights, self.housing = lights, housing
        canvas = new_canvas(background)
        draw = ImageDraw.Draw(canvas)
        size, road_half = canvas.size[0], canvas.size[0] // 8
        mid = size // 2
        draw.rectangle([0, mid - road_half, size, mid + road_half], fill=road)
        draw.rectangle([mid - road_half, 0, mid + road_half, size], fill=road)
        for x in range(0, size, 30):
            draw.line([(x, mid), (x + 18, mid)], fill=(250, 250, 250), width=2)
            draw.line([(mid, x), (mid, x + 18)], fill=(250, 250, 250), width=2)
        for light in lights:
            left, top, right, bottom = light.housing
            draw.rectangle([(left + right) // 2 - 4, bottom, (left + right) // 2 + 4, light.display[1]], fill=housing)
            draw.rounded_rectangle([left, top, right - 1, bottom - 1], radius=(right - left) // 4, fill=housing,
                                   outline=(10, 10, 10), width=2)
            draw_text(draw, ((left + right) / 2, top - 18), light.title, LABEL_PX, fill=(15, 15, 20), bold=True)
        self.base = canvas

    def render(self, state: LightsState) -> np.ndarray:
        """The scene showing ``state``."""
        canvas = self.base.copy()
        draw = ImageDraw.Draw(canvas)
        for light, color, count in zip(self.lights, (state.a_color, state.b_color), (state.a_count, state.b_count), strict=True):
            for lamp_color, box in (("red", light.red_lamp), ("green", light.green_lamp)):
                fill = (LAMP_ON if color == lamp_color else LAMP_OFF)[lamp_color]
                center = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
                draw_disc(draw, center, (box[2] - box[0]) / 2, fill=fill, outline=(10, 10, 10), width=2)
            left, top, right, bottom = light.display
            canvas.paste(display_image(right - left, bottom - top, count), (left, top))
        return to_frame(canvas)
