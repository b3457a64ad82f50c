"""judge.masks.channel_margin, hue_mask and mask_iou (issue 14, round 2)."""

from __future__ import annotations

import numpy as np
from vbvr_core.judge.masks import channel_margin, hue_mask, mask_iou


def test_channel_margin_is_channel_over_larger_other() -> None:
    frames = np.array([[[200, 10, 90], [50, 60, 70], [0, 255, 0]]], dtype=np.uint8)
    assert channel_margin(frames, 0).tolist() == [[110, -20, -255]]
    assert channel_margin(frames, 1).tolist() == [[-190, -10, 255]]
    assert channel_margin(frames, 2).tolist() == [[-110, 10, -255]]
    assert channel_margin(frames, 0).dtype == np.int16


def test_hue_mask_thresholds_the_margin_on_stacks() -> None:
    rng = np.random.default_rng(3)
    frames = rng.integers(0, 256, (2, 5, 6, 3), dtype=np.uint8)
    wide = frames.astype(np.int64)
    expected = wide[..., 1] - np.maximum(wide[..., 0], wide[..., 2]) >= 30
    assert np.array_equal(hue_mask(frames, 1, 30), expected)
    assert hue_mask(frames[0], 1, 30).shape == (5, 6)


def test_mask_iou() -> None:
    a = np.zeros((4, 4), bool)
    b = np.zeros((4, 4), bool)
    assert mask_iou(a, b) == 0.0
    a[:2] = True
    b[1:3] = True
    assert mask_iou(a, b) == 4 / 12
    assert mask_iou(a, a) == 1.0
