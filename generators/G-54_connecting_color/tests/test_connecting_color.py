"""G-54 specifications: the layout keeps curves off other shapes and apart, the generator rejects what does not fit,
and the scorer refuses a line to a lone shape or over a shape of another colour."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.connections.draw import Stroke, bezier
from vbvr_core.judge.alternatives import recreate
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g54_connecting_color.generator import (
    CURVE_GAP,
    Solution,
    curve_gap,
    keep_off,
    place,
    point_gap,
)

KEY = "G-54_connecting_color"
PARAMS = {"difficulty": 0, "num_pairs": 2, "num_lone": 1, "line_frames": 8}


def test_curves_keep_off_other_shapes_and_apart():
    rng = np.random.default_rng(5)
    reaches = [22.0] * 9
    for _ in range(3):
        centers, controls = place(rng, reaches, 4, 6)
        curves = [np.asarray(bezier(centers[2 * k], controls[k], centers[2 * k + 1], 40)) for k in range(4)]
        for k, curve in enumerate(curves):
            for j, center in enumerate(centers):
                if j // 2 != k or j >= 8:
                    assert point_gap(center, curve) >= keep_off(22.0, 6) - 1e-6
            assert all(curve_gap(curve, other) >= CURVE_GAP for other in curves[k + 1:])
        assert min(math.dist(a, b) for n, a in enumerate(centers) for b in centers[n + 1:]) >= 80.0


def test_too_many_large_shapes_are_rejected():
    with pytest.raises(Reject, match="cluttered"):
        place(np.random.default_rng(0), [60.0] * 12, 6, 6)


def _held(frames):
    """The frames with the first and the last held a third of a second, as the pipeline writes a video."""
    frames = list(frames)
    return frames[:1] * 8 + frames + frames[-1:] * 8


class TestContract(SampleContract):
    key = KEY
    count = 2
    params = PARAMS
    near_misses = ("swapped_partners", "wrong_color", "last_pair_missing")

    def test_a_lone_shape_joined_or_a_line_over_another_shape_scores_low(self, samples, tmp_path):
        made = recreate(samples[0], PARAMS)
        generator, sample = made.generator, made.sample
        solution = Solution.model_validate(sample.solution)
        strokes = generator.strokes(solution)
        (a, b, color), lone = solution.pairs[0], len(solution.centers) - 1
        centers, rgb = solution.centers, tuple(solution.colors[color])
        # the right curves, and one more from the lone shape to a shape of another colour, in the lone colour
        extra = Stroke((centers[lone], centers[a]), tuple(solution.colors[solution.color_of[lone]]), 6)
        result = score_frames(samples[0], _held(generator._scene.video([*strokes, extra])), tmp_path)
        assert result.value <= 0.35 and result.parts["extra"] < 1, result
        # the first pair joined by a line that runs over the lone shape on its way
        detour = Stroke((centers[a], centers[lone], centers[b]), rgb, 6)
        frames = _held(generator._scene.video([detour, *strokes[1:]]))
        result = score_frames(samples[0], frames, tmp_path, "detour.mp4")
        assert result.value <= 0.1 and result.parts["extra"] == 0, result
