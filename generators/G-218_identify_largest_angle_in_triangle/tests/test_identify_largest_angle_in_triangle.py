"""G-218 specifications: the solver, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.pipeline.sample_io import read_png
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_baseline, score_frames
from vbvr_g218_identify_largest_angle_in_triangle.generator import (
    LargestAngleGenerator,
    interior_angles,
    triangle_from_angles,
)

KEY = "G-218_identify_largest_angle_in_triangle"


def test_solver_finds_the_right_angle_of_a_3_4_5_triangle():
    angles = interior_angles([(0, 0), (400, 0), (0, 300)])
    assert int(np.argmax(angles)) == 0 and angles[0] == pytest.approx(90.0)
    assert sum(angles) == pytest.approx(180.0)


def test_triangle_is_built_with_the_asked_angles():
    vertices = triangle_from_angles([100.0, 50.0, 30.0], 300, turn=1.0)
    assert interior_angles(vertices) == pytest.approx([100.0, 50.0, 30.0], abs=1e-6)
    assert max(np.hypot(*np.subtract(vertices[k], vertices[k - 1])) for k in range(3)) == pytest.approx(300)


def test_largest_angle_is_the_target_in_every_stratum():
    for difficulty in range(3):
        sample = LargestAngleGenerator(difficulty, {"difficulty": difficulty}).generate()
        angles = sample.solution["angles"]
        assert sample.solution["target"] == int(np.argmax(angles))
        assert sorted(angles)[-1] - sorted(angles)[-2] >= 5


def test_near_equal_largest_angles_are_rejected():
    generator = LargestAngleGenerator(1)
    sample = generator.generate()
    sample.solution["angles"] = [80.0, 78.0, 22.0]
    assert any("ambiguous" in problem for problem in generator.validate(sample))


def test_vertices_too_close_for_the_ring_are_rejected():
    generator = LargestAngleGenerator(2)
    sample = generator.generate()
    sample.solution["vertices"] = [[200, 200], [240, 200], [300, 400]]
    assert any("cluttered" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="largest_angle"):
        LargestAngleGenerator(0, {"largest_angle": 170})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def test_answer_without_the_drawing_keeps_most_credit(samples, tmp_path):
    # The process is not asked for: a cut to the marked frame loses only the "progressive" share.
    assert score_baseline("final", samples[0], tmp_path) == pytest.approx(0.9)


def test_ring_on_the_second_largest_angle_scores_zero(samples, tmp_path):
    folder = samples[0]
    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    second = int(np.argsort(solution["angles"])[-2])
    first = read_png(folder / "first_frame.png")
    frames = [first] * 12 + list(ring_sweep(first, tuple(solution["vertices"][second]), solution["ring_radius"], 16))
    result = score_frames(folder, frames + frames[-1:] * 12, tmp_path)
    assert result.value == 0 and result.parts["selection"] == 0


def test_drawn_instances_are_diverse():
    hashes = {LargestAngleGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30
