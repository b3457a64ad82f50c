"""The ring-the-answer skeleton (families.marking.task) and judge_ringed: placement, colours, shuffle, reach,
the ring of a sample with one radius or one per shape, and the default alternatives and near misses."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.contract import FRAME_SIZE, Point, TaskParams, TaskSolution
from vbvr_core.draw import PALETTE, shape_points
from vbvr_core.families.marking.task import (
    FILL_COLORS,
    RingMarkGenerator,
    fill_colors,
    place_apart,
    shape_reach,
    shuffle_together,
)
from vbvr_core.pipeline.generator import Reject


def test_place_apart_keeps_discs_apart_inside_and_in_index_order():
    radii = [20.0, 60.0, 35.0, 50.0]
    for largest_first in (False, True):
        centers = place_apart(np.random.default_rng(3), radii, 6, 8, edge=10, largest_first=largest_first)
        assert len(centers) == len(radii)
        for k, ((x, y), r) in enumerate(zip(centers, radii, strict=True)):
            assert 10 + r <= x <= FRAME_SIZE - 10 - r and 10 + r <= y <= FRAME_SIZE - 10 - r
            assert (x, y) == (round(x, 2), round(y, 2))
            for j in range(k):
                assert math.dist((x, y), centers[j]) >= r + radii[j] + 6


def test_place_apart_rounds_as_asked_and_rejects_a_crowd():
    whole = place_apart(np.random.default_rng(1), [30.0] * 3, 5, 4, digits=0)
    assert all(v == float(int(v)) for point in whole for v in point)
    raw = place_apart(np.random.default_rng(1), [30.0] * 3, 5, 4, digits=None)
    assert [tuple(round(v) for v in p) for p in raw] == [tuple(round(v) for v in p) for p in whole]
    with pytest.raises(Reject, match="cluttered: the coins"):
        place_apart(np.random.default_rng(0), [200.0] * 4, 5, 2, what="coins")


def test_shuffle_together_moves_columns_alike():
    letters, numbers = shuffle_together(np.random.default_rng(5), list("abcdef"), [0, 1, 2, 3, 4, 5])
    assert sorted(letters) == list("abcdef")
    assert [ord(c) - ord("a") for c in letters] == numbers


def test_fill_colors_mixed_and_single():
    rng = np.random.default_rng(2)
    mixed = fill_colors(rng, 4, True)
    assert len(set(mixed)) == 4 and all(c in [PALETTE[n] for n in FILL_COLORS] for c in mixed)
    assert len(set(fill_colors(rng, 9, True))) <= len(FILL_COLORS)  # more shapes than colours: repeats allowed
    assert len(set(fill_colors(rng, 5, False))) == 1


def test_shape_reach_is_the_farthest_vertex():
    assert shape_reach("circle", 30.0) == 30.0
    for kind in ("square", "triangle", "star"):
        far = max(math.hypot(x, y) for x, y in shape_points(kind, (0.0, 0.0), 30.0, 1.0))
        assert shape_reach(kind, 30.0) == pytest.approx(far)


class _Params(TaskParams):
    ring_width: int = 6
    mark_frames: int = 4


class _OneRadius(TaskSolution):
    centers: list[Point]
    ring_radius: float
    target: int


class _Radii(TaskSolution):
    centers: list[Point]
    ring_radii: list[float]
    target: int


class _Gen(RingMarkGenerator):
    Params = _Params
    Solution = _OneRadius

    def generate(self):
        """Not called: these tests exercise the family's helpers on an instance, never a whole draw."""
        raise NotImplementedError

    def decoys(self, solution):
        return {"other_ringed": 1 - solution.target}


def test_ring_reads_one_radius_or_one_per_shape():
    gen = _Gen.__new__(_Gen)
    assert gen.ring(_OneRadius(centers=[(1.0, 2.0), (3.0, 4.0)], ring_radius=9.0, target=0), 1) == ((3.0, 4.0), 9.0)
    assert gen.ring(_Radii(centers=[(1.0, 2.0), (3.0, 4.0)], ring_radii=[5.0, 7.0], target=0), 0) == ((1.0, 2.0), 5.0)


def test_ringed_sample_and_default_probes():
    gen = _Gen.__new__(_Gen)
    gen.params = _Params()
    first = np.full((FRAME_SIZE, FRAME_SIZE, 3), 255, np.uint8)
    solution = _OneRadius(centers=[(100.0, 100.0), (300.0, 300.0)], ring_radius=40.0, target=0)
    sample = gen.ringed_sample(first, "ring it", solution, hold_frames=3)
    frames = list(sample.trajectory())
    assert len(frames) == 1 + gen.params.mark_frames and (frames[-1] == sample.final_frame).all()
    assert sample.hold_frames == 3
    assert gen.alternatives(sample) == {}  # no target_outline: no alternative
    misses = gen.near_misses(sample)
    assert list(misses) == ["other_ringed"]
    wrong = list(misses["other_ringed"]())[-1]
    assert (wrong[300, 260] != 255).any() and (wrong[100, 60] == 255).all()


def test_erode_and_dilate_are_square_structuring_elements():
    from vbvr_core.judge.masks import dilate, erode

    mask = np.zeros((20, 20), bool)
    mask[5:15, 5:15] = True
    assert erode(mask, 2).sum() == 6 * 6 and erode(mask, 2)[7:13, 7:13].all()
    assert dilate(erode(mask, 2), 2).sum() == 10 * 10


def test_read_new_ink_reads_the_added_mark_and_the_start(tmp_path):
    from itertools import chain

    from vbvr_core.contract import Score
    from vbvr_core.families.marking.draw import ring_sweep
    from vbvr_core.families.marking.judge import NewInk, read_new_ink
    from vbvr_core.media.video import VideoReader, held, write_video

    first = np.full((FRAME_SIZE, FRAME_SIZE, 3), 245, np.uint8)
    first[200:300, 200:300] = PALETTE["blue"]
    path = tmp_path / "ring.mp4"
    write_video(path, held(chain([first], ring_sweep(first, (250.0, 250.0), 80.0, 12)), 12))
    read = read_new_ink(VideoReader(path), first)
    assert isinstance(read, NewInk) and read.verdict.score(ok="").value == 1.0
    assert read.factor == 0.5 and read.counts[0] == 0 and read.counts[-1] > 0
    ys, xs = np.nonzero(read.mark)
    assert abs(xs.mean() - 125) < 2 and abs(ys.mean() - 125) < 2  # the ring, at judge size
    ringed = list(ring_sweep(first, (250.0, 250.0), 80.0, 1))[-1]
    write_video(tmp_path / "at_once.mp4", held([ringed] * 6, 6))
    refused = read_new_ink(VideoReader(tmp_path / "at_once.mp4"), first, unless="marked from the start")
    assert isinstance(refused, Score) and refused.value == 0.0 and "marked from the start" in refused.reason
    opens_never = read_new_ink(VideoReader(path), first, opens=lambda opening, first_small: False)
    assert isinstance(opens_never, Score) and opens_never.value == 0.0


def test_varied_shapes_draws_kinds_radii_and_turns():
    from vbvr_core.families.marking.task import SCENE_KINDS, varied_shapes

    kinds, radii, rotations = varied_shapes(np.random.default_rng(4), 30, True, "circle", 20.0)
    assert set(kinds) <= set(SCENE_KINDS) and len(set(kinds)) > 1
    assert all(17.0 <= r <= 23.0 and r == round(r, 1) for r in radii)
    assert all((t == 0.0) == (k == "circle") for k, t in zip(kinds, rotations, strict=True))
    same, _, _ = varied_shapes(np.random.default_rng(4), 5, False, "hexagon", 20.0)
    assert same == ["hexagon"] * 5


def test_place_apart_in_a_given_area_with_few_tries():
    centers = place_apart(np.random.default_rng(6), [10.0] * 5, 4, 3, area=(0, 0, 200, 100), tries=40, digits=None)
    assert all(10 <= x <= 190 and 10 <= y <= 90 for x, y in centers)


def test_filled_polygons_paints_in_order_on_the_background():
    from vbvr_core.families.marking.draw import filled_polygons

    square = [(100, 100), (200, 100), (200, 200), (100, 200)]
    frame = filled_polygons((250, 248, 240), [square, [(x + 50, y) for x, y in square]], [(0, 128, 0), (0, 0, 255)])
    assert frame.shape == (FRAME_SIZE, FRAME_SIZE, 3) and frame.dtype == np.uint8
    assert tuple(frame[10, 10]) == (250, 248, 240)
    assert tuple(frame[150, 120]) == (0, 128, 0) and tuple(frame[150, 180]) == (0, 0, 255)  # the later one on top
