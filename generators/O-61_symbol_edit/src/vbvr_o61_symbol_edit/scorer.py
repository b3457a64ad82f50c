"""O-61 scorer: check the edited row slot by slot, and that the copies were inserted as a process.

End state (:func:`~vbvr_core.families.symbol_row.judge.row_end`): every slot of the expected row (a copy after each
occurrence, centred again) must match the reference final frame's — so every original symbol keeps its glyph,
colour and order, and each copy stands where the rule puts it — and the row's band must hold no stray ink.
``end`` = 1 when all slots match and nothing strays, else 0.1 × the share of slots that match (the video played
backwards ends on the opening row, which shares some slots with the expected one).

Process (:func:`~vbvr_core.families.symbol_row.judge.judge_process`, with ``steps``: no dissolve): ``descent`` —
the target colour's ink in the first copy's column passes two intermediate heights between its start above the
gap and the row; ``shift`` — the row's left edge (always an original symbol) passes two intermediate positions of
its move as the row opens. value = end · (0.05 + 0.95 · descent · shift · steps)."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.symbol_row.judge import (
    descent_coverage,
    judge_process,
    opened,
    row_end,
    symbol_track,
)
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.media.video import VideoReader

from vbvr_o61_symbol_edit.generator import Solution

# A followed symbol whose ink spreads wider than this share of the spacing is two ghosts (a cross-fade), not one.
MAX_SPREAD = 0.2


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-61 against the sample's expected row."""
    solution, clip = opened(sample, video, Solution)
    size, spacing, y, scale = solution.symbol_size, solution.spacing, solution.row_y, clip.scale
    ending = row_end(clip, solution.final_xs, solution.final_row, y, spacing, size)
    # Partial credit stays ≤ 0.1: the video played backwards shows the opening row, which shares some slots.
    end = 1.0 if ending.complete else 0.1 * ending.share
    # The copy's height at rest is its ink centre in the reference final frame (settle).
    descent = descent_coverage(clip, solution.target[1], solution.final_xs[solution.copy_slots[0]], 0.45 * spacing,
                               size, y, y - solution.above_y, settle=True)
    k = solution.tracked
    kept = [j for j in range(len(solution.final_row)) if j not in solution.copy_slots]
    start_x, end_x = solution.xs[k], solution.final_xs[kept[k]]
    track = symbol_track(clip.frames, solution.row[k][1], y, size, scale, MAX_SPREAD * spacing)
    shift = progress_coverage(track, start_x, end_x, checkpoints=2,
                              resolution=max(1.0 / scale, abs(end_x - start_x) / 6))
    verdict = ending.verdict(end)
    judge_process(verdict, clip, [
        ("descent", descent, f"the copy's slide into its gap is shown through {descent:.0%} of its path"),
        ("shift", shift, f"the row's opening of the gaps is shown through {shift:.0%} of its path")])
    return verdict.score(ok=f"inserted a {solution.target_name} after each of its {len(solution.targets)} occurrence(s)")
