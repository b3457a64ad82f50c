"""G-219 specifications: the leftmost solver, the generator's layouts, and the scorer on right, wrong and other marks."""

from __future__ import annotations

import math

import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g219_select_leftmost_shape.generator import SelectLeftmostShapeGenerator, Solution, leftmost

KEY = "G-219_select_leftmost_shape"


def test_the_leftmost_leads_on_edge_and_centre():
    assert leftmost([120.0, 40.0, 200.0], [(150.0, 0.0), (70.0, 0.0), (230.0, 0.0)]) == 1


@pytest.mark.parametrize("lefts, centers", [
    ([40.0, 44.0], [(70.0, 0.0), (80.0, 0.0)]),     # edges 4 px apart
    ([40.0, 60.0], [(90.0, 0.0), (85.0, 0.0)]),     # leads on the edge, trails on the centre (a bigger shape)
])
def test_a_leftmost_without_a_clear_lead_is_rejected(lefts, centers):
    with pytest.raises(Reject, match="ambiguous"):
        leftmost(lefts, centers)


def test_layouts_keep_the_lead_and_rings_apart():
    for seed in range(12):
        generator = SelectLeftmostShapeGenerator(seed, {"difficulty": seed % 3})
        solution = generator.generate().solution
        others = [k for k in range(len(solution.lefts)) if k != solution.target]
        lead = min(solution.lefts[k] for k in others) - solution.lefts[solution.target]
        assert lead >= generator.params.margin - 0.5
        assert min(solution.centers[k][0] for k in others) - solution.centers[solution.target][0] >= 8
        for k, (x, y) in enumerate(solution.centers):
            for j in others:
                if j != k:
                    assert math.hypot(x - solution.centers[j][0], y - solution.centers[j][1]) > \
                        solution.ring_radii[k] + solution.ring_radii[j]


def test_drawn_instances_are_diverse():
    hashes = {hash(SelectLeftmostShapeGenerator(100 * seed).generate().first_frame.tobytes()) for seed in range(20)}
    assert len(hashes) == 20


def _ringed(folder, center, radius, frames=12):
    """The first frame held 0.5 s, a ring drawn around ``center``, then held 0.5 s."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 12 + sweep + sweep[-1:] * 12


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_ring_on_the_runner_up_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        runner_up = sorted(range(len(solution.lefts)), key=lambda k: solution.lefts[k])[1]
        result = score_frames(samples[0], _ringed(samples[0], solution.centers[runner_up],
                                                  solution.ring_radii[runner_up]), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_shapes_marked_at_once_score_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        other = (solution.target + 1) % len(solution.lefts)
        frames = _ringed(samples[0], solution.centers[solution.target], solution.ring_radii[solution.target])
        both = ring_image(frames[-1], solution.centers[other], solution.ring_radii[other])
        assert score_frames(samples[0], frames + [both] * 12, tmp_path).value == 0

    def test_a_dot_on_the_leftmost_scores_high(self, samples, tmp_path):
        solution = self.solution(samples[0])
        center, radius = solution.centers[solution.target], solution.ring_radii[solution.target]
        first = read_png(samples[0] / "first_frame.png")
        final = ring_image(first, center, radius * 0.2, width=int(radius * 0.2) + 1)
        assert score_frames(samples[0], [first] * 12 + [final] * 12, tmp_path).value >= 0.85
