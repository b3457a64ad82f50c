"""The contract checks of the ``sequence_choice`` tasks (ring the candidate that continues a size sequence), on top
of :class:`~vbvr_core.testing.contract.SampleContract`::

    class TestContract(SequenceChoiceContract):
        key = "G-131_select_next_figure_increasing_size_sequence"

Adds: on ``offer_seeds`` seeds, every drawn sample offers the telling wrong size in the sequence's kind (one step
too far for ``increasing``, the last shown size repeated for the alternating rules) and the answer's size in
another kind; a ring drawn at once on the answer (the first frame held, then the final frame) keeps most credit.
Scores the near misses ``wrong_size_ringed`` and ``wrong_kind_ringed`` (≤ 0.1).
"""

from __future__ import annotations

import itertools
from typing import ClassVar

from vbvr_core.discovery import get_task
from vbvr_core.families.sequence_choice.scene import SequenceChoiceSolution
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import read_png
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames


class SequenceChoiceContract(SampleContract):
    """Set ``key``; ``offer_seeds`` bounds the candidate-offer check."""

    near_misses = ("wrong_size_ringed", "wrong_kind_ringed")
    near_miss_max = 0.1
    offer_seeds: ClassVar[int] = 40

    def test_every_sample_offers_the_telling_wrong_size_and_the_right_size_in_another_kind(self):
        generator = get_task(self.key).load_generator()
        for seed in range(self.offer_seeds):
            try:
                solution = SequenceChoiceSolution.model_validate(generator(seed).generate().solution)
            except Reject:
                continue
            answer = solution.candidate_radii[solution.target]
            kinds_and_sizes = list(zip(solution.candidate_kinds, solution.candidate_radii, strict=True))
            if generator.rule == "increasing":  # one step too far
                assert any(kind == solution.kind and radius > answer * 1.1 for kind, radius in kinds_and_sizes)
            else:  # the other size: the last shown one repeated
                assert (solution.kind, solution.sequence_radii[-1]) in kinds_and_sizes
            assert any(kind != solution.kind and radius == answer for kind, radius in kinds_and_sizes)

    def test_a_ring_drawn_at_once_on_the_answer_keeps_most_credit(self, tmp_path_factory, tmp_path):
        sample = contract_samples(tmp_path_factory, self.key)[0]
        first, final = read_png(sample / "first_frame.png"), read_png(sample / "final_frame.png")
        assert score_frames(sample, list(itertools.chain([first] * 8, [final] * 12)), tmp_path).value >= 0.85
