"""O-65_animal_size_sorting specifications: sizes, colours, layout, rejections, near misses and the shared checks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.stacking.faces import KINDS, Face, fur_colours_distinct
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_o65_animal_size_sorting.generator import (
    BASELINE_Y,
    AnimalSizeSortingGenerator,
    Solution,
    grown_sizes,
    ranks_agree,
    row_frames,
)

KEY = "O-65_animal_size_sorting"
PARAMS = {"animals": 3, "move_frames": 16, "stagger": 4}


def test_fur_colours_are_far_apart():
    assert fur_colours_distinct()


def test_sizes_grow_by_the_step():
    sizes = grown_sizes(np.random.default_rng(0), 5, 18, 1.2)
    assert all(b >= 1.2 * a - 0.1 for a, b in zip(sizes, sizes[1:], strict=False))


def test_faces_of_nearly_equal_size_are_ambiguous():
    assert not ranks_agree([Face("rabbit", 30.0), Face("bear", 30.5)])
    assert ranks_agree([Face(kind, 20.0 * 1.15 ** k) for k, kind in enumerate(KINDS)])


def test_the_row_is_sorted_and_on_the_baseline():
    for seed in range(4):
        sample = first_accepted_sample(AnimalSizeSortingGenerator, seed, {"difficulty": seed % 3})
        solution = sample.solution
        xs = [solution.ends[k][0] for k in solution.order]
        assert xs == sorted(xs)
        assert [solution.sizes[k] for k in solution.order] == sorted(solution.sizes)
        alpha = sample.final_frame[BASELINE_Y - 1].min(axis=1) < 200  # faces' chins touch the baseline
        assert alpha.sum() > 0


class TestContract(SampleContract):
    key = KEY
    params = PARAMS

    @pytest.mark.parametrize("name", ["largest_first", "top_two_swapped"])
    def test_near_misses_score_below_the_oracle(self, samples, tmp_path, name):
        record = load_record(samples[0])
        solution = Solution.model_validate(record.solution)
        order = solution.order[::-1] if name == "largest_first" else solution.order[:-2] + solution.order[-1:] + solution.order[-2:-1]
        frames = list(row_frames(solution, order, 12)())
        assert score_frames(samples[0], frames[:1] * 12 + frames + frames[-1:] * 12, tmp_path).value <= 0.7
