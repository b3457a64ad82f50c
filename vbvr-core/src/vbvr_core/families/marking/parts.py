"""Score parts that every judge of a drawn mark ends with: the rest of the scene stays unchanged, and the
answer appears progressively, not in a cut.

A judge of a mark (a ring, an outline, a painted region, a drawn line or shape) reads which pixels the video
added and checks them against the answer; then it checks the rest of the picture against the first frame
(:func:`rest_change`, away from the mark: :func:`away_from`) and whether the
mark grew over some time. :func:`unchanged_and_progressive` adds both to its :class:`Verdict`.
"""

from __future__ import annotations

import cv2
import numpy as np

from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict

# Frames a second the judge reads: time windows below are in seconds, whatever the video's own rate.
JUDGE_FPS = 12.0
# The picture outside the mark: mean absolute residual (grey levels) after a per-channel gain/offset fit
# to the first frame, on softened frames: full credit up to REST_FULL, none from REST_ZERO.
REST_FULL, REST_ZERO = 6.0, 20.0


def dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    """``mask`` grown by ``pixels`` px on every side (a square of side ``2 · pixels + 1``), as a bool mask."""
    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    return cv2.dilate(mask.astype(np.uint8), kernel) > 0


def away_from(mark: np.ndarray, factor: float) -> np.ndarray:
    """The pixels of a judge-size mask farther than 8 canvas px from ``mark`` (at least 3 judge px;
    ``factor`` = judge size / canvas size): the rest of the picture, which a mark must leave as it was."""
    return ~dilate(mark, max(3, round(8 * factor)))


def rest_change(frames: np.ndarray, first: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Per frame, the mean absolute difference from ``first`` over the pixels in ``keep``, after fitting each
    channel's gain and offset (a global brightness or colour drift is no change) on softened frames.

    The pixels are held one row per channel, so each step runs over contiguous memory; every sum adds the pixels
    one after another in order (:func:`_running_sums`), the values are those of the pixels-by-channels
    computation to the last bit."""
    count = int(keep.sum())
    soft_first = _kept_channels(cv2.GaussianBlur(first.astype(np.float32), (0, 0), 1.5), keep)
    flat = np.ptp(soft_first, axis=1) <= 1  # first: with no pixel kept, the same ValueError as ever
    x_mean = _running_sums(soft_first) / count
    x_centred = soft_first - x_mean[:, None]
    x_variance = _running_sums(x_centred * x_centred)
    out = []
    for frame in frames:
        soft = _kept_channels(cv2.GaussianBlur(frame.astype(np.float32), (0, 0), 1.5), keep)
        y_mean = _running_sums(soft) / count
        # The least-squares line per channel (np.polyfit's, in closed form); a flat channel fits only an offset.
        covariance = _running_sums(x_centred * (soft - y_mean[:, None]))
        gain = np.where(flat, 1.0, covariance / np.where(flat, 1.0, x_variance))
        offset = y_mean - gain * x_mean
        residual = np.abs(soft - (gain[:, None] * soft_first + offset[:, None]))
        out.append(float((_running_sums(residual) / count / 3).sum()))
    return np.asarray(out)


def _kept_channels(image: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """The pixels of ``image`` (H × W × 3) in ``keep`` as float64, one row per channel (3 × pixels)."""
    return np.stack([channel[keep] for channel in cv2.split(image)]).astype(np.float64)


def _running_sums(rows: np.ndarray) -> np.ndarray:
    """Per row, the sum of its values added one after another in order: to the last bit the sums that
    ``.sum(axis=0)`` gives on the transposed (pixels × channels) array, where a contiguous row's ``.sum()`` would
    add pairwise and round differently."""
    return np.cumsum(rows, axis=1)[:, -1]


def unchanged_and_progressive(verdict: Verdict, frames: np.ndarray, first: np.ndarray, keep: np.ndarray,
                              counts: np.ndarray, changed: str, at_once: str) -> None:
    """Add to ``verdict`` the rest-unchanged part and the progressive note (and factor) of a drawn mark.

    - part ``unchanged`` (reason ``changed``): :func:`rest_change` of ``frames`` against ``first`` (same size)
      over the pixels in ``keep``, its 90th percentile or its last frame's value, whichever is larger, ramped
      from full credit at :data:`REST_FULL` to none at :data:`REST_ZERO`;
    - note ``progressive`` and, when it is 0, a factor 0.9 (reason ``at_once``): ``counts`` (the mark's pixels
      per judged frame) lie between 10 % and 90 % of the last frame's count on at least one frame, so
      the mark was seen part-drawn: a cut shows none, while a mark drawn in a quarter of a second (our quickest
      sweep played 1.5× fast or eased) still shows one or two (the process is not required, so it weighs little).
    """
    change = rest_change(frames, first, keep)
    verdict.part("unchanged", ramp(float(max(np.percentile(change, 90), change[-1])), REST_FULL, REST_ZERO),
                 unless=changed)
    final_count = max(1, int(counts[-1]))
    progressive = bool(((counts > 0.1 * final_count) & (counts < 0.9 * final_count)).any())
    verdict.note("progressive", float(progressive))
    verdict.factor(0.9, when=not progressive, reason=at_once)
