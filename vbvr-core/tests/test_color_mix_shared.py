"""The colour-mixing family's shared generator pieces (issue 14): the overlap-only mixer, the mixture's
legibility check and the redraw of colours until usable."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.color_mix.draw import Disc, overlaps_mixed, paint_discs
from vbvr_core.families.color_mix.judge import MIN_GAP, mixture_problem
from vbvr_core.families.color_mix.mixing import additive, first_usable
from vbvr_core.pipeline.generator import Reject


def test_overlaps_mixed_keeps_a_lone_disc_and_mixes_overlaps():
    first_wins = overlaps_mixed(lambda *colours: (9, 9, 9))
    assert first_wins((200, 0, 0)) == (200, 0, 0)
    assert first_wins((200, 0, 0), (0, 0, 200)) == (9, 9, 9)
    base = np.full((64, 64, 3), 255, np.uint8)
    frame = paint_discs(base, [Disc((24, 32), 12, (200, 0, 0)), Disc((40, 32), 12, (0, 0, 200))],
                        overlaps_mixed(additive))
    assert tuple(frame[32, 16]) == (200, 0, 0) and tuple(frame[32, 32]) == (200, 0, 200)


def test_mixture_problem():
    assert mixture_problem((250, 250, 250), {}, 30.0, "white dish") == (
        "illegible: the mixture (250, 250, 250) is too close to the white dish")
    near = mixture_problem((0, 0, 200), {"average": (0, 0, 190)}, 30.0, "white dish")
    assert near.startswith("ambiguous: the mixture (0, 0, 200) is too close to the average mixture")
    assert mixture_problem((0, 0, 200), {"average": (200, 200, 0)}, 30.0, "white dish") is None
    assert MIN_GAP > 30.0


def test_first_usable_redraws_then_rejects():
    draws = iter(range(10))
    assert first_usable(lambda: next(draws), lambda k: None if k == 3 else f"bad {k}", 5) == 3
    with pytest.raises(Reject, match="bad 4"):
        first_usable(iter(range(5)).__next__, lambda k: f"bad {k}", 5)
