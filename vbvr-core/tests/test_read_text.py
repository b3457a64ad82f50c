"""The font-independent reader: its accuracy over every bundled family, weight, size and offset."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.draw.text import FAMILIES, font
from vbvr_core.judge.read_text import read_number, read_text


def _written(text: str, size: int, family: str, bold: bool, offset: tuple[int, int], shade: int = 0) -> np.ndarray:
    image = Image.new("RGB", (260, 70), (250, 248, 240))
    ImageDraw.Draw(image).text((130 + offset[0], 35 + offset[1]), text, fill=(shade,) * 3,
                               font=font(size, bold, family), anchor="mm")
    return np.asarray(image)


def test_numbers_are_read_in_every_family_weight_size_and_offset():
    rng = np.random.default_rng(0)
    trials = correct = 0
    for family in FAMILIES:
        for bold in (False, True):
            for size in (16, 20, 24, 28, 36, 44):
                for _ in range(3):
                    number = int(rng.integers(0, 1000))
                    offset = tuple(int(v) for v in rng.integers(-8, 9, 2))
                    trials += 1
                    correct += read_number(_written(str(number), size, family, bold, offset)) == number
    assert correct / trials >= 0.97


def test_a_label_is_read_with_its_letters_and_the_last_number_wins():
    image = _written("Count: 12", 30, "liberation-serif", False, (0, 0), shade=40)
    assert read_text(image, "0123456789Count:")[0] == "Count:12"
    assert read_number(image, "0123456789Count:") == 12


def test_an_empty_region_reads_nothing():
    blank = np.full((60, 200, 3), 230, np.uint8)
    assert read_text(blank) == ("", 0.0) and read_number(blank) is None


def test_tall_frames_are_not_read_as_glyphs():
    image = _written("7", 30, "dejavu-sans", True, (0, 0)).copy()
    image[2:68, 20:23] = 0  # a box edge taller than any glyph
    assert read_number(image, max_height=50) == 7


def test_a_region_with_specks_only_reads_nothing():
    specks = np.full((40, 60, 3), 240, np.uint8)
    specks[5, 5] = specks[30, 50] = 20  # compression noise, not glyphs
    specks[10:30, 20:40] = 0
    specks[10:30, 20:40][1:-1, 1:-1] = 240  # and a frame taller than any glyph
    assert read_text(specks, max_height=15) == ("", 0.0)

