"""G-158 specifications: reading hollow points back, the layout, and the scorer on right, wrong and restyled marks."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g158_identify_all_hollow_points.generator import HollowPointsGenerator, Params, Solution, read_hollow

KEY = "G-158_identify_all_hollow_points"


def test_hollow_and_solid_points_are_read_back():
    image = Image.new("RGB", (100, 100), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    draw.ellipse([10, 10, 34, 34], outline=(0, 0, 0), width=3)
    draw.ellipse([60, 60, 84, 84], fill=(40, 90, 220))
    assert read_hollow(np.asarray(image), [(22.0, 22.0), (72.0, 72.0)], [12.0, 12.0]) == [True, False]


def test_a_point_too_faint_to_read_is_rejected():
    image = Image.new("RGB", (60, 60), (250, 248, 240))
    ImageDraw.Draw(image).ellipse([10, 10, 34, 34], fill=(240, 240, 235))
    with pytest.raises(Reject, match="illegible"):
        read_hollow(np.asarray(image), [(22.0, 22.0)], [12.0])


def test_two_points_must_be_solid_and_holes_must_show():
    with pytest.raises(ValueError, match="solid"):
        Params(num_points=5, num_hollow=4)
    with pytest.raises(ValueError, match="hole"):
        Params(radius=8, size_spread=0.3, stroke=4)


def test_targets_are_the_hollow_points_and_circles_stay_apart():
    for seed in range(3):
        s = first_accepted_sample(HollowPointsGenerator, seed, {"difficulty": seed % 3})
        sol = s.solution
        assert sorted(sol.targets) == [k for k, hollow in enumerate(sol.hollow) if hollow]
        assert len(sol.targets) == s.params.num_hollow
        for k, (c, m) in enumerate(zip(sol.centers, sol.mark_radii, strict=True)):
            for c2, m2 in zip(sol.centers[k + 1:], sol.mark_radii[k + 1:], strict=True):
                assert math.dist(c, c2) >= m + m2


def test_drawn_instances_are_diverse():
    assert len({hash(first_accepted_sample(HollowPointsGenerator, 100 * seed).first_frame.tobytes())
                for seed in range(8)}) == 8


def _marked(folder, points, radii, frames=5):
    """The first frame held, red circles drawn around ``points`` in turn, then held 0.25 s (tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    out, base = [first] * 3, first
    for point, radius in zip(points, radii, strict=True):
        out += list(ring_sweep(base, point, radius, frames, width=4))
        base = out[-1]
    return out + [base] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 1, "num_points": 7, "num_hollow": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_one_hollow_point_missed_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        k = s.targets[0]
        result = score_frames(samples[0], _marked(samples[0], [s.centers[k]], [s.mark_radii[k]]), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_a_solid_point_marked_too_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        solid = next(k for k in range(len(s.centers)) if not s.hollow[k])
        ks = [*s.targets, solid]
        frames = _marked(samples[0], [s.centers[k] for k in ks], [s.mark_radii[k] for k in ks])
        assert score_frames(samples[0], frames, tmp_path).value == 0

    def test_thin_tight_circles_score_high(self, samples, tmp_path):
        s = self.solution(samples[0])
        frames = _marked(samples[0], [s.centers[k] for k in s.targets], [s.radii[k] + 5 for k in s.targets])
        assert score_frames(samples[0], frames, tmp_path).value >= 0.9
