"""Score parts that every judge of a drawn mark ends with: the rest of the scene stays unchanged, and the
answer appears progressively, not in a cut.

A judge of a mark (a ring, an outline, a painted region, a drawn line or shape) reads which pixels the video
added and checks them against the answer; then it checks the rest of the picture against the first frame
(:func:`rest_change`, away from the mark: :func:`away_from`) and whether the
mark grew over some time. :func:`unchanged_and_progressive` adds both to its :class:`Verdict`
(:func:`rest_unchanged` the first alone, for a judge of a change that is not a drawn mark).
"""

from __future__ import annotations

import cv2
import numpy as np

from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import dilate
from vbvr_core.judge.verdict import Verdict

# Frames a second the judge reads: time windows below are in seconds, whatever the video's own rate.
# The picture outside the mark: mean absolute residual (grey levels) after a per-channel gain/offset fit
# to the first frame, on softened frames: full credit up to REST_FULL, none from REST_ZERO.
REST_FULL, REST_ZERO = 6.0, 20.0


def away_from(mark: np.ndarray, factor: float) -> np.ndarray:
    """The pixels of a judge-size mask farther than 8 canvas px from ``mark`` (at least 3 judge px;
    ``factor`` = judge size / canvas size): the rest of the picture, which a mark must leave as it was."""
    return ~dilate(mark, max(3, round(8 * factor)))


def rest_change(frames: np.ndarray, first: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Per frame, the mean absolute difference from ``first`` over the pixels in ``keep``, after fitting each
    channel's gain and offset (a global brightness or colour drift is no change) on softened frames.

    The fit is each channel's least-squares line (``np.polyfit``'s, in closed form; a channel of ``first`` that is
    flat over ``keep`` fits only an offset). Raises ValueError when ``keep`` holds no pixel. The sums run in
    OpenCV over the whole picture with ``keep`` as the mask, in double precision."""
    if not keep.any():
        raise ValueError("rest_change: no pixel to compare (keep is empty)")
    mask = keep.astype(np.uint8)
    x = _softened(first)
    x_mean = _masked_means(x, mask)
    flat = np.array([np.ptp(channel[keep]) <= 1 for channel in cv2.split(x)])
    x_centred = x - x_mean
    x_variance = _masked_means(x_centred * x_centred, mask)
    out = np.empty(len(frames))
    for index, frame in enumerate(frames):
        y = _softened(frame)
        covariance = _masked_means(x_centred * y, mask)
        gain = np.where(flat, 1.0, covariance / np.where(flat, 1.0, x_variance))
        offset = _masked_means(y, mask) - gain * x_mean
        fitted = cv2.transform(x, np.hstack([np.diag(gain), offset[:, None]]))
        out[index] = _masked_means(cv2.absdiff(y, fitted), mask).sum() / 3
    return out


def _softened(image: np.ndarray) -> np.ndarray:
    """``image`` blurred (Gaussian, sigma 1.5 px) in single precision, then held in double precision."""
    return cv2.GaussianBlur(image.astype(np.float32), (0, 0), 1.5).astype(np.float64)


def _masked_means(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Per channel, the mean of a 3-channel ``image`` over the pixels where ``mask`` is set."""
    return np.array(cv2.mean(image, mask)[:3])


def rest_unchanged(verdict: Verdict, frames: np.ndarray, first: np.ndarray, keep: np.ndarray, changed: str) -> None:
    """Add to ``verdict`` the part ``unchanged`` (reason ``changed``): :func:`rest_change` of ``frames`` against
    ``first`` (same size) over the pixels in ``keep``, its 90th percentile or its last frame's value, whichever is
    larger (of one frame, that frame's value), ramped from full credit at :data:`REST_FULL` to none at
    :data:`REST_ZERO`."""
    change = rest_change(frames, first, keep)
    verdict.part("unchanged", ramp(float(max(np.percentile(change, 90), change[-1])), REST_FULL, REST_ZERO),
                 unless=changed)


def unchanged_and_progressive(verdict: Verdict, frames: np.ndarray, first: np.ndarray, keep: np.ndarray,
                              counts: np.ndarray, changed: str, at_once: str) -> None:
    """Add to ``verdict`` the rest-unchanged part and the progressive note (and factor) of a drawn mark.

    - part ``unchanged`` (reason ``changed``): :func:`rest_unchanged` of ``frames`` against ``first`` (same size)
      over the pixels in ``keep``;
    - note ``progressive`` and, when it is 0, a factor 0.9 (reason ``at_once``): ``counts`` (the mark's pixels
      per judged frame) lie between 10 % and 90 % of the last frame's count on at least one frame, so
      the mark was seen part-drawn: a cut shows none, while a mark drawn in a quarter of a second (our quickest
      sweep played 1.5× fast or eased) still shows one or two (the process is not required, so it weighs little).
    """
    rest_unchanged(verdict, frames, first, keep, changed)
    final_count = max(1, int(counts[-1]))
    progressive = bool(((counts > 0.1 * final_count) & (counts < 0.9 * final_count)).any())
    verdict.note("progressive", float(progressive))
    verdict.factor(0.9, when=not progressive, reason=at_once)
