"""The dominoes family's footprint: where a domino stands and where it lies."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.dominoes.chain import Domino
from vbvr_core.families.dominoes.judge import footprint, regions


def test_a_footprint_is_the_bar_and_the_lying_tile():
    domino = Domino(100.0, 200.0, 0.0, 26.0)
    standing, lying = footprint(domino, 0.0, 512), footprint(domino, 48.0, 512)
    assert standing.dtype == np.uint8 and set(np.unique(lying)) == {0, 1}
    assert standing[200, 100] == 1 and lying[200, 140] == 1 and standing[200, 140] == 0
    assert lying[200, 90] == 0 and lying[225, 120] == 0  # behind the bar, beside the tile
    shrunk = footprint(domino, 48.0, 512, margin=3)
    assert shrunk.sum() < lying.sum() and not (shrunk & ~lying.astype(bool)).any()


def test_footprints_overlap_where_a_lying_domino_reaches_a_standing_one():
    first = Domino(100.0, 200.0, 0.0, 26.0)  # lying, it reaches x = 143
    touching, apart = Domino(148.0, 200.0, 0.0, 26.0), Domino(152.0, 200.0, 0.0, 26.0)  # bars from 143 and 147
    assert (footprint(first, 48.0, 512).astype(int) + footprint(touching, 0.0, 512)).max() == 2
    assert (footprint(first, 48.0, 512).astype(int) + footprint(apart, 0.0, 512)).max() == 1
    grounds, bars = regions([first, apart], [48.0, 0.0])
    assert grounds.shape == bars.shape == (2, 256, 256)
