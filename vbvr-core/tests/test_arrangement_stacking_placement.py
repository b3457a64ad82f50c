"""What the arrangement, stacking and placement families took over from their tasks (issue 14): samples of a plan of
moves, rounded points, the shape reach table, progress and travel continuity, the end state of a row, a matched split
board, moves along waypoints one at a time, a piece followed by its colour, the common scorer opening, the kept-scene
parts, and the placement family's colours, layout, sample and scorer, on synthetic scenes."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image, ImageDraw
from vbvr_core.contract import Score
from vbvr_core.draw import Sprite, Stage, draw_disc, ease_in_out, new_canvas, shape_points, to_frame
from vbvr_core.families.arrangement.draw import (
    KIND_REACH,
    Mover,
    frames_sample,
    moves_sample,
    rounded,
    schedule,
    shape_sprite,
)
from vbvr_core.families.arrangement.judge import (
    end_state,
    judge_arrangement,
    process_part,
    progress_along,
    score_row,
    travel_continuity,
)
from vbvr_core.families.placement.draw import background, laid_out, piece_colors, pieces_sample
from vbvr_core.families.placement.judge import judge_sample, score_slide, score_turn_then_slide
from vbvr_core.families.stacking.judge import (
    Opened,
    background_part,
    changed_pixels,
    clip_scorer,
    follow,
    judge_solution,
    kept_share,
    open_clip,
    opened,
)
from vbvr_core.families.stacking.layout import match_listing, matched_board, one_at_a_time
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoClip
from vbvr_core.pipeline.generator import Reject
from vbvr_core.plane import point_segment_distance

RED, BLUE = (230, 40, 40), (40, 80, 230)


def _disc(color, radius: int = 18) -> Sprite:
    image = Image.new("RGBA", (2 * radius + 8, 2 * radius + 8), (0, 0, 0, 0))
    draw_disc(ImageDraw.Draw(image), (radius + 4, radius + 4), radius, fill=(*color, 255))
    return Sprite.from_image(image)


def test_samples_of_moves_and_of_rendered_frames_take_their_ends():
    background_frame = to_frame(new_canvas((250, 250, 250)))
    movers = [Mover(_disc(RED), ((100.0, 100.0), (400.0, 100.0)), 22.0)]
    positions = schedule(movers, 8, 8)
    sample = moves_sample(background_frame, movers, positions, prompt="move it", solution=None, params=None)
    frames = list(sample.trajectory())
    assert len(frames) == len(positions)
    assert np.array_equal(sample.first_frame, frames[0]) and np.array_equal(sample.final_frame, frames[-1])
    assert tuple(sample.final_frame[100, 400]) == RED and tuple(sample.first_frame[100, 100]) == RED
    again = frames_sample(frames, prompt="move it", solution=None, params=None)
    assert np.array_equal(again.final_frame, frames[-1]) and len(list(again.trajectory())) == len(frames)
    assert rounded([(1.23456, 2.0), (3.0, 4.005)]) == [(1.23, 2.0), (3.0, 4.0)]


def test_shape_sprites_sit_on_an_even_square():
    sprite = shape_sprite("square", 10.0, 12.6 + 3, RED, (0, 0, 0), 2)
    assert sprite.rgba.shape == (30, 30, 4)
    assert tuple(sprite.rgba[15, 15]) == (*RED, 255) and sprite.rgba[0, 0, 3] == 0
    assert tuple(sprite.rgba[15, 6]) == (0, 0, 0, 255)  # the outline, 1.2 · 10 / √2 ≈ 8.5 px out
    plain = shape_sprite("circle", 10.0, 14, BLUE)
    assert plain.rgba.shape == (28, 28, 4) and not ((plain.rgba[..., 3] > 0) & (plain.rgba[..., :3] == 0).all(-1)).any()


def test_kind_reach_is_how_far_each_shape_reaches():
    for kind, reach in KIND_REACH.items():
        points = [(0.0, 0.0)] if kind == "circle" else shape_points(kind, (0.0, 0.0), 10.0)
        farthest = 10.0 if kind == "circle" else max(math.hypot(x, y) for x, y in points)
        assert farthest == pytest.approx(10 * reach)


def test_progress_and_travel_continuity():
    start, end = np.array([0.0, 0.0]), np.array([10.0, 0.0])
    assert progress_along([(0.0, 3.0), None, (5.0, 0.0), (10.0, 1.0)], start, end) == [0.0, None, 0.5, 1.0]
    steady = [k / 10 for k in range(11)]
    assert travel_continuity(steady) == 1.0
    assert travel_continuity([0.0, 0.0, 1.0, 1.0]) == 0.0  # a cut: one step of the whole way
    assert travel_continuity([0.0, 0.1, 0.2, 0.3]) == 0.0  # never travels
    assert travel_continuity([None, 0.5]) == 0.0
    assert 0 < travel_continuity([0.0, 0.75, 1.0]) < 1  # a 0.75 step: part credit


def test_end_state_reads_the_last_frames():
    tracks = [[(0.0, 0.0), (10.0, 10.0), (12.0, 10.0), (14.0, 10.0)], [(5.0, 5.0), None, None, None]]
    counts = [np.array([100, 100, 100, 100]), np.array([100, 0, 0, 0])]
    ends, intact = end_state(tracks, counts, [100, 100], 3)
    assert ends == [(12.0, 10.0), None] and intact == [True, False]
    _, grown = end_state(tracks[:1], [np.array([100, 200, 200, 200])], [100], 3)
    assert grown == [False]


def test_a_matched_board_orders_clear_slides_or_rejects():
    reaches = [30.0, 24.0, 28.0]
    starts, targets, order = matched_board(np.random.default_rng(9), reaches, reaches, 20, 6, "card")
    assert order == [1, 0, 2]  # the first card's way is not clear while the second still waits
    for rank, index in enumerate(order):  # each slide keeps clear of the others, waiting or placed
        others = [(starts[k], reaches[k]) for k in order[rank + 1:]] + [(targets[k], reaches[k]) for k in order[:rank]]
        assert all(point_segment_distance(p, starts[index], targets[index]) >= reaches[index] + r + 6 for p, r in others)
    with pytest.raises(Reject, match="no room: the cards"):
        matched_board(np.random.default_rng(2), [70.0] * 4, [70.0] * 4, 20, 6, "card")
    with pytest.raises(Reject, match="occlusion: no order lets every card"):
        matched_board(np.random.default_rng(2), reaches, reaches, 20, 6, "card")


def test_one_at_a_time_follows_waypoints_leg_by_leg():
    starts, ends = [(0.0, 0.0), (50.0, 0.0)], [(20.0, 0.0), (80.0, 0.0)]
    way = [(50.0, 0.0), (50.0, -10.0), (80.0, -10.0), (80.0, 0.0)]
    rows = one_at_a_time(starts, ends, [1, 0], 4, 2, ways={1: way})
    assert len(rows) == 1 + 3 * 4 + 2 + 4
    assert rows[4][1] == (50.0, -10.0) and rows[8][1] == (80.0, -10.0) and rows[12][1] == (80.0, 0.0)
    assert rows[2][1] == pytest.approx((50.0, -10.0 * ease_in_out(0.5)))
    assert rows[-1] == [(20.0, 0.0), (80.0, 0.0)]
    assert one_at_a_time(starts, ends, [0], 4, 2) == one_at_a_time(starts, ends, [0], 4, 2, ways={})


def _clip(rows) -> np.ndarray:
    stage = Stage(to_frame(new_canvas((250, 250, 250))))
    sprites = [_disc(RED), _disc(BLUE)]
    return np.stack([stage.frame(list(zip(sprites, row, strict=True)))[::2, ::2] for row in rows])


def test_a_piece_is_followed_by_its_colour_to_its_end():
    rows = [[(100.0 + 30 * k, 100.0), (300.0, 300.0)] for k in range(10)]
    frames = _clip(rows)
    red = follow(frames, frames[0], frames[-1], RED)
    assert red.expected > 0 and red.intact == 1.0 and red.whole == 1.0
    assert red.end == pytest.approx((170.0, 50.0), abs=1.0)  # the median of the last three: x 310, 340, 370
    gone = follow(frames[:, :, :100], frames[0, :, :100], frames[-1, :, :100], RED)  # leaves the view
    assert gone.end is None and gone.intact == 0.0


class _Video:
    def __init__(self, frames: np.ndarray):
        self.frames = frames

    def clip(self, size=256, fps=None):
        return VideoClip(frames=self.frames, fps=24.0)


def test_the_common_opening_of_a_process_scorer():
    rows = [[(100.0 + 30 * k, 100.0), (300.0, 300.0)] for k in range(6)]
    frames = _clip(rows)
    big = np.repeat(np.repeat(frames[0], 2, axis=0), 2, axis=1)
    ready = open_clip(_Video(frames), big, 256)
    assert isinstance(ready, Opened) and ready.scale == 0.5 and ready.verdict.score(ok="ok").parts == {"start": 1.0}
    assert ready.masks(RED, 38.0)[0].sum() > 0 and not ready.masks(RED, 38.0)[0][:, 128:].any()
    assert isinstance(open_clip(_Video(frames[:1]), big, 256), Score)
    assert isinstance(opened(VideoClip(frames=frames, fps=24.0), big), Opened)  # the same, of a clip already read
    assert isinstance(opened(VideoClip(frames=frames[:1], fps=24.0), big), Score)
    other = np.random.default_rng(0).integers(0, 256, big.shape, dtype=np.uint8)
    for refused in (open_clip(_Video(frames), other, 256), opened(VideoClip(frames=frames, fps=24.0), other)):
        assert isinstance(refused, Score) and refused.value == 0 and refused.parts.get("start") == 0.0


def test_a_clip_scorer_opens_the_video_before_its_body():
    rows = [[(100.0 + 30 * k, 100.0), (300.0, 300.0)] for k in range(6)]
    frames = _clip(rows)
    sample = SimpleNamespace(first_frame=np.repeat(np.repeat(frames[0], 2, axis=0), 2, axis=1))
    seen = []

    @clip_scorer(256)
    def score(sample, ready):
        seen.append(ready)
        return Score(value=0.5, reason="body")

    assert score(sample, _Video(frames)).reason == "body" and isinstance(seen[0], Opened) and seen[0].scale == 0.5
    refused = score(sample, _Video(frames[:1]))
    assert refused == open_clip(_Video(frames[:1]), sample.first_frame, 256) and len(seen) == 1

def test_kept_boxes_and_the_background():
    frames = np.zeros((10, 20, 20, 3), np.uint8)
    frames[8:, 2:6, 2:6] = 200  # the box changes in the last two frames
    changed = changed_pixels(frames, frames[0])
    covered = np.zeros(changed.shape, bool)
    credit, share = kept_share(changed, covered, slice(2, 6), slice(2, 6), 4)
    assert share == 1.0 and credit == 0.0
    assert kept_share(changed, covered, slice(10, 14), slice(10, 14), 4) == (1.0, 0.0)
    covered[8:, :8, :8] = True  # covered while it changes: the clear frames keep it, the last four are half changed
    assert kept_share(changed, covered, slice(2, 6), slice(2, 6), 4) == (0.0, 0.5)
    covered[:] = True  # never clear: counts as changed
    assert kept_share(changed, covered, slice(2, 6), slice(2, 6), 4) == (0.0, 1.0)
    verdict = Verdict()
    outside = np.ones((20, 20), bool)
    background_part(verdict, changed, covered, outside)
    assert verdict.score(ok="ok").parts["background"] == 1.0
    background_part(verdict := Verdict(), changed, np.zeros(changed.shape, bool), outside)
    assert verdict.score(ok="ok").parts["background"] == 0.0  # 4 % of it changes in a fifth of the frames
    outside[2:6, 2:6] = False  # the changing box is not background
    background_part(verdict := Verdict(), changed, np.zeros(changed.shape, bool), outside)
    assert verdict.score(ok="ok").parts["background"] == 1.0


def test_placement_pieces_sample_and_scorer():
    rng = np.random.default_rng(4)
    colors = piece_colors(rng, 2)
    pieces = laid_out(rng, ["square", "triangle"], colors, 28, [0.0, 0.0], 2.0)
    sample = pieces_sample(Stage(background((240, 240, 240), pieces)), pieces, 0, 12, prompt="slide", solution=None,
                           params=None)
    frames = list(sample.trajectory())
    assert np.array_equal(frames[0], sample.first_frame) and np.array_equal(frames[-1], sample.final_frame)
    with pytest.raises(Reject, match="ambiguous"):
        piece_colors(np.random.default_rng(0), 9)
    with pytest.raises(Reject, match="occlusion"):
        laid_out(np.random.default_rng(0), ["rectangle"] * 5, ["red"] * 5, 44, [0.0] * 5, 2.0)

    class _Ref:
        first_frame, final_frame = sample.first_frame, sample.final_frame
        solution = {"pieces": [piece.model_dump(mode="json") for piece in pieces]}

    small = np.stack([f[::2, ::2] for f in [frames[0]] * 4 + frames + [frames[-1]] * 4])
    assert judge_sample(_Ref(), _Video(small), turn_first=False).value >= 0.95
    assert judge_sample(_Ref(), _Video(small[:5]), turn_first=False).value < 0.1
    assert score_slide(_Ref(), _Video(small)) == judge_sample(_Ref(), _Video(small), turn_first=False)
    assert score_turn_then_slide(_Ref(), _Video(small)) == judge_sample(_Ref(), _Video(small), turn_first=True)


def test_judge_solution_reads_the_pieces_from_the_solution():
    starts, targets = [(100.0, 100.0), (100.0, 300.0)], [(400.0, 100.0), (400.0, 300.0)]
    rows = [list(starts)] * 4
    for index in (0, 1):
        for k in range(1, 11):
            row = list(rows[-1])
            row[index] = (100.0 + 30 * k, starts[index][1])
            rows.append(row)
    frames = _clip(rows + [rows[-1]] * 4)
    big = lambda f: np.repeat(np.repeat(f, 2, axis=0), 2, axis=1)  # noqa: E731

    class _Solution:
        colors, order = [RED, BLUE], [0, 1]

    _Solution.starts, _Solution.targets = starts, targets

    class _Ref:
        first_frame, final_frame = big(frames[0]), big(frames[-1])

    assert judge_solution(_Ref(), _Video(frames), _Solution(), ["red", "blue"]).value == 1.0
    _Solution.order = [1, 0]
    assert judge_solution(_Ref(), _Video(frames), _Solution(), ["red", "blue"]).parts["order"] == 0.7


def test_score_row_is_the_arrangement_judge_of_the_solution():
    starts, ends = [(100.0, 100.0), (400.0, 400.0)], [(230.0, 256.0), (282.0, 256.0)]
    rows = [[(s[0] + (e[0] - s[0]) * k / 12, s[1] + (e[1] - s[1]) * k / 12) for s, e in zip(starts, ends, strict=True)]
            for k in range(13)]
    frames = _clip(rows + [rows[-1]] * 3)
    big = lambda f: np.repeat(np.repeat(f, 2, axis=0), 2, axis=1)  # noqa: E731

    class _Ref:
        first_frame, final_frame = big(frames[0]), big(frames[-1])
        solution = {"colors": [list(RED), list(BLUE)], "starts": starts, "ends": ends, "order": [0, 1]}

    result = score_row(_Ref(), _Video(frames))
    assert result == judge_arrangement(VideoClip(frames=frames, fps=24.0), _Ref.first_frame, _Ref.final_frame,
                                       [RED, BLUE], starts, ends, [0, 1])
    assert result.value >= 0.95


def test_match_listing_names_the_pieces_in_order():
    assert match_listing(["cat", "dog"]) == "Match the cat first, then the dog."
    assert match_listing(["red", "blue"], " card", "followed by") == "Match the red card first, followed by the blue card."
    assert match_listing(["a", "b", "c"], " card") == "Match the a, b, and finally the c card."


def test_the_process_part_keeps_a_floor_for_a_cut():
    verdict = Verdict()
    process_part(verdict, 0.5, "pieces jump")
    score = verdict.score(ok="ok")
    assert score.parts == {"continuity": 0.5, "process": 0.05 + 0.95 * 0.5}
    assert score.reason == "pieces jump (continuity 0.50)" and score.value == 0.05 + 0.95 * 0.5
    cut = Verdict()
    process_part(cut, 0.0, "rings jump", 0.08)
    assert cut.score(ok="ok").parts == {"continuity": 0.0, "process": 0.08}
