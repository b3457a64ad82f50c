"""O-21_construction_blueprint specifications: shapes and candidates, rejections, near misses and the shared checks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.pipeline.produce import attempt_seed
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_o21_construction_blueprint.generator import (
    ConstructionBlueprintGenerator,
    grown,
    normalised,
    path_clear,
    variants,
)

KEY = "O-21_construction_blueprint"


def test_shapes_are_connected_and_variants_are_turns_and_mirrors():
    rng = np.random.default_rng(0)
    for count in (3, 4, 5, 6):
        shape = grown(rng, count)
        assert len(shape) == count and max(max(r, c) for r, c in shape) <= 2
    ell = normalised({(0, 0), (1, 0), (1, 1)})
    assert len(variants(ell)) == 3 and ell not in variants(ell)
    assert variants(normalised({(0, 0), (0, 1), (1, 0), (1, 1)})) == []


def test_exactly_one_candidate_has_the_gaps_shape():
    for seed in range(6):
        sample = first_accepted_sample(ConstructionBlueprintGenerator, seed, {"difficulty": seed % 3})
        solution = sample.solution
        gap = normalised(solution.gap)
        fits = [k for k, cells in enumerate(solution.shapes) if normalised(cells) == gap]
        assert fits == [solution.answer]
        assert len({normalised(cells) for cells in solution.shapes}) == 4


def test_a_slide_across_another_piece_is_refused():
    square = normalised({(0, 0), (0, 1), (1, 0), (1, 1)})
    starts = [(60.0, 400.0), (180.0, 400.0)]
    assert not path_clear([square, square], starts, 0, (300.0, 400.0))
    assert path_clear([square, square], starts, 0, (60.0, 100.0))


class TestContract(SampleContract):
    key = KEY
    params = {"move_frames": 16}

    @pytest.mark.parametrize("name", ["wrong_piece", "half_way"])
    def test_near_misses_score_zero(self, samples, tmp_path, name):
        record = load_record(samples[0])
        generator = ConstructionBlueprintGenerator(attempt_seed(record.seed, record.attempt), self.params)
        sample = generator.generate()
        frames = list(generator.near_misses(sample)[name]())
        assert score_frames(samples[0], frames[:1] * 12 + frames + frames[-1:] * 12, tmp_path).value <= 0.05
