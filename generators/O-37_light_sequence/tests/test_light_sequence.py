"""O-37 specifications: the rules, rejections, and the scorer on wrong, partial and simultaneous switching."""

from __future__ import annotations

from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o37_light_sequence.generator import LightSequenceGenerator, Solution, apply_rule, draw_row

KEY = "O-37_light_sequence"


def test_the_rules_by_position():
    start = [True, False, False, True, True, False]
    assert apply_rule("odd", start) == [True, False, True, False, True, False]
    assert apply_rule("even", start) == [False, True, False, True, False, True]
    assert apply_rule("first_k", start, k=2) == [True, True, False, False, False, False]
    assert apply_rule("last_k", start, k=2) == [False, False, False, False, True, True]
    assert apply_rule("range", start, a=2, b=4) == [False, True, True, True, False, False]
    assert apply_rule("invert", start) == [False, True, True, False, False, True]


def test_a_rule_that_changes_under_two_lamps_is_rejected():
    rejected = 0
    for seed in range(40):
        try:
            sample = LightSequenceGenerator(seed, {"num_lights": 4, "rule": "odd"}).generate()
        except Reject as problem:
            assert "trivial" in str(problem)
            rejected += 1
            continue
        solution = sample.solution
        assert sum(a != b for a, b in zip(solution.initial, solution.target, strict=True)) >= 2
    assert rejected


def switched(solution: Solution, groups: list[list[int]]):
    """Frames: the starting row held ¼ s, then each group of lamps switched at once, ⅓ s apart, then held ½ s."""
    state = [float(s) for s in solution.initial]
    frames = [draw_row(solution.centers, solution.radius, state)] * 6
    for group in groups:
        for i in group:
            state[i] = 1.0 - state[i]
        frames += [draw_row(solution.centers, solution.radius, state)] * 8
    return frames + frames[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 0}  # short rows, short videos: the same checks at less cost

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def changes(self, solution: Solution) -> list[int]:
        return [i for i, (a, b) in enumerate(zip(solution.initial, solution.target, strict=True)) if a != b]

    def test_switching_in_another_order_keeps_full_marks(self, samples, tmp_path):
        solution = self.solution(samples[0])
        order = self.changes(solution)[::-1]
        assert score_frames(samples[0], switched(solution, [[i] for i in order]), tmp_path).value >= 0.98

    def test_a_missed_lamp_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        order = self.changes(solution)[:-1]
        result = score_frames(samples[0], switched(solution, [[i] for i in order]), tmp_path)
        assert result.value == 0 and result.parts["end"] == 0

    def test_switching_every_lamp_at_once_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[1])
        result = score_frames(samples[1], switched(solution, [self.changes(solution)]), tmp_path)
        assert result.value == 0 and result.parts["one_at_a_time"] == 0

    def test_switching_a_lamp_back_and_forth_on_the_way_keeps_full_marks(self, samples, tmp_path):
        solution = self.solution(samples[1])
        order = self.changes(solution)
        frames = switched(solution, [[order[0]], [order[0]], [order[0]]] + [[i] for i in order[1:]])
        assert score_frames(samples[1], frames, tmp_path).value >= 0.98
