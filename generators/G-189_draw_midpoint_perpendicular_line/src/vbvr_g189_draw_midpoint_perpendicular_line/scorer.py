"""G-189 scorer: the red line the model drew must run from the upper segment's midpoint, perpendicular to both
segments, down to the lower one — all of that segment and nothing else.

The outline family judges a line along a figure, but maps the video's colours onto ours by a fit over the
whole frame, which a sparse drawing of two thin lines on a blank canvas leaves ill-conditioned (a fit from the
edges of two green lines turned a thin red line brown). So this scorer reads red the marking family's way,
against each frame's own background, and puts the outline family's pieces together itself:

- the new red: pixels clearly red against the frame's own background (the marking family's ``red_mask``), or
  reddened since the video's own opening frame (green and blue fell clearly more than red: a thin line, once
  resampled, is pink rather than red), and not red in the first frame;
- *follows*: ≥ 85 % of the new red (last quarter second, read at 12 fps and 256 px) lies within ``TOLERANCE``
  px of the answer segment (none below 60 %: a line from a point a sixth of the way along, from the lower
  midpoint, or not perpendicular falls outside); *traced*: ≥ 95 % of the segment has red within the tolerance
  (none below 85 %: a line stopped half-way fails) — the outline family's ``outline_shares`` and thresholds;
- *unchanged*: the picture away from the line matches the first frame up to a global colour drift;
- the line grows over at least 1/6 s (the process is not asked for: drawing it at once costs 0.1).

value = start · follows · traced · unchanged · (0.9 + 0.1 · progressive). Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import read_new_ink, red_mask
from vbvr_core.families.outline.judge import judge_traced
from vbvr_core.judge.masks import dilate
from vbvr_core.media.video import VideoReader

from vbvr_g189_draw_midpoint_perpendicular_line.generator import Solution

REDDENED = 50  # grey levels: green and blue fell at least this much more than red


def reddened(frames: np.ndarray, opening: np.ndarray) -> np.ndarray:
    """Pixels of ``frames`` that turned towards red since ``opening``: green and blue each fell by at least
    ``REDDENED``, and by ``REDDENED`` more than red did (a dark or black line darkens all three alike)."""
    change = np.asarray(frames).astype(np.int16) - np.asarray(opening).astype(np.int16)
    red, green, blue = change[..., 0], change[..., 1], change[..., 2]
    return (green <= -REDDENED) & (blue <= -REDDENED) & (red - green >= REDDENED) & (red - blue >= REDDENED)


def new_red(frames: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Per frame, the red line's pixels: red (``red_mask``) or :func:`reddened` since the video's opening frame, and
    not red in ``first`` (the sample's first frame) nor in the opening frame."""
    already = dilate(red_mask(first) | red_mask(frames[0]), 1)
    return (red_mask(frames) | reddened(frames, frames[0])) & ~already


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-189 against the sample's perpendicular segment."""
    s = Solution.model_validate(sample.solution)
    segment = [s.midpoint, s.foot]
    read = read_new_ink(video, sample.first_frame, added=new_red,
                        unless="the video does not open on the first frame without the line")
    if isinstance(read, Score):
        return read
    return judge_traced(read, read.mark, segment, s.tolerance, missing="no red line at the end of the video",
                        astray="only {follows:.0%} of the red lies along the perpendicular from the upper midpoint",
                        short="the red line covers {traced:.0%} of the way from the upper midpoint to the lower line only",
                        changed="the picture outside the red line changes", at_once="the line appears at once",
                        ok="a red line from the upper midpoint, perpendicular, down to the lower line; nothing else")
