"""O-43 specifications: the rule's targets, rejections, and the scorer on wrong, partial and simultaneous removal."""

from __future__ import annotations

import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o43_object_subtraction.generator import ObjectSubtractionGenerator, Solution, draw_scene, matches

KEY = "O-43_object_subtraction"


def test_the_rules():
    assert matches("color", "star", "red", "circle", "red")
    assert matches("shape", "circle", "blue", "circle", "red")
    assert not matches("both", "circle", "blue", "circle", "red")
    assert matches("both", "circle", "red", "circle", "red")


def test_too_few_objects_left_is_rejected():
    with pytest.raises(Reject, match="trivial"):
        ObjectSubtractionGenerator(0, {"num_objects": 5, "num_targets": 4}).generate()


def test_exactly_the_named_objects_are_targets_and_decoys_share_one_attribute():
    for seed in range(9):
        try:
            sample = ObjectSubtractionGenerator(seed, {"difficulty": 2}).generate()
        except Reject:
            continue
        s = sample.solution
        k = s.targets[0]
        named = [i for i in range(len(s.kinds)) if s.kinds[i] == s.kinds[k] and s.color_names[i] == s.color_names[k]]
        assert named == s.targets and len(s.targets) == sample.params.num_targets
        assert any(s.color_names[i] == s.color_names[k] for i in range(len(s.kinds)) if i not in s.targets)
        assert any(s.kinds[i] == s.kinds[k] for i in range(len(s.kinds)) if i not in s.targets)


def removed(solution: Solution, groups: list[list[int]]):
    """The scene held ¼ s, then each group of objects removed at once, ⅓ s apart, then held ½ s."""
    levels = [1.0] * len(solution.kinds)
    frames = [draw_scene(solution, levels)] * 6
    for group in groups:
        for i in group:
            levels[i] = 0.0
        frames += [draw_scene(solution, levels)] * 8
    return frames + frames[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 0}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_a_target_left_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        result = score_frames(samples[0], removed(solution, [[i] for i in solution.targets[:-1]]), tmp_path)
        assert result.value == 0 and result.parts["end"] == 0

    def test_a_spared_object_removed_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        spare = next(i for i in range(len(solution.kinds)) if i not in solution.targets)
        result = score_frames(samples[0], removed(solution, [[i] for i in solution.targets] + [[spare]]), tmp_path)
        assert result.value == 0

    def test_every_target_removed_at_once_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[1])
        assert score_frames(samples[1], removed(solution, [solution.targets]), tmp_path).value == 0
