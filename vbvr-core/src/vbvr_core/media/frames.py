"""Frame utilities: resizing and comparing frames."""

from __future__ import annotations

import numpy as np


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """Peak signal-to-noise ratio in dB between two same-shaped uint8 images (inf when equal)."""
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10.0 * np.log10(255.0 * 255.0 / mse)


def resize_frame(frame: np.ndarray, size: int) -> np.ndarray:
    """Resize an RGB frame to ``size``² with area averaging (for comparing a PNG with decoded frames)."""
    import cv2

    return cv2.resize(frame, (size, size), interpolation=cv2.INTER_AREA)
