"""G-168 specifications: the ratio solver, the parameter check, and the scorer on right and wrong marks."""

from __future__ import annotations

import pydantic
import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g168_identify_nearest_to_square_rectangle.generator import (
    NearestSquareGenerator,
    Params,
    Solution,
    corners_of,
    measured_ratio,
    most_square,
)

KEY = "G-168_identify_nearest_to_square_rectangle"


def test_the_ratio_is_measured_from_the_corners_whatever_the_turn():
    assert measured_ratio(corners_of((100.0, 100.0), 80.0, 40.0, 0.7)) == pytest.approx(0.5, abs=1e-3)
    assert measured_ratio(corners_of((100.0, 100.0), 30.0, 60.0, 0.0)) == pytest.approx(0.5, abs=1e-3)


def test_the_most_square_is_found_and_a_close_runner_up_is_rejected():
    assert most_square([0.4, 0.9, 0.7]) == 1
    with pytest.raises(Reject, match="ambiguous"):
        most_square([0.4, 0.9, 0.87])


def test_parameters_leaving_no_room_below_the_best_ratio_are_refused():
    with pytest.raises(pydantic.ValidationError, match="best_ratio"):
        Params(best_ratio=0.6, ratio_gap=0.3)


def test_the_target_is_the_most_square_by_the_drawn_gap_at_every_difficulty():
    for seed in range(9):
        sample = first_accepted_sample(NearestSquareGenerator, seed, {"difficulty": seed % 3})
        s, gap = sample.solution, sample.params.ratio_gap
        ranked = sorted(s.ratios, reverse=True)
        assert s.ratios[s.target] == ranked[0] and ranked[0] - ranked[1] >= gap - 0.01


def _ringed(folder, center, radius, frames=6):
    """The first frame held 0.25 s, a ring drawn around ``center``, then held 0.25 s (short: tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 6 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_a_ring_on_the_runner_up_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        wrong = sorted(range(len(s.ratios)), key=lambda k: -s.ratios[k])[1]
        result = score_frames(samples[0], _ringed(samples[0], s.centers[wrong], s.ring_radii[wrong]), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_rectangles_marked_at_once_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        other = (s.target + 1) % len(s.ratios)
        frames = _ringed(samples[0], s.centers[s.target], s.ring_radii[s.target])
        both = ring_image(frames[-1], s.centers[other], s.ring_radii[other])
        assert score_frames(samples[0], frames + [both] * 6, tmp_path).value == 0

    def test_a_dot_on_the_right_rectangle_scores_high(self, samples, tmp_path):
        s = self.solution(samples[0])
        radius = s.ring_radii[s.target]
        first = read_png(samples[0] / "first_frame.png")
        dot = ring_image(first, s.centers[s.target], radius * 0.2, width=int(radius * 0.2) + 1)
        assert score_frames(samples[0], [first] * 6 + [dot] * 6, tmp_path).value >= 0.85
