"""The geometry_marks family: marks drawn on points of a construction, and the judge of which points they mark."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.families.geometry_marks.draw import dot_sweep, segment_sweep
from vbvr_core.families.geometry_marks.judge import filled, judge_point_marks, mark_blobs, traces
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.media.video import VideoReader, write_video

SIDE = ((100.0, 300.0), (400.0, 300.0))
POINTS = [(250.0, 300.0), (250.0, 150.0), (400.0, 300.0)]


@pytest.fixture(scope="module")
def scene() -> np.ndarray:
    image = Image.new("RGB", (512, 512), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.line([SIDE[0], SIDE[1], (250.0, 150.0), SIDE[0]], fill=(40, 90, 220), width=4)
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
