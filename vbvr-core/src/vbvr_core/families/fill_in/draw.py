"""Reveal animations: boxes of a picture change from the start state to the end state one after another.

Used by tasks whose answer is a figure drawn into an empty place (a missing matrix cell, the next
element of a sequence, the missing half of a symmetric pattern): the video starts on ``first`` and each
box in turn is wiped (top to bottom, with a soft edge) or faded from its ``first`` content to its
``final`` content. Everything outside the boxes stays as in ``first``, so ``first`` and ``final`` must
differ only inside the boxes for the last frame to equal ``final``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from vbvr_core.contract.geometry import Box
from vbvr_core.draw import ease_in_out

STYLES = ("wipe", "fade")


def _blend_weights(height: int, width: int, progress: float, style: str, feather: float = 0.25) -> np.ndarray:
    """Per-pixel weight of the final content (H×W×1 float) at ``progress`` in [0, 1]."""
    if style == "fade":
        return np.full((height, width, 1), progress, dtype=np.float32)
    # Wipe: a soft edge sweeps from above the box to below it, so progress 0 shows none and 1 shows all.
    rows = (np.arange(height, dtype=np.float32) + 0.5) / height
    edge = progress * (1 + feather)
    weights = np.clip((edge - rows) / feather, 0.0, 1.0)
    return np.broadcast_to(weights[:, None, None], (height, width, 1))


def reveal_frames(first: np.ndarray, final: np.ndarray, boxes: Sequence[Box], frames_per_box: int,
                  style: str = "wipe") -> Iterator[np.ndarray]:
    """Frames that reveal ``final`` inside each box of ``boxes`` in turn, ``frames_per_box`` frames each.

    ``first`` itself is not yielded (the caller starts with it); the last frame yielded shows every box
    revealed. Boxes are (left, top, right, bottom), right/bottom exclusive, in frame pixels.
    """
    if style not in STYLES:
        raise ValueError(f"unknown reveal style {style!r}; known: {', '.join(STYLES)}")
    if frames_per_box < 1:
        raise ValueError(f"frames_per_box must be ≥ 1, got {frames_per_box}")
    current = np.array(first, dtype=np.uint8, copy=True)
    for left, top, right, bottom in boxes:
        start = current[top:bottom, left:right].astype(np.float32)
        end = final[top:bottom, left:right].astype(np.float32)
        for step in range(1, frames_per_box + 1):
            weights = _blend_weights(bottom - top, right - left, ease_in_out(step / frames_per_box), style)
            current[top:bottom, left:right] = np.rint(start + (end - start) * weights).astype(np.uint8)
            yield current.copy()


def nudged_answer(final: np.ndarray, box: Box, dx: int, dy: int) -> np.ndarray:
    """``final`` with what ``box`` holds drawn ``(dx, dy)`` pixels off its spot inside the box (the strip it
    leaves takes the box's background, its most common colour): the right answer placed slightly off, as a
    model may draw it."""
    left, top, right, bottom = box
    nudged = np.array(final, dtype=np.uint8, copy=True)
    content = final[top:bottom, left:right]
    colours, counts = np.unique(content.reshape(-1, 3), axis=0, return_counts=True)
    moved = np.empty_like(content)
    moved[:] = colours[int(np.argmax(counts))]
    height, width = content.shape[:2]
    moved[max(0, dy):height + min(0, dy), max(0, dx):width + min(0, dx)] = \
        content[max(0, -dy):height - max(0, dy), max(0, -dx):width - max(0, dx)]
    nudged[top:bottom, left:right] = moved
    return nudged
