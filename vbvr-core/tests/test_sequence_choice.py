"""The sequence-choice family: size rules, the solver, and scenes whose answer is unique and readable."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.sequence_choice.draw import ring_radius, slot_width
from vbvr_core.families.sequence_choice.rules import RULES, choose, predict_next, sequence_radii, wrong_radii
from vbvr_core.families.sequence_choice.scene import MIN_RADIUS, ChoiceLayout, build_scene
from vbvr_core.pipeline.generator import Reject


@pytest.mark.parametrize("rule", RULES)
def test_the_solver_continues_every_rule_it_generates(rule):
    radii = sequence_radii(rule, 5, 10.0, 1.5)
    assert predict_next(rule, radii[:-1]) == pytest.approx(radii[-1])


def test_unknown_rules_and_too_short_sequences_are_refused():
    with pytest.raises(ValueError, match="unknown size rule"):
        sequence_radii("shrinking", 3, 10.0, 1.5)
    with pytest.raises(ValueError, match="at least two"):
        predict_next("increasing", [10.0])


def test_the_telling_wrong_size_comes_first():
    assert wrong_radii("increasing", [10.0, 15.0, 22.5])[0] == pytest.approx(33.75)  # one step too far
    assert wrong_radii("small_large", [10.0, 20.0, 10.0])[0] == 20.0  # the last shown size repeated


def test_two_matching_candidates_are_ambiguous():
    with pytest.raises(ValueError, match="2 candidates"):
        choose("large_small", "star", [20.0, 10.0, 20.0], [("star", 10.0), ("star", 10.2), ("circle", 10.0)])


@pytest.mark.parametrize("rule", RULES)
def test_built_scenes_have_one_answer_that_fits_and_reads(rule):
    rng = np.random.default_rng(3)
    built = 0
    for _ in range(30):
        layout = ChoiceLayout(length=int(rng.integers(3, 5)), small=12.0, ratio=float(rng.uniform(1.2, 1.4)),
                              candidates=int(rng.integers(3, 5)), kind="triangle", ring_width=6)
        try:
            scene = build_scene(rule, layout, (40, 90, 220), rng)
        except Reject:
            continue
        built += 1
        candidates = list(zip(scene.candidate_kinds, scene.candidate_radii, strict=True))
        assert choose(rule, scene.kind, scene.sequence_radii, candidates) == scene.target
        assert min(scene.sequence_radii + scene.candidate_radii) >= MIN_RADIUS
        half_slot = slot_width(layout.candidates) / 2
        assert all(ring_radius(scene.candidate(k)) + layout.ring_width <= half_slot for k in range(len(candidates)))
    assert built >= 20


def test_each_rules_parameter_space_and_the_shared_solution():
    from vbvr_core.families.sequence_choice.scene import SequenceChoiceSolution
    from vbvr_core.families.sequence_choice.task import AlternatingParams, IncreasingParams, SequenceChoiceGenerator

    assert IncreasingParams.draw_spec("ratio").stratum(2) == (1.17, 1.25)
    assert AlternatingParams.draw_spec("length").stratum(0) == (3, 4)
    assert IncreasingParams().ratio == 1.3 and AlternatingParams().small == 13.0
    with pytest.raises(ValueError, match="ratio"):
        AlternatingParams(ratio=1.2)  # sizes this close are not told apart
    assert SequenceChoiceGenerator.Solution is SequenceChoiceSolution


def test_pixel_noise_keeps_the_scene_and_another_scene_stays_out():
    """Issue 17: Gaussian noise of σ 6 dimmed the colour fit and pushed figure pixels off the blend line, so the
    opening's worst slot fell to 0.76 (G-135 sample 0 scored 0.84); the frames are blurred before the fit now."""
    from vbvr_core.draw import BACKGROUNDS, PALETTE
    from vbvr_core.families.sequence_choice.draw import Figure, render_scene
    from vbvr_core.families.sequence_choice.judge import SCENE_FULL, SCENE_ZERO, scene_overlap
    from vbvr_core.families.sequence_choice.scene import SequenceChoiceSolution, question_slot

    def first_frame(kind: str):
        layout = ChoiceLayout(length=5, small=13.0, ratio=1.6, candidates=4, kind=kind, ring_width=6)
        scene = build_scene("small_large", layout, PALETTE["purple"], np.random.default_rng(0))
        solution = SequenceChoiceSolution.model_validate(scene.model_dump())
        shown = [Figure(solution.kind, tuple(c), r)
                 for c, r in zip(solution.sequence_centers, solution.sequence_radii, strict=True)]
        offered = [solution.candidate(k) for k in range(len(solution.candidate_kinds))]
        frame = render_scene(shown, offered, tuple(solution.color), BACKGROUNDS[0], question_slot(solution),
                             int(min(56, slot_width(6) * 0.6)))
        return frame, solution

    frame, solution = first_frame("circle")
    noisy = np.clip(frame + np.random.default_rng(1).normal(0, 6, frame.shape), 0, 255).astype(np.uint8)
    assert scene_overlap(noisy, frame, solution) >= max(SCENE_FULL, 0.95)  # 0.85 before the fix
    for kind in ("triangle", "pentagon", "star"):  # the sequence's figures in another kind, same sizes
        assert scene_overlap(first_frame(kind)[0], frame, solution) < SCENE_ZERO
