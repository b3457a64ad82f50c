"""O-58 scorer: check the row after the deletion slot by slot, and that the deletion was shown.

End state (:mod:`vbvr_core.families.symbol_row.judge`): every slot of the expected row (the original slots
minus the last) is compared between the video's last frame (its colours mapped onto ours) and the reference
final frame by the soft IoU of that slot's symbol ink — so each remaining symbol must keep its glyph, colour,
order and slot; and the row's band must hold no stray ink (the deleted symbol left behind, or a symbol still
in the last slot). ``end`` = 1 when all slots match and nothing strays, else 0.25 × the share of slots that
match (halved again if ink strays).

Process: ``fade`` — the deleted symbol's ink in its own box (its colour is unique in the row) passes half-way
from full to none; ``shift`` — unless the last symbol goes, the row's right edge passes two intermediate
positions of its one-slot move left. value = end · (0.05 + 0.95 · fade · shift): a cut to the end keeps 0.05.
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

from vbvr_o58_symbol_delete.generator import Solution

# Stray ink tolerated in the row's band, as a share of the reference row's ink.
STRAY_MAX = 0.08


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-58 against the sample's expected row."""
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
    shift = 1.0 if last_goes else closing_coverage(clip, y, size, "right", -spacing)
    verdict = Verdict()
    wrong = [k + 1 for k, ok in enumerate(matches) if not ok]
    verdict.part("end", end, unless=(f"the final row differs from the expected one at position(s) {wrong}" if wrong
                                     else f"ink is left in the row where the expected row has none ({stray:.0%})"))
    verdict.note("slots", share)
    verdict.note("stray", stray)
    verdict.note("fade", fade)
    verdict.note("shift", shift)
    verdict.part("process", 0.05 + 0.95 * fade * shift)
    if fade < 1:
        verdict.fail(f"the {solution.position}. symbol does not fade (or move) out of its place gradually")
    if shift < 1:
        verdict.fail(f"the later symbols' move one place left is shown through {shift:.0%} of its path")
    return verdict.score(ok=f"deleted symbol {solution.position} and shifted the rest left")
