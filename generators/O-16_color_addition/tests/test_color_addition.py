"""O-16_color_addition specifications: the mixing rule, the generator's rejections, and the scorer on right and
wrong mixtures, on top of the checks every task shares."""

from __future__ import annotations

import pytest
from vbvr_core.families.color_mix.mixing import additive
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o16_color_addition.generator import ColorAdditionGenerator, Solution, colour_problem

KEY = "O-16_color_addition"


def test_light_adds_up():
    assert additive((255, 0, 0), (0, 255, 0)) == (255, 255, 0)
    assert additive((128, 0, 85), (0, 128, 170)) == (128, 128, 255)


@pytest.mark.parametrize(("first", "second", "why"), [
    ((200, 0, 0), (100, 0, 255), "passes 255"),          # clipping and rescaling would disagree
    ((250, 250, 250), (0, 0, 0), "too close to the white"),  # a ball lost in the background
    ((255, 0, 0), (0, 0, 40), "too close to the"),        # the sum is almost the first colour
    ((255, 0, 255), (0, 255, 0), "mixture (255, 255, 255)"),  # white: invisible on the canvas
])
def test_unusable_colour_pairs_are_rejected(first, second, why):
    problem = colour_problem(first, second)
    assert problem is not None and why in problem


def test_a_clear_pair_is_accepted():
    assert colour_problem((255, 0, 0), (0, 0, 255)) is None


def test_every_stratum_draws_solvable_instances_whose_mixture_is_the_sum():
    made = 0
    for seed in range(15):
        try:
            sample = ColorAdditionGenerator(seed, {"difficulty": seed % 3}).generate()
        except Reject:
            continue
        solution = sample.solution
        assert solution.mixture == additive(*solution.colors)
        assert colour_problem(*solution.colors) is None
        made += 1
    assert made >= 12


def test_the_final_frame_is_one_ball_of_the_mixture_at_the_midpoint():
    sample = ColorAdditionGenerator(3, {"difficulty": 1}).generate()
    x, y = (int(round(v)) for v in sample.solution.midpoint)
    assert tuple(int(v) for v in sample.final_frame[y, x]) == sample.solution.mixture


class TestContract(SampleContract):
    key = KEY

    def _generator(self, folder):
        record = load_record(folder)
        solution = Solution.model_validate(record.solution)
        generator = ColorAdditionGenerator(0, {**record.params})
        return generator, solution

    def test_a_blend_instead_of_light_mixing_scores_zero(self, samples, tmp_path):
        # The nearest wrong rule: the average has the sum's hue and is only darker (the robustness suite
        # scores the other declared near misses, pigment mixing and one colour winning).
        generator, solution = self._generator(samples[0])
        frames = list(generator.near_misses(_as_sample(solution))["averaged"]())
        result = score_frames(samples[0], [frames[0]] * 6 + frames + [frames[-1]] * 12, tmp_path)
        assert result.value == 0 and result.parts["colour"] == 0


def _as_sample(solution: Solution):
    """The hooks read only ``sample.solution``."""
    return type("SampleLike", (), {"solution": solution.model_dump()})()
