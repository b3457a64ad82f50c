"""G-218 specifications: the solver, the rejections, and the scorer on right, wrong and drifted marks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.geometry_marks.task import inside_canvas
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import make_samples, score_baseline, score_frames
from vbvr_g218_identify_largest_angle_in_triangle.generator import (
    LargestAngleGenerator,
    Solution,
    interior_angles,
    reject_reason,
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
        solution = LargestAngleGenerator(difficulty, {"difficulty": difficulty}).generate().solution
        angles = interior_angles(solution.vertices)
        assert solution.target == int(np.argmax(angles)) and sorted(angles)[-1] - sorted(angles)[-2] >= 5
        assert inside_canvas(solution.vertices, solution.ring_radius + 9)  # every ring fits on the canvas


def test_unusable_triangles_are_rejected():
    near_equal = [(100, 400), (400, 400), (250, 400 - 150 * np.tan(np.radians(62)))]  # 62°, 62°, 56°
    assert "ambiguous" in reject_reason(near_equal, 30)
    assert "sliver" in reject_reason([(200, 200), (240, 200), (300, 420)], 30)
    assert "cluttered" in reject_reason([(200, 300), (260, 300), (150, 380)], 30)
    assert reject_reason([(100, 400), (400, 400), (150, 150)], 30) is None


def test_drawn_instances_are_diverse():
    firsts = []
    for seed in range(30):
        try:
            firsts.append(hash(LargestAngleGenerator(seed).generate().first_frame.tobytes()))
        except Reject:
            continue
    assert len(firsts) >= 20 and len(set(firsts)) == len(firsts)


class TestContract(SampleContract):
    key = KEY

    def _marked(self, folder, vertex: int, extent: float = 360.0, shift: int = 0):
        solution = Solution.model_validate(load_record(folder).solution)
        first = read_png(folder / "first_frame.png")
        sweep = list(ring_sweep(first, solution.vertices[vertex], solution.ring_radius, 16))
        if extent < 360:
            sweep = [ring_image(first, solution.vertices[vertex], solution.ring_radius, extent=extent)]
        frames = [first] * 12 + sweep + sweep[-1:] * 12
        return [np.clip(f.astype(np.int16) + shift, 0, 255).astype(np.uint8) for f in frames], solution

    def test_answer_without_the_drawing_keeps_most_credit(self, samples, tmp_path):
        assert score_baseline("final", samples[0], tmp_path) == pytest.approx(0.9)

    def test_ring_on_the_second_largest_angle_scores_zero(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        second = int(np.argsort(interior_angles(solution.vertices))[-2])
        result = score_frames(samples[0], self._marked(samples[0], second)[0], tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_a_half_drawn_ring_scores_low(self, samples, tmp_path):
        target = Solution.model_validate(load_record(samples[0]).solution).target
        assert score_frames(samples[0], self._marked(samples[0], target, extent=180)[0], tmp_path).value <= 0.1

    def test_a_darker_rendering_keeps_the_score(self, samples, tmp_path):
        target = Solution.model_validate(load_record(samples[0]).solution).target
        assert score_frames(samples[0], self._marked(samples[0], target, shift=-8)[0], tmp_path).value >= 0.95


def test_another_triangle_s_video_does_not_open_on_this_one(tmp_path):
    """Regression (core's opening check): seed 7's sample 5 draws another triangle, its first frame differing from
    sample 4's in 2 % of the pixels, and its ring lands near sample 4's answer vertex; its video scored 1.00 on
    sample 4, as the opening was judged by whole-frame PSNR alone. The opening must draw the same lines."""
    samples = make_samples(KEY, tmp_path / "samples", count=6, seed=7)
    assert score_baseline("shuffle", samples[4], tmp_path, samples[5]) <= 0.1

