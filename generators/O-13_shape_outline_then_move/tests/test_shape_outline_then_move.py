"""O-13 specifications: the solver applies the rule, trivial draws are rejected, near misses
score below the answer, and the checks every task shares."""

from __future__ import annotations

from pathlib import Path

import pytest
from vbvr_core.families.shape_rules.scene import apply
from vbvr_core.judge.alternatives import recreate
from vbvr_core.pipeline.generator import Reject
from vbvr_core.review import parameter_table
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_o13_shape_outline_then_move.generator import ShapeOutlineThenMoveGenerator, Solution

KEY = "O-13_shape_outline_then_move"
GENERATOR = ShapeOutlineThenMoveGenerator
README = Path(__file__).resolve().parents[1] / "README.md"
SHORT = {"step_frames": 12}  # shorter videos keep the file's tests cheap


def _solution(seed: int, **params) -> Solution:
    return Solution.model_validate(GENERATOR(seed, params or None).generate().solution)


def test_the_answers_are_the_question_shape_after_the_steps_in_order():
    for seed in range(3):
        try:
            solution = _solution(seed)
        except Reject:
            continue
        assert [step.kind for step in solution.steps] == ['style', 'move']
        start = solution.states[3]
        for answer, step in zip(solution.answers, solution.steps, strict=True):
            start = apply(step, start)
            assert solution.states[answer] == start
        example = solution.states[0]
        for shown, step in zip(solution.states[1:3], solution.steps, strict=True):
            example = apply(step, example)
            assert shown == example


def test_an_outline_whose_hole_would_be_too_small_is_rejected():
    with pytest.raises(Reject, match="illegible"):
        _solution(2, example_kind="circle", question_kind="star", radius=20.0, stroke=8)


def test_an_example_and_question_of_one_kind_are_rejected():
    with pytest.raises(Reject, match="trivial"):
        _solution(3, example_kind="star", question_kind="star")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7, params=SHORT)[0]


def test_near_misses_score_below_the_answer(sample, tmp_path):
    made = recreate(sample)
    misses = made.generator.near_misses(made.sample)
    assert misses
    # the one that keeps the end state closest (the certificate scores every declared miss); truth ≥ 0.98
    for name in ("second_step_skipped",):
        frames = misses[name]
        assert score_frames(sample, list(frames()), tmp_path, f"{name}.mp4").value < 0.5, name


def test_readme_documents_every_parameter():
    readme = README.read_text("utf-8")
    missing = [row for row in parameter_table(GENERATOR.Params).splitlines() if row not in readme]
    assert not missing, f"README.md's parameter table is out of date; regenerate rows: {missing}"


class TestContract(SampleContract):
    key = KEY
    params = SHORT
