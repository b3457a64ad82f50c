"""Specifications of the reveal animation and the region-completion judge shared by fill-in tasks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.fill_in.draw import reveal_frames
from vbvr_core.families.fill_in.judge import box_mismatch, judge_completion
from vbvr_core.media.video import VideoReader, write_video

BOX = (300, 300, 420, 420)


def _pictures(color=(220, 30, 30)):
    first = np.full((512, 512, 3), 255, np.uint8)
    first[100:200, 100:200] = (40, 90, 220)  # a figure that must stay
    first[BOX[1]:BOX[3], BOX[0]:BOX[2]] = (200, 200, 206)  # the empty place
    final = first.copy()
    final[320:400, 320:400] = color
    return first, final


def test_reveal_ends_on_the_final_picture_and_keeps_the_rest():
    first, final = _pictures()
    frames = list(reveal_frames(first, final, [BOX], 5))
    assert len(frames) == 5
    assert np.array_equal(frames[-1], final)
    assert all(np.array_equal(frame[:250], first[:250]) for frame in frames)


def test_wipe_reveals_from_the_top_down():
    first, final = _pictures()
    middle = list(reveal_frames(first, final, [BOX], 6))[2]
    assert np.array_equal(middle[325, 330], final[325, 330]) and np.array_equal(middle[395, 330], first[395, 330])


def test_unknown_reveal_style_is_refused():
    first, final = _pictures()
    with pytest.raises(ValueError, match="style"):
        list(reveal_frames(first, final, [BOX], 3, style="spin"))


def test_box_mismatch_counts_clearly_differing_pixels():
    first, final = _pictures()
    assert box_mismatch(first, first, [BOX])[0, 0] == 0
    assert box_mismatch(final, first, [BOX])[0, 0] == pytest.approx(80 * 80 / (120 * 120))


def _score(tmp_path, frames, first, final):
    path = tmp_path / "video.mp4"
    write_video(path, frames)
    return judge_completion(VideoReader(path), first, final, [BOX])


def test_judge_separates_right_wrong_static_and_redrawn(tmp_path):
    first, final = _pictures()
    right = _score(tmp_path, [first] * 4 + list(reveal_frames(first, final, [BOX], 8)) + [final] * 4, first, final)
    assert right.value > 0.98
    _, wrong_final = _pictures(color=(30, 170, 60))
    wrong = _score(tmp_path, [first] * 4 + [wrong_final] * 8, first, final)
    assert wrong.value < 0.1 and wrong.parts["targets_right"] == 0
    assert _score(tmp_path, [first] * 12, first, final).value == 0
    shifted = np.roll(final, 12, axis=1)
    redrawn = _score(tmp_path, [first] * 4 + [shifted] * 8, first, final)
    assert redrawn.parts["unchanged"] < 1 and redrawn.value < 0.5
