"""The shape-rules family: rule steps, instance building and rejection, drawing, and the judge's readings."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import ImageDraw
from vbvr_core.draw import BACKGROUNDS, PALETTE, new_canvas, to_frame
from vbvr_core.families.shape_rules.draw import _turn_hue, draw_state, render_final, render_first, solution_frames
from vbvr_core.families.shape_rules.judge import judge_rules, nearest_color, progress, read_slot, silhouette_overlap
from vbvr_core.families.shape_rules.scene import Instance, ShapeState, Step, apply, build, hole_scale, hue_distance
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import VideoReader, write_video
from vbvr_core.pipeline.generator import Reject

WHITE = (255, 255, 255)


def state(kind="circle", color="blue", radius=30.0, filled=True, dy=0.0):
    return ShapeState(kind=kind, color=color, radius=radius, filled=filled, dy=dy)


def test_each_step_changes_one_attribute():
    start = state()
    assert apply(Step(kind="scale", factor=1.5), start).radius == 45.0
    assert apply(Step(kind="color", new_color="red"), start).color == "red"
    assert apply(Step(kind="style"), start).filled is False
    assert apply(Step(kind="move", shift=-50), start).dy == -50.0
    assert apply(Step(kind="style"), apply(Step(kind="style"), start)) == start


def test_a_two_step_instance_lays_out_a_chain_with_two_answers():
    steps = (Step(kind="color", new_color="orange"), Step(kind="scale", factor=1.5))
    solution = build(Instance(steps=steps, example=state("circle"), question=state("square"), stroke=4))
    assert solution.layout == "chain" and solution.answers == [4, 5]
    assert solution.states[4] == state("square", color="orange")
    assert solution.states[5] == state("square", color="orange", radius=45.0)
    assert solution.source(5) == 4


@pytest.mark.parametrize(("example", "question", "steps", "why"), [
    (state("star"), state("star"), (Step(kind="style"),), "trivial"),
    (state(color="red"), state("square", color="red"), (Step(kind="color", new_color="orange"),), "slight"),
    (state(radius=48), state("square", radius=48), (Step(kind="scale", factor=1.9),), "does not fit"),
    (state("star", radius=24), state("circle", radius=24), (Step(kind="style"),), "too small"),
])
def test_unreadable_or_trivial_instances_are_rejected(example, question, steps, why):
    with pytest.raises(Reject, match=why):
        build(Instance(steps=steps, example=example, question=question, stroke=5))


def test_an_outline_keeps_the_stroke_on_every_edge():
    assert hole_scale("circle", 30, 6) == pytest.approx(0.8)
    assert hole_scale("star", 30, 6) < hole_scale("square", 30, 6) < hole_scale("circle", 30, 6)


def test_a_colour_step_turns_the_hue_without_passing_through_grey():
    for t in np.linspace(0, 1, 11):
        r, g, b = _turn_hue("blue", "orange", float(t))
        assert max(r, g, b) - min(r, g, b) > 100
    assert _turn_hue("blue", "orange", 1.0) == pytest.approx(PALETTE["orange"], abs=2)
    assert hue_distance("red", "pink") < 60 < hue_distance("red", "green")


def _slot_frame(shape: ShapeState, stroke=5):
    canvas = new_canvas(WHITE)
    draw_state(ImageDraw.Draw(canvas), shape, (256.0, 256.0), stroke, WHITE)
    return to_frame(canvas)


def test_the_reading_tells_filled_from_outline_and_measures_size_and_place():
    box = (150, 150, 362, 362)
    filled, outline = read_slot(_slot_frame(state()), box, (256, 256)), read_slot(
        _slot_frame(state(filled=False)), box, (256, 256))
    assert filled.present and outline.present
    assert filled.fill > 0.95 and outline.fill < 0.1
    larger = read_slot(_slot_frame(state(radius=45.0)), box, (256, 256))
    assert larger.size / filled.size == pytest.approx(1.5, rel=0.05)
    moved = read_slot(_slot_frame(state(dy=40.0)), box, (256, 256))
    assert moved.dy * 512 == pytest.approx(40, abs=2) and abs(filled.dy) < 0.005
    assert nearest_color(filled.rgb) == "blue"
    empty = read_slot(to_frame(new_canvas(WHITE)), box, (256, 256))
    assert not empty.present


def test_the_fill_reading_survives_blur_downscaling_and_a_broken_stroke_and_follows_the_hole():
    import cv2

    box = (75, 75, 181, 181)  # the slot at 256², where the judge reads it
    for kind, color in (("triangle", "yellow"), ("square", "pink"), ("star", "cyan")):
        frames = {filled: cv2.resize(cv2.GaussianBlur(_slot_frame(state(kind, color, 30.0, filled), 4), (0, 0), 1.5),
                                     (256, 256), interpolation=cv2.INTER_AREA) for filled in (True, False)}
        assert read_slot(frames[True], box, (128, 128)).fill > 0.9, kind
        assert read_slot(frames[False], box, (128, 128)).fill < 0.15, kind
        broken = frames[False].copy()
        broken[124:150, 127:130] = 255  # a 3-px gap cut through the stroke: the hole is still read as empty
        assert read_slot(broken, box, (128, 128)).fill < 0.25, kind
    # a hole opening from the centre lowers the fill steadily, not all at once
    readings = []
    for hole in (0.0, 0.2, 0.4, 0.6):
        canvas = new_canvas(WHITE)
        draw_state(ImageDraw.Draw(canvas), state(), (256.0, 256.0), 5, WHITE, hole=hole)
        readings.append(read_slot(to_frame(canvas), (150, 150, 362, 362), (256, 256)).fill)
    assert readings[0] > 0.95 and readings[-1] < 0.1
    assert all(a - b > 0.1 for a, b in zip(readings, readings[1:], strict=False))


def test_a_washed_out_stroke_keeps_its_colour_name():
    # purple blended half-way with white is nearer pink in RGB, but keeps purple's hue
    blend = tuple((np.array(PALETTE["purple"]) + 255) / 2)
    assert nearest_color(blend) == "purple"


def test_silhouettes_of_one_kind_overlap_more_than_of_two():
    box = (150, 150, 362, 362)
    read = {kind: read_slot(_slot_frame(state(kind, radius=r)), box, (256, 256)).silhouette
            for kind, r in (("circle", 30), ("triangle", 30), ("star", 34))}
    circle_again = read_slot(_slot_frame(state("circle", radius=40)), box, (256, 256)).silhouette
    assert silhouette_overlap(read["circle"], circle_again) > 0.9
    assert silhouette_overlap(read["circle"], read["triangle"]) < 0.8
    assert silhouette_overlap(read["circle"], read["star"]) < 0.8


def test_colour_progress_goes_the_short_way_round():
    assert progress("color", 350.0, 340.0, 20.0) == pytest.approx(0.25)
    assert progress("scale", 1.5, 1.0, 3.0) == pytest.approx(0.25)


def test_the_video_starts_on_the_first_frame_and_ends_on_the_final_frame():
    steps = (Step(kind="style"), Step(kind="move", shift=50.0))
    solution = build(Instance(steps=steps, example=state("circle"), question=state("square"), stroke=4))
    frames = list(solution_frames(solution, WHITE, step_frames=6, pause_frames=1, lead_frames=2))
    assert np.array_equal(frames[0], render_first(solution, WHITE))
    assert np.abs(frames[-1].astype(int) - render_final(solution, WHITE)).max() <= 2
    assert len(frames) == 1 + 2 * (2 + 6) + 1


def test_a_fast_eased_step_keeps_its_process_in_a_copy_re_timed_to_30_fps(tmp_path):
    """Issue 17: O-13's fps_30 variant scored 0.75. Read at 12 fps, the 30 fps copy's frames fell on every first
    or third frame of the 18-frame eased style step, and its fill jumped past two of the three checkpoints."""
    steps = (Step(kind="style"), Step(kind="move", shift=55.0))
    solution = build(Instance(steps=steps, example=state("diamond", "pink", 28.4, filled=False),
                              question=state("circle", "pink", 28.4, filled=False), stroke=5))
    background = BACKGROUNDS[0]
    frames = np.stack(list(solution_frames(solution, background, step_frames=18)))
    frames = np.concatenate([frames, frames[-1:].repeat(6, axis=0)])
    path = tmp_path / "fps30.mp4"
    write_video(path, retimed(frames, 24, 30, len(frames) / 24, lambda t: t), fps=30)
    score = judge_rules(VideoReader(path), render_first(solution, background), render_final(solution, background),
                        solution)
    assert score.parts["process"] >= 0.9 and score.value >= 0.9, score.reason
