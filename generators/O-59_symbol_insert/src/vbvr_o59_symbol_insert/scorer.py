"""O-59 scorer: check the row after insertion slot by slot, and that the insertion was shown.

End state: every slot of the expected new row (centred, as the solution says) is matched between the video's last
frame and the reference final frame (:func:`~vbvr_core.families.symbol_row.judge.slot_matches`). ``end`` = 1 when
all slots match; 0 when the new symbol's own slot does not (it was not inserted, or not there); else 0.25 × the
share that match (a symbol inserted one place off breaks two slots and keeps at most 0.25).

Process (:func:`~vbvr_core.families.symbol_row.judge.judge_process`, with ``steps``: no dissolve): ``descent`` —
the new symbol (its colour is unique) passes the heights between its start above the gap and the row; ``shift`` —
the row's outer edge on the side that moves (the right edge, or the left one for an insertion at the end) passes
the positions between its start and end. value = end · (0.05 + 0.95 · descent · shift · steps): a cut straight to
the final frame keeps 0.05."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.symbol_row.judge import (
    closing_coverage,
    descent_coverage,
    judge_process,
    opened,
    slot_matches,
)
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader

from vbvr_o59_symbol_insert.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-59 against the sample's expected row."""
    solution, clip = opened(sample, video, Solution)
    size, spacing, y, scale = solution.symbol_size, solution.spacing, solution.row_y, clip.scale
    matches = slot_matches(clip.frames[-1], clip.final, solution.final_xs, [c for _, c in solution.final_row], y,
                           spacing, size, scale)
    share = sum(matches) / len(matches)
    inserted = matches[solution.position - 1]
    end = 1.0 if all(matches) else 0.25 * share if inserted else 0.0
    descent = descent_coverage(clip, solution.new_symbol[1], solution.final_xs[solution.position - 1], 0.6 * spacing,
                               size, y, y - solution.above_y)
    at_end = solution.position == len(solution.row) + 1
    shift = closing_coverage(clip, y, size, "left" if at_end else "right", -spacing / 2 if at_end else spacing / 2)
    verdict = Verdict()
    wrong = [k + 1 for k, ok in enumerate(matches) if not ok]
    verdict.part("end", end, unless=f"the final row differs from the expected one at position(s) {wrong}")
    verdict.note("slots", share)
    judge_process(verdict, clip, [
        ("descent", descent, f"the new symbol's slide into the gap is shown through {descent:.0%} of its path"),
        ("shift", shift, f"the row's opening of the gap is shown through {shift:.0%} of its path")])
    return verdict.score(ok=f"inserted the {solution.new_name} at position {solution.position}")
