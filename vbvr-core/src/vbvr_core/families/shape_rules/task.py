"""The generator every shape-rule task shares, and the parameter blocks its tasks combine.

A task's ``Params`` subclasses :class:`ShapeRuleParams` and the blocks of its steps (:class:`ScaleParams`,
:class:`ColorParams`, :class:`StyleParams`, :class:`MoveParams`); its generator subclasses
:class:`ShapeRuleGenerator` with ``steps`` (the step kinds in order) and a ``prompt``; its solution is the
family's :class:`ShapeRuleSolution` and its scorer the family's :func:`~vbvr_core.families.shape_rules.judge.score_rules`
(named in its ``plugin.py``). Near misses and alternatives for the robustness suite are declared here once.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from vbvr_core.contract import Sample, Strata, TaskParams, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex
from vbvr_core.families.shape_rules.draw import fits_slot, render_final, render_first, solution_frames
from vbvr_core.families.shape_rules.scene import Instance, ShapeRuleSolution, ShapeState, Step, apply, build
from vbvr_core.pipeline.generator import BaseGenerator, Reject

Kind = Literal["circle", "square", "triangle", "diamond", "star"]
Color = Literal["red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink"]


class ShapeRuleParams(TaskParams):
    """What every shape-rule task draws: the two shapes, their colour and size, the stroke, the pace."""

    example_kind: Annotated[Kind, Uniform()] = Field("circle", description="kind of the example shape (A)")
    question_kind: Annotated[Kind, Uniform()] = Field(
        "square", description="kind of the question shape (C, or D in two-step tasks); another kind than A's")
    color: Annotated[Color, Uniform()] = Field("blue", description="colour of both shapes before any colour step")
    radius: Annotated[float, Uniform(24, 34, digits=1)] = Field(
        30.0, ge=14, le=60, description="nominal radius (px) of both shapes before any scale step")
    stroke: Annotated[int, Uniform(4, 5)] = Field(4, ge=3, le=8, description="stroke width (px) of an outlined shape")
    background: BackgroundIndex = 0
    step_frames: Annotated[int, Uniform(18, 26)] = Field(
        22, ge=12, le=40, description="video frames over which one step plays out")


class ScaleParams(TaskParams):
    """The scale step: the factor's size (nearer 1 when harder) and whether the shape grows or shrinks."""

    factor: Annotated[float, Strata((1.7, 1.9), (1.5, 1.7), (1.38, 1.5), digits=2)] = Field(
        1.6, ge=1.3, le=2.0, description="how many times larger (or smaller) the scaled shape is")
    grow: Annotated[Literal["larger", "smaller"], Uniform()] = Field(
        "larger", description="whether the scale step makes the shape larger or smaller")


class ColorParams(TaskParams):
    """The colour step: the new colour (its hue at least 60° from the old one, else the draw is redrawn)."""

    new_color: Annotated[Color, Uniform()] = Field("orange", description="colour the colour step gives the shape")


class StyleParams(TaskParams):
    """The outline/fill step: its direction."""

    start_style: Annotated[Literal["filled", "outline"], Uniform()] = Field(
        "filled", description="style of the shapes before the step (the step turns it into the other)")


class MoveParams(TaskParams):
    """The move step: how far and which way (vertically) the shape moves."""

    shift: Annotated[int, Strata((60, 70), (52, 62), (46, 54))] = Field(
        58, ge=40, le=80, description="distance (px) the move step shifts the shape")
    direction: Annotated[Literal["up", "down"], Uniform()] = Field("up", description="which way the shape moves")


class ShapeRuleGenerator(BaseGenerator):
    """Shows an example shape changing by the task's steps and applies them, step by step, to a new shape."""

    Solution = ShapeRuleSolution
    steps: ClassVar[tuple[str, ...]]
    prompt: ClassVar[str]

    def rule_steps(self) -> tuple[Step, ...]:
        """The task's steps with this instance's arguments."""
        p = self.params
        made = []
        for kind in self.steps:
            if kind == "scale":
                made.append(Step(kind="scale", factor=p.factor if p.grow == "larger" else round(1 / p.factor, 4)))
            elif kind == "color":
                made.append(Step(kind="color", new_color=p.new_color))
            elif kind == "style":
                made.append(Step(kind="style"))
            else:
                made.append(Step(kind="move", shift=float(-p.shift if p.direction == "up" else p.shift)))
        return tuple(made)

    def start_state(self, kind: str) -> ShapeState:
        """The start state of a shape of ``kind``."""
        p = self.params
        filled = getattr(p, "start_style", "filled") == "filled"
        return ShapeState(kind=kind, color=p.color, radius=p.radius, filled=filled)

    def generate(self) -> Sample:
        """Build and solve the instance (``Reject`` when unreadable or trivial), render it, animate the steps."""
        p = self.params
        if "color" in self.steps and p.new_color == p.color:
            raise Reject("trivial: the colour step keeps the colour")
        instance = Instance(steps=self.rule_steps(), example=self.start_state(p.example_kind),
                            question=self.start_state(p.question_kind), stroke=p.stroke)
        solution = self.Solution.model_validate(build(instance).model_dump())
        background = BACKGROUNDS[p.background]
        first, final = render_first(solution, background), render_final(solution, background)
        return Sample(first_frame=first, final_frame=final, prompt=self.prompt,
                      trajectory=lambda: solution_frames(solution, background, p.step_frames),
                      solution=solution, params=p)

    # --- other renderings for the robustness suite -------------------------------------------------------------

    def _video(self, sample: Sample, **options) -> FrameSource:
        solution = ShapeRuleSolution.model_validate(sample.solution)
        background = BACKGROUNDS[self.params.background]
        return lambda: solution_frames(solution, background, self.params.step_frames, **options)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct renderings: every step played more slowly with longer pauses."""
        solution = ShapeRuleSolution.model_validate(sample.solution)
        background = BACKGROUNDS[self.params.background]
        return {"slow_steps": lambda: solution_frames(solution, background, self.params.step_frames + 12,
                                                      pause_frames=10)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers drawn like the right one: the opposite scale or move, another colour, the shape copied
        unchanged (one step), and for two steps the steps swapped or the second skipped."""
        solution = ShapeRuleSolution.model_validate(sample.solution)
        steps = list(solution.steps)
        misses: dict[str, FrameSource] = {}
        first = steps[0]
        if first.kind in ("scale", "move"):
            opposite = (first.model_copy(update={"factor": round(1 / first.factor, 4)}) if first.kind == "scale"
                        else first.model_copy(update={"shift": -first.shift}))
            end = apply(opposite, solution.states[solution.source(solution.answers[0])])
            if fits_slot(solution, end):
                misses["opposite_direction"] = self._video(sample, steps=[opposite, *steps[1:]])
        if first.kind == "color":
            start = solution.states[solution.source(solution.answers[0])].color
            other = next(c for c in ("green", "purple", "orange", "cyan") if c not in (start, first.new_color))
            misses["wrong_color"] = self._video(sample, steps=[first.model_copy(update={"new_color": other}),
                                                               *steps[1:]])
        if len(steps) == 1:
            misses["copied_unchanged"] = self._video(sample, steps=[Step(kind="move", shift=0.0)])
        if len(steps) == 2:
            misses["steps_swapped"] = self._video(sample, steps=[steps[1], steps[0]])
            misses["second_step_skipped"] = self._video(
                sample, steps=[steps[0], Step(kind="move", shift=0.0)])
        return misses
