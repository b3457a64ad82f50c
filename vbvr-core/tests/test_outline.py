"""The outline family: tracing an outline along a polygon, and judging which boundary a drawn outline follows."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.outline.draw import (
    OUTLINE_BLUE,
    circle_polygon,
    offset_polygon,
    outline_image,
    partial_path,
    perimeter,
    trace_sweep,
)
from vbvr_core.families.outline.judge import boundary_mask, mark_mask, outline_shares, turned_mask
from vbvr_core.families.outline.parts import follows_and_traced
from vbvr_core.judge.verdict import Verdict

SQUARE = [(200.0, 200.0), (312.0, 200.0), (312.0, 312.0), (200.0, 312.0)]
BIGGER = [(160.0, 160.0), (352.0, 160.0), (352.0, 352.0), (160.0, 352.0)]


def test_partial_path_runs_along_the_boundary():
    assert perimeter(SQUARE) == pytest.approx(448.0)
    assert partial_path(SQUARE, 0.5) == [(200.0, 200.0), (312.0, 200.0), (312.0, 312.0)]
    assert partial_path(SQUARE, 0.125)[-1] == pytest.approx((256.0, 200.0))


def test_offset_polygon_moves_every_side_out():
    grown = offset_polygon(SQUARE, 10.0)
    assert grown[0] == pytest.approx((190.0, 190.0)) and grown[2] == pytest.approx((322.0, 322.0))


def test_trace_sweep_ends_on_the_closed_outline():
    base = np.full((512, 512, 3), 255, np.uint8)
    frames = list(trace_sweep(base, SQUARE, 6, OUTLINE_BLUE))
    counts = [int(mark_mask(frame[None], "blue").sum()) for frame in frames]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert np.array_equal(frames[-1], outline_image(base, SQUARE, OUTLINE_BLUE))


def test_mark_mask_finds_the_primary_colour_only():
    frame = outline_image(np.full((512, 512, 3), 240, np.uint8), SQUARE, (225, 25, 25))
    assert mark_mask(frame[None], "red").sum() > 0 and mark_mask(frame[None], "blue").sum() == 0
    purple = np.full((1, 4, 4, 3), (140, 60, 190), np.uint8)
    assert not mark_mask(purple, "blue").any()


def test_a_line_that_kept_only_part_of_its_hue_still_turned_blue():
    red = np.full((1, 2, 2, 3), (220, 31, 31), np.uint8)
    purple = np.full((1, 2, 2, 3), (100, 20, 150), np.uint8)  # a thin blue line over red, colour halved
    assert not mark_mask(purple, "blue").any()
    assert turned_mask(purple, red[0], "blue").all()
    assert not turned_mask(red, red[0], "blue").any()


def _mark(polygon, fraction=1.0):
    """The blue mask (at 256²) of ``polygon``'s outline, the first ``fraction`` of it, 6 px wide at 512²."""
    frame = outline_image(np.full((512, 512, 3), 255, np.uint8), polygon, OUTLINE_BLUE, 6, fraction)
    return mark_mask(frame[None], "blue")[0][::2, ::2]


def test_outline_shares_tell_the_right_boundary_from_the_next():
    assert all(share >= 0.95 for share in outline_shares(_mark(SQUARE), SQUARE, 9.0))
    follows, _ = outline_shares(_mark(BIGGER), SQUARE, 9.0)
    assert follows < 0.05
    follows, traced = outline_shares(_mark(SQUARE) | _mark(BIGGER), SQUARE, 9.0)
    assert follows < 0.6 and traced >= 0.95
    follows, traced = outline_shares(_mark(SQUARE, fraction=0.5), SQUARE, 9.0)
    assert follows >= 0.95 and traced < 0.7


def test_boundary_mask_of_a_circle_is_a_thin_ring():
    ring = boundary_mask(circle_polygon((256.0, 256.0), 100.0), 256)
    ys, xs = np.nonzero(ring)
    assert np.allclose(np.hypot(xs - 128, ys - 128), 50, atol=1.5)


def test_follows_and_traced_ramps_both_shares_and_notes_them():
    verdict = Verdict()
    follows_and_traced(verdict, 0.9, 0.9, astray="astray", short="short")  # follows in full, traced half way
    score = verdict.score(ok="")
    assert score.parts["follows_share"] == 0.9 and score.parts["traced_share"] == 0.9
    assert score.parts["follows"] == 1.0 and score.parts["traced"] == pytest.approx(0.5)
    assert score.value == pytest.approx(0.5) and score.reason == "short"
    verdict = Verdict()
    follows_and_traced(verdict, 0.5, 1.0, astray="astray", short="short")
    assert verdict.score(ok="").value == 0.0 and verdict.score(ok="").reason == "astray"
