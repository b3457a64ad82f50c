"""G-217 specifications: the patterns, the central-dot solver, the rejections, and the scorer on right and wrong marks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g217_circle_central_dot.generator import CentralDotGenerator, Solution, central_dot, pattern_points

KEY = "G-217_circle_central_dot"


@pytest.mark.parametrize("pattern", ["line", "grid", "cross", "ring"])
def test_every_pattern_is_symmetric_about_its_first_dot(pattern):
    points = pattern_points(pattern, 2, 50.0, 0.3, np.random.default_rng(1))
    assert points[0] == (0.0, 0.0)
    assert np.allclose(np.asarray(points).mean(axis=0), 0.0)
    assert central_dot(points, 40.0) == 0


def test_an_arrangement_without_a_dot_at_its_centre_is_rejected():
    with pytest.raises(Reject, match="ambiguous"):
        central_dot([(0.0, 0.0), (50.0, 0.0), (100.0, 0.0), (150.0, 0.0)], 40.0)


def test_the_target_is_the_centre_and_no_other_dot_is_near_it():
    for seed in range(3):
        s = first_accepted_sample(CentralDotGenerator, seed, {"difficulty": seed % 3}).solution
        centre = np.asarray(s.dots).mean(axis=0)
        assert math.dist(s.dots[s.target], centre) <= 2.0
        assert all(math.dist(d, s.dots[s.target]) > s.ring_radius + s.dot_radius for k, d in enumerate(s.dots)
                   if k != s.target)


def test_drawn_instances_are_diverse():
    assert len({hash(first_accepted_sample(CentralDotGenerator, 100 * seed).first_frame.tobytes())
                for seed in range(6)}) == 6


def _ringed(folder, center, radius, frames=6):
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames, width=3))
    return [first] * 4 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 1, "pattern": "cross", "size": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_ring_on_a_neighbour_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        other = min((k for k in range(len(s.dots)) if k != s.target),
                    key=lambda k: math.dist(s.dots[k], s.dots[s.target]))
        result = score_frames(samples[0], _ringed(samples[0], s.dots[other], s.ring_radius), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_a_wide_ring_taking_in_the_neighbours_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        wide = ring_image(first, s.dots[s.target], 3 * s.ring_radius + 20, width=3)
        assert score_frames(samples[0], [first] * 6 + [wide] * 8, tmp_path).value == 0
