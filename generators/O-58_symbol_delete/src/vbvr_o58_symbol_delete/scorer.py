"""O-58 scorer: check the row after the deletion slot by slot, and that the deletion was shown.

End state (:mod:`vbvr_core.families.symbol_row.judge`): every slot of the expected row (the original slots
minus the last) is compared between the video's last frame (its colours mapped onto ours) and the reference
final frame by the soft IoU of that slot's symbol ink — so each remaining symbol must keep its glyph, colour,
order and slot; and the row's band must hold no stray ink (the deleted symbol left behind, or a symbol still
in the last slot). ``end`` = 1 when all slots match and nothing strays, else 0.25 × the share of slots that
match (0 if ink strays: the symbol, or part of it, is still there).

Process: ``fade`` — the deleted symbol's ink in its own box (its colour is unique in the row) passes half-way
from full to none; ``shift`` — unless the last symbol goes, the row's right edge passes two intermediate
positions of its one-slot move left. value = end · (0.05 + 0.95 · fade · shift): a cut to the end keeps 0.05.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.symbol_row.deletion import DeletionSolution
from vbvr_core.families.symbol_row.judge import closing_coverage, judge_deletion, opened
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-58 against the sample's expected row."""
    solution, clip = opened(sample, video, DeletionSolution)
    last_goes = solution.position == len(solution.row)
    shift = 1.0 if last_goes else closing_coverage(clip, solution.row_y, solution.symbol_size, "right",
                                                   -solution.spacing)
    return judge_deletion(clip, solution, shift, "shift", f"the {solution.position}. symbol",
                          "the later symbols' move one place left",
                          ok=f"deleted symbol {solution.position} and shifted the rest left")
