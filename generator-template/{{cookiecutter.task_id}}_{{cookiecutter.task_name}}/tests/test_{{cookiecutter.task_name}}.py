"""{{ cookiecutter.__key }} specifications: validation, the scorer's judgement, and the checks every task shares."""

from __future__ import annotations

from vbvr_core.testing.contract import SampleContract
from {{ cookiecutter.__import_name }}.generator import layout_problem
from {{ cookiecutter.__import_name }}.scorer import judge_slide

KEY = "{{ cookiecutter.__key }}"


def test_distractor_on_the_way_is_rejected():
    problem = layout_problem((100.0, 100.0), (300.0, 100.0), 20, 30, [(200.0, 104.0, "green")])
    assert problem and "on the dot's way" in problem


def test_target_off_the_canvas_is_rejected():
    problem = layout_problem((100.0, 100.0), (-40.0, 100.0), 20, 30, [])
    assert problem and "leaves the canvas" in problem


def test_a_clear_layout_is_accepted():
    assert layout_problem((100.0, 100.0), (300.0, 100.0), 20, 30, [(200.0, 300.0, "green")]) is None


def test_straight_slide_scores_one_and_a_jump_scores_zero():
    slide = [(10.0 + 5 * k, 50.0) for k in range(21)] + [(110.0, 50.0)] * 3
    jump = [(10.0, 50.0)] * 10 + [(110.0, 50.0)] * 10
    assert judge_slide(slide, (10, 50), (110, 50), tolerance=4).value == 1.0
    assert judge_slide(jump, (10, 50), (110, 50), tolerance=4).value == 0.0


def test_detour_off_the_line_scores_lower():
    detour = [(10.0 + 5 * k, 50.0 + (20.0 if 5 <= k <= 15 else 0.0)) for k in range(21)] + [(110.0, 50.0)] * 3
    result = judge_slide(detour, (10, 50), (110, 50), tolerance=4)
    assert result.value < 0.7 and result.parts["on_line"] < 0.7


class TestContract(SampleContract):
    """The shared checks, the README's parameter table among them (``near_misses = ("name", …)`` also scores the
    near misses the generator declares)."""

    key = KEY
