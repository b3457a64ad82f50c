"""O-19 specifications: the law of reflection, rejections, and the scorer on drawn rays and near misses."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.physics.rays import angle_of, direction_of, incidence_angle, red_ink
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o19_mirror_reflection.generator import MirrorReflectionGenerator, MirrorScene, Params

KEY = "O-19_mirror_reflection"


@pytest.mark.parametrize("tilt", [0.0, 25.0, -60.0])
def test_angle_of_reflection_equals_angle_of_incidence_on_the_other_side(tilt):
    scene = MirrorScene(Params(mirror_angle=tilt, incidence=35.0, from_left=True))
    back = (-scene.incoming[0], -scene.incoming[1])
    assert incidence_angle(scene.reflected, scene.normal) == pytest.approx(35.0)
    normal = angle_of(scene.normal)
    # the lamp is 35° on one side of the normal, the reflected ray 35° on the other
    assert (angle_of(back) - normal + 180) % 360 - 180 == pytest.approx(35.0)
    assert (angle_of(scene.reflected) - normal + 180) % 360 - 180 == pytest.approx(-35.0)


def test_level_mirror_reflects_45_degrees_up_and_away():
    scene = MirrorScene(Params(mirror_angle=0.0, incidence=45.0, from_left=False))
    # the lamp is up and to the right: the light travels down-left and leaves up-left
    assert scene.incoming == pytest.approx((-math.sqrt(0.5), math.sqrt(0.5)))
    assert scene.reflected == pytest.approx((-math.sqrt(0.5), -math.sqrt(0.5)))


def test_lamp_off_the_picture_is_rejected():
    with pytest.raises(Reject, match="lamp"):
        MirrorReflectionGenerator(0, {"mirror_angle": 0.0, "incidence": 75.0, "hit_x": 340.0, "hit_y": 330.0,
                                      "source_distance": 220.0, "from_left": False}).generate()


def test_only_the_new_red_ray_is_read_as_ink():
    scene = MirrorScene(Params(difficulty=1))
    ink = red_ink(np.stack([scene.frame(0.0), scene.frame(scene.length)]), scene.frame(0.0))
    assert ink[0].sum() == 0 and ink[1].sum() > 3 * scene.length


def _scene(folder) -> MirrorScene:
    from vbvr_core.pipeline.sample_io import load_record

    return MirrorScene(Params(**load_record(folder).params))


class TestContract(SampleContract):
    key = KEY

    def test_ray_off_by_ten_degrees_scores_low(self, samples, tmp_path):
        scene = _scene(samples[0])
        turned = direction_of(angle_of(scene.reflected) + 10.0)
        frames = [scene.frame(0.0)] * 4 + [scene.frame(k * 12.0, turned) for k in range(1, 12)]
        assert score_frames(samples[0], frames, tmp_path).value <= 0.1

    def test_short_stub_of_the_right_ray_scores_low(self, samples, tmp_path):
        scene = _scene(samples[0])
        frames = [scene.frame(0.0)] * 4 + [scene.frame(k * 4.0) for k in range(1, 12)]
        result = score_frames(samples[0], frames, tmp_path)
        assert result.value < 0.2 and result.parts["length"] < 0.3

    def test_right_ray_drawn_slowly_after_a_wait_scores_high(self, samples, tmp_path):
        scene = _scene(samples[1])
        frames = [scene.frame(0.0)] * 20 + [scene.frame(scene.length * k / 60) for k in range(61)] + [scene.frame(scene.length)] * 5
        assert score_frames(samples[1], frames, tmp_path).value >= 0.95
