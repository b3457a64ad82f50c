"""G-250 scorer: is the region inside all three circles painted red, and only that region?

The video is read at 256 px and 12 fps. From the last quarter second, the pixels that turned clearly red
(the marking family's ``red_mask``: judged against the frame's own background, so a brightness or colour
drift keeps them red) are the paint. The triple region is rasterised from the solution's circles at the
judge size; its inside (shrunk by 2 px, for softened edges and a few px of offset) must be covered, and the
paint outside it (grown by 3 px) must be small next to the region's own area.

value = start · coverage · precision · unchanged · (0.9 + 0.1 · progressive): the video opens on the
unpainted first frame; ≥ 88 % of the region's inside is painted (none below 70 %); paint outside the region
is at most 10 % of its area (none from 30 %: a region of two circles painted as well fails); the picture
outside the paint matches the first frame up to a global colour drift (the marking family's
``rest_change``); the paint spreads over at least 1/6 s. Never raises.
"""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import red_mask
from vbvr_core.families.marking.parts import unchanged_and_progressive
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_g250_color_triple_intersection_red.generator import Solution, triple_mask

JUDGE_SIZE, JUDGE_FPS = 256, 12.0
TAIL_SECONDS = 0.25
COVER_FULL, COVER_ZERO = 0.88, 0.7
SPILL_FULL, SPILL_ZERO = 0.10, 0.30


def _morph(mask: np.ndarray, pixels: int, grow: bool) -> np.ndarray:
    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    operation = cv2.dilate if grow else cv2.erode
    return operation(mask.astype(np.uint8), kernel) > 0


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-250 against the sample's circles and their triple region."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    first = resize_frame(sample.first_frame, JUDGE_SIZE)
    verdict = Verdict()
    already = _morph(red_mask(first), 1, grow=True)
    reds = red_mask(clip.frames) & ~already
    counts = reds.sum(axis=(1, 2))
    final_count = max(1, int(counts[-1]))
    opens = starts_like(clip, sample.first_frame) and counts[0] < 0.2 * final_count
    if not verdict.part("start", float(opens), unless="the video does not open on the unpainted first frame"):
        return verdict.score(ok="")
    paint = reds[-max(1, round(TAIL_SECONDS * JUDGE_FPS)):].mean(axis=0) >= 0.5
    region = triple_mask(solution.centers, solution.radii, JUDGE_SIZE)
    inner = _morph(region, 2, grow=False)
    outer = _morph(region, 3, grow=True)
    cover = float((paint & inner).sum() / max(1, inner.sum()))
    spill = float((paint & ~outer).sum() / max(1, region.sum()))
    verdict.part("coverage", ramp(-cover, -COVER_FULL, -COVER_ZERO),
                 unless=f"only {cover:.0%} of the triple region is painted red")
    verdict.part("precision", ramp(spill, SPILL_FULL, SPILL_ZERO),
                 unless=f"red paint outside the triple region amounts to {spill:.0%} of its area")
    unchanged_and_progressive(verdict, clip.frames, first, ~_morph(paint | region, 3, grow=True), counts,
                              changed="the picture outside the painted region changes",
                              at_once="the paint appears at once")
    return verdict.score(ok="the triple region painted red, nothing else; the rest unchanged")
