"""The fill-in family's shared flow: PanelScene draws panels, an empty place and contents;
FillInGenerator builds the sample whose video reveals the answer boxes, and its near misses."""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import TaskSolution
from vbvr_core.families.fill_in.draw import Panels, PanelScene, reveal_video
from vbvr_core.families.fill_in.task import FillInGenerator
from vbvr_core.testing.helpers import flow_instance


class _DotScene(PanelScene):
    def draw_content(self, draw, box, content):
        draw.rectangle([box[0] + 10, box[1] + 10, box[2] - 11, box[3] - 11], fill=content)


def _scene():
    return _DotScene(Panels.centred(2, 2, 100, 10), (240, 240, 240), (255, 255, 255), (0, 0, 0), 2, (1, 1), 40)


def test_panel_scene_leaves_the_empty_place_to_the_question_mark():
    scene = _scene()
    contents = {(0, 0): (255, 0, 0), (0, 1): (0, 255, 0), (1, 0): (0, 0, 255), (1, 1): (255, 0, 255)}
    posed, solved = scene.render(contents, question=True), scene.render(contents, question=False)
    left, top, right, bottom = scene.panels.box(1, 1)
    assert not (posed[top:bottom, left:right] == (255, 0, 255)).all(axis=-1).any()  # the answer is left out
    assert (solved[top + 50, left + 50] == (255, 0, 255)).all()
    assert (posed[top:bottom, left:right] != 255).any()  # the question mark
    outside = np.ones(posed.shape[:2], bool)
    outside[top:bottom, left:right] = False
    assert (posed[outside] == solved[outside]).all()
    assert scene.target() == scene.panels.box(1, 1, 3)


class _Params:
    reveal_frames = 3


def _frames():
    first = np.zeros((16, 16, 3), np.uint8)
    final, wrong = first.copy(), first.copy()
    final[4:8, 4:8], wrong[4:8, 4:8] = 200, 90
    return first, final, wrong


def test_revealed_sample_reveals_the_boxes_and_a_wrong_answer_the_same_way(monkeypatch):
    first, final, wrong = _frames()
    made = {}
    monkeypatch.setattr("vbvr_core.families.fill_in.task.Sample", lambda **fields: made.update(fields) or fields)
    generator = flow_instance(FillInGenerator, _Params())
    sample = generator.revealed(first, final, [(4, 4, 8, 8)], "prompt", TaskSolution(), hold_frames=4)
    assert made["hold_frames"] == 4 and made["prompt"] == "prompt" and made["params"] is generator.params
    video = list(sample["trajectory"]())
    expected = list(reveal_video(first, final, [(4, 4, 8, 8)], 3))
    assert len(video) == len(expected) == 4 and all((a == b).all() for a, b in zip(video, expected, strict=True))

    class _Sample:
        first_frame = first

    missed = list(generator.wrong_answer(_Sample(), wrong, [(4, 4, 8, 8)])())
    assert (missed[0] == first).all() and (missed[-1] == wrong).all()


def test_holds_style_and_frames_per_box_shape_the_video():
    first, final, _ = _frames()

    held = flow_instance(FillInGenerator, _Params(), style="fade", holds=lambda self: (2, 3),
                         frames_per_box=lambda self, count: 5 * count)
    video = list(held.reveal(first, final, [(4, 4, 8, 8)]))
    expected = list(reveal_video(first, final, [(4, 4, 8, 8)], 5, style="fade", hold=2, end_hold=3))
    assert len(video) == 2 + 5 + 3 and all((a == b).all() for a, b in zip(video, expected, strict=True))
