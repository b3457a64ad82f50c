"""draw.animate.levels_in_turn: controls changed in turn, with pauses that repeat the standing frame."""

import numpy as np
from vbvr_core.draw.animate import levels_in_turn


def _draw(levels):
    return np.array(levels, dtype=float)


def test_in_turn_with_pauses_and_fixed_frames():
    frames = list(levels_in_turn([0.0, 1.0, 0.0], [0, 1], {0: 1.0, 1: 0.0}, _draw, pause=1, frames=2))
    assert [f.tolist() for f in frames] == [[0, 1, 0], [0, 1, 0], [0.5, 1, 0], [1, 1, 0],
                                            [1, 1, 0], [1, 0.5, 0], [1, 0, 0]]
    assert frames[1] is frames[0] and frames[4] is frames[3]  # a pause repeats the frame, not redrawn


def test_together_takes_the_longest_frame_count_and_leaves_input_alone():
    levels = [0.0, 0.0]
    frames = list(levels_in_turn(levels, [0, 1], {0: 10.0, 1: 40.0}, _draw, pause=0,
                                frames=lambda i, start, goal: max(1, round(abs(goal - start) / 10)), together=True))
    assert len(frames) == 1 + 4 and frames[-1].tolist() == [10.0, 40.0] and frames[1].tolist() == [2.5, 10.0]
    assert levels == [0.0, 0.0]
