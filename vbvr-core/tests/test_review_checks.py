"""Review checks on hand-made faulty tasks: each fault is caught by its check, a sound task passes it.

The tasks are tiny modules written into a temporary folder (a black square slides right); they are
reviewed through a TaskRegistration directly, and one through an installed dist-info and the CLI.
"""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner
from vbvr_core.cli.app import app
from vbvr_core.contract import TaskRegistration
from vbvr_core.review import ReviewContext, Status
from vbvr_core.review.determinism import check_same_seed_same_bytes
from vbvr_core.review.diversity import check_enough_distinct_samples
from vbvr_core.review.scorer_checks import (
    check_cut_to_final_scores_low,
    check_oracle_scores_high,
    check_static_scores_low,
)
from vbvr_core.review.validation import check_out_of_bounds_refused, check_validate_rejects_broken_samples
from vbvr_core.testing.helpers import forget_plugins, write_task_distribution

MODULE = "review_fixture_tasks"
SOURCE = '''
"""Tiny tasks for review's tests: a black square slides 60 px right. Subclasses each carry one fault."""
from typing import Annotated

import numpy as np
from pydantic import Field
from vbvr_core.contract import (Category, Sample, Score, TaskInfo, TaskParams, TaskRegistration, TaskSolution,
                                Uniform, hookimpl)
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.judge.motion import blob_centroids, progress_coverage

INFO = TaskInfo(key="O-990_tiny_square", title="Tiny square", category=Category.TRANSFORMATION,
                description="A black square slides sixty pixels to the right in small even steps.")
STEPS = 6


class Params(TaskParams):
    x: Annotated[int, Uniform(40, 380)] = Field(100, ge=40, le=380, description="left edge of the square at the start")
    y: Annotated[int, Uniform(40, 460)] = Field(100, ge=40, le=460, description="top edge of the square")


class Solution(TaskSolution):
    x: int
    y: int


class SoundGenerator(BaseGenerator):
    info = INFO
    Params = Params

    def _frame(self, x, y):
        frame = np.full((512, 512, 3), 255, np.uint8)
        frame[y:y + 40, x:x + 40] = 0
        return frame

    def generate(self):
        x, y = self.params.x, self.params.y
        xs = [x + 10 * step for step in range(STEPS + 1)]
        return Sample(first_frame=self._frame(xs[0], y), final_frame=self._frame(xs[-1], y),
                      prompt="Slide the black square 60 pixels to the right.",
                      trajectory=lambda: (self._frame(step_x, y) for step_x in xs),
                      solution=Solution(x=x, y=y), params=self.params, hold_frames=4)

    def validate(self, sample):
        problems = super().validate(sample)
        if sample.solution.y > 440:
            problems.append("occlusion: the square touches the bottom edge")
        return problems


class NondeterministicGenerator(SoundGenerator):
    def generate(self):
        sample = super().generate()
        jitter = int(np.random.default_rng().integers(1, 1_000_000))  # not from self.rng: the fault
        sample.prompt += f" (attempt {jitter})"
        return sample


class LaxGenerator(SoundGenerator):
    def validate(self, sample):
        return []


class FewGenerator(SoundGenerator):
    def __init__(self, seed, params=None):
        super().__init__(seed, params)  # the fault: the drawn place is snapped to one of nine
        snap = [100, 200, 300]
        self.params = self.params.model_copy(update={"x": snap[self.params.x % 3], "y": snap[self.params.y % 3]})


class UncheckedGenerator(SoundGenerator):
    def __init__(self, seed, params=None):
        clamped = {name: min(max(value, 40), 380) for name, value in (params or {}).items() if name in ("x", "y")}
        super().__init__(seed, clamped)


def _track(sample, video):
    clip = video.clip(size=128)
    centres = blob_centroids(clip.frames, (0, 0, 0), tolerance=80, min_pixels=20)
    return [None if c is None else c[0] * 4 for c in centres]


def score(sample, video):
    x = sample.solution["x"] + 20
    xs = [value for value in _track(sample, video) if value is not None]
    if not xs:
        return Score.zero("no square")
    starts = 1.0 if abs(xs[0] - x) < 8 else 0.0
    ends = 1.0 if abs(xs[-1] - (x + 60)) < 8 else 0.0
    progress = progress_coverage(xs, x, x + 60, checkpoints=3)
    return Score(value=starts * ends * progress, parts={"start": starts, "end": ends, "progress": progress})


def score_start_only(sample, video):
    xs = [value for value in _track(sample, video) if value is not None]
    return Score(value=1.0 if xs and abs(xs[0] - sample.solution["x"] - 20) < 8 else 0.0, reason="start only")


INSTALLED_INFO = TaskInfo(key="O-991_tiny_nondeterministic", title="Tiny square, unseeded",
                          category=Category.TRANSFORMATION,
                          description="A black square slides right; its prompt uses an unseeded random number.")


class InstalledNondeterministic(NondeterministicGenerator):
    info = INSTALLED_INFO


@hookimpl
def vbvr_register_task():
    return TaskRegistration(info=INSTALLED_INFO, generator_path="review_fixture_tasks:InstalledNondeterministic",
                            scorer_path="review_fixture_tasks:score")
'''


@pytest.fixture(scope="module")
def fixture_tasks(tmp_path_factory):
    """Put the fixture module on sys.path and install it as task O-991_tiny_nondeterministic."""
    root = write_task_distribution(tmp_path_factory.mktemp("fixtures"), "O-991_tiny_nondeterministic", MODULE, SOURCE)
    sys.path.insert(0, str(root))
    forget_plugins()
    yield root
    sys.path.remove(str(root))
    sys.modules.pop(MODULE, None)
    forget_plugins()


def context_for(tmp_path, generator: str, scorer: str = "score", draws: int = 40) -> ReviewContext:
    from review_fixture_tasks import INFO

    registration = TaskRegistration(INFO, f"{MODULE}:{generator}", f"{MODULE}:{scorer}")
    return ReviewContext(registration, tmp_path, samples=2, draws=draws)


@pytest.mark.parametrize("check, generator, scorer, expected, says", [
    (check_same_seed_same_bytes, "SoundGenerator", "score", Status.PASS, "identical bytes"),
    (check_same_seed_same_bytes, "NondeterministicGenerator", "score", Status.FAIL, "self.rng"),
    (check_static_scores_low, "SoundGenerator", "score", Status.PASS, "static"),
    (check_static_scores_low, "SoundGenerator", "score_start_only", Status.FAIL, "static first frame scores 1.00"),
    (check_validate_rejects_broken_samples, "SoundGenerator", "score", Status.PASS, "refuse"),
    # core's format checks run through the vbvr_check_sample hook even when a task's validate() skips super()
    (check_validate_rejects_broken_samples, "LaxGenerator", "score", Status.PASS, "refuse"),
    (check_out_of_bounds_refused, "SoundGenerator", "score", Status.PASS, "refused"),
    (check_out_of_bounds_refused, "UncheckedGenerator", "score", Status.FAIL, "accepted"),
    (check_enough_distinct_samples, "SoundGenerator", "score", Status.PASS, "distinct samples"),
    (check_enough_distinct_samples, "FewGenerator", "score", Status.FAIL, "must make ≥ 10,000"),
], ids=lambda value: getattr(value, "name", value) if not isinstance(value, Status) else value.value)
def test_check_catches_its_fault(fixture_tasks, tmp_path, check, generator, scorer, expected, says):
    draws = 300 if check is check_enough_distinct_samples else 40
    result = check(context_for(tmp_path, generator, scorer, draws))
    assert result.status is expected, result.message
    assert says in result.message


def test_start_only_scorer_also_fails_the_cut_check(fixture_tasks, tmp_path):
    context = context_for(tmp_path, "SoundGenerator", "score_start_only")
    assert check_oracle_scores_high(context).status is Status.PASS
    assert check_cut_to_final_scores_low(context).status is Status.FAIL


def test_crash_inside_a_check_is_a_fail_naming_the_error(fixture_tasks, tmp_path):
    result = check_same_seed_same_bytes(context_for(tmp_path, "NoSuchGenerator"))
    assert result.status is Status.FAIL and "NoSuchGenerator" in result.message


def test_cli_review_of_installed_nondeterministic_task_exits_1(fixture_tasks, tmp_path):
    outcome = CliRunner().invoke(app, ["review", "O-991_tiny_nondeterministic", "--count", "2", "--draws", "30",
                                       "--json", "--work", str(tmp_path)])
    assert outcome.exit_code == 1, outcome.output
    results = {row["name"]: row for row in json.loads(outcome.output)["results"]}
    assert results["same_seed_same_bytes"]["status"] == "fail"
    assert results["oracle_scores_high"]["status"] == "pass"
    assert results["entry_point"]["status"] == "fail"  # dist vbvr-test-… is not named after the key


def test_broken_plugin_fails_review_without_crashing_it(tmp_path):
    root = write_task_distribution(tmp_path / "site", "O-992_broken_plugin", "broken_plugin_module", "VALUE = 1\n")
    sys.path.insert(0, str(root))
    forget_plugins()
    try:
        outcome = CliRunner().invoke(app, ["review", "O-992_broken_plugin", "--count", "2", "--json",
                                           "--gallery", str(tmp_path / "gallery")])
    finally:
        sys.path.remove(str(root))
        sys.modules.pop("broken_plugin_module", None)
        forget_plugins()
    assert outcome.exit_code == 1, outcome.output
    results = {row["name"]: row for row in json.loads(outcome.output)["results"]}
    assert results["registers_task"]["status"] == "fail"
    assert "vbvr_register_task" in results["registers_task"]["message"]
    assert results["oracle_scores_high"]["message"].startswith("not run:")
    assert (tmp_path / "gallery" / "index.html").is_file()
