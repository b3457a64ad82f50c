"""Reveal animations: boxes of a picture change from the start state to the end state one after another.

Used by tasks whose answer is a figure drawn into an empty place (a missing matrix cell, the next
element of a sequence, the missing half of a symmetric pattern): the video starts on ``first`` and each
box in turn is wiped (top to bottom, with a soft edge) or faded from its ``first`` content to its
``final`` content. Everything outside the boxes stays as in ``first``, so ``first`` and ``final`` must
differ only inside the boxes for the last frame to equal ``final``.

The pictures themselves: :class:`Panels` lays out square boxes (a sequence's row, a matrix) and draws them,
:func:`draw_question_mark` marks the empty place the answer goes into, and :class:`PanelScene` draws a picture of
panels with their contents, one panel empty with a question mark or holding the answer.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Annotated, Any

import numpy as np
from PIL import ImageDraw
from pydantic import Field

from vbvr_core.contract import FRAME_SIZE, Uniform
from vbvr_core.contract.geometry import Box, Cell
from vbvr_core.draw import draw_text, ease_in_out, new_canvas, to_frame

STYLES = ("wipe", "fade")
QUESTION_COLOR = (150, 150, 160)  # the grey of the question mark in an empty place

#: The Params field of a task whose answer is revealed into one box: ``reveal_frames: RevealFrames = 24``.
RevealFrames = Annotated[
    int, Uniform(18, 30), Field(ge=12, le=36, description="frames over which the answer is drawn in")
]


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


def reveal_video(first: np.ndarray, final: np.ndarray, boxes: Sequence[Box], frames_per_box: int,
                 style: str = "wipe", hold: int = 1, end_hold: int = 0) -> Iterator[np.ndarray]:
    """A fill-in task's whole video: ``first`` shown ``hold`` times, then :func:`reveal_frames` of ``boxes``, then
    ``final`` shown ``end_hold`` more times."""
    return chain(repeat(first, hold), reveal_frames(first, final, boxes, frames_per_box, style), repeat(final, end_hold))


def draw_question_mark(draw: ImageDraw.ImageDraw, box: Sequence[float], size: int,
                       color: tuple[int, ...] = QUESTION_COLOR) -> None:
    """A bold "?" of ``size`` px in ``color``, centred in ``box`` (left, top, right, bottom): the place of the answer."""
    draw_text(draw, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), "?", size, fill=color, bold=True)


@dataclass(frozen=True)
class Panels:
    """``rows``×``cols`` square panels of ``side`` px, ``gap`` px apart, the top-left one's corner at (``left``,
    ``top``): the boxes of a picture whose answer goes into one of them (a sequence's row, a matrix)."""

    rows: int
    cols: int
    side: int
    gap: int
    left: int
    top: int

    @classmethod
    def centred(cls, rows: int, cols: int, side: int, gap: int) -> Panels:
        """Panels centred on the canvas (offsets rounded down)."""
        return cls(rows, cols, side, gap, (FRAME_SIZE - cols * side - (cols - 1) * gap) // 2,
                   (FRAME_SIZE - rows * side - (rows - 1) * gap) // 2)

    def box(self, row: int, col: int, inset: int = 0) -> Box:
        """Box (left, top, right, bottom; right/bottom exclusive) of panel (``row``, ``col``), shrunk by ``inset``."""
        x0, y0 = self.left + col * (self.side + self.gap), self.top + row * (self.side + self.gap)
        return x0 + inset, y0 + inset, x0 + self.side - inset, y0 + self.side - inset

    def draw(self, draw: ImageDraw.ImageDraw, fill: tuple[int, ...], outline: tuple[int, ...], width: int,
             question: tuple[int, int] | None = None, mark_size: int = 0) -> None:
        """Every panel filled with ``fill`` inside an ``outline`` ``width`` px wide; panel ``question`` (row, col),
        if given, also shows a question mark of ``mark_size`` px (:func:`draw_question_mark`). The callers draw
        the panels' contents on top, each inside its own panel."""
        for row in range(self.rows):
            for col in range(self.cols):
                left, top, right, bottom = self.box(row, col)
                draw.rectangle([left, top, right - 1, bottom - 1], fill=fill, outline=outline, width=width)
        if question is not None:
            draw_question_mark(draw, self.box(*question), mark_size)


class PanelScene(ABC):
    """A picture of ``panels`` on ``background`` whose panel ``question`` (row, col) is the empty place the answer
    goes into (a sequence's last box, a matrix's missing cell).

    :meth:`render` draws every panel (:meth:`Panels.draw`: ``fill``, ``outline`` ``width`` px wide), a question mark
    of ``mark_size`` px in the empty place when asked, then each panel's content in the order given, by the task's
    :meth:`draw_content` (what a content is, and how it is drawn inside its panel's box, is the task's own).
    """

    def __init__(self, panels: Panels, background: tuple[int, ...], fill: tuple[int, ...], outline: tuple[int, ...],
                 width: int, question: Cell, mark_size: int):
        self.panels, self.background, self.question = panels, background, question
        self.style = (fill, outline, width)
        self.mark_size = mark_size

    @abstractmethod
    def draw_content(self, draw: ImageDraw.ImageDraw, box: Box, content: Any) -> None:
        """Draw ``content`` inside ``box`` (left, top, right, bottom; right/bottom exclusive): the task's own."""

    def render(self, contents: Mapping[Cell, Any], question: bool) -> np.ndarray:
        """The picture with ``contents`` (panel (row, col) → content) drawn in their panels; with ``question`` the
        empty place shows a question mark, and content given for it is left out."""
        canvas = new_canvas(self.background)
        draw = ImageDraw.Draw(canvas)
        self.panels.draw(draw, *self.style, self.question if question else None, self.mark_size)
        for cell, content in contents.items():
            if not (question and tuple(cell) == tuple(self.question)):
                self.draw_content(draw, self.panels.box(*cell), content)
        return to_frame(canvas)

    def target(self, inset: int = 3) -> Box:
        """The box the answer is judged in: the empty place shrunk by ``inset`` (inside its outline)."""
        return self.panels.box(*self.question, inset)


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
