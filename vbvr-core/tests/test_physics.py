"""The physics family: the laws of reflection and refraction, and the judge of a drawn ray."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.families.physics.rays import (
    ANSWER_COLOR,
    angle_of,
    direction_of,
    draw_ray,
    incidence_angle,
    judge_ray,
    reach,
    red_ink,
    reflect,
    refract,
)
from vbvr_core.families.physics.scene import SurfaceRaySolution, SurfaceScene, rounded


def test_reflection_reverses_the_normal_component_only():
    assert reflect((math.sqrt(0.5), math.sqrt(0.5)), (0.0, -1.0)) == pytest.approx((math.sqrt(0.5), -math.sqrt(0.5)))


def test_refraction_follows_snell_and_bends_towards_the_normal_in_the_denser_medium():
    d = direction_of(-60.0)  # 30° from the downward normal, travelling down
    out = refract(d, (0.0, -1.0), 1.0, 1.5)
    theta2 = incidence_angle(out, (0.0, -1.0))
    assert 1.0 * math.sin(math.radians(30.0)) == pytest.approx(1.5 * math.sin(math.radians(theta2)))
    assert theta2 < 30.0 and out[1] > 0 and out[0] > 0


def test_total_internal_reflection_has_no_refracted_ray():
    assert refract(direction_of(-20.0), (0.0, -1.0), 1.5, 1.0) is None  # 70° from the normal, above 41.8°


def test_reach_stops_at_the_margin():
    assert reach((256.0, 256.0), (1.0, 0.0), margin=8.0) == pytest.approx(248.0)


def _frames(origin, direction, lengths, size=512):
    frames = []
    for length in lengths:
        image = Image.new("RGB", (size, size), (250, 250, 250))
        draw_ray(ImageDraw.Draw(image), origin, direction, length, (220, 30, 30), 4)
        frames.append(np.asarray(image))
    return np.stack(frames)


def test_a_growing_ray_along_the_law_earns_every_part():
    origin, direction = (200.0, 300.0), direction_of(35.0)
    frames = _frames(origin, direction, [0, 30, 60, 90, 120, 150, 180, 200, 200])
    judged = judge_ray(red_ink(frames, frames[0]), origin, direction, 200.0)
    assert judged.error_degrees < 0.5 and judged.angle == 1 and judged.anchored == 1
    assert judged.length == 1 and judged.clean == 1 and judged.process == 1


def test_a_ray_that_appears_whole_or_points_elsewhere_is_caught():
    origin, direction = (200.0, 300.0), direction_of(35.0)
    cut = _frames(origin, direction, [0, 0, 200, 200])
    assert judge_ray(red_ink(cut, cut[0]), origin, direction, 200.0).process == 0
    off = _frames(origin, direction_of(43.0), [0, 100, 200])
    judged = judge_ray(red_ink(off, off[0]), origin, direction, 200.0)
    assert judged.error_degrees == pytest.approx(8.0, abs=0.5) and judged.angle == 0
    assert angle_of(direction) == pytest.approx(35.0)


def test_a_ray_fading_in_whole_is_not_growth():
    origin, direction = (200.0, 300.0), direction_of(35.0)
    whole = _frames(origin, direction, [200])[0].astype(np.float32)
    blank = _frames(origin, direction, [0])[0].astype(np.float32)
    fade = np.stack([np.rint(blank + (whole - blank) * a).astype(np.uint8) for a in np.linspace(0, 1, 25)])
    small = fade[:, ::2, ::2]  # as a scorer reads it, at 256 px
    assert judge_ray(red_ink(small, small[0]), origin, direction, 200.0).process == 0


class _Plain(SurfaceScene):
    """A surface scene on a blank picture whose answer is the law of reflection."""

    def __init__(self, *args):
        super().__init__(*args)
        self.answer = reflect(self.incoming, self.normal)
        self.length = reach(self.hit, self.answer)
        self.base = Image.new("RGB", (512, 512), (250, 250, 250))


def test_a_surface_scene_puts_the_lamp_at_the_incidence_on_the_chosen_side_of_the_normal():
    scene = _Plain((256.0, 300.0), 0.0, 45.0, True, 100.0)
    assert scene.surface == pytest.approx((1.0, 0.0)) and scene.normal == pytest.approx((0.0, -1.0))
    # counter-clockwise of the upward normal: the lamp stands up and to the left, the light travels down-right
    assert scene.source == pytest.approx((256.0 - 100 * math.sqrt(0.5), 300.0 - 100 * math.sqrt(0.5)))
    assert scene.incoming == pytest.approx((math.sqrt(0.5), math.sqrt(0.5)))
    assert incidence_angle(scene.incoming, scene.normal) == pytest.approx(45.0)
    assert _Plain((256.0, 300.0), 0.0, 45.0, False, 100.0).source[0] > 256.0
    assert not scene.lamp_off_picture() and _Plain((256.0, 300.0), 0.0, 45.0, True, 330.0).lamp_off_picture()


def test_a_surface_scene_grows_its_rays_to_the_edge_and_no_further_than_the_answer():
    scene = _Plain((256.0, 300.0), 0.0, 45.0, True, 100.0)
    frames = list(scene.growing(4)())
    assert len(frames) == 5 and (frames[0] == np.asarray(scene.base)).all()
    ink = red_ink(np.stack(frames), frames[0]).sum(axis=(1, 2))
    assert list(ink) == sorted(ink) and ink[0] == 0 and ink[-1] > 3 * scene.length
    assert (frames[-1] == scene.frame(scene.length)).all()
    # straight down runs 204 px to the edge, shorter than the answer: it stops there
    down = list(scene.growing(4, (0.0, 1.0))())
    assert (down[-1] == scene.frame(204.0, (0.0, 1.0))).all()
    # steeply up and right runs farther than the answer: it stops at the answer's length
    steep = (0.6, -0.8)
    up = list(scene.growing(4, steep)())
    assert scene.length < reach(scene.hit, steep) and (up[-1] == scene.frame(scene.length, steep)).all()


def test_a_surface_scene_accepts_the_right_ray_thin_or_thick():
    scene = _Plain((256.0, 300.0), 0.0, 45.0, True, 100.0)
    alternatives = scene.thickness_alternatives(3)
    assert list(alternatives) == ["thin_ray", "thick_ray"]
    thin, thick = (list(source())[-1] for source in alternatives.values())
    assert (thin == scene.frame(scene.length, width=2)).all() and (thick == scene.frame(scene.length, width=7)).all()
    assert rounded((0.12345678, -0.5)) == (0.123457, -0.5)


def test_a_surface_scene_states_the_facts_every_surface_ray_solution_records():
    scene = _Plain((256.0, 300.0), 20.0, 35.0, False, 120.0)
    solution = SurfaceRaySolution(**scene.facts())
    assert solution.hit == (256.0, 300.0) and solution.incidence == 35.0 and solution.ray_color == ANSWER_COLOR
    assert solution.normal == rounded(scene.normal) and solution.incoming == rounded(scene.incoming)
    assert solution.length == round(scene.length, 2)
