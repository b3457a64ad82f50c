"""symbol_row family: row geometry, names, sprites, and the judge's slot, stray-ink, edge and fade readings."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.symbol_row.draw import (
    Piece,
    RowStage,
    faded,
    frame_sprite,
    ordinal,
    row_size,
    shown,
    slot_xs,
    symbol_name,
    symbol_sprite,
)
from vbvr_core.families.symbol_row.judge import (
    Clip,
    closing_coverage,
    fade_coverage,
    ink_levels,
    slot_matches,
    stray_ink,
)

BLUE, GREEN = (40, 90, 220), (30, 170, 60)


def test_geometry_and_names():
    assert slot_xs(3, 50) == [206.0, 256.0, 306.0]
    assert row_size(72, 9) == (40, 52.0) and row_size(50, 3) == (50, 65.0)
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 22)] == ["1st", "2nd", "3rd", "4th", "11th", "22nd"]
    assert symbol_name("★") == "star" and symbol_name("K") == "letter K" and symbol_name("7") == "digit 7"
    assert shown("★") == " (★)" and shown("K") == ""


def test_faded_sprite_and_frame_sprite():
    sprite = symbol_sprite("■", BLUE, 40)
    assert faded(sprite, 1.0) is sprite
    assert faded(sprite, 0.5).rgba[..., 3].max() == pytest.approx(128, abs=1)
    mark = frame_sprite(20, (220, 30, 30), 3)
    assert mark.rgba[mark.rgba.shape[0] // 2, mark.rgba.shape[1] // 2, 3] == 0  # hollow


def _row(xs, colors, opacity=None, y=256, size=40):
    stage = RowStage((255, 255, 255))
    opacity = opacity or [1.0] * len(xs)
    return stage.frame([Piece(symbol_sprite("■", c, size), x, y, o) for x, c, o in zip(xs, colors, opacity, strict=True)])


def test_slots_match_the_same_row_and_not_a_swapped_one():
    xs = slot_xs(3, 52)
    reference = _row(xs, [BLUE, GREEN, BLUE])
    assert slot_matches(reference, reference, xs, [BLUE, GREEN, BLUE], 256, 52, 40, 1.0) == [True] * 3
    swapped = _row(xs, [GREEN, BLUE, BLUE])
    assert slot_matches(swapped, reference, xs, [BLUE, GREEN, BLUE], 256, 52, 40, 1.0) == [False, False, True]


def test_stray_ink_finds_a_symbol_left_behind():
    reference = _row(slot_xs(2, 52), [BLUE, GREEN])
    assert stray_ink(reference, reference, 256, 40, 1.0) == 0.0
    left_behind = _row(slot_xs(2, 52) + [360.0], [BLUE, GREEN, BLUE])
    assert stray_ink(left_behind, reference, 256, 40, 1.0) > 0.3


def test_fade_and_closing_are_seen_only_when_gradual():
    xs0, xs1 = [200.0, 300.0], [220.0, 280.0]
    gradual = np.stack([_row([a + (b - a) * t for a, b in zip(xs0, xs1, strict=True)], [BLUE, GREEN])
                        for t in np.linspace(0, 1, 9)])
    cut = np.stack([_row(xs0, [BLUE, GREEN])] * 4 + [_row(xs1, [BLUE, GREEN])] * 4)
    assert closing_coverage(Clip(gradual, gradual[-1], 1.0), 256, 40, "right", -20) == 1.0
    assert closing_coverage(Clip(cut, cut[-1], 1.0), 256, 40, "right", -20) == 0.0
    fading = np.stack([_row([256.0], [BLUE], [o]) for o in np.linspace(1, 0, 6)])
    levels = ink_levels(fading, BLUE, 256, 256, 26, 1.0)
    assert levels[0] == pytest.approx(1.0) and levels[-1] == pytest.approx(0.0)
    assert fade_coverage(levels, 1.0, 0.0) == 1.0 and fade_coverage([1.0, 1.0, 0.0], 1.0, 0.0) == 0.0


def test_glyph_ranking_tells_a_circle_from_a_square_of_the_same_colour():
    from vbvr_core.families.symbol_row.judge import glyph_ranking

    frame = _row([256.0], [BLUE])  # a blue square
    circle, square, star = glyph_ranking(frame, 256, 256, BLUE, ["●", "■", "★"], 40, 52, 1.0, (255, 255, 255))
    assert square > max(circle, star) and square > 0.9


def test_confusable_colours():
    from vbvr_core.families.symbol_row.judge import confusable

    white = (255, 255, 255)
    assert confusable((220, 30, 30), (245, 130, 20), white)  # red and orange
    assert not confusable((30, 170, 60), (40, 90, 220), white)  # green and blue


def test_symbol_track_follows_a_slide_and_ignores_a_cross_fade():
    from vbvr_core.families.symbol_row.judge import symbol_track

    slide = np.stack([_row([200.0 + 10 * k], [BLUE]) for k in range(6)])
    assert symbol_track(slide, BLUE, 256, 40, 1.0, 10.4) == pytest.approx([200, 210, 220, 230, 240, 250], abs=1.5)
    ghosts = np.stack([_row([200.0, 250.0], [BLUE, BLUE], [0.6, 0.6])])
    assert symbol_track(ghosts, BLUE, 256, 40, 1.0, 10.4) == [None]


def test_neighbour_is_the_next_position_or_the_previous_one_at_the_end():
    from vbvr_core.families.symbol_row.draw import neighbour

    assert neighbour(1, 5) == 2 and neighbour(4, 5) == 5 and neighbour(5, 5) == 4


def test_symbol_set_background_and_position_params():
    from vbvr_core.draw import BackgroundIndex
    from vbvr_core.families.symbol_row.params import PositionInRow, SymbolSetName

    class Params(PositionInRow):
        length: int = 3
        position: int = 1
        symbol_set: SymbolSetName = "shapes"
        background: BackgroundIndex = 0

    assert Params.draw_spec("symbol_set").stratum(2) == ("mixed", "letters")
    assert Params.draw_spec("background") is not None
    assert Params(position=3).position == 3
    with pytest.raises(ValueError, match="beyond the row's end: use 1..3"):
        Params(position=4)
    with pytest.raises(ValueError):
        Params(symbol_set="emoji")


def test_deletion_row_solution_and_scene():
    from vbvr_core.families.symbol_row.deletion import DeletionScene, draw_row, solve_deletion

    colors = ("green", "blue", "orange")
    for seed in range(6):
        row = draw_row(np.random.default_rng(seed), "AB", colors, 5, 2)
        assert len(row) == 5 and [c for _, c in row].count(row[1][1]) == 1
    row = draw_row(np.random.default_rng(0), "AB", colors, 4, 4)
    centred, kept = solve_deletion(row, 2, 60, 270, True), solve_deletion(row, 2, 60, 270, False)
    assert centred.final_row == kept.final_row == row[:1] + row[2:]
    assert sum(centred.final_xs) / 3 == pytest.approx(256.0) and kept.final_xs == kept.xs[:-1]
    # The gone symbol stays in its slot while the rest move to the new slots; nothing moves when the last of a
    # kept row goes, and then the video has no slide.
    scene = DeletionScene(kept, (255, 255, 255))
    assert scene.after == [kept.xs[0], kept.xs[1], kept.xs[1], kept.xs[2]] and scene.moves
    last = DeletionScene(solve_deletion(row, 4, 60, 270, False), (255, 255, 255))
    # The start, the fade, the slide; the pipeline holds both ends.
    assert not last.moves and len(list(last.frames())) == 1 + 10
    assert len(list(scene.frames())) == 1 + 10 + 16 and len(list(scene.frames(close=False))) == 1 + 10
    assert np.array_equal(scene.frame(1.0, 0.0), scene.frame(1.0, 0.0, lift=30))  # a faded-out symbol is gone


def test_insertion_scene_opens_the_gaps_and_drops_the_new_symbols_in():
    from vbvr_core.families.symbol_row.insertion import InsertionScene, Timing

    row = [("■", BLUE), ("■", BLUE)]
    scene = InsertionScene(row, ("■", GREEN), 40, slot_xs(2, 52), slot_xs(3, 52), [1], 256, 196, (255, 255, 255))
    assert scene.after == [slot_xs(3, 52)[0], slot_xs(3, 52)[2]] and scene.gaps == [256.0]
    frames = list(scene.frames(Timing(1, 4, 2, 3, 2)))
    assert len(frames) == 1 + 4 + 2 + 3 + 2
    assert np.array_equal(frames[-1], scene.frame(1.0, 1.0, 1.0)) and np.array_equal(frames[0], scene.frame(0, 0, 0))
    assert slot_matches(frames[-1], _row(slot_xs(3, 52), [BLUE, GREEN, BLUE]), slot_xs(3, 52), [BLUE, GREEN, BLUE],
                        256, 52, 40, 1.0) == [True] * 3


def test_descent_is_seen_only_when_the_symbol_slides_down_gradually():
    from vbvr_core.families.symbol_row.judge import descent_coverage

    sliding = np.stack([_row([256.0], [GREEN], y=196 + 60 * t) for t in np.linspace(0, 1, 9)])
    cut = np.stack([_row([256.0], [GREEN], y=196)] * 4 + [_row([256.0], [GREEN], y=256)] * 4)
    for frames in (sliding, cut):
        clip = Clip(frames, frames[-1], 1.0)
        seen = descent_coverage(clip, GREEN, 256, 26, 40, 256, 60)
        assert seen == descent_coverage(clip, GREEN, 256, 26, 40, 256, 60, settle=True)  # a square rests centred
        assert seen == (1.0 if frames is sliding else 0.0)
    elsewhere = Clip(sliding, sliding[-1], 1.0)
    assert descent_coverage(elsewhere, GREEN, 356, 26, 40, 256, 60) == 0.0  # no ink in that column


def _cross_fade(first, final, count=24):
    return np.stack([np.rint(first * (1 - t) + final * t).astype(np.uint8)
                     for t in np.linspace(0, 1, count)[:, None, None, None]])


def test_a_dissolve_of_the_two_ends_is_no_deletion_process():
    # Issue 19: a cross-fade of the first frame into the final one showed the fade, and the row's ghosts moved the
    # outer edge through the checkpoints (O-58 scored 0.525). Every frame of it is a blend of the two ends.
    from vbvr_core.families.symbol_row.deletion import DeletionScene, solve_deletion
    from vbvr_core.families.symbol_row.judge import judge_deletion
    from vbvr_core.judge.motion import blend_residuals, unlike_dissolve

    row = [("■", BLUE), ("●", GREEN), ("▲", (245, 130, 20)), ("■", (140, 60, 190))]
    solution = solve_deletion(row, 1, 48, 256, recentre=False)
    scene = DeletionScene(solution, (255, 255, 255))
    truth = np.stack(list(scene.frames()))
    dissolve = _cross_fade(truth[0].astype(np.float32), truth[-1].astype(np.float32))
    assert max(blend_residuals(dissolve)) < 0.05 and max(blend_residuals(truth)) > 0.5
    assert unlike_dissolve(dissolve) == 0.0 and unlike_dissolve(truth) == 1.0

    def judged(frames):
        clip = Clip(frames, truth[-1], 1.0)
        close = closing_coverage(clip, 256, solution.symbol_size, "right", -solution.spacing)
        return judge_deletion(clip, solution, close, "shift", "it", "the shift", ok="ok")

    assert judged(truth).value == 1.0
    faked = judged(dissolve)
    assert faked.parts["fade"] == 1.0 and faked.parts["steps"] == 0.0 and faked.value <= 0.1
    # The last symbol of a kept row going moves nothing: its fade is the whole process, a blend of the two ends.
    last = solve_deletion(row, 4, 48, 256, recentre=False)
    fade_only = np.stack(list(DeletionScene(last, (255, 255, 255)).frames()))
    assert judge_deletion(Clip(fade_only, fade_only[-1], 1.0), last, 1.0, "shift", "it", "-", ok="ok").value == 1.0


def test_mixed_levels_count_a_pixel_of_two_colours_for_both():
    # Issue 19: O-60's order check read a blend of the old and the new symbol as neither (ink_levels), so a
    # cross-fade's old symbol seemed gone before the new one came; split between the two colours it is half each.
    from vbvr_core.families.symbol_row.judge import mixed_levels

    old, new = _row([256.0], [BLUE]), _row([256.0], [GREEN])
    frames = _cross_fade(old.astype(np.float32), new.astype(np.float32), 3)
    olds, news = mixed_levels(frames, BLUE, GREEN, 256, 256, 26, 1.0)
    assert olds[1] / olds[0] == pytest.approx(0.5, abs=0.03) and news[1] / news[2] == pytest.approx(0.5, abs=0.03)
    assert olds[2] < 0.02 * olds[0] and news[0] < 0.02 * news[2]
    plain = ink_levels(frames, BLUE, 256, 256, 26, 1.0)
    assert plain[1] < 0.3  # the plain reading: the old symbol almost gone half-way through
