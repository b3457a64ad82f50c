"""O-18 specifications: Snell's law, rejections, and the scorer on drawn rays and near misses."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.physics.rays import angle_of, direction_of, incidence_angle, red_ink
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o18_glass_refraction.generator import GlassRefractionGenerator, Params, RefractionScene

KEY = "O-18_glass_refraction"


@pytest.mark.parametrize(("medium_from", "medium_to", "tilt"), [("air", "glass", 0.0), ("water", "air", 20.0),
                                                                 ("air", "diamond", -45.0)])
def test_refracted_ray_obeys_snell(medium_from, medium_to, tilt):
    scene = RefractionScene(Params(medium_from=medium_from, medium_to=medium_to, interface_angle=tilt, incidence=35.0))
    theta2 = incidence_angle(scene.refracted, scene.normal)
    assert scene.n1 * math.sin(math.radians(35.0)) == pytest.approx(scene.n2 * math.sin(math.radians(theta2)))
    # it goes on into the second medium, on the far side of the normal line from the lamp: turned from the
    # normal's reverse the same way the lamp is turned from the normal
    assert scene.refracted[0] * scene.normal[0] + scene.refracted[1] * scene.normal[1] < 0
    side_in = (angle_of((-scene.incoming[0], -scene.incoming[1])) - angle_of(scene.normal) + 180) % 360 - 180
    side_out = (angle_of(scene.refracted) - angle_of((-scene.normal[0], -scene.normal[1])) + 180) % 360 - 180
    assert side_in * side_out > 0


def test_air_to_glass_at_45_degrees_bends_to_28_degrees():
    scene = RefractionScene(Params(medium_from="air", medium_to="glass", interface_angle=0.0, incidence=45.0))
    assert incidence_angle(scene.refracted, scene.normal) == pytest.approx(28.13, abs=0.01)


@pytest.mark.parametrize(("params", "why"), [
    ({"medium_from": "glass", "medium_to": "air", "incidence": 60.0}, "total internal reflection"),
    ({"medium_from": "air", "medium_to": "air"}, "same medium"),
    ({"medium_from": "air", "medium_to": "water", "incidence": 15.0}, "bends only"),
])
def test_unusable_instances_are_rejected(params, why):
    with pytest.raises(Reject, match=why):
        GlassRefractionGenerator(0, {"interface_angle": 0.0, **params}).generate()


def test_only_the_new_red_ray_is_read_as_ink():
    scene = RefractionScene(Params(difficulty=1, medium_to="diamond", interface_angle=20.0, incidence=50.0))
    assert scene.problem() is None
    ink = red_ink(np.stack([scene.frame(0.0), scene.frame(scene.length)]), scene.frame(0.0))
    assert ink[0].sum() == 0 and ink[1].sum() > 3 * scene.length


def _scene(folder) -> RefractionScene:
    scene = RefractionScene(Params(**load_record(folder).params))
    assert scene.problem() is None
    return scene


class TestContract(SampleContract):
    key = KEY

    def test_ray_going_straight_on_scores_low(self, samples, tmp_path):
        scene = _scene(samples[0])
        frames = [scene.frame(0.0)] * 4 + [scene.frame(k * 12.0, scene.incoming) for k in range(1, 12)]
        assert score_frames(samples[0], frames, tmp_path).value <= 0.1

    def test_ray_off_by_ten_degrees_scores_low(self, samples, tmp_path):
        scene = _scene(samples[1])
        turned = direction_of(angle_of(scene.refracted) - 10.0)
        frames = [scene.frame(0.0)] * 4 + [scene.frame(k * 12.0, turned) for k in range(1, 12)]
        assert score_frames(samples[1], frames, tmp_path).value <= 0.1

    def test_right_ray_drawn_slowly_after_a_wait_scores_high(self, samples, tmp_path):
        scene = _scene(samples[1])
        frames = [scene.frame(0.0)] * 20 + [scene.frame(scene.length * k / 60) for k in range(61)] + [scene.frame(scene.length)] * 5
        assert score_frames(samples[1], frames, tmp_path).value >= 0.95


def test_a_ray_faded_in_does_not_grow(tmp_path):
    """Regression (the ray judge's growth part): on seed 7's sample 7 a cross-fade of the first frame into the final
    one reached the red threshold unevenly along the ray and read as growing through 20 % of its lengths (0.24).
    Every frame of it is a blend of the first and the last: no growth."""
    from vbvr_core.testing.helpers import make_samples, score_baseline

    sample = make_samples("O-18_glass_refraction", tmp_path / "samples", count=8, seed=7)[7]
    assert score_baseline("crossfade", sample, tmp_path) <= 0.1
