"""Reading short text (digits, a label) out of a frame, whatever font a model writes it in.

A nearest-neighbour reader trained, when first used, on glyphs rendered from every bundled font family
(regular and bold) at several sizes: each glyph is cut out of the image as a group of dark connected
components (the two dots of a colon are one glyph), cropped to its ink, padded to a square and shrunk to
:data:`GRID`² pixels; the closest prototype by cosine similarity names it. Nothing is downloaded: the fonts
ship with vbvr-core. Accuracy over fonts, sizes and offsets is measured in core's tests.
"""

from __future__ import annotations

import functools
import re

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.draw.text import FAMILIES, font
from vbvr_core.media.frames import channel_sum

GRID = 16
TRAIN_SIZES = (14, 20, 28, 40, 56)
DIGITS = "0123456789"
# Digits and capitals are about GLYPH_ASPECT as wide as the line is tall; a component wider than MAX_ASPECT
# times the line height is several touching glyphs.
GLYPH_ASPECT, MAX_ASPECT = 0.6, 0.9
# Ink must be this much darker than the region's median (its background) to count.
MIN_CONTRAST = 60
# A glyph matching its nearest prototype at least this well is read; a weaker match is read again with the cut
# at FAINT_LEVEL of the contrast (see read_text).
CLEAR_MATCH, FAINT_LEVEL = 0.9, 0.25


def _feature(ink: np.ndarray) -> np.ndarray:
    """A glyph's ink (bool H×W) as a unit vector: cropped to the ink, centred in a square, shrunk to GRID²,
    plus its aspect ratio (so a ``1`` and an ``l`` shaped alike but proportioned differently stay apart)."""
    import cv2

    ys, xs = np.nonzero(ink)
    crop = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1].astype(np.float32)
    height, width = crop.shape
    side = max(height, width)
    square = np.zeros((side, side), np.float32)
    square[(side - height) // 2:(side - height) // 2 + height, (side - width) // 2:(side - width) // 2 + width] = crop
    small = cv2.resize(square, (GRID, GRID), interpolation=cv2.INTER_AREA).ravel()
    vector = np.concatenate([small, [2.0 * width / side, 2.0 * height / side]])
    return vector / max(1e-6, float(np.linalg.norm(vector)))


@functools.lru_cache(maxsize=8)
def prototypes(alphabet: str) -> tuple[np.ndarray, str]:
    """Feature vectors of every character of ``alphabet`` in every bundled family, weight and training size,
    and the character each one stands for."""
    vectors, labels = [], []
    for family in FAMILIES:
        for bold in (False, True):
            for size in TRAIN_SIZES:
                for char in alphabet:
                    image = Image.new("L", (3 * size, 3 * size), 255)
                    ImageDraw.Draw(image).text((size, size // 2), char, fill=0, font=font(size, bold, family))
                    ink = np.asarray(image) < 128
                    if ink.any():
                        vectors.append(_feature(ink))
                        labels.append(char)
    return np.stack(vectors), "".join(labels)


def glyph_masks(region: np.ndarray, max_height: float | None = None, level: float = 0.5) -> list[np.ndarray]:
    """The dark glyphs of ``region`` (H×W×3 or H×W uint8), left to right, each a bool mask of the region's size.

    Ink is what is :data:`MIN_CONTRAST` darker than the region's median and darker than ``level`` of the way
    from that median to the darkest pixel (½: anti-aliased seams between touching glyphs stay background; less:
    the faint thin strokes of a blurred glyph count too). Components overlapping in x are one
    glyph; specks (under 0.3 % of the tallest component's box) and components taller than ``max_height``
    pixels (frames, boxes, lines) are dropped.
    """
    import cv2

    grey = channel_sum(region) / region.shape[-1] if region.ndim == 3 else region.astype(np.float64)
    background, darkest = float(np.median(grey)), float(grey.min())
    ink = (grey < min(background - MIN_CONTRAST, background - level * (background - darkest))).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = [k for k in range(1, count)
            if max_height is None or stats[k, cv2.CC_STAT_HEIGHT] <= max_height]
    if not keep:
        return []
    tallest = max(int(stats[k, cv2.CC_STAT_HEIGHT]) for k in keep)
    keep = [k for k in keep if stats[k, cv2.CC_STAT_AREA] >= max(2, 0.003 * tallest * tallest)]
    groups: list[list[int]] = []
    for k in sorted(keep, key=lambda k: stats[k, cv2.CC_STAT_LEFT]):
        left, right = stats[k, cv2.CC_STAT_LEFT], stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH]
        if groups:
            last = groups[-1]
            last_right = max(stats[j, cv2.CC_STAT_LEFT] + stats[j, cv2.CC_STAT_WIDTH] for j in last)
            last_left = min(stats[j, cv2.CC_STAT_LEFT] for j in last)
            overlap = min(right, last_right) - max(left, last_left)
            if overlap > 0.5 * min(right - left, last_right - last_left):
                last.append(k)
                continue
        groups.append([k])
    masks = [np.isin(labels, group) for group in groups]
    if not masks:
        return []
    line_height = max(int(np.ptp(np.nonzero(mask.any(axis=1))[0])) + 1 for mask in masks)
    return [piece for mask in masks for piece in _split_wide(mask, line_height)]


def _split_wide(mask: np.ndarray, line_height: int) -> list[np.ndarray]:
    """``mask`` cut into as many glyphs as its width holds (touching bold digits form one component): a glyph
    is at most :data:`MAX_ASPECT` × the line's height wide; cuts go through the emptiest columns."""
    columns = np.nonzero(mask.any(axis=0))[0]
    left, width = int(columns[0]), int(np.ptp(columns)) + 1
    pieces = int(round(width / (GLYPH_ASPECT * line_height)))
    if width <= MAX_ASPECT * line_height or pieces < 2:
        return [mask]
    ink = mask.sum(axis=0)
    cuts, out, start = [], [], left
    for k in range(1, pieces):
        expected = left + width * k // pieces
        window = range(max(start + 1, expected - width // (3 * pieces)), min(left + width - 1, expected + width // (3 * pieces)) + 1)
        cuts.append(min(window, key=lambda column: ink[column]) if len(window) else expected)
    for cut in [*cuts, left + width]:
        piece = np.zeros_like(mask)
        piece[:, start:cut] = mask[:, start:cut]
        if piece.any():
            out.append(piece)
        start = cut
    return out


def read_text(region: np.ndarray, alphabet: str = DIGITS, max_height: float | None = None) -> tuple[str, float]:
    """The characters of ``alphabet`` that ``region`` shows, left to right, and the worst glyph's similarity
    to its prototype (1.0 a perfect match; 0.0 when nothing is written). Never raises.

    Glyphs are cut at half contrast; when some glyph then matches no prototype well (below
    :data:`CLEAR_MATCH`, as the thin strokes of a blurred glyph fall under the cut), the region is read again at
    :data:`FAINT_LEVEL` of the contrast and the reading whose worst glyph matches better is kept.
    """
    readings = [_read_at(region, alphabet, max_height, 0.5)]
    if readings[0][0] and readings[0][1] < CLEAR_MATCH:
        readings.append(_read_at(region, alphabet, max_height, FAINT_LEVEL))
    return max(readings, key=lambda reading: reading[1])


def _read_at(region: np.ndarray, alphabet: str, max_height: float | None, level: float) -> tuple[str, float]:
    """:func:`read_text` with glyphs cut at ``level`` of the contrast."""
    vectors, labels = prototypes(alphabet)
    text, worst = [], 1.0
    for mask in glyph_masks(region, max_height, level):
        similarity = vectors @ _feature(mask)
        best = int(similarity.argmax())
        text.append(labels[best])
        worst = min(worst, float(similarity[best]))
    return "".join(text), (worst if text else 0.0)


def read_number(region: np.ndarray, alphabet: str = DIGITS, max_height: float | None = None) -> int | None:
    """The last run of digits that ``region`` shows (``Count: 12`` → 12), or None when it shows none."""
    text, _ = read_text(region, alphabet, max_height)
    runs = re.findall(r"\d+", text)
    return int(runs[-1]) if runs else None
