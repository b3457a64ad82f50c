"""G-9 specifications: regions, the matching solver, the plan's distractors, and the scorer on right and wrong marks."""

from __future__ import annotations

import pytest
from vbvr_core.families.marking.draw import outline_sweep
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g9_identify_objects_in_region.generator import (
    MARK_GREEN,
    Params,
    RegionObjectsGenerator,
    Solution,
    matching,
    region_of,
)

KEY = "G-9_identify_objects_in_region"


def test_regions_and_matching():
    assert [region_of("quarters", p) for p in [(10, 10), (300, 10), (10, 300), (300, 300)]] == [0, 1, 2, 3]
    assert region_of("halves_lr", (300, 10)) == 1 and region_of("halves_tb", (300, 10)) == 0
    assert matching(["circle", "square", "circle"], [0, 0, 1], "circle", 0) == [0]


def test_three_distractors_are_required():
    with pytest.raises(ValueError, match="distractors"):
        Params(num_objects=5, num_targets=3)


def test_targets_match_and_both_kinds_of_distractor_exist():
    for seed in range(3):
        s = first_accepted_sample(RegionObjectsGenerator, seed, {"difficulty": seed % 3}).solution
        assert s.targets == sorted(matching(s.kinds, s.regions, s.kind, s.region), key=lambda k: (s.centers[k][1],
                                                                                                  s.centers[k][0]))
        assert any(a == s.kind and r != s.region for a, r in zip(s.kinds, s.regions, strict=True))
        assert any(a != s.kind and r == s.region for a, r in zip(s.kinds, s.regions, strict=True))


def test_drawn_instances_are_diverse():
    assert len({hash(first_accepted_sample(RegionObjectsGenerator, 100 * seed).first_frame.tobytes())
                for seed in range(8)}) == 8


def _boxed(folder, s: Solution, indices, color=MARK_GREEN, frames=4):
    first = read_png(folder / "first_frame.png")
    out, base, h = [first] * 3, first, s.box_half
    for k in indices:
        x, y = s.centers[k]
        out += list(outline_sweep(base, [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h)], frames,
                                  color=color, width=5))
        base = out[-1]
    return out + [base] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 1, "num_objects": 8, "num_targets": 2}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_same_kind_in_another_region_boxed_too_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        other = next(k for k in range(len(s.kinds)) if s.kinds[k] == s.kind and s.regions[k] != s.region)
        result = score_frames(samples[0], _boxed(samples[0], s, [*s.targets, other]), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_red_boxes_are_not_green_marks(self, samples, tmp_path):
        s = self.solution(samples[0])
        assert score_frames(samples[0], _boxed(samples[0], s, s.targets, color=(225, 25, 25)), tmp_path).value == 0
