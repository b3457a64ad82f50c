"""G-5_multi_object_placement specifications: layout, rejections, the scorer on other orders and near misses, and
the shared checks."""

from __future__ import annotations

import math

import pytest
from vbvr_core.contract import Score
from vbvr_core.draw import PALETTE, color_distance
from vbvr_core.families.arrangement.draw import KIND_REACH, Mover, path_is_clear
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g5_multi_object_placement import generator
from vbvr_g5_multi_object_placement.generator import (
    MIN_TRAVEL,
    OBJECT_COLORS,
    PATH_GAP,
    MultiObjectPlacementGenerator,
    Solution,
    moves,
    tint,
)
from vbvr_g5_multi_object_placement.scorer import any_order

KEY = "G-5_multi_object_placement"
PARAMS = {"objects": 2, "decoy_stars": 1, "move_frames": 10, "pause_frames": 0}


def test_every_order_of_the_moves_is_clear():
    for seed in range(1):
        solution = first_accepted_sample(MultiObjectPlacementGenerator, seed, {"difficulty": 2}, tries=40).solution
        reaches = [KIND_REACH[kind] * solution.radius for kind in solution.kinds]
        assert len(set(solution.names)) == len(solution.names) and set(solution.names) <= set(OBJECT_COLORS)
        for k, reach in enumerate(reaches):
            assert math.dist(solution.starts[k], solution.targets[k]) >= MIN_TRAVEL
            others = [(p, reaches[j]) for j in range(len(reaches)) if j != k
                      for p in (solution.starts[j], solution.targets[j])]
            assert path_is_clear(Mover(None, (solution.starts[k], solution.targets[k]), reach), others, PATH_GAP)


def test_stars_are_out_of_their_objects_colour_reach():
    assert all(color_distance(PALETTE[name], tint(PALETTE[name])) >= 100 for name in OBJECT_COLORS)


def test_a_board_where_one_object_blocks_another_is_rejected(monkeypatch):
    # Object 0's way to its star runs over object 1, which waits on the same line: no layout is accepted.
    spots = iter([[(100.0, 256.0), (420.0, 100.0)], [(400.0, 256.0), (250.0, 256.0)]] * 40)
    monkeypatch.setattr(generator, "scatter", lambda rng, reaches, placed: next(spots) if reaches else [])
    with pytest.raises(Reject, match="occlusion"):
        MultiObjectPlacementGenerator(0, {"objects": 2, "decoy_stars": 0, "object_radius": 24}).generate()


def test_the_order_part_is_divided_out():
    result = Score(value=0.7, parts={"placed": 1.0, "order": 0.7}, reason="the pieces do not move in the order asked")
    fixed = any_order(result)
    assert fixed.value == pytest.approx(1.0) and fixed.parts["order"] == 1.0 and "order" not in fixed.reason


class TestContract(SampleContract):
    key = KEY
    params = PARAMS
    near_misses = ("swapped_pair", "last_left_behind")
    near_miss_max = 0.5

    def test_another_order_scores_high(self, samples, tmp_path):
        record = load_record(samples[0])
        solution = Solution.model_validate(record.solution)
        frames = list(moves(solution, solution.targets, solution.order[::-1], 10, 0, record.params["background"])())
        assert score_frames(samples[0], frames, tmp_path).value >= 0.95
