"""The outline family's helpers: ``judge_traced``, how every judge of a traced line ends, and
``square_polygon``, the square drawn round a point."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.marking.judge import NewInk
from vbvr_core.families.outline.draw import outline_image, square_polygon
from vbvr_core.families.outline.judge import JUDGE_SIZE, judge_traced
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoClip

SQUARE = [(200.0, 200.0), (312.0, 200.0), (312.0, 312.0), (200.0, 312.0)]
OTHER = [(40.0, 40.0), (120.0, 40.0), (120.0, 120.0), (40.0, 120.0)]
REASONS = dict(missing="no line", astray="only {follows:.0%} along", short="runs {traced:.0%} of it",
               changed="the rest changed", at_once="at once", ok="all well")


def _read(polygon, steps: int = 6) -> tuple[NewInk, np.ndarray]:
    """What ``read_new_ink`` would give for ``polygon`` traced in red over ``steps`` frames on a white canvas."""
    first = np.full((512, 512, 3), 255, np.uint8)
    frames = np.stack([resize_frame(outline_image(first, polygon, (225, 25, 25), 6, k / steps), JUDGE_SIZE)
                       for k in range(steps + 1)])
    added = (frames[..., 0].astype(int) - frames[..., 1] > 70)
    verdict = Verdict()
    verdict.part("start", 1.0)
    small = resize_frame(first, JUDGE_SIZE)
    return NewInk(VideoClip(frames=frames, fps=12.0), small, JUDGE_SIZE / 512, added, added.sum(axis=(1, 2)), 1,
                  added[-1], verdict), added[-1]


def test_a_whole_line_along_the_answer_scores_full() -> None:
    read, mark = _read(SQUARE)
    score = judge_traced(read, mark, SQUARE, 6.0, **REASONS)
    assert score.value > 0.99 and score.reason == "all well"


def test_a_line_along_another_figure_says_why_with_the_shares_filled_in() -> None:
    read, mark = _read(OTHER)
    score = judge_traced(read, mark, SQUARE, 6.0, **REASONS)
    assert score.value == 0.0
    assert "only 0% along" in score.reason and "runs 0% of it" in score.reason


def test_too_little_line_is_no_line() -> None:
    read, mark = _read(SQUARE)
    score = judge_traced(read, np.zeros_like(mark), SQUARE, 6.0, **REASONS)
    assert score.value == 0.0 and score.reason == "no line"


def test_square_polygon_runs_clockwise_from_the_top_left() -> None:
    assert square_polygon((100.0, 50.0), 10.0) == [(90.0, 40.0), (110.0, 40.0), (110.0, 60.0), (90.0, 60.0)]
    assert square_polygon((3, 4), 1) == [(2, 3), (4, 3), (4, 5), (2, 5)]  # whole numbers stay whole
