"""G-39 specifications: the layout, the looks of the two objects, and the scorer on right and wrong slides."""

from __future__ import annotations

import math

from vbvr_core.judge.alternatives import recreate
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g39_attention_shift_different.generator import AttentionShiftGenerator, Solution

KEY = "G-39_attention_shift_different"


def test_the_objects_differ_as_asked_and_their_boxes_stay_apart():
    for seed, differ in enumerate(("both", "kind", "color")):
        s = first_accepted_sample(AttentionShiftGenerator, seed, {"differ": differ}).solution
        assert (s.kinds[0] != s.kinds[1]) == (differ != "color")
        assert (s.colors[0] != s.colors[1]) == (differ != "kind")
        (ax, ay), (bx, by) = s.centers
        assert max(abs(ax - bx), abs(ay - by)) > sum(s.box_halves)


def test_drawn_instances_are_diverse():
    assert len({hash(first_accepted_sample(AttentionShiftGenerator, 100 * seed).first_frame.tobytes())
                for seed in range(6)}) == 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_stopping_halfway_or_overshooting_scores_zero(self, samples, tmp_path):
        made = recreate(samples[0])
        misses = made.generator.near_misses(made.sample)
        for name in ("stops_halfway", "overshoots"):
            result = score_frames(samples[0], list(misses[name]()), tmp_path, f"{name}.mp4")
            assert result.value == 0 and result.parts["end"] == 0

    def test_a_ring_sliding_instead_scores_high(self, samples, tmp_path):
        made = recreate(samples[0])
        frames = list(made.generator.alternatives(made.sample)["green_ring"]())
        assert score_frames(samples[0], frames, tmp_path).value >= 0.9

    def test_the_boxes_are_apart(self, samples):
        s = self.solution(samples[0])
        assert math.dist(*s.centers) > sum(s.box_halves)
