"""G-29 scorer: find the red mark the model drew round a bar and judge which bars it encloses.

A bar is tall and narrow, so a mark round it reaches far from its centre: instead of a point's reach (the
marking family's ring judge), the mark is read as a region. The red pixels of the last quarter second that
were not red in the first frame (the marking family's ``read_new_ink`` with its ``red_mask``, judged against
the frame's own background) are thickened by 2 px and form a region (holes filled: a rectangle, an ellipse or
a fill over the bar all enclose it; an open stroke encloses nothing), and each bar is judged by the share of
its box that region covers.

value = start · selection · unchanged · (0.9 + 0.1 · progressive): the video opens on the first frame,
unmarked; the target bar is covered (full credit from 80 %, none below 50 %) and no other bar more than
25 %; the picture outside the mark matches the first frame up to a global colour drift (the marking
family's ``rest_change``); the mark grows over at least 1/6 s (how it appears is not asked for). Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import filled
from vbvr_core.families.marking.judge import read_new_ink
from vbvr_core.families.marking.parts import away_from, unchanged_and_progressive
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import dilate
from vbvr_core.media.video import VideoReader

from vbvr_g29_chart_extreme_with_data.generator import Solution

TARGET_FULL, TARGET_ZERO = 0.8, 0.5  # share of the target bar's box the mark must enclose
OTHER_MAX = 0.25  # share of any other bar's box the mark may enclose
MIN_MARK_PIXELS = 40  # judge pixels: less red than this is no mark (a rectangle round the smallest bar has ~200)
BRIDGE = 2  # judge pixels: the mark is thickened this much before its holes are filled (gaps up to 4 px close)


def bar_cover(region: np.ndarray, box: tuple[float, float, float, float], factor: float) -> float:
    """Share of ``box`` (512-canvas pixels) that ``region`` (judge pixels) covers, its 1-px rim left out."""
    left, top, right, bottom = (round(v * factor) for v in box)
    inner = region[top + 1:max(top + 2, bottom - 1), left + 1:max(left + 2, right - 1)]
    return float(inner.mean()) if inner.size else 0.0


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-29 against the sample's bars and the extreme one."""
    solution = Solution.model_validate(sample.solution)
    read = read_new_ink(video, sample.first_frame, unless="the video does not open on the unmarked chart")
    if isinstance(read, Score):
        return read
    verdict, factor, mark = read.verdict, read.factor, read.mark
    if int(mark.sum()) < MIN_MARK_PIXELS:
        verdict.part("selection", 0.0, unless="no clear red mark at the end of the video")
        return verdict.score(ok="")
    region = filled(dilate(mark, BRIDGE), bridge=0)
    covers = [bar_cover(region, tuple(box), factor) for box in solution.bars]
    target = solution.target
    others = [k for k, c in enumerate(covers) if k != target and c > OTHER_MAX]
    verdict.note("target_cover", covers[target])
    credit = ramp(-covers[target], -TARGET_FULL, -TARGET_ZERO) if not others else 0.0
    verdict.part("selection", credit,
                 unless=f"the mark encloses bars {others} besides the target {target}" if others
                 else f"the mark encloses {covers[target]:.0%} of the target bar {target}")
    unchanged_and_progressive(verdict, read.clip.frames, read.first, away_from(mark, factor), read.counts,
                              changed="the chart outside the mark changes", at_once="the mark appears at once")
    return verdict.score(ok="a red mark round the extreme bar only; the rest is unchanged")
