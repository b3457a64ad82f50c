"""O-2_pigment_color_mixing_subtractive specifications: the mixing rule, the generator's rejections, and the
scorer on right and wrong mixtures, on top of the checks every task shares."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.color_mix.mixing import subtractive
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o2_pigment_color_mixing_subtractive.generator import (
    PigmentMixingGenerator,
    Solution,
    colour_problem,
    ink,
)

KEY = "O-2_pigment_color_mixing_subtractive"


def test_pure_inks_mix_to_the_secondaries_and_black():
    cyan, magenta, yellow = ink("cyan", 1.0), ink("magenta", 1.0), ink("yellow", 1.0)
    assert (cyan, magenta, yellow) == ((0, 255, 255), (255, 0, 255), (255, 255, 0))
    assert subtractive(cyan, magenta) == (0, 0, 255)
    assert subtractive(cyan, yellow) == (0, 255, 0)
    assert subtractive(magenta, yellow) == (255, 0, 0)
    assert subtractive(cyan, magenta, yellow) == (0, 0, 0)


def test_weak_inks_whose_mixture_is_close_to_their_blend_are_rejected():
    problem = colour_problem([ink("cyan", 0.3), ink("magenta", 0.3)])
    assert problem is not None and ("too close" in problem)


def test_pure_inks_are_accepted():
    assert colour_problem([ink("magenta", 1.0), ink("yellow", 1.0)]) is None


def test_every_stratum_draws_instances_whose_mixture_is_the_product():
    made = 0
    for seed in range(12):
        try:
            sample = PigmentMixingGenerator(seed, {"difficulty": seed % 3}).generate()
        except Reject:
            continue
        solution = sample.solution
        assert len(set(solution.kinds)) == len(solution.kinds) == sample.params.pigments
        assert solution.mixture == subtractive(*solution.colors)
        x, y = (int(round(v)) for v in solution.dish)
        assert tuple(int(v) for v in sample.final_frame[y, x]) == solution.mixture
        for (u, v), colour in zip(solution.wells, solution.colors, strict=True):
            assert tuple(int(c) for c in sample.final_frame[int(round(v)), int(round(u))]) == colour
        made += 1
    assert made >= 10


class TestContract(SampleContract):
    key = KEY

    def test_a_blend_instead_of_pigment_mixing_scores_zero(self, samples, tmp_path):
        # The robustness suite scores the other declared near misses (light mixing, one pigment winning).
        record = load_record(samples[0])
        generator = PigmentMixingGenerator(0, {**record.params})
        sample = type("SampleLike", (), {"solution": record.solution,
                                         "first_frame": generator._base(Solution.model_validate(record.solution))})()
        frames = list(generator.near_misses(sample)["averaged"]())
        result = score_frames(samples[0], [frames[0]] * 6 + frames + [frames[-1]] * 12, tmp_path)
        assert result.value == 0 and result.parts["colour"] == 0

    def test_emptying_the_pigment_circles_scores_zero(self, samples, tmp_path):
        record = load_record(samples[0])
        solution = Solution.model_validate(record.solution)
        generator = PigmentMixingGenerator(0, {**record.params})
        white = np.full_like(generator._base(solution), 255)
        frames = list(generator._frames(generator._base(solution), solution, subtractive))
        emptied = generator._frame(white, solution, 1.0, 1.0, subtractive)
        result = score_frames(samples[0], [frames[0]] * 6 + frames + [emptied] * 12, tmp_path)
        assert result.value == 0 and result.parts["kept_0"] == 0
