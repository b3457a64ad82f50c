"""O-5 scorer: check the row after the deletion slot by slot, and that the deletion was shown.

End state (:mod:`vbvr_core.families.symbol_row.judge`): every slot of the expected row (centred again) is
compared between the video's last frame (its colours mapped onto ours) and the reference final frame by the
soft IoU of that slot's symbol ink — so each remaining symbol must keep its glyph, colour and order; and the
row's band must hold no stray ink (the marked symbol or its frame left behind). ``end`` = 1 when all slots
match and nothing strays, else 0.25 × the share of slots that match (0 if ink strays).

Process: ``fade`` — the marked symbol's ink in its own box (its colour is unique in the row) passes half-way
from full to none (a fade or a slide out of the box; a cut shows only the two ends); ``close`` — the row's outer
edge (the right one, or the left one when the last symbol goes) passes two intermediate positions of its
half-step move. value = end · (0.05 + 0.95 · fade · close): a cut to the final frame keeps 0.05.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.symbol_row.deletion import DeletionSolution
from vbvr_core.families.symbol_row.judge import closing_coverage, judge_deletion, opened
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-5 against the sample's expected row."""
    solution, clip = opened(sample, video, DeletionSolution)
    half_step = solution.spacing / 2
    last_goes = solution.position == len(solution.row)
    close = closing_coverage(clip, solution.row_y, solution.symbol_size, "left" if last_goes else "right",
                             half_step if last_goes else -half_step)
    return judge_deletion(clip, solution, close, "close", "the marked symbol", "the row's closing of the gap",
                          ok=f"deleted the marked symbol (position {solution.position}) and closed the gap")
