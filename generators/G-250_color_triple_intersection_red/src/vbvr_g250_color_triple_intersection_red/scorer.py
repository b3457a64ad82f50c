"""G-250 scorer: is the region inside all three circles painted red, and only that region?

The paint is the clear red the video adds (the marking family's
:func:`~vbvr_core.families.marking.judge.read_new_ink`, at the end of the video). The triple region is rasterised from the solution's circles at the
judge size; its inside (shrunk by 2 px, for softened edges and a few px of offset) must be covered, and the
paint outside it (grown by 3 px) must be small next to the region's own area.

value = start · coverage · precision · unchanged · (0.9 + 0.1 · progressive): the video opens on the
unpainted first frame; ≥ 88 % of the region's inside is painted (none below 70 %); paint outside the region
is at most 10 % of its area (none from 30 %: a region of two circles painted as well fails); the picture
outside the paint matches the first frame up to a global colour drift (the marking family's
``rest_change``); the paint spreads over at least 1/6 s. Never raises.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import JUDGE_SIZE, read_new_ink
from vbvr_core.families.marking.parts import unchanged_and_progressive
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import dilate, erode
from vbvr_core.media.video import VideoReader

from vbvr_g250_color_triple_intersection_red.generator import Solution, triple_mask

COVER_FULL, COVER_ZERO = 0.88, 0.7
SPILL_FULL, SPILL_ZERO = 0.10, 0.30


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-250 against the sample's circles and their triple region."""
    solution = Solution.model_validate(sample.solution)
    read = read_new_ink(video, sample.first_frame, unless="the video does not open on the unpainted first frame")
    if isinstance(read, Score):
        return read
    verdict, paint = read.verdict, read.mark
    region = triple_mask(solution.centers, solution.radii, JUDGE_SIZE)
    inner = erode(region, 2)
    outer = dilate(region, 3)
    cover = float((paint & inner).sum() / max(1, inner.sum()))
    spill = float((paint & ~outer).sum() / max(1, region.sum()))
    verdict.part("coverage", ramp(-cover, -COVER_FULL, -COVER_ZERO),
                 unless=f"only {cover:.0%} of the triple region is painted red")
    verdict.part("precision", ramp(spill, SPILL_FULL, SPILL_ZERO),
                 unless=f"red paint outside the triple region amounts to {spill:.0%} of its area")
    unchanged_and_progressive(verdict, read.clip.frames, read.first, ~dilate(paint | region, 3), read.counts,
                              changed="the picture outside the painted region changes",
                              at_once="the paint appears at once")
    return verdict.score(ok="the triple region painted red, nothing else; the rest unchanged")
