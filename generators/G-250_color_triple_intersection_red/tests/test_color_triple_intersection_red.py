"""G-250 specifications: the regions, the generator's rejections, and the scorer on right, partial and
overflowing paint."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.marking.draw import MARK_RED
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g250_color_triple_intersection_red.generator import (
    Solution,
    TripleIntersectionGenerator,
    inside_counts,
    region_problem,
    triple_mask,
)

KEY = "G-250_color_triple_intersection_red"


def test_circles_that_barely_overlap_are_rejected():
    far = [(150.0, 150.0), (360.0, 150.0), (255.0, 360.0)]
    assert "too small" in region_problem(far, [100.0, 100.0, 100.0])
    assert "leaves the canvas" in region_problem([(50.0, 50.0), (150.0, 50.0), (100.0, 120.0)], [80.0] * 3)


def test_the_triple_region_is_inside_every_circle():
    for seed in range(6):
        solution = first_accepted_sample(TripleIntersectionGenerator,
                                         10 * seed, {"difficulty": seed % 3}, tries=30).solution
        triple = triple_mask(solution.centers, solution.radii)
        inside, count = inside_counts(solution.centers, solution.radii)
        assert triple.sum() == solution.triple_area >= 1400 and (count[triple] == 3).all()


def _painted(folder, region):
    first = read_png(folder / "first_frame.png")
    frames = [first] * 12
    columns = np.arange(512)[None, :]
    for edge in np.linspace(0, 512, 8):
        frame = first.copy()
        frame[region & (columns <= edge)] = MARK_RED
        frames.append(frame)
    return frames + frames[-1:] * 10


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 1}

    def test_a_pair_region_or_half_the_triple_region_scores_zero(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        inside, count = inside_counts(solution.centers, solution.radii)
        pair = inside[0] & inside[1] & (count == 2)
        assert score_frames(samples[0], _painted(samples[0], pair), tmp_path).value == 0
        triple = count == 3
        half = triple & (np.arange(512)[None, :] < np.median(np.nonzero(triple)[1]))
        assert score_frames(samples[0], _painted(samples[0], half), tmp_path).value == 0

    def test_a_slightly_rough_fill_scores_high(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        import cv2

        triple = triple_mask(solution.centers, solution.radii)
        rough = cv2.erode(triple.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
        assert score_frames(samples[0], _painted(samples[0], rough), tmp_path).value >= 0.9
