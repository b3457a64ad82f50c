"""G-131 select_next_figure_increasing_size_sequence: ring the figure that continues a growing sequence.

Parameters → draw → solve → render → prompt (the sequence-choice family does the shared work):

- ``length`` figures of one kind in the top row, each ``ratio`` times the one before (the first has radius
  ``small``; all are scaled together to fit their slots), then a "?";
- ``candidates`` figures in the bottom row: the answer (same kind, one more step), the same kind in a size a
  careless reading gives (the last size again, two steps on, the first size), and other kinds in the answer's
  size; candidates closer than 15 % in size to the answer, or a second match, are rejected;
- the solver predicts the next radius from the shown ones (last × last step's ratio) and picks the candidate
  of the sequence's kind with that radius; the video sweeps a red ring around it.
"""

from __future__ import annotations

from vbvr_core.families.sequence_choice.task import IncreasingParams, SequenceChoiceGenerator

from vbvr_g131_select_next_figure_increasing_size_sequence.plugin import TASK


class IncreasingSizeSequenceGenerator(SequenceChoiceGenerator, task=TASK, params=IncreasingParams, rule="increasing"):
    """Shows a sequence of figures growing by a constant factor and rings the candidate that comes next."""

    prompt = (
        "The top row shows figures of the same shape that grow larger from left to right, each by the same factor; "
        "the question mark is where the next figure belongs. Among the candidate figures in the bottom row, "
        "find the one that continues the sequence and mark it by drawing a red circle around it. Mark only "
        "that figure and do not change anything else in the image."
    )

