"""G-174 specifications: the sizes, the move planner, the refused parameters, the ground truth, variants and near misses."""

from __future__ import annotations

from itertools import pairwise

import cv2
import numpy as np
import pydantic
import pytest
from vbvr_core.families.arrangement.draw import Mover, clear_order, min_clearance, schedule
from vbvr_core.judge.alternatives import recreate
from vbvr_core.judge.run import score_video
from vbvr_core.media.video import read_video, write_video
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import VIDEO, load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g174_arrange_circles_by_circumference.generator import ArrangeCirclesGenerator, radii_with_gaps


def held(frames: list[np.ndarray]) -> list[np.ndarray]:
    """Both ends held half a second, as the ground truth is saved."""
    return frames[:1] * 12 + frames + frames[-1:] * 12


def test_radii_grow_by_the_ratio_and_fit_the_budget():
    radii = radii_with_gaps(30, 6, 1.2, budget=400)
    assert all(b >= a * 1.2 and b - a >= 3 for a, b in pairwise(radii))
    assert 2 * sum(radii) <= 400 and radii[0] < 30


def test_sizes_that_cannot_fit_one_row_are_refused():
    with pytest.raises(pydantic.ValidationError, match="do not fit one row"):
        ArrangeCirclesGenerator(0, {"num_circles": 8, "min_ratio": 1.6})


def test_solution_sorts_by_circumference_in_the_asked_direction():
    for order in ("largest_first", "smallest_first"):
        generator = ArrangeCirclesGenerator(4, {"order": order, "difficulty": 1})
        solution = generator.generate().solution
        ordered_radii = [generator.radii[k] for k in solution.order]
        assert ordered_radii == sorted(ordered_radii, reverse=order == "largest_first")
        assert [solution.ends[k][0] for k in solution.order] == sorted(x for x, _ in solution.ends)


def test_blocked_path_is_moved_later():
    # Circle 0 must pass through circle 1's start; the clear order moves circle 1 away first.
    movers = [Mover(None, ((100.0, 100.0), (400.0, 100.0)), 20), Mover(None, ((250.0, 100.0), (250.0, 400.0)), 20)]
    assert clear_order(movers) == [1, 0]
    assert min_clearance(schedule([movers[1], movers[0]], 10, 10), [20, 20]) >= 0


class TestContract(SampleContract):
    key = "G-174_arrange_circles_by_circumference"

    def test_ground_truth_videos_last_at_most_130_frames(self, samples):
        assert all(load_record(folder).video.frames <= 130 for folder in samples)

    def test_right_order_on_a_common_baseline_scores_high(self, samples, tmp_path):
        # Issue 15: the prompt asks for one horizontal line, not centre alignment; 0.23 on main at eefdcef.
        recreated = recreate(samples[0])
        frames = list(recreated.generator.alternatives(recreated.sample)["baseline_aligned"]())
        assert score_frames(samples[0], held(frames), tmp_path).value >= 0.9

    def test_right_order_brighter_with_a_colour_shift_scores_high(self, samples, tmp_path):
        # Issue 15: +12 % brightness with a ±5 % per-channel gain: 0.17 on main at eefdcef (a clipped red
        # circle left the absolute ±28 window).
        for folder in samples:
            truth = read_video(folder / VIDEO, size=512).frames.astype(np.float32)
            gains = 1.12 * np.array([1.05, 1.0, 0.95], np.float32)
            drifted = [np.clip(np.rint(frame), 0, 255).astype(np.uint8) for frame in truth * gains]
            assert score_frames(folder, drifted, tmp_path).value >= 0.9

    def test_largest_two_swapped_scores_clearly_lower(self, samples, tmp_path):
        recreated = recreate(samples[0])
        frames = list(recreated.generator.near_misses(recreated.sample)["largest_two_swapped"]())
        result = score_frames(samples[0], held(frames), tmp_path)
        assert result.value < 0.7 and result.parts["order"] < 1 and result.parts["continuity"] == 1

    def test_ground_truth_at_8_fps_and_another_size_still_scores_high(self, samples, tmp_path):
        clip = read_video(samples[0] / VIDEO, size=512)
        frames = [cv2.resize(frame, (384, 384), interpolation=cv2.INTER_AREA) for frame in clip.frames[::3]]
        write_video(tmp_path / "slow.mp4", frames, fps=8)
        assert score_video(samples[0], tmp_path / "slow.mp4").value >= 0.95


def test_drawn_instances_are_diverse():
    first_frames = []
    for seed in range(16):
        try:
            first_frames.append(ArrangeCirclesGenerator(seed).generate().first_frame.tobytes())
        except Reject:
            continue
    assert len(first_frames) >= 12 and len(set(first_frames)) == len(first_frames)
