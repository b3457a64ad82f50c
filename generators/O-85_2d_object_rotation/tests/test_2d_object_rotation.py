"""O-85 specifications: geometry, determinism, validation, and the scorer on baselines and near misses."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.families.rotation.draw import rotate_points
from vbvr_core.judge.motion import unwrap_degrees
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_o85_2d_object_rotation.generator import ObjectRotationGenerator, Params, scene_stage, turned_frame

KEY = "O-85_2d_object_rotation"


def test_clockwise_quarter_turn_takes_up_to_right():
    (x, y), = rotate_points([(0.0, -10.0)], (0.0, 0.0), 90)
    assert (round(x, 6), round(y, 6)) == (10.0, 0.0)


def test_final_frame_shows_the_signed_turn():
    generator = ObjectRotationGenerator(3, {"num_objects": 1, "degrees": 120, "direction": "counterclockwise"})
    sample = generator.generate()
    assert sample.solution["signed_degrees"] == -120
    frames = list(sample.trajectory())
    assert np.array_equal(frames[0], sample.first_frame) and np.array_equal(frames[-1], sample.final_frame)


def test_unwrapping_follows_a_symmetric_shape_past_its_period():
    # A square (period 90°) seen at 0, 30, 60, 0 (=90), 30 (=120) degrees.
    assert unwrap_degrees([0, 30, 60, 0, 30], period=90) == [0, 30, 60, 90, 120]


def test_turn_a_symmetric_shape_hides_is_rejected():
    for seed in range(40):
        generator = ObjectRotationGenerator(seed, {"num_objects": 1, "degrees": 90})
        sample = generator.generate()
        if sample.solution["objects"][0]["kind"] == "square":
            assert any("ambiguous" in problem for problem in generator.validate(sample))
            return
    pytest.fail("no square drawn in 40 seeds")


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="degrees"):
        ObjectRotationGenerator(0, {"degrees": 400})
    with pytest.raises(ValueError, match="unknown parameter"):
        ObjectRotationGenerator(0, {"angle": 90})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def _turn_video(folder, final_angle: float, frames: int = 48) -> list[np.ndarray]:
    record = load_record(folder)
    params = Params(**record.params)
    objects = record.solution["objects"]
    stage = scene_stage(params, objects)
    return [turned_frame(stage, objects, final_angle * k / frames) for k in range(frames + 1)]


@pytest.mark.parametrize("factor, reason", [(-1.0, "wrong direction"), (0.6, "too small an angle")])
def test_wrong_turn_scores_low(samples, tmp_path, factor, reason):
    folder = samples[0]
    target = json.loads((folder / "metadata.json").read_text())["solution"]["signed_degrees"]
    result = score_frames(folder, _turn_video(folder, factor * target), tmp_path)
    assert result.value < 0.3, reason
    assert result.parts["end"] < 0.5


def test_correct_turn_rendered_independently_scores_high(samples, tmp_path):
    folder = samples[1]
    target = json.loads((folder / "metadata.json").read_text())["solution"]["signed_degrees"]
    assert score_frames(folder, _turn_video(folder, target, frames=30), tmp_path).value >= 0.95


def test_drawn_instances_are_diverse():
    hashes = {hash(ObjectRotationGenerator(seed).generate().first_frame.tobytes()) for seed in range(30)}
    assert len(hashes) == 30
