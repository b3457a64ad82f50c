"""G-8 specifications: the end point, determinism, validation, and the scorer on baselines and near misses."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.draw import ease_in_out
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g8_track_object_movement.generator import BACKGROUNDS, TrackObjectMovementGenerator, TrackScene

KEY = "G-8_track_object_movement"


def test_tracked_object_ends_below_the_target_on_its_row():
    sample = TrackObjectMovementGenerator(3, {"target_x": 300}).generate()
    solution = sample.solution
    assert solution["end"] == [300.0, solution["objects"][0]["center"][1]]


def test_lookalikes_share_kind_and_colour():
    solution = TrackObjectMovementGenerator(4, {"num_objects": 5, "lookalikes": 2}).generate().solution
    tracked = solution["objects"][0]
    same = [o for o in solution["objects"][1:] if (o["kind"], o["color"]) == (tracked["kind"], tracked["color"])]
    assert len(same) == 2


def test_object_below_the_target_is_rejected_as_ambiguous():
    generator = TrackObjectMovementGenerator(5, {"num_objects": 4, "lookalikes": 1})
    sample = generator.generate()
    sample.solution["objects"][1]["center"][0] = sample.solution["end"][0]
    assert any("ambiguous" in problem for problem in generator.validate(sample))


def test_blocked_slide_is_rejected_as_occlusion():
    generator = TrackObjectMovementGenerator(6, {"num_objects": 4, "lookalikes": 1})
    sample = generator.generate()
    (sx, sy), (ex, _) = sample.solution["objects"][0]["center"], sample.solution["end"]
    sample.solution["objects"][2]["center"] = [(sx + ex) / 2, sy]
    assert any("occlusion" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="num_objects"):
        TrackObjectMovementGenerator(0, {"num_objects": 12})
    with pytest.raises(ValueError, match="target_x"):
        TrackObjectMovementGenerator(0, {"target_x": 10})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def _slide(folder, solution, frames: int = 40) -> list[np.ndarray]:
    scene = TrackScene(solution, BACKGROUNDS[load_record(folder).params["background"]])
    x0, x1 = scene.start[0], scene.end[0]
    video = [scene.frame(x0 + (x1 - x0) * ease_in_out(k / frames)) for k in range(frames + 1)]
    return video + [video[-1]] * 5


def test_moving_the_wrong_lookalike_scores_zero(samples, tmp_path):
    folder = samples[0]
    solution = load_record(folder).solution
    objects = solution["objects"]
    lookalike = next(k for k, o in enumerate(objects[1:], 1)
                     if (o["kind"], o["color"]) == (objects[0]["kind"], objects[0]["color"]))
    swapped = [objects[lookalike]] + [o for k, o in enumerate(objects) if k != lookalike]
    wrong = dict(solution, objects=swapped, end=[solution["end"][0], objects[lookalike]["center"][1]])
    result = score_frames(folder, _slide(folder, wrong), tmp_path)
    assert result.value == 0


def test_correct_slide_rendered_independently_scores_high(samples, tmp_path):
    folder = samples[1]
    assert score_frames(folder, _slide(folder, load_record(folder).solution), tmp_path).value >= 0.95
