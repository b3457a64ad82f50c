"""O-54 specifications: the panel's controls, rejections, and the scorer on wrong, jumped and simultaneous operation."""

from __future__ import annotations

import pytest
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o54_control_panel.generator import Control, ControlPanelGenerator, Solution, draw_panel

KEY = "O-54_control_panel"


def test_too_many_settled_controls_are_rejected():
    with pytest.raises(Reject, match="trivial"):
        ControlPanelGenerator(0, {"num_controls": 3, "settled": 2}).generate()


def test_every_control_that_changes_differs_and_sliders_move_far():
    for seed in range(12):
        try:
            solution = ControlPanelGenerator(seed, {"difficulty": seed % 3}).generate().solution
        except Reject:
            continue
        changed = [i for i, (a, b) in enumerate(zip(solution.initial, solution.target, strict=True)) if a != b]
        assert len(changed) >= 2 and len(set(solution.labels)) == len(solution.labels)
        for i in changed:
            if solution.kinds[i] == "slider":
                assert abs(solution.initial[i] - solution.target[i]) >= 30


def controls_of(solution: Solution) -> list[Control]:
    return [Control(k, lbl, tuple(c), a, b) for k, lbl, c, a, b in
            zip(solution.kinds, solution.labels, solution.centers, solution.initial, solution.target, strict=True)]


def operated(solution: Solution, groups: list[list[int]], settings: dict[int, float] | None = None):
    """The panel held ¼ s, then each group of controls set at once (no glide), ⅓ s apart, then held ½ s."""
    controls = controls_of(solution)
    levels = [c.start for c in controls]
    frames = [draw_panel(controls, levels)] * 6
    for group in groups:
        for i in group:
            levels[i] = (settings or {}).get(i, controls[i].goal)
        frames += [draw_panel(controls, levels)] * 8
    return frames + frames[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 0}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def changed(self, solution: Solution) -> list[int]:
        return [i for i, (a, b) in enumerate(zip(solution.initial, solution.target, strict=True)) if a != b]

    def test_a_control_left_at_its_start_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        result = score_frames(samples[0], operated(solution, [[i] for i in self.changed(solution)[:-1]]), tmp_path)
        assert result.value == 0 and result.parts["end"] == 0

    def test_everything_changed_at_once_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[1])
        result = score_frames(samples[1], operated(solution, [self.changed(solution)]), tmp_path)
        assert result.value == 0
