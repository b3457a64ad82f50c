"""O-22_construction_stack specifications: the tower plan, the colours, near misses and the shared checks."""

from __future__ import annotations

import pytest
from vbvr_core.families.stacking.layout import one_at_a_time
from vbvr_core.pipeline.produce import attempt_seed
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_o22_construction_stack.generator import FLOOR_Y, ConstructionStackGenerator, legs, tints_apart

KEY = "O-22_construction_stack"
PARAMS = {"blocks": 2, "move_frames": 6, "pause_frames": 0}


def test_pale_target_colours_are_never_taken_for_blocks():
    assert tints_apart()


def test_the_copy_stacks_the_blocks_in_the_target_order_on_the_pad():
    for seed in range(4):
        solution = first_accepted_sample(ConstructionStackGenerator, seed, {"difficulty": seed % 3}).solution
        ys = [solution.targets[k][1] for k in solution.order]
        assert ys == sorted(ys, reverse=True) and len({solution.targets[k][0] for k in solution.order}) == 1
        assert all(y < FLOOR_Y for _, y in solution.starts)


def test_blocks_move_up_across_and_down_one_at_a_time():
    assert legs((200.0, 400.0), (80.0, 380.0), 300.0) == [(200.0, 400.0), (200.0, 300.0), (80.0, 300.0), (80.0, 380.0)]
    starts, ends = [(200.0, 400.0), (250.0, 400.0)], [(80.0, 400.0), (80.0, 370.0)]
    ways = {k: legs(starts[k], ends[k], top) for k, top in ((0, 300.0), (1, 280.0))}
    rows = one_at_a_time(starts, ends, [0, 1], 4, 1, ways)
    assert len(rows) == 1 + 12 + 1 + 12 and rows[13] == [(80.0, 400.0), (250.0, 400.0)]


class TestContract(SampleContract):
    key = KEY
    params = PARAMS

    @pytest.mark.parametrize("name", ["top_two_swapped", "top_left_on_table"])
    def test_near_misses_score_low(self, samples, tmp_path, name):
        record = load_record(samples[0])
        generator = ConstructionStackGenerator(attempt_seed(record.seed, record.attempt), self.params)
        sample = generator.generate()
        frames = list(generator.near_misses(sample)[name]())
        assert score_frames(samples[0], frames[:1] * 12 + frames + frames[-1:] * 12, tmp_path).value <= 0.3
