"""O-5 scorer: check the row after the deletion slot by slot, and that the deletion was shown.

End state (:mod:`vbvr_core.families.symbol_row.judge`): every slot of the expected row (centred again) is
compared between the video's last frame (its colours mapped onto ours) and the reference final frame by the
soft IoU of that slot's symbol ink — so each remaining symbol must keep its glyph, colour and order; and the
row's band must hold no stray ink (the marked symbol or its frame left behind). ``end`` = 1 when all slots
match and nothing strays, else 0.25 × the share of slots that match (halved again if ink strays).

Process: ``fade`` — the marked symbol's ink in its own box (its colour is unique in the row) passes half-way
from full to none (a fade or a slide out of the box; a cut shows only the two ends); ``close`` — the row's outer
edge (the right one, or the left one when the last symbol goes) passes two intermediate positions of its
half-step move. value = end · (0.05 + 0.95 · fade · close): a cut to the final frame keeps 0.05.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.symbol_row.judge import (
    closing_coverage,
    fade_coverage,
    ink_levels,
    prepare,
    slot_matches,
    stray_ink,
)
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader

from vbvr_o5_symbol_deletion.generator import Solution

# Stray ink tolerated in the row's band, as a share of the reference row's ink.
STRAY_MAX = 0.08


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-5 against the sample's expected row."""
    solution = Solution.model_validate(sample.solution)
    clip = prepare(sample, video)
    size, spacing, y = solution.symbol_size, solution.spacing, solution.row_y
    last = clip.frames[-1]
    matches = slot_matches(last, clip.final, solution.final_xs, [c for _, c in solution.final_row], y, spacing, size,
                           clip.scale)
    stray = stray_ink(last, clip.final, y, size, clip.scale)
    share = sum(matches) / len(matches)
    clean = stray <= STRAY_MAX
    end = 1.0 if all(matches) and clean else 0.25 * share * (1.0 if clean else 0.5)
    gone = solution.position - 1
    levels = ink_levels(clip.frames, solution.row[gone][1], solution.xs[gone], y, spacing / 2, clip.scale)
    fade = fade_coverage(levels, 1.0, 0.0)
    last_goes = solution.position == len(solution.row)
    close = closing_coverage(clip, y, size, "left" if last_goes else "right", spacing / 2 if last_goes else -spacing / 2)
    verdict = Verdict()
    wrong = [k + 1 for k, ok in enumerate(matches) if not ok]
    verdict.part("end", end, unless=(f"the final row differs from the expected one at position(s) {wrong}" if wrong
                                     else f"ink is left in the row where the expected row has none ({stray:.0%})"))
    verdict.note("slots", share)
    verdict.note("stray", stray)
    verdict.note("fade", fade)
    verdict.note("close", close)
    verdict.part("process", 0.05 + 0.95 * fade * close)
    if fade < 1:
        verdict.fail("the marked symbol does not fade (or move) out of its place gradually")
    if close < 1:
        verdict.fail(f"the row's closing of the gap is shown through {close:.0%} of its path")
    return verdict.score(ok=f"deleted the marked symbol (position {solution.position}) and closed the gap")
