"""The shape-rules family's scorer (issue 14): the tasks' plugins name ``score_rules`` instead of each keeping a
scorer module that only forwarded to ``judge_rules``; their generators use the family's solution class."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from vbvr_core.families.shape_rules.draw import render_final, render_first, solution_frames
from vbvr_core.families.shape_rules.judge import judge_rules, score_rules
from vbvr_core.families.shape_rules.scene import Instance, ShapeRuleSolution, ShapeState, Step, build
from vbvr_core.families.shape_rules.task import ShapeRuleGenerator
from vbvr_core.media.video import VideoReader, write_video

WHITE = (255, 255, 255)


def test_score_rules_is_judge_rules_on_the_sample(tmp_path):
    instance = Instance(steps=(Step(kind="scale", factor=1.5),),
                        example=ShapeState(kind="square", color="blue", radius=26.0, filled=True),
                        question=ShapeState(kind="triangle", color="blue", radius=26.0, filled=True), stroke=4)
    solution = build(instance)
    first, final = render_first(solution, WHITE), render_final(solution, WHITE)
    path = tmp_path / "answer.mp4"
    frames = np.stack(list(solution_frames(solution, WHITE, step_frames=18)))
    write_video(path, np.concatenate([frames[:1].repeat(6, axis=0), frames, frames[-1:].repeat(6, axis=0)]), fps=24)
    sample = SimpleNamespace(first_frame=first, final_frame=final, solution=solution.model_dump(mode="json"))
    scored, judged = score_rules(sample, VideoReader(path)), judge_rules(VideoReader(path), first, final, solution)
    assert scored == judged and scored.value >= 0.9, scored.reason


def test_the_family_generator_declares_the_family_solution():
    assert ShapeRuleGenerator.Solution is ShapeRuleSolution
