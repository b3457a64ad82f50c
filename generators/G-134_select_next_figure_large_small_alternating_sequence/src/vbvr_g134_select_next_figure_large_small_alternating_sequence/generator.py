"""G-134 select_next_figure_large_small_alternating_sequence: ring the figure that continues a large-small alternation.

Parameters → draw → solve → render → prompt (the sequence-choice family does the shared work):

- ``length`` figures of one kind in the top row, alternating large, small, large, … (small radius ``small``,
  large = ``ratio`` × small; all scaled together to fit their slots), then a "?";
- candidates, solver and ring: the family's for both alternating rules (the answer is the sequence's kind in the
  size two places back; distractors as :func:`~vbvr_core.families.sequence_choice.rules.wrong_radii` says).
"""

from __future__ import annotations

from vbvr_core.families.sequence_choice.task import AlternatingGenerator

from vbvr_g134_select_next_figure_large_small_alternating_sequence.plugin import TASK


class LargeSmallAlternatingGenerator(AlternatingGenerator, task=TASK, rule="large_small"):
    """Shows a sequence alternating large and small figures and rings the candidate that comes next."""
