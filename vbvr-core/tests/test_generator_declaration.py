"""A generator class names its task, Params and Solution as class keywords; a family base can set some for all."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.contract import Category, Sample, TaskParams, TaskSolution, declare_task
from vbvr_core.pipeline.generator import BaseGenerator

TASK = declare_task(key="O-901_declared_dummy", title="Declared dummy", category=Category.PERCEPTION,
                    description="A dummy task declared through class keywords.",
                    generator="tests:Gen", scorer="tests:score")


class DummyParams(TaskParams):
    """No parameters of its own."""


class DummySolution(TaskSolution):
    """The drawn number."""

    value: int


class FamilyBase(BaseGenerator, params=DummyParams, solution=DummySolution):
    """A family base: every task of it shares the Params and Solution."""

    def generate(self) -> Sample:
        frame = np.zeros((8, 8, 3), np.uint8)
        return Sample(first_frame=frame, prompt="p", trajectory=lambda: iter([frame]),
                      solution=DummySolution(value=int(self.rng.integers(0, 100))), params=self.params)


class DummyGenerator(FamilyBase, task=TASK):
    """A task of the family: names only its declaration."""


def test_class_keywords_set_info_params_and_solution():
    assert DummyGenerator.info == TASK.info
    assert DummyGenerator.Params is DummyParams and DummyGenerator.Solution is DummySolution
    assert not hasattr(FamilyBase, "info")
    sample = DummyGenerator(seed=3).generate()
    assert sample.solution == DummyGenerator(seed=3).generate().solution


def test_a_keyword_overrides_what_the_base_set():
    class OtherSolution(TaskSolution):
        """Another solution model."""

    class Other(DummyGenerator, solution=OtherSolution):
        """Replaces the family's Solution only."""

    assert Other.Solution is OtherSolution and Other.Params is DummyParams and Other.info == TASK.info


def test_an_unknown_class_keyword_is_refused():
    with pytest.raises(TypeError):
        class Bad(BaseGenerator, tsk=TASK):  # noqa: F841 - the misspelt keyword must not pass silently
            """Misspelt keyword."""
