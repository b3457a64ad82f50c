"""Comparing a clip's frames with the sample's reference frames."""

from __future__ import annotations

import numpy as np

from vbvr_core.media.frames import psnr, resize_frame
from vbvr_core.media.video import VideoClip


def starts_like(clip: VideoClip, reference: np.ndarray, min_psnr: float = 18.0) -> float:
    """1.0 when the clip's first frame looks like ``reference`` (PSNR ≥ ``min_psnr`` at the clip's size), else 0."""
    size = clip.frames.shape[1]
    return 1.0 if psnr(clip.frames[0], resize_frame(reference, size)) >= min_psnr else 0.0
