"""Mixing rules and the colour distance of the colour-mixing family.

Colours are RGB byte triples. ``additive`` adds light (clipped at 255), ``subtractive`` multiplies
transmittances (ideal pigments or filters: cyan × magenta = blue), ``average`` is a plain blend. Colours are
compared by their CIE76 distance in Lab (:func:`colour_distance`): hue, chroma and lightness alike, since a
blend differs from light mixing mostly in lightness.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

from vbvr_core.media.frames import channel_sum
from vbvr_core.pipeline.generator import Reject

RGB = tuple[int, int, int]
Drawn = TypeVar("Drawn")
# The weight of lightness in the distance (1: plain CIE76).
LIGHTNESS_WEIGHT = 1.0


def additive(*colours: Sequence[int]) -> RGB:
    """Light mixing: the channel sums, clipped at 255."""
    total = np.sum(np.asarray(colours, dtype=np.int64), axis=0)
    return tuple(int(v) for v in np.minimum(total, 255))  # type: ignore[return-value]


def subtractive(*colours: Sequence[int]) -> RGB:
    """Pigment mixing: the product of the transmittances (channel / 255), back in bytes."""
    product = np.prod(np.asarray(colours, dtype=np.float64) / 255.0, axis=0)
    return tuple(int(v) for v in np.rint(product * 255.0))  # type: ignore[return-value]


def average(*colours: Sequence[int]) -> RGB:
    """A plain blend: the channel means."""
    mean = np.mean(np.asarray(colours, dtype=np.float64), axis=0)
    return tuple(int(v) for v in np.rint(mean))  # type: ignore[return-value]


def to_lab(rgb: np.ndarray) -> np.ndarray:
    """CIE Lab (L* 0–100, a*, b*) of RGB, any shape ending in 3: bytes (uint8) through OpenCV's fast 8-bit
    conversion (within about half a unit), other values exactly."""
    import cv2

    rgb = np.asarray(rgb)
    if rgb.dtype == np.uint8:
        rows = np.ascontiguousarray(rgb).reshape(-1, rgb.shape[-2] if rgb.ndim >= 3 else 1, 3)
        coded = cv2.cvtColor(rows, cv2.COLOR_RGB2Lab).astype(np.float32)
        coded[..., 0] *= np.float32(100.0 / 255.0)
        coded[..., 1:] -= np.float32(128.0)
        return coded.reshape(rgb.shape)
    pixels = rgb.astype(np.float32).reshape(-1, 1, 3) / 255.0
    return cv2.cvtColor(pixels, cv2.COLOR_RGB2Lab).reshape(rgb.shape)


def lab_distance(lab: np.ndarray, color: Sequence[float]) -> np.ndarray:
    """Distance of Lab values ``lab`` (any shape ending in 3) to one RGB ``color``, lightness weighted by
    :data:`LIGHTNESS_WEIGHT`."""
    difference = np.asarray(lab, np.float32) - to_lab(np.asarray(color, np.float32))
    if LIGHTNESS_WEIGHT != 1.0:
        difference[..., 0] *= LIGHTNESS_WEIGHT
    return np.sqrt(channel_sum(difference * difference))


def colour_distance(a: Sequence[float] | np.ndarray, b: Sequence[float]) -> np.ndarray | float:
    """Lab distance of RGB colours ``a`` (one colour or any shape ending in 3) to the one RGB colour ``b``."""
    distance = lab_distance(to_lab(np.asarray(a, np.float32)), b)
    return float(distance) if distance.ndim == 0 else distance


def nearest_gap(expected: Sequence[int], others: dict[str, Sequence[int]]) -> tuple[str, float]:
    """The other colour nearest to ``expected`` and its distance (``("", inf)`` when there is none)."""
    if not others:
        return "", float("inf")
    name = min(others, key=lambda key: colour_distance(expected, others[key]))
    return name, float(colour_distance(expected, others[name]))


def first_usable(draw: Callable[[], Drawn], problem: Callable[[Drawn], str | None], attempts: int) -> Drawn:
    """The first of up to ``attempts`` results of ``draw()`` (drawing colours from the generator's seed) for which
    ``problem`` finds nothing (returns None); raises :class:`~vbvr_core.pipeline.generator.Reject` with the last
    problem when every attempt had one."""
    found = ""
    for _ in range(attempts):
        drawn = draw()
        found = problem(drawn)
        if found is None:
            return drawn
    raise Reject(found)
