"""Fixtures for core's tests: a tiny task installed into the test process through a dist-info folder."""

from __future__ import annotations

import sys

import pytest
from vbvr_core.testing.helpers import forget_plugins, write_task_distribution

TINY_TASK = '''
"""A tiny task for core's tests: a red dot slides right; ``fail_seeds`` make generate() raise."""
from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import (Category, Sample, Score, TaskInfo, TaskParams, TaskRegistration, TaskSolution,
                                Uniform, hookimpl)
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.draw import draw_disc, new_canvas, to_frame
from PIL import ImageDraw

INFO = TaskInfo(key="O-901_tiny_dot", title="Tiny dot", category=Category.TRANSFORMATION,
                description="A red dot slides to the right edge.")

class Params(TaskParams):
    y: Annotated[int, Uniform(64, 448)] = Field(256, ge=64, le=448)
    always_fail: bool = False

class Solution(TaskSolution):
    y: int

class TinyGenerator(BaseGenerator):
    info = INFO
    Params = Params
    max_attempts = 3

    def _frame(self, x):
        image = new_canvas()
        draw_disc(ImageDraw.Draw(image), (x, self.params.y), 20, fill=(220, 30, 30))
        return to_frame(image)

    def generate(self):
        if self.params.always_fail:
            raise RuntimeError("told to fail")
        xs = list(range(64, 449, 32))
        return Sample(first_frame=self._frame(xs[0]), final_frame=self._frame(xs[-1]),
                      prompt="Slide the red dot to the right.", trajectory=lambda: (self._frame(x) for x in xs),
                      solution=Solution(y=self.params.y), params=self.params, hold_frames=2)

    def validate(self, sample):
        problems = super().validate(sample)
        if self.params.y % 2:  # odd rows are "invalid", so some seeds need a retry
            problems.append("odd row")
        return problems

def score(sample, video):
    clip = video.clip()
    return Score(value=1.0 if len(clip.frames) > 3 else 0.0, parts={}, reason="length check")

@hookimpl
def vbvr_register_task():
    return TaskRegistration(info=INFO, generator_path="tiny_dot_task:TinyGenerator", scorer_path="tiny_dot_task:score")
'''


@pytest.fixture(scope="session")
def tiny_task(tmp_path_factory):
    """Install task O-901_tiny_dot into this process; yields its key."""
    root = write_task_distribution(tmp_path_factory.mktemp("tiny"), "O-901_tiny_dot", "tiny_dot_task", TINY_TASK)
    sys.path.insert(0, str(root))
    forget_plugins()
    yield "O-901_tiny_dot"
    sys.path.remove(str(root))
    forget_plugins()
