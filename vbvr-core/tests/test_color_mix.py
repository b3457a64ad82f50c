"""The colour-mixing family: mixing rules, discs painted with their overlaps mixed, and the judge's parts."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.color_mix.draw import Disc, paint_discs
from vbvr_core.families.color_mix.judge import (
    COLOUR_FULL,
    MIN_GAP,
    Source,
    colour_credit,
    travel_track,
)
from vbvr_core.families.color_mix.mixing import additive, average, colour_distance, subtractive, to_lab

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)
CYAN, MAGENTA = (0, 255, 255), (255, 0, 255)


def _mix(*colours):
    return colours[0] if len(colours) == 1 else additive(*colours)


def test_mixing_rules():
    assert additive(RED, GREEN) == (255, 255, 0)
    assert additive((200, 0, 0), (100, 0, 0)) == (255, 0, 0)  # clipped
    assert subtractive(CYAN, MAGENTA) == BLUE
    assert average(RED, BLUE) == (128, 0, 128)


def test_byte_and_float_lab_agree():
    colours = np.array([[12, 200, 99], [255, 255, 255], [0, 0, 0], [128, 64, 250]], np.uint8)
    assert np.abs(to_lab(colours) - to_lab(colours.astype(np.float32))).max() < 1.0


def test_overlaps_are_painted_with_the_mixture_and_the_rest_kept():
    base = np.full((100, 100, 3), 255, np.uint8)
    frame = paint_discs(base, [Disc((40, 50), 20, RED), Disc((60, 50), 20, BLUE)], _mix)
    assert tuple(frame[50, 50]) == (255, 0, 255)
    assert tuple(frame[50, 25]) == RED and tuple(frame[50, 75]) == BLUE
    assert tuple(frame[5, 5]) == (255, 255, 255) and tuple(base[50, 50]) == (255, 255, 255)


def test_outlines_are_drawn_on_top():
    base = np.full((100, 100, 3), 255, np.uint8)
    frame = paint_discs(base, [Disc((50, 50), 20, RED)], _mix, outline=(0, 0, 0), outline_width=2)
    assert frame[50, 70].max() < 128


def test_a_wrong_mixture_is_never_credited_and_a_drifted_right_one_is():
    wrong = {"average": (128, 0, 128)}
    assert colour_credit((128, 0, 128), (255, 0, 255), wrong) == (0.0, "average")
    drifted = (235, 10, 245)
    assert colour_distance(drifted, (255, 0, 255)) < COLOUR_FULL
    assert colour_credit(drifted, (255, 0, 255), wrong)[0] == 1.0
    assert MIN_GAP > 2 * COLOUR_FULL


@pytest.mark.parametrize(("side", "hidden"), [("back", None), ("front", ((20.0, 128.0), 24.0))])
def test_travel_is_read_from_the_visible_edge(side, hidden):
    # A red disc glides from x=20 to x=236 on a 256 canvas (the judge's 512² coordinates are halved).
    frames = []
    for k in range(9):
        frame = np.full((256, 256, 3), 255, np.uint8)
        x = 20 + 27 * k
        frame = paint_discs(frame, [Disc((x, 128), 20, RED)], _mix)
        frames.append(frame)
    lab = to_lab(np.stack(frames))
    source = Source(RED, (40.0, 256.0), (472.0, 256.0), 40.0, visible_side=side,
                    hidden_in=None if hidden is None else ((40.0, 256.0), 48.0))
    track = travel_track(lab, source)
    known = [(k, t) for k, t in enumerate(track) if t is not None]
    assert len(known) >= 7
    for k, t in known:
        assert t == pytest.approx(k / 8, abs=0.05)
