"""O-38 specifications: the colour counts and solver, the generator's rejections, and the scorer on right,
wrong and drifted recolourings."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from vbvr_core.draw import PALETTE
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o38_majority_color.generator import (
    MajorityColorGenerator,
    Params,
    Solution,
    color_counts,
    majority_of,
    render,
)

KEY = "O-38_majority_color"


def test_colour_counts_give_a_clear_majority():
    rng = np.random.default_rng(0)
    for n, c, m in [(5, 2, 3), (7, 3, 2), (12, 4, 1), (6, 2, 1)]:
        counts = color_counts(n, c, m, rng)
        assert sum(counts) == n and len(counts) == c and min(counts) >= 1
        assert counts[0] - max(counts[1:]) in (m, m + 1)


def test_a_tie_is_rejected_and_the_majority_found():
    with pytest.raises(Reject, match="ambiguous"):
        majority_of(["red", "blue", "red", "blue", "green"])
    assert majority_of(["red", "blue", "blue", "green"]) == "blue"


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError):
        Params(num_shapes=3, num_colors=3, margin=2)


def test_solution_recolours_exactly_the_minority_shapes():
    for seed in range(6):
        solution = MajorityColorGenerator(seed, {"difficulty": seed % 3}).generate().solution
        ranked = Counter(solution.colors).most_common()
        assert solution.majority == ranked[0][0] and ranked[0][1] > ranked[1][1]
        assert sorted(solution.recolor_order) == [k for k, c in enumerate(solution.colors) if c != solution.majority]


def _one_by_one(folder, target: str, count: int | None = None, together: int = 1):
    """Frames of the scene whose shapes (in recolouring order, the first ``count``) turn to ``target`` one at
    a time (the first ``together`` of them at once), three frames each, then held; colour names per frame
    rendered with the generator's drawing."""
    record = load_record(folder)
    solution = Solution.model_validate(record.solution)
    colors = list(solution.colors)
    changing = [k for k in range(len(colors)) if colors[k] != target][:count]

    def frame():
        return render(record.params["background"], solution, [PALETTE[c] for c in colors], record.params["outlined"])

    frames = [frame()] * 6
    for i, k in enumerate(changing):
        colors[k] = target
        if i >= together - 1:
            frames += [frame()] * 3
    return frames + frames[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"num_shapes": 6, "num_colors": 3, "margin": 1, "recolor_frames": 4}

    def test_runner_up_colour_and_one_shape_left_score_zero(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        runner = Counter(solution.colors).most_common()[1][0]
        assert score_frames(samples[0], _one_by_one(samples[0], runner), tmp_path).value == 0
        left = _one_by_one(samples[0], solution.majority, len(solution.recolor_order) - 1)
        result = score_frames(samples[0], left, tmp_path)
        assert result.value == 0 and result.parts["recoloured"] == 0

    def test_drifted_right_answer_scores_high_and_a_cut_low(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        frames = _one_by_one(samples[0], solution.majority)
        drift = np.array([0.85, 0.95, 1.1])
        drifted = [np.clip(f.astype(np.float32) * drift + 8, 0, 255).astype(np.uint8) for f in frames]
        assert score_frames(samples[0], drifted, tmp_path).value >= 0.9
        cut = score_frames(samples[0], frames[:6] * 2 + frames[-1:] * 12, tmp_path)
        assert cut.value == 0 and cut.parts["one_at_a_time"] == 0

    def test_two_shapes_recoloured_at_once_lose_their_share(self, samples, tmp_path):
        # The family judge (tracking.judge.one_at_a_time_part) times the recolourings: two shapes arriving at
        # the majority colour together are one pair of n - 1 that does not run one after the other.
        solution = Solution.model_validate(load_record(samples[0]).solution)
        changes = len(solution.recolor_order)
        frames = _one_by_one(samples[0], solution.majority, together=2)
        result = score_frames(samples[0], frames, tmp_path)
        assert result.parts["recoloured"] == 1
        assert result.parts["one_at_a_time"] == pytest.approx((changes - 2) / (changes - 1))
        assert result.value == pytest.approx((changes - 2) / (changes - 1))
