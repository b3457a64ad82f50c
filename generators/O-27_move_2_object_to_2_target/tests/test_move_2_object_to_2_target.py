"""O-27 specifications: the layout checks, the ground truth, and the near misses scored below it."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o27_move_2_object_to_2_target.generator import closest_approach, layout_problem

KEY = "O-27_move_2_object_to_2_target"


def held(frames: list[np.ndarray]) -> list[np.ndarray]:
    """Both ends held half a second, as the ground truth is saved."""
    return frames[:1] * 12 + frames + frames[-1:] * 12


def test_balls_that_would_meet_on_the_way_are_rejected():
    starts, crossing = [(100.0, 150.0), (400.0, 150.0)], [(400.0, 400.0), (100.0, 400.0)]
    assert closest_approach(starts, crossing) < 10
    assert "meet on the way" in layout_problem(starts, crossing, 24, 29)
    assert layout_problem(starts, [(100.0, 400.0), (400.0, 400.0)], 24, 29) is None


def test_marks_off_the_canvas_are_rejected():
    assert "leaves the canvas" in layout_problem([(100.0, 100.0), (400.0, 400.0)], [(500.0, 100.0), (300.0, 200.0)], 24, 29)


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 0}  # recreate() finds the draw again from the difficulty alone

    @pytest.mark.parametrize("name, part", [("swapped_rings", "placed"), ("one_after_the_other", "together")])
    def test_near_misses_score_clearly_below_the_oracle(self, samples, tmp_path, name, part):
        recreated = recreate(samples[0])
        frames = list(recreated.generator.near_misses(recreated.sample)[name]())
        result = score_frames(samples[0], held(frames), tmp_path)
        assert result.value < 0.3, result.reason
        assert result.parts[part] < 0.5
