"""O-60 scorer: check the row after the substitution slot by slot, and that the old symbol went before the new came.

End state (:mod:`vbvr_core.families.symbol_row.judge`): every slot of the expected row is compared between the
video's last frame (its colours mapped onto ours) and the reference final frame by the soft IoU of that slot's
symbol ink; in the substituted slot the new symbol's glyph must also be the best match among every glyph of the
symbol set drawn there in the new colour (a circle is not a square), the old symbol's ink must be gone, and the
row's band must hold no stray ink. ``end`` = 1 when all hold, else 0.25 × the share of slots that match (halved
when the glyph is wrong), and 0 when nothing was substituted (the old symbol still there, no new glyph).

Process, in the substituted slot's box: ``out`` — the old symbol's ink passes half-way from full to none;
``in`` — the new symbol's ink passes half-way from none to the reference's; ``order`` — with each pixel's ink
split between the two colours (:func:`~vbvr_core.families.symbol_row.judge.mixed_levels`: a pixel mixing them
counts for both, where the plain levels read it as neither) and each level rescaled between its own start and end
in the video, the old symbol is within ``GONE_REL`` of its end before the new one is ``COMING_IN`` of the way in
(the old symbol fades out completely first; a cross-fade has the new one a third in while the old one is still
more than half there); ``steps`` — some frame is no blend of the video's first and last frames
(:func:`~vbvr_core.judge.motion.unlike_dissolve`): the old symbol gone and the new one not yet there
is no such blend, a cross-fade's every frame is one. value = end · (0.05 + 0.95 · out · in · order · steps).
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.symbol_row.judge import (
    box_ink,
    fade_coverage,
    glyph_ranking,
    ink_levels,
    judge_process,
    mixed_levels,
    opened,
    row_end,
)
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader

from vbvr_o60_symbol_substitute.generator import Solution

# The old symbol counts as gone below this share of its first-frame ink in its slot.
GONE_MAX = 0.25
# The old symbol has faded out completely once its ink is within this share of the way from its end level.
GONE_REL = 0.15
# ... and that must happen before the new symbol is this share of the way in.
COMING_IN = 0.3
# The slot's inner box, as a share of the spacing (inside the grey slot outline).
INNER = 0.38


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-60 against the sample's expected row."""
    solution, clip = opened(sample, video, Solution)
    size, spacing, y = solution.symbol_size, solution.spacing, solution.row_y
    last = clip.frames[-1]
    slot = solution.position - 1
    x = solution.xs[slot]
    ending = row_end(clip, solution.xs, solution.final_row, y, spacing, size)
    new_glyph, new_color = solution.new_symbol
    old_color = solution.row[slot][1]
    ranking = glyph_ranking(last, x, y, new_color, solution.glyphs, size, spacing, clip.scale, solution.background)
    best = max(ranking)
    glyph_ok = ranking[solution.glyphs.index(new_glyph)] >= best - 1e-6 and best > 0
    olds = ink_levels(clip.frames, old_color, x, y, INNER * spacing, clip.scale)
    full_new = box_ink(clip.final, new_color, x, y, INNER * spacing, clip.scale)
    news = ink_levels(clip.frames, new_color, x, y, INNER * spacing, clip.scale, full=full_new)
    old_gone = olds[-1] <= GONE_MAX
    right = ending.complete and glyph_ok and old_gone
    # partial credit only for a row where something was substituted (the new glyph shows, or the old one is gone):
    # the untouched row (a reversed or frozen video) matches in every other slot but earns nothing
    end = 1.0 if right else 0.25 * ending.share * (1.0 if glyph_ok else 0.5) * float(glyph_ok or old_gone)
    fade_out = fade_coverage(olds, 1.0, 0.0)
    fade_in = fade_coverage(news, 0.0, 1.0)
    # The order is read from the two colours' split ink (a pixel mixing them counts for both: ink_levels reads it as
    # neither, and a cross-fade's old symbol then seemed gone before the new one came), each level rescaled between
    # the video's own start and end, so what little of one colour the other holds does not count.
    old_mix, new_mix = mixed_levels(clip.frames, old_color, new_color, x, y, INNER * spacing, clip.scale)
    old_span, new_span = max(old_mix[0] - old_mix[-1], 1e-6), max(new_mix[-1] - new_mix[0], 1e-6)
    old_rel = np.clip((np.asarray(old_mix) - old_mix[-1]) / old_span, 0.0, 1.0)
    new_rel = np.clip((np.asarray(new_mix) - new_mix[0]) / new_span, 0.0, 1.0)
    gone_at = np.flatnonzero(old_rel <= GONE_REL)
    half_in_at = np.flatnonzero(new_rel >= COMING_IN)
    order = 1.0 if gone_at.size and half_in_at.size and gone_at[0] <= half_in_at[0] else 0.0
    both = float(old_rel[half_in_at[0]]) if half_in_at.size else 1.0
    verdict = Verdict()
    wrong = [k + 1 for k, ok in enumerate(ending.matches) if not ok]
    reasons = []
    if wrong:
        reasons.append(f"the final row differs from the expected one at position(s) {wrong}")
    if not glyph_ok:
        reasons.append(f"slot {solution.position} does not show a {solution.new_name}")
    if not old_gone:
        reasons.append(f"the old symbol is still visible in slot {solution.position} ({olds[-1]:.0%} of its ink)")
    if not ending.clean:
        reasons.append(f"ink is left in the row where the expected row has none ({ending.stray:.0%})")
    verdict.part("end", end, unless="; ".join(reasons) or None)
    verdict.note("slots", ending.share)
    verdict.note("glyph", float(glyph_ok))
    verdict.note("stray", ending.stray)
    verdict.note("fade_out", fade_out)
    verdict.note("fade_in", fade_in)
    verdict.note("old_left_as_new_comes", both)
    judge_process(verdict, clip, [
        (None, fade_out, "the old symbol does not fade out gradually"),
        (None, fade_in, "the new symbol does not fade in gradually"),
        (None, order, f"the new symbol is coming in while {both:.0%} of the old one is left: the old one must fade "
                      "out completely first")])
    return verdict.score(ok=f"substituted the {solution.new_name} at position {solution.position}")
