"""The generator every sequence-choice task shares: draw the layout, build and solve the scene, render it.

A task subclasses :class:`SequenceChoiceGenerator` with its task, its size ``rule`` and its ``Params`` as class
keywords (``params``: a :class:`ChoiceParams` subclass adding ``length``, ``small`` and ``ratio`` with the rule's
strata, :class:`IncreasingParams` or :class:`AlternatingParams`) and its ``prompt``; a task of either alternating
rule subclasses :class:`AlternatingGenerator`, which words its prompt and knows its Params. The solution is :class:`SequenceChoiceSolution` for every
task, and the scorer :func:`~vbvr_core.families.sequence_choice.judge.score_choice`. Alternatives and near misses
for the robustness suite are declared here once.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from vbvr_core.contract import Sample, Strata, TaskParams, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex
from vbvr_core.families.marking.draw import ring_image
from vbvr_core.families.sequence_choice.draw import Figure, mark_video, render_scene, slot_width
from vbvr_core.families.sequence_choice.scene import ChoiceLayout, SequenceChoiceSolution, build_scene, question_slot
from vbvr_core.pipeline.generator import BaseGenerator

# The sample's outer holds: with the ring's own holds (``hold_frames``, 6-10) the scene shows about half a second
# before the ring starts and after it closes.
OUTER_HOLD_FRAMES = 4

Kind = Literal["circle", "square", "triangle", "pentagon", "star"]
# Fill colours far from the red of the mark (no red, orange or pink), dark enough to read as a figure.
FillColor = Literal["green", "blue", "purple", "cyan", "brown", "gray"]


class ChoiceParams(TaskParams):
    """What every sequence-choice task draws besides its rule's sizes (``length``, ``small``, ``ratio``)."""

    candidates: Annotated[int, Strata((3, 3), (3, 4), (4, 4))] = Field(
        4, ge=3, le=4, description="how many candidate figures are offered")
    kind: Annotated[Kind, Uniform()] = Field("circle", description="the kind of the sequence's figures")
    color: Annotated[FillColor, Uniform()] = Field("blue", description="the fill colour of every figure")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(5, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    sweep_frames: Annotated[int, Uniform(16, 24)] = Field(
        20, ge=10, le=30, description="video frames over which the ring is drawn")
    hold_frames: Annotated[int, Uniform(6, 10)] = Field(
        8, ge=2, le=16, description="video frames the scene is held before the ring and after it")


class IncreasingParams(ChoiceParams):
    """The parameter space of the ``increasing`` rule: longer sequences and smaller growth steps as the difficulty
    grows."""

    length: Annotated[int, Strata((3, 3), (3, 4), (4, 4))] = Field(
        4, ge=3, le=4, description="how many figures of the sequence are shown")
    small: Annotated[float, Uniform(10, 14, digits=1)] = Field(
        12.0, ge=9, le=16, description="nominal radius (px) of the first figure, before fitting")
    ratio: Annotated[float, Strata((1.35, 1.45), (1.25, 1.35), (1.17, 1.25), digits=2)] = Field(
        1.3, ge=1.16, le=1.5, description="growth factor of the radius from one figure to the next")


class AlternatingParams(ChoiceParams):
    """The parameter space of both alternating rules (``large_small``, ``small_large``): longer sequences and closer
    sizes as the difficulty grows."""

    length: Annotated[int, Strata((3, 4), (4, 5), (5, 5))] = Field(
        4, ge=3, le=5, description="how many figures of the sequence are shown")
    small: Annotated[float, Uniform(11, 16, digits=1)] = Field(
        13.0, ge=9, le=18, description="nominal radius (px) of the small figures, before fitting")
    ratio: Annotated[float, Strata((1.8, 2.1), (1.5, 1.8), (1.3, 1.5), digits=2)] = Field(
        1.6, ge=1.25, le=2.2, description="radius of the large figures over that of the small ones")


class SequenceChoiceGenerator(BaseGenerator):
    """Shows a sequence of one figure kind whose sizes follow ``rule``, offers candidates, rings the next one."""

    Solution = SequenceChoiceSolution
    rule: ClassVar[str]
    prompt: ClassVar[str]

    def __init_subclass__(cls, *, rule: str | None = None, **kwargs) -> None:
        """Take the class keyword ``rule`` (the size rule, see :mod:`~vbvr_core.families.sequence_choice.rules`) besides
        :class:`~vbvr_core.pipeline.generator.BaseGenerator`'s."""
        super().__init_subclass__(**kwargs)
        if rule is not None:
            cls.rule = rule

    def generate(self) -> Sample:
        """Build and solve the scene (``Reject`` when unreadable or ambiguous), render it, ring the answer."""
        p = self.params
        layout = ChoiceLayout(length=p.length, small=p.small, ratio=p.ratio, candidates=p.candidates, kind=p.kind,
                              ring_width=p.ring_width)
        scene = build_scene(self.rule, layout, PALETTE[p.color], self.rng)
        solution = self.Solution.model_validate(scene.model_dump())
        first = self._render(solution)
        target = solution.candidate(solution.target)
        final = ring_image(first, target.center, solution.ring_radii[solution.target], width=p.ring_width)
        return Sample(first_frame=first, final_frame=final, prompt=self.prompt,
                      trajectory=lambda: mark_video(first, target, p.sweep_frames, p.ring_width, p.hold_frames),
                      solution=solution, params=p, hold_frames=OUTER_HOLD_FRAMES)

    def _render(self, solution: SequenceChoiceSolution):
        """The first frame of ``solution``'s scene: the sequence, its "?" slot and the candidates."""
        p = self.params
        sequence = [Figure(solution.kind, tuple(c), r)
                    for c, r in zip(solution.sequence_centers, solution.sequence_radii, strict=True)]
        candidates = [solution.candidate(k) for k in range(len(solution.candidate_kinds))]
        question_size = int(min(56, slot_width(len(sequence) + 1) * 0.6))
        return render_scene(sequence, candidates, tuple(solution.color), BACKGROUNDS[p.background],
                            question_slot(solution), question_size)

    def _ringed(self, sample: Sample, index: int, width: int | None = None, radius: float | None = None,
                color=None) -> FrameSource:
        """Frames of ``sample``'s scene with candidate ``index`` ringed (the ring's look overridable)."""
        solution = self.Solution.model_validate(sample.solution)
        p = self.params
        return lambda: mark_video(sample.first_frame, solution.candidate(index), p.sweep_frames,
                                  width or p.ring_width, p.hold_frames, radius=radius, color=color)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Other correct marks: a wider, thinner ring of a darker red around the answer."""
        solution = self.Solution.model_validate(sample.solution)
        wide = solution.ring_radii[solution.target] + 4
        return {"wide_thin_ring": self._ringed(sample, solution.target, width=4, radius=wide, color=(200, 20, 40))}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers ringed like the right one: the sequence's kind in a wrong size, and the right size in
        another kind (each candidate that fails in one respect)."""
        solution = self.Solution.model_validate(sample.solution)
        answer = solution.candidate_radii[solution.target]
        misses: dict[str, FrameSource] = {}
        for k, (kind, radius) in enumerate(zip(solution.candidate_kinds, solution.candidate_radii, strict=True)):
            if k == solution.target:
                continue
            if kind == solution.kind:
                misses.setdefault("wrong_size_ringed", self._ringed(sample, k))
            elif radius == answer:
                misses.setdefault("wrong_kind_ringed", self._ringed(sample, k))
        return misses


ALTERNATING_PROMPT = (
    "The top row shows figures of the same shape whose size alternates, {0}, {1}, {0}, and so on, "
    "from left to right; the question mark is where the next figure belongs. Among the candidate figures "
    "in the bottom row, find the one that continues the pattern and mark it by drawing a red circle around "
    "it. Mark only that figure and do not change anything else in the image."
)


class AlternatingGenerator(SequenceChoiceGenerator, params=AlternatingParams):
    """The generator of both alternating rules: a task names its ``task`` and ``rule`` (``large_small`` or
    ``small_large``) as class keywords; the prompt (:data:`ALTERNATING_PROMPT`) names the two sizes in the rule's
    order."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.prompt = ALTERNATING_PROMPT.format(*cls.rule.split("_"))
