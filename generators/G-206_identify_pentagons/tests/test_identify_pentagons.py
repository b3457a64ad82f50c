"""G-206 specifications: corner checks, the pentagon solver, the generator's rejections, and the scorer on right and wrong marks."""

from __future__ import annotations

import math

import pytest
from vbvr_core.draw import regular_polygon
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g206_identify_pentagons.generator import (
    PentagonGenerator,
    Solution,
    corner_problem,
    pentagon_index,
)

KEY = "G-206_identify_pentagons"


def test_regular_polygons_have_countable_corners():
    for sides in (3, 4, 5, 6, 7):
        assert corner_problem(regular_polygon((0.0, 0.0), 40, sides), 40) is None


def test_a_flat_corner_a_dent_and_a_short_side_are_refused():
    flat = [(0.0, -40.0), (40.0, 0.0), (20.0, 20.5), (0.0, 40.0), (-40.0, 0.0)]  # (20, 20.5) lies almost on a side
    assert "too flat" in corner_problem(flat, 40)
    dent = [(0.0, -40.0), (40.0, 0.0), (0.0, -5.0), (0.0, 40.0), (-40.0, 0.0)]
    assert "dent" in corner_problem(dent, 40)
    short = [(0.0, -40.0), (6.0, -38.0), (40.0, 10.0), (0.0, 40.0), (-40.0, 0.0)]
    assert corner_problem(short, 40) is not None


def test_exactly_one_pentagon_is_required():
    assert pentagon_index([3, 5, 6]) == 1
    for sides in ([3, 4, 6], [5, 4, 5]):
        with pytest.raises(Reject, match="ambiguous"):
            pentagon_index(sides)


def test_every_drawn_polygon_has_countable_corners_and_one_is_the_pentagon():
    for seed in range(12):
        solution = first_accepted_sample(PentagonGenerator, seed, {"difficulty": seed % 3})
        solution = solution.solution
        assert solution.sides.count(5) == 1 and solution.sides[solution.target] == 5
        for corners, center, sides in zip(solution.corners, solution.centers, solution.sides, strict=True):
            radius = max(math.hypot(x - center[0], y - center[1]) for x, y in corners)
            assert len(corners) == sides and corner_problem(corners, radius * 0.75) is None


def test_drawn_instances_are_diverse():
    hashes = {hash(first_accepted_sample(PentagonGenerator, 100 * seed).first_frame.tobytes()) for seed in range(30)}
    assert len(hashes) == 30


def _ringed(folder, center, radius, frames=14):
    """The first frame held 0.5 s, a ring drawn around ``center``, then held 0.5 s."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 12 + sweep + sweep[-1:] * 12


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_ring_on_another_polygon_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        for other in range(len(solution.sides)):
            if other != solution.target:
                frames = _ringed(samples[0], solution.centers[other], solution.ring_radii[other])
                result = score_frames(samples[0], frames, tmp_path, f"other_{other}.mp4")
                assert result.value == 0 and result.parts["selection"] == 0

    def test_two_polygons_marked_at_once_score_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        other = (solution.target + 1) % len(solution.sides)
        frames = _ringed(samples[0], solution.centers[solution.target], solution.ring_radii[solution.target])
        both = ring_image(frames[-1], solution.centers[other], solution.ring_radii[other])
        assert score_frames(samples[0], frames + [both] * 12, tmp_path).value == 0

    @pytest.mark.parametrize("style", ["dot", "thin_outline"])
    def test_other_clear_marks_of_the_pentagon_score_high(self, samples, tmp_path, style):
        solution = self.solution(samples[0])
        center, radius = solution.centers[solution.target], solution.ring_radii[solution.target]
        first = read_png(samples[0] / "first_frame.png")
        if style == "dot":
            final = ring_image(first, center, radius * 0.2, width=int(radius * 0.2) + 1)
        else:
            final = ring_image(first, center, radius, color=(200, 40, 30), width=2)
        assert score_frames(samples[0], [first] * 12 + [final] * 12, tmp_path).value >= 0.85
