"""O-10 specifications: the solver turns the style, unreadable and trivial draws are rejected, the near miss
scores below the answer, and the checks every task shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from vbvr_core.families.shape_rules.scene import apply
from vbvr_core.judge.alternatives import recreate
from vbvr_core.pipeline.generator import Reject
from vbvr_core.review import parameter_table
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_o10_shape_outline_fill.generator import ShapeOutlineFillGenerator, Solution

KEY = "O-10_shape_outline_fill"
GENERATOR = ShapeOutlineFillGenerator
README = Path(__file__).resolve().parents[1] / "README.md"


def _solution(seed: int, **params) -> Solution:
    return Solution.model_validate(GENERATOR(seed, params or None).generate().solution)


@pytest.mark.parametrize("start", ["filled", "outline"])
def test_the_answer_is_the_question_shape_in_the_other_style(start):
    solution = _solution(1, start_style=start, example_kind="star", question_kind="triangle")
    assert [step.kind for step in solution.steps] == ["style"]
    a, b, c, d = solution.states
    assert a.filled == c.filled == (start == "filled") and b.filled == d.filled != a.filled
    assert b == apply(solution.steps[0], a) and d == apply(solution.steps[0], c)
    assert (d.kind, d.color, d.radius, d.dy) == (c.kind, c.color, c.radius, c.dy)


def test_an_outline_whose_hole_would_be_too_small_is_rejected():
    with pytest.raises(Reject, match="illegible"):
        _solution(2, example_kind="circle", question_kind="star", radius=20.0, stroke=8)


def test_an_example_and_question_of_one_kind_are_rejected():
    with pytest.raises(Reject, match="trivial"):
        _solution(3, example_kind="square", question_kind="square")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)[0]


def test_near_misses_score_below_the_answer(sample, tmp_path):
    made = recreate(sample)
    misses = made.generator.near_misses(made.sample)
    assert misses
    for name, frames in misses.items():  # the ground truth scores ≥ 0.98 (TestContract)
        assert score_frames(sample, list(frames()), tmp_path, f"{name}.mp4").value < 0.5, name


def test_readme_documents_every_parameter():
    readme = README.read_text("utf-8")
    missing = [row for row in parameter_table(GENERATOR.Params).splitlines() if row not in readme]
    assert not missing, f"README.md's parameter table is out of date; regenerate rows: {missing}"


class TestContract(SampleContract):
    key = KEY
