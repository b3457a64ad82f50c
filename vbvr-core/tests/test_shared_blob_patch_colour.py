"""judge.masks.largest_blob, families.marking.judge.balanced_patches and judge.motion.observed_color(stroke=True)
(issue 14, last shared-logic findings)."""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core.families.marking.judge import balanced_frames, balanced_patches
from vbvr_core.judge.masks import largest_blob
from vbvr_core.judge.motion import observed_color


def test_largest_blob_is_the_biggest_eight_connected_piece() -> None:
    assert largest_blob(np.zeros((6, 6), bool)) is None
    mask = np.zeros((10, 12), bool)
    mask[1, 1] = mask[2, 2] = mask[3, 3] = True  # one piece of 3 through its corners (8-connected)
    mask[6:8, 6:10] = True  # a piece of 8
    blob = largest_blob(mask)
    assert blob is not None
    assert blob.area == 8
    assert blob.centre == (7.5, 6.5)
    assert np.array_equal(blob.pixels, mask & (np.arange(10)[:, None] >= 5))
    assert blob.pixels.dtype == bool
    only_diagonal = np.zeros((5, 5), np.uint8)
    only_diagonal[[0, 1, 2], [0, 1, 2]] = 1
    assert largest_blob(only_diagonal).area == 3  # uint8 masks too


def test_balanced_patches_cut_the_balanced_frames_round_each_centre() -> None:
    frames = np.full((2, 256, 256, 3), 200, np.uint8)
    frames[1] = 100  # a darker frame: the background balances to white all the same
    frames[:, 40:60, 40:60] = (160, 40, 40)
    frames[1, 40:60, 40:60] = (80, 20, 20)
    balanced = balanced_frames(frames)
    # canvas (100, 100) is judge pixel (50, 50); 8 canvas px are 4 judge px each side
    inner, corner = balanced_patches(frames, [(100.0, 100.0), (2.0, 1.0)], 8.0)
    assert inner.shape == (2, 9, 9, 3)
    assert np.array_equal(inner, balanced[:, 46:55, 46:55])
    assert np.allclose(inner[0], inner[1])  # the drift is balanced out
    assert np.allclose(inner[0], (204.0, 51.0, 51.0))
    assert corner.shape == (2, 5, 6, 3)  # cut at the top and left edges: centre pixel (1, 0)
    assert balanced_patches(frames, [(100.0, 100.0)], 0.1)[0].shape == (2, 3, 3, 3)  # at least 1 px each side


def _ring(size: int, rgb, background=(240, 240, 240), width: int = 1) -> np.ndarray:
    frame = np.full((size, size, 3), background, np.uint8)
    cv2.circle(frame, (size // 2, size // 2), size // 4, tuple(int(c) for c in rgb), width)
    return frame


def test_observed_color_of_a_thin_stroke() -> None:
    rgb = (30, 90, 200)
    reference = _ring(64, rgb)
    shown = _ring(64, (50, 110, 180))
    # one pixel wide: nothing is left one in from its edge, so the plain reading keeps rgb, a stroke reads it all
    assert observed_color(shown, reference, rgb) == rgb
    assert observed_color(shown, reference, rgb, stroke=True) == (50, 110, 180)
    # a video that does not show the ring there reads the background: a stroke falls back to rgb
    assert observed_color(np.full_like(reference, 235), reference, rgb, stroke=True) == rgb
    # a stroke thick enough to keep its inside is read one in from its edge, with or without stroke=
    thick, thick_shown = _ring(64, rgb, width=5), _ring(64, (50, 110, 180), width=5)
    assert observed_color(thick_shown, thick, rgb, stroke=True) == observed_color(thick_shown, thick, rgb) \
        == (50, 110, 180)
