"""{{ cookiecutter.__key }} specifications: validation, the scorer's judgement, and the checks every task shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from vbvr_core.review import parameter_table
from vbvr_core.testing.contract import SampleContract
from {{ cookiecutter.__import_name }}.generator import (
    {{ cookiecutter.__class_name }},
)
from {{ cookiecutter.__import_name }}.scorer import judge_slide

KEY = "{{ cookiecutter.__key }}"
GENERATOR = {{ cookiecutter.__class_name }}
README = Path(__file__).resolve().parents[1] / "README.md"


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="dot_radius"):
        GENERATOR(0, {"dot_radius": 99})


def test_distractor_on_the_way_is_rejected():
    generator = GENERATOR(1, {"distractors": 1})
    sample = generator.generate()
    start, target = sample.solution["start"], sample.solution["target"]
    midway = [(start[0] + target[0]) / 2, (start[1] + target[1]) / 2, "green"]
    sample.solution["distractors"] = [midway]
    assert any("on the dot's way" in problem for problem in generator.validate(sample))


def test_target_off_the_canvas_is_rejected():
    generator = GENERATOR(2)
    sample = generator.generate()
    sample.solution["target"] = [-40.0, 100.0]
    assert any("leaves the canvas" in problem for problem in generator.validate(sample))


def test_straight_slide_scores_one_and_a_jump_scores_zero():
    slide = [(10.0 + 5 * k, 50.0) for k in range(21)] + [(110.0, 50.0)] * 3
    jump = [(10.0, 50.0)] * 10 + [(110.0, 50.0)] * 10
    assert judge_slide(slide, (10, 50), (110, 50), tolerance=4).value == 1.0
    assert judge_slide(jump, (10, 50), (110, 50), tolerance=4).value == 0.0


def test_detour_off_the_line_scores_lower():
    detour = [(10.0 + 5 * k, 50.0 + (20.0 if 5 <= k <= 15 else 0.0)) for k in range(21)] + [(110.0, 50.0)] * 3
    result = judge_slide(detour, (10, 50), (110, 50), tolerance=4)
    assert result.value < 0.7 and result.parts["on_line"] < 0.7


def test_readme_documents_every_parameter():
    readme = README.read_text("utf-8")
    missing = [row for row in parameter_table(GENERATOR.Params).splitlines() if row not in readme]
    assert not missing, f"README.md's parameter table is out of date; regenerate rows: {missing}"


class TestContract(SampleContract):
    key = KEY
