"""Building a sequence-choice instance: the shown figures, the candidates, and the one that continues the rule.

:func:`build_scene` lays the sequence out in the top row (its last slot left for a "?"), sizes every figure so
that it fits its slot (all radii scaled together, so the rule's ratios stay exact), and fills the candidate
row with the answer and distractors that each fail in one respect: the right size in another kind, the
sequence's kind in a size a careless reading of the rule gives. The solver (:func:`rules.choose`) must then
find exactly one answer, else the instance is rejected.
"""

from __future__ import annotations

from dataclasses import dataclass

from vbvr_core.contract import TaskSolution
from vbvr_core.contract.geometry import Point
from vbvr_core.families.sequence_choice.draw import (
    CHOICE_Y,
    GAP,
    RING_PADDING,
    SEQUENCE_Y,
    Figure,
    ring_radius,
    row_centers,
    shape_reach,
    slot_width,
)
from vbvr_core.families.sequence_choice.rules import MIN_CONTRAST, choose, sequence_radii, wrong_radii
from vbvr_core.pipeline.generator import Reject

# Kinds that stay distinct even when small (no diamond beside square, no hexagon beside circle or pentagon).
KINDS: tuple[str, ...] = ("circle", "square", "triangle", "pentagon", "star")
MIN_RADIUS = 9.0  # no figure smaller than this nominal radius (px): smaller ones are hard to compare


class SequenceChoiceSolution(TaskSolution):
    """The shown sequence (kind, fill colour, radii, centres), the candidates (kinds, radii, centres, ring radii) and the
    index of the candidate that continues the sequence."""

    rule: str
    kind: str
    color: list[int]
    sequence_radii: list[float]
    sequence_centers: list[Point]
    candidate_kinds: list[str]
    candidate_radii: list[float]
    candidate_centers: list[Point]
    ring_radii: list[float]
    target: int

    def candidate(self, index: int) -> Figure:
        """Candidate ``index`` as a drawable figure."""
        return Figure(self.candidate_kinds[index], tuple(self.candidate_centers[index]), self.candidate_radii[index])


@dataclass(frozen=True)
class ChoiceLayout:
    """What :func:`build_scene` needs besides the rule: counts, sizes, the kind and the ring's stroke."""

    length: int
    small: float
    ratio: float
    candidates: int
    kind: str
    ring_width: int


def _fit_scale(kind: str, shown: list[float], offered: list[float], layout: ChoiceLayout) -> float:
    """The factor (≤ 1) that makes the largest shown figure fit its sequence slot and the ring (reach +
    padding + stroke) around the largest offered size fit its candidate slot, in any kind."""
    top_limit = slot_width(layout.length + 1) / 2 - GAP
    ring_limit = slot_width(layout.candidates) / 2 - layout.ring_width - RING_PADDING
    widest = max(shape_reach(k, 1.0) for k in KINDS)
    return min(1.0, top_limit / max(shape_reach(kind, r) for r in shown), ring_limit / (widest * max(offered)))


def _fits(kind: str, radius: float, layout: ChoiceLayout) -> bool:
    ring = ring_radius(Figure(kind, (0.0, 0.0), radius))
    return radius >= MIN_RADIUS and ring + layout.ring_width <= slot_width(layout.candidates) / 2


def build_scene(rule: str, layout: ChoiceLayout, color, rng) -> SequenceChoiceSolution:
    """A solved instance of ``rule`` laid out as ``layout``, its figures filled in ``color`` (RGB); ``rng`` (numpy Generator) picks the distractors
    and the candidates' order. Raises ``Reject`` when the figures cannot be made large enough to read, or
    when the candidates leave the answer ambiguous."""
    kind = layout.kind
    radii = sequence_radii(rule, layout.length, layout.small, layout.ratio)
    # Scale so that every size a candidate may take fits (the rule's ratios stay exact).
    scale = _fit_scale(kind, radii[:-1], [radii[-1], *wrong_radii(rule, radii)], layout)
    radii = [round(r * scale, 2) for r in radii]
    if min(radii) < MIN_RADIUS:
        raise Reject(f"illegible: the smallest figure ({min(radii):.1f} px) is under {MIN_RADIUS:.0f} px once all fit")
    shown, answer = radii[:-1], radii[-1]
    wrong = [round(float(r), 2) for r in wrong_radii(rule, radii)]
    if not _fits(kind, wrong[0], layout):
        raise Reject(f"trivial: the telling wrong size {wrong[0]:.1f} px does not fit beside the answer")
    wrong = [r for r in wrong if _fits(kind, r, layout) and max(r, answer) / min(r, answer) >= MIN_CONTRAST]
    other_kinds = [k for k in KINDS if k != kind]
    other_kinds = [other_kinds[int(i)] for i in rng.permutation(len(other_kinds))]
    right_size = next(((k, answer) for k in other_kinds if _fits(k, answer, layout)), None)
    if right_size is None:
        raise Reject("cluttered: no other kind of the answer's size fits a candidate slot")
    # Always the telling wrong size in the right kind and the right size in another kind; the rest at random.
    chosen: list[tuple[str, float]] = [(kind, answer), (kind, wrong[0]), right_size]
    rest = [(kind, r) for r in wrong[1:]]
    rest += [(k, r) for k, r in zip((k for k in other_kinds if k != right_size[0]), wrong, strict=False)
             if _fits(k, r, layout)]
    for k in rng.permutation(len(rest))[: layout.candidates - len(chosen)]:
        chosen.append(rest[int(k)])
    if len(chosen) < layout.candidates:
        raise Reject(f"trivial: only {len(chosen)} distinct candidates for {layout.candidates} slots")
    order = [int(k) for k in rng.permutation(len(chosen))]
    chosen = [chosen[k] for k in order]
    try:
        target = choose(rule, kind, shown, chosen)
    except ValueError as problem:
        raise Reject(f"ambiguous: {problem}") from None
    sequence_centers = row_centers(layout.length + 1, SEQUENCE_Y)
    candidate_centers = row_centers(layout.candidates, CHOICE_Y)
    figures = [Figure(k, c, r) for (k, r), c in zip(chosen, candidate_centers, strict=True)]
    return SequenceChoiceSolution(
        rule=rule, kind=kind, color=list(color), sequence_radii=shown, sequence_centers=sequence_centers[:-1],
        candidate_kinds=[f.kind for f in figures], candidate_radii=[f.radius for f in figures],
        candidate_centers=candidate_centers, ring_radii=[ring_radius(f) for f in figures], target=target)


def question_slot(solution: SequenceChoiceSolution) -> Point:
    """Centre of the "?" slot: the sequence row's last slot."""
    return row_centers(len(solution.sequence_radii) + 1, SEQUENCE_Y)[-1]
