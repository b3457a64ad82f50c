"""Score parts that every judge of a drawn mark ends with: the rest of the scene stays unchanged, and the
answer appears progressively, not in a cut.

A judge of a mark (a ring, an outline, a painted region, a drawn line or shape) reads which pixels the video
added and checks them against the answer; then it checks the rest of the picture against the first frame
(:func:`vbvr_core.families.marking.judge.rest_change`, away from the mark: :func:`away_from`) and whether the
mark grew over some time. :func:`unchanged_and_progressive` adds both to its :class:`Verdict`.
"""

from __future__ import annotations

import numpy as np

from vbvr_core.families.marking.judge import JUDGE_FPS, REST_FULL, REST_ZERO, rest_change
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict


def dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    """``mask`` grown by ``pixels`` px on every side (a square of side ``2 · pixels + 1``), as a bool mask."""
    import cv2

    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    return cv2.dilate(mask.astype(np.uint8), kernel) > 0


def away_from(mark: np.ndarray, factor: float) -> np.ndarray:
    """The pixels of a judge-size mask farther than 8 canvas px from ``mark`` (at least 3 judge px;
    ``factor`` = judge size / canvas size): the rest of the picture, which a mark must leave as it was."""
    return ~dilate(mark, max(3, round(8 * factor)))


def unchanged_and_progressive(verdict: Verdict, frames: np.ndarray, first: np.ndarray, keep: np.ndarray,
                              counts: np.ndarray, changed: str, at_once: str, fps: float = JUDGE_FPS) -> None:
    """Add to ``verdict`` the rest-unchanged part and the progressive note (and factor) of a drawn mark.

    - part ``unchanged`` (reason ``changed``): :func:`rest_change` of ``frames`` against ``first`` (same size)
      over the pixels in ``keep``, its 90th percentile or its last frame's value, whichever is larger, ramped
      from full credit at :data:`REST_FULL` to none at :data:`REST_ZERO`;
    - note ``progressive`` and, when it is 0, a factor 0.9 (reason ``at_once``): ``counts`` (the mark's pixels
      per frame, read at ``fps``) lie between 10 % and 90 % of the last frame's count for at least 1/6 s (the
      process is not required, so it weighs little).
    """
    change = rest_change(frames, first, keep)
    verdict.part("unchanged", ramp(float(max(np.percentile(change, 90), change[-1])), REST_FULL, REST_ZERO),
                 unless=changed)
    final_count = max(1, int(counts[-1]))
    growing = int(((counts > 0.1 * final_count) & (counts < 0.9 * final_count)).sum()) / fps
    progressive = growing >= 1 / 6
    verdict.note("progressive", float(progressive))
    verdict.factor(0.9, when=not progressive, reason=at_once)
