"""The marking family's judge: a ring in the accepted colours on the target scores, elsewhere it does not."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pytest
from PIL import ImageDraw
from vbvr_core.draw import PALETTE, new_canvas, to_frame
from vbvr_core.families.marking.draw import MARK_RED, ring_sweep
from vbvr_core.families.marking.judge import dark_mask, judge_mark, red_mask, red_or_dark_mask
from vbvr_core.media.video import VideoReader, held, write_video

CENTRES = [(128.0, 256.0), (384.0, 256.0)]
RADIUS = 40.0
BLACK = PALETTE["black"]


@pytest.fixture(scope="module")
def first() -> np.ndarray:
    """Two filled discs, grey and brown: mid-tones that must not read as a black mark."""
    canvas = new_canvas((250, 248, 240))
    draw = ImageDraw.Draw(canvas)
    for (x, y), colour in zip(CENTRES, (PALETTE["gray"], PALETTE["brown"]), strict=True):
        draw.ellipse((x - 28, y - 28, x + 28, y + 28), fill=colour)
    return to_frame(canvas)


def _ringed(tmp_path, first, target: int, colour) -> VideoReader:
    path = tmp_path / f"ring-{target}-{colour}.mp4"
    write_video(path, held(chain([first], ring_sweep(first, CENTRES[target], RADIUS, 12, color=colour)), 12))
    return VideoReader(path)


def test_dark_mask_finds_black_and_not_the_palette_mid_tones(first):
    frame = first.copy()
    frame[:10, :10] = BLACK
    assert dark_mask(frame)[:10, :10].all()
    assert not dark_mask(first).any()  # grey 128 and brown stay out
    assert not red_mask(frame)[:10, :10].any() and red_or_dark_mask(frame)[:10, :10].all()


@pytest.mark.parametrize("colour", [BLACK, MARK_RED])
def test_a_black_or_red_ring_on_the_target_scores_full_and_elsewhere_nothing(tmp_path, first, colour):
    right = judge_mark(_ringed(tmp_path, first, 0, colour), first, CENTRES, 0, RADIUS, ink=red_or_dark_mask)
    wrong = judge_mark(_ringed(tmp_path, first, 1, colour), first, CENTRES, 0, RADIUS, ink=red_or_dark_mask)
    assert right.value == 1.0, right.reason
    assert wrong.value == 0.0 and "takes in candidates [1]" in wrong.reason


def test_the_default_ink_is_red_only(tmp_path, first):
    black = judge_mark(_ringed(tmp_path, first, 0, BLACK), first, CENTRES, 0, RADIUS)
    assert black.value == 0.0 and "no clear mark" in black.reason
