"""The fill-in and sequence-choice pieces several tasks share (issue 14): the reveal video, the panels and the
question mark of an empty place, cycles, and the alternating rules' generator."""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw
from vbvr_core.contract import TaskParams
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.families.fill_in.draw import (
    QUESTION_COLOR,
    Panels,
    RevealFrames,
    draw_question_mark,
    reveal_frames,
    reveal_video,
)
from vbvr_core.families.fill_in.sequence import minimal_period, repeat_cycle
from vbvr_core.families.sequence_choice.task import ALTERNATING_PROMPT, AlternatingGenerator, AlternatingParams


def test_reveal_video_holds_then_reveals_then_holds():
    first = np.zeros((32, 32, 3), np.uint8)
    final = first.copy()
    final[8:16, 8:16] = 200
    frames = list(reveal_video(first, final, [(8, 8, 16, 16)], 4, hold=3, end_hold=2))
    assert len(frames) == 3 + 4 + 2
    assert all((frame == first).all() for frame in frames[:3])
    revealed = list(reveal_frames(first, final, [(8, 8, 16, 16)], 4))
    assert all((a == b).all() for a, b in zip(frames[3:7], revealed, strict=True))
    assert all((frame == final).all() for frame in frames[6:])


def test_reveal_video_opens_on_the_first_frame_once_by_default():
    first, final = np.zeros((8, 8, 3), np.uint8), np.full((8, 8, 3), 255, np.uint8)
    frames = list(reveal_video(first, final, [(0, 0, 8, 8)], 2, style="fade"))
    assert len(frames) == 3 and (frames[0] == first).all() and (frames[-1] == final).all()


def test_panels_lay_out_boxes_with_gaps():
    panels = Panels(2, 3, side=40, gap=10, left=5, top=7)
    assert panels.box(0, 0) == (5, 7, 45, 47)
    assert panels.box(1, 2) == (105, 57, 145, 97)
    assert panels.box(1, 2, inset=3) == (108, 60, 142, 94)


def test_centred_panels_round_their_offsets_down():
    panels = Panels.centred(3, 3, side=151, gap=10)
    assert (panels.left, panels.top) == ((512 - 453 - 20) // 2,) * 2
    right = panels.box(2, 2)[2]
    assert abs(panels.left - (512 - right)) <= 1


def test_panels_draw_filled_outlined_boxes_and_one_question_mark():
    panels = Panels(1, 2, side=60, gap=20, left=100, top=200)
    canvas = new_canvas((0, 0, 0))
    panels.draw(ImageDraw.Draw(canvas), (255, 255, 255), (10, 10, 10), 2, question=(0, 1), mark_size=36)
    frame = to_frame(canvas)
    assert tuple(frame[230, 110]) == (255, 255, 255)  # inside the first panel
    assert tuple(frame[200, 130]) == (10, 10, 10)  # its outline
    assert tuple(frame[230, 170]) == (0, 0, 0)  # the gap
    first, second = frame[210:250, 110:150], frame[210:250, 190:230]
    assert (first == 255).all()  # no mark in the first panel
    marked = (np.abs(second.astype(int) - QUESTION_COLOR).max(axis=-1) < 30).sum()
    assert marked > 20  # the question mark in the second


def test_question_mark_is_centred_in_its_box():
    canvas = new_canvas((255, 255, 255))
    draw_question_mark(ImageDraw.Draw(canvas), (100, 100, 200, 200), 60, (0, 0, 0))
    ys, xs = np.nonzero(to_frame(canvas)[..., 0] < 128)
    assert abs(xs.mean() - 150) < 8 and abs(ys.mean() - 150) < 12


def test_cycles_repeat_and_their_period_is_read_back():
    assert repeat_cycle("abc", 7) == list("abcabca")
    assert minimal_period(list("abcabca")) == 3
    assert minimal_period(list("abab")) == 2
    assert minimal_period(list("abcd")) == 4  # nothing repeats: the row's length


def test_reveal_frames_field_declares_bounds_and_default():
    class Params(TaskParams):
        reveal_frames: RevealFrames = 24

    field = Params.model_fields["reveal_frames"]
    assert Params().reveal_frames == 24 and field.description
    assert Params.model_json_schema()["properties"]["reveal_frames"]["maximum"] == 36


def test_alternating_generator_words_the_prompt_in_the_rule_order():
    class LargeSmall(AlternatingGenerator):
        rule = "large_small"

    class SmallLarge(AlternatingGenerator, rule="small_large"):  # the rule as a class keyword
        pass

    assert "alternates, large, small, large, and so on" in LargeSmall.prompt
    assert "alternates, small, large, small, and so on" in SmallLarge.prompt
    assert SmallLarge.rule == "small_large" and LargeSmall.Params is AlternatingParams
    assert ALTERNATING_PROMPT.count("{0}") == 2


def test_drawn_share_counts_pixels_clearly_off_the_background():
    from vbvr_core.families.fill_in.judge import PIXEL_TOLERANCE, drawn_share

    patch = np.full((10, 10, 3), 200, np.uint8)
    patch[:3, :, 0] = 200 - PIXEL_TOLERANCE - 1  # clearly off in one channel
    patch[3:4, :, :] = 200 - PIXEL_TOLERANCE  # within the tolerance
    assert drawn_share(patch, np.array([200, 200, 200], np.int16)) == 0.3
    assert drawn_share(patch, np.median(patch.reshape(-1, 3), axis=0)) == 0.3
    assert drawn_share(patch, patch.astype(np.int16)) == 0.0


def test_completion_reads_one_target_or_several_and_ignores_the_rest():
    from vbvr_core.families.fill_in.judge import Completion

    one = Completion.model_validate({"target_box": [1, 2, 3, 4], "rules": {"shape": "constant"}})
    assert one.target_box == (1, 2, 3, 4) and one.target_boxes == [] and one.chance == 0.0
    many = Completion.model_validate({"target_boxes": [[0, 0, 8, 8], [8, 0, 16, 8]], "chance": 0.5,
                                      "given_boxes": [[16, 0, 24, 8]]})
    assert many.target_box is None and len(many.target_boxes) == 2 and many.given_boxes == [(16, 0, 24, 8)]


def test_score_completion_judges_a_sample_as_judge_completion_does(tmp_path):
    from vbvr_core.families.fill_in.judge import judge_completion, score_completion
    from vbvr_core.media.video import VideoReader, write_video
    from vbvr_core.pipeline.sample_io import load_sample_ref
    from vbvr_core.testing.helpers import make_samples

    folder = make_samples("O-45_sequence_completion", tmp_path, count=1, seed=5,
                          params={"kind": "arithmetic", "length": 6, "first": 12, "step": 3})[0]
    sample = load_sample_ref(folder)
    first, final = sample.first_frame, sample.final_frame
    write_video(tmp_path / "right.mp4", [first] * 8 + [final] * 16)
    write_video(tmp_path / "static.mp4", [first] * 24)
    boxes = [sample.solution["target_box"]]
    for name, low, high in (("right.mp4", 0.9, 1.0), ("static.mp4", 0.0, 0.1)):
        ours = score_completion(sample, VideoReader(tmp_path / name))
        theirs = judge_completion(VideoReader(tmp_path / name), first, final, boxes,
                                  kept_boxes=sample.solution["given_boxes"])
        assert ours.value == theirs.value and low <= ours.value <= high
