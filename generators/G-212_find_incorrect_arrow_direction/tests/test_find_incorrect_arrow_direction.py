"""G-212 specifications: the direction rule's solver, the layouts, and the scorer on right and wrong marks."""

from __future__ import annotations

import math

import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g212_find_incorrect_arrow_direction.generator import (
    Solution,
    WrongArrowGenerator,
    angle_gap,
    relative_angles,
    wrong_arrow,
)

KEY = "G-212_find_incorrect_arrow_direction"


def test_the_one_disagreeing_arrow_is_found():
    assert angle_gap(350.0, 10.0) == pytest.approx(20.0)
    assert wrong_arrow([0.0, 5.0, 355.0, 180.0, 2.0]) == 3
    assert wrong_arrow([90.0, 90.0, 0.0, 92.0, 88.0]) == 2


def test_two_wrong_arrows_or_a_slight_turn_are_rejected():
    with pytest.raises(Reject, match="ambiguous"):
        wrong_arrow([0.0, 0.0, 180.0, 180.0, 0.0])
    with pytest.raises(Reject, match="ambiguous"):
        wrong_arrow([0.0, 0.0, 0.0, 0.0, 40.0])


def test_ring_directions_are_read_against_the_tangent():
    centers = [(356.0, 256.0), (256.0, 356.0), (156.0, 256.0)]
    # Clockwise on screen (y down): at the right the tangent points down (90°), at the bottom left (180°).
    assert relative_angles("ring", centers, [90.0, 180.0, 90.0], (256.0, 256.0)) == [0.0, 0.0, 180.0]


def test_the_target_is_the_turned_arrow_and_rings_take_in_no_other():
    for seed in range(4):
        s = first_accepted_sample(WrongArrowGenerator, seed, {"difficulty": seed % 3})
        sol = s.solution
        assert sol.target != sol.odd_colored
        for k, center in enumerate(sol.centers):
            if k != sol.target:
                assert math.dist(center, sol.centers[sol.target]) > sol.ring_radius + s.params.length / 2


def test_drawn_instances_are_diverse():
    assert len({hash(first_accepted_sample(WrongArrowGenerator, 100 * seed).first_frame.tobytes())
                for seed in range(8)}) == 8


def _ringed(folder, center, radius, frames=6):
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames, width=5))
    return [first] * 4 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 2, "num_arrows": 7}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_ring_on_another_arrow_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        other = (s.target + 1) % len(s.centers)
        result = score_frames(samples[0], _ringed(samples[0], s.centers[other], s.ring_radius), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_arrows_marked_at_once_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        other = (s.target + 1) % len(s.centers)
        frames = _ringed(samples[0], s.centers[s.target], s.ring_radius)
        both = ring_image(frames[-1], s.centers[other], s.ring_radius)
        assert score_frames(samples[0], frames + [both] * 6, tmp_path).value == 0
