"""O-55 specifications: the camera geometry, rejection of structures whose views cannot carry the task, and the
scorer on near misses (wrong way round, a quarter turn) and on a structure framed a little off."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o55_rotation.generator import (
    RotationGenerator,
    Solution,
    camera,
    grow,
    view_frame,
    view_problem,
    view_templates,
)

KEY = "O-55_rotation"
SMALL = {"orbit_frames": 32}


def test_camera_moves_to_its_right_as_the_azimuth_grows():
    right, up, toward = camera(30.0, 25.0)
    ahead, _, _ = camera(31.0, 25.0)
    position_change = camera(31.0, 25.0)[2] - toward
    assert position_change @ right > 0 and abs(right @ up) < 1e-9 and abs(up @ toward) < 1e-9
    assert np.allclose(ahead, camera(31.0, 25.0)[0])


def test_structure_is_joined_and_rests_on_the_floor():
    cells = grow(np.random.default_rng(3), 8)
    assert len(set(cells)) == 8 and min(z for _, _, z in cells) == 0
    joined, todo = {cells[0]}, [cells[0]]
    while todo:
        x, y, z = todo.pop()
        for other in cells:
            if other not in joined and sum(abs(a - b) for a, b in zip(other, (x, y, z), strict=True)) == 1:
                joined.add(other)
                todo.append(other)
    assert len(joined) == 8


def test_a_symmetric_structure_is_rejected_as_trivial():
    row = [(0, 1, 0), (1, 1, 0), (2, 1, 0)]  # a straight bar looks the same from the far side
    templates = view_templates(row, 30, 40, 60.0, (255, 255, 255))
    assert "trivial" in view_problem(templates, 180)


def test_generation_raises_reject_for_edge_on_start():
    with pytest.raises(Reject, match="edge-on"):
        RotationGenerator(0, {"start_azimuth": 90, **SMALL}).generate()


def _orbit(folder, final: float, frames: int = 24, offset=(0.0, 0.0)) -> list[np.ndarray]:
    solution = Solution.model_validate(load_record(folder).solution)
    return [view_frame(solution, final * k / frames, offset) for k in range(frames + 1)]


class TestContract(SampleContract):
    key = KEY
    params = SMALL

    def test_wrong_way_and_quarter_turn_score_low(self, samples, tmp_path):
        target = load_record(samples[0]).solution["signed_degrees"]
        for factor in (-1.0, 0.5):
            result = score_frames(samples[0], _orbit(samples[0], factor * target), tmp_path)
            assert result.value < 0.1 and result.parts["end"] == 0.0

    def test_orbit_framed_off_and_rendered_at_another_pace_scores_high(self, samples, tmp_path):
        target = load_record(samples[1]).solution["signed_degrees"]
        assert score_frames(samples[1], _orbit(samples[1], target, 36, offset=(-20.0, 12.0)), tmp_path).value >= 0.95
