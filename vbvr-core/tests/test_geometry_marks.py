"""The geometry_marks family: marks drawn on points of a construction, and the judge of which points they mark."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.families.geometry_marks.draw import dot_sweep, segment_sweep
from vbvr_core.families.geometry_marks.judge import (
    circle_centre,
    closed_credit,
    filled,
    judge_point_marks,
    mark_blobs,
    traces,
    widest_gap,
)
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.families.marking.judge import mark_fit
from vbvr_core.media.video import VideoReader, write_video

SIDE = ((100.0, 300.0), (400.0, 300.0))
POINTS = [(250.0, 300.0), (250.0, 150.0), (400.0, 300.0)]
CROSSING = (256.0, 256.0)  # where the three lines of the ``crossing`` scene meet


@pytest.fixture(scope="module")
def scene() -> np.ndarray:
    image = Image.new("RGB", (512, 512), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.line([SIDE[0], SIDE[1], (250.0, 150.0), SIDE[0]], fill=(40, 90, 220), width=4)
    return np.asarray(image, dtype=np.uint8).copy()


@pytest.fixture(scope="module")
def crossing() -> np.ndarray:
    """Three lines (blue, green, black) crossing at ``CROSSING``: G-169's point, where compression greys a red ring
    across each line and the changed pixels of the lines run through the ring's inside."""
    image = Image.new("RGB", (512, 512), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.line([(120.0, 160.0), (392.0, 352.0)], fill=(40, 90, 220), width=4)
    draw.line([(200.0, 100.0), (312.0, 412.0)], fill=(30, 150, 60), width=4)
    draw.line([(60.0, 256.0), (452.0, 256.0)], fill=(20, 20, 20), width=3)
    return np.asarray(image, dtype=np.uint8).copy()


def _score(scene, tmp_path, sweeps, anchors=POINTS, targets=(0,), segments=None, name="v.mp4"):
    frames = [scene] * 4
    base = scene
    for sweep in sweeps:
        drawn = list(sweep(base))
        frames += drawn
        base = drawn[-1]
    frames += [base] * 6
    path = tmp_path / name
    write_video(path, frames)
    return judge_point_marks(VideoReader(path), scene, anchors, list(targets), segments=segments)


def test_filled_closes_a_ring_but_not_an_arc():
    ring = np.zeros((40, 40), bool)
    yy, xx = np.mgrid[:40, :40]
    ring[np.abs(np.hypot(xx - 20, yy - 20) - 10) <= 1] = True
    assert filled(ring)[20, 20]
    arc = ring & (xx < 20)
    assert not filled(arc)[20, 20]


def test_a_ring_dot_or_border_is_closed_an_arc_is_not_even_filled_into_a_half_disc():
    yy, xx = np.mgrid[:40, :40]
    distance, angle = np.hypot(xx - 20, yy - 20), np.degrees(np.arctan2(yy - 20, xx - 20)) % 360
    ring = np.abs(distance - 10) <= 1
    greyed = ring & ~np.any([np.abs(angle - a) <= 12 for a in (30, 120, 210, 300)], axis=0)  # crossed by lines
    border = (np.maximum(np.abs(xx - 20), np.abs(yy - 20)) == 10)
    arc = ring & (xx >= 20)  # a half-drawn ring
    chord = (np.abs(xx - 20) <= 1) & (np.abs(yy - 20) <= 10)  # a line's changed pixels along its chord
    for mark, solid in ((ring, filled(ring)), (greyed, filled(ring)), (border, filled(border)), (distance <= 4, distance <= 4)):
        assert closed_credit(mark, solid, mark_fit(mark)[0])[0] == 1.0
    assert circle_centre(arc) == pytest.approx((20.0, 20.0), abs=0.5)
    assert widest_gap(arc, circle_centre(arc)) >= 170
    assert filled(arc | chord)[20, 22]  # filled into a half disc covering the arc's centre of pixels
    assert closed_credit(arc, filled(arc | chord), mark_fit(arc)[0])[0] == 0.0


def test_blobs_skip_specks_and_split_far_marks():
    mask = np.zeros((64, 64), bool)
    mask[5:10, 5:10] = True
    mask[40:46, 40:46] = True
    mask[30, 10] = True
    assert len(mark_blobs(mask)) == 2


def test_a_trace_follows_the_segment_only():
    blob = np.zeros((256, 256), bool)
    blob[149:152, 52:198] = True
    assert traces(blob, ((50.0, 150.0), (200.0, 150.0)), 4.0)
    assert not traces(blob[:, :] & (np.arange(256) < 110)[None, :], ((50.0, 150.0), (200.0, 150.0)), 4.0)


def test_ring_dot_and_trace_on_the_target_score_high(scene, tmp_path):
    ring = _score(scene, tmp_path, [lambda b: ring_sweep(b, POINTS[0], 13, 10, width=4)])
    assert ring.value >= 0.98, ring.reason
    dot = _score(scene, tmp_path, [lambda b: dot_sweep(b, (POINTS[0][0] + 6, POINTS[0][1]), 7, 10)])
    assert dot.value >= 0.98, dot.reason
    segments = [SIDE, ((100.0, 300.0), (250.0, 150.0)), ((250.0, 150.0), (400.0, 300.0))]
    anchors = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in segments]
    trace = _score(scene, tmp_path, [lambda b: segment_sweep(b, SIDE[0], SIDE[1], 10, width=8)], anchors=anchors,
                   segments=segments)
    assert trace.value >= 0.98, trace.reason


def test_wrong_extra_big_and_open_marks_score_zero(scene, tmp_path):
    wrong = _score(scene, tmp_path, [lambda b: ring_sweep(b, POINTS[1], 13, 10, width=4)])
    assert wrong.value == 0 and wrong.parts["selection"] == 0
    extra = _score(scene, tmp_path, [lambda b: ring_sweep(b, POINTS[0], 13, 10, width=4),
                                     lambda b: ring_sweep(b, (100.0, 100.0), 13, 10, width=4)])
    assert extra.value == 0
    big = _score(scene, tmp_path, [lambda b: ring_sweep(b, POINTS[0], 80, 10, width=4)])
    assert big.value <= 0.1
    # A trace of a segment is a mark only where the task lets a segment mark its anchor.
    trace = _score(scene, tmp_path, [lambda b: segment_sweep(b, SIDE[0], SIDE[1], 10, width=8)])
    assert trace.value <= 0.1


def test_a_half_drawn_ring_is_no_mark_where_lines_cross_it(crossing, tmp_path):
    """Issue 18: the freeze shortcut (G-169's ring sweep held half-way) scored 1.0: the lines' changed pixels
    closed the open arc into a region that covered its centre."""
    anchors = [CROSSING, (150.0, 400.0)]
    for extent in (150.0, 187.0, 220.0):
        frames = [crossing] * 4 + [ring_image(crossing, CROSSING, 13, width=4, extent=e)
                                   for e in np.linspace(20.0, extent, 6)]
        path = tmp_path / f"arc{extent:.0f}.mp4"
        write_video(path, frames + frames[-1:] * 6)
        arc = judge_point_marks(VideoReader(path), crossing, anchors, [0])
        assert arc.value <= 0.1 and arc.parts["closed"] == 0, (extent, arc.parts)


def test_any_complete_mark_counts_where_lines_cross_it(crossing, tmp_path):
    anchors = [CROSSING, (150.0, 400.0)]
    for name, sweep in {"ring": lambda b: ring_sweep(b, CROSSING, 13, 8, width=4),
                        "wide_ring": lambda b: ring_sweep(b, CROSSING, 20, 8, width=6),
                        "orange_red_ring": lambda b: ring_sweep(b, CROSSING, 10, 8, color=(240, 60, 40), width=3),
                        "dot": lambda b: dot_sweep(b, CROSSING, 7, 8),
                        "disc": lambda b: dot_sweep(b, CROSSING, 12, 8)}.items():
        mark = _score(crossing, tmp_path, [sweep], anchors=anchors, name=f"{name}.mp4")
        assert mark.value >= 0.98, (name, mark.parts, mark.reason)


def test_two_targets_need_both_marks(scene, tmp_path):
    one = _score(scene, tmp_path, [lambda b: ring_sweep(b, POINTS[0], 13, 10, width=4)], targets=(0, 1))
    assert one.value == 0
    both = _score(scene, tmp_path, [lambda b: ring_sweep(b, POINTS[0], 13, 10, width=4),
                                    lambda b: ring_sweep(b, POINTS[1], 13, 10, width=4)], targets=(0, 1))
    assert both.value >= 0.98, both.reason


def test_a_bad_video_scores_zero_without_raising(scene, tmp_path):
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert judge_point_marks(VideoReader(empty), scene, POINTS, [0]).value == 0
