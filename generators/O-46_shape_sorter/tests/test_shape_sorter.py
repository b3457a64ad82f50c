"""O-46_shape_sorter specifications: layout and order, rejections, the scorer on near misses, and the shared checks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.draw import Stage, ease_in_out
from vbvr_core.families.arrangement.draw import Mover, clear_order
from vbvr_core.families.stacking.judge import moving_interval, overlap_share
from vbvr_core.families.stacking.layout import near_miss_moves, one_at_a_time
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import end_survives_resampling, first_accepted_sample, score_frames
from vbvr_o46_shape_sorter.generator import ShapeSorterGenerator, Solution, board, card_sprite, replay

KEY = "O-46_shape_sorter"
PARAMS = {"cards": 2, "move_frames": 10, "pause_frames": 0}


def test_every_card_has_its_own_shape_and_outline_on_the_right():
    for seed in range(6):
        sample = first_accepted_sample(ShapeSorterGenerator, seed, {"difficulty": seed % 3})
        solution = sample.solution
        assert len(set(solution.kinds)) == len(solution.kinds) == len(solution.targets)
        assert all(x < 256 for x, _ in solution.starts) and all(x > 256 for x, _ in solution.targets)
        assert sorted(solution.order) == list(range(len(solution.kinds)))


def test_each_card_slides_in_as_few_frames_as_the_official_clip():
    """10–11 frames a card and 0–1 still frames between cards (the official: at least 10, no pause)."""
    for seed in range(3):
        generator = ShapeSorterGenerator(seed, {"difficulty": seed})
        assert 10 <= generator.params.move_frames <= 11 and 0 <= generator.params.pause_frames <= 1


def test_a_card_whose_every_path_is_blocked_has_no_order():
    sprite = card_sprite("circle", (248, 113, 113), 20)
    # Two cards on one row, each one's target beyond the other: whichever goes first passes over the other.
    movers = [Mover(sprite, ((100.0, 200.0), (400.0, 200.0)), 20.0), Mover(sprite, ((200.0, 200.0), (50.0, 200.0)), 20.0)]
    assert clear_order(movers, 6) is None


def test_interval_helpers():
    assert moving_interval([0.0, 0.05, 0.2, 0.6, 0.95, 1.0]) == (2, 4)
    assert moving_interval([0.0, 0.0]) is None
    assert overlap_share((0, 9), (10, 19)) == 0 and overlap_share((0, 9), (0, 9)) == 1


def test_replay_draws_the_same_frames_as_pasting_every_card():
    """The faster replay (the still cards pasted once per slide) against Stage.frame of every card, frame by frame."""
    sample = first_accepted_sample(ShapeSorterGenerator, 4, {"difficulty": 2, "pause_frames": 1})
    solution, p = sample.solution, sample.params
    sprites = [card_sprite(kind, tuple(color), solution.radius) for kind, color in zip(solution.kinds, solution.colors, strict=True)]
    stage = Stage(board(solution.kinds, solution.targets, solution.radius))
    cases = {"truth": (solution.targets, solution.order), **near_miss_moves(solution.targets, solution.order)}
    for ends, moving in cases.values():
        rows = one_at_a_time(solution.starts, ends, moving, p.move_frames, p.pause_frames)
        fast = list(replay(solution, ends, moving, p.move_frames, p.pause_frames)())
        assert len(fast) == len(rows)
        for frame, row in zip(fast, rows, strict=True):
            assert np.array_equal(frame, stage.frame(list(zip(sprites, row, strict=True))))


def _all_at_once(solution: Solution) -> list[np.ndarray]:
    """Every card slides at the same time (eased, 12 frames), with the start and end held."""
    sprites = [card_sprite(kind, tuple(color), solution.radius) for kind, color in zip(solution.kinds, solution.colors, strict=True)]
    stage = Stage(board(solution.kinds, solution.targets, solution.radius))
    starts, ends = np.asarray(solution.starts), np.asarray(solution.targets)
    rows = [starts + (ends - starts) * ease_in_out(k / 12) for k in range(13)]
    frames = [stage.frame([(s, tuple(p)) for s, p in zip(sprites, row, strict=True)]) for row in rows]
    return frames[:1] * 12 + frames + frames[-1:] * 12


def test_the_ends_are_held_long_enough_for_an_8_fps_copy():
    # 0.1.2: ends held 9 frames (were 12): the scorer reads the last 3 frames, and the last 3 of an 8-fps copy (source
    # frames 0, 3, 6, ...) all show the final state, whatever the clip's length
    for seed in range(2):
        sample = first_accepted_sample(ShapeSorterGenerator, seed)
        assert sample.hold_frames == 9
        assert end_survives_resampling(sample, fps=8, last=3)


class TestContract(SampleContract):
    key = KEY
    params = PARAMS

    @pytest.mark.parametrize("name", ["swapped_pair", "last_left_behind"])
    def test_near_misses_score_well_below_the_oracle(self, samples, tmp_path, name):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        ends, moving = near_miss_moves(solution.targets, solution.order)[name]
        frames = list(replay(solution, ends, moving, 10, 0)())
        assert score_frames(samples[0], frames[:1] * 12 + frames + frames[-1:] * 12, tmp_path).value <= 0.5

    def test_first_of_two_cards_placed_and_the_other_left_is_a_wrong_answer(self, samples, tmp_path):
        """The freeze shortcut (the ground truth stopped half-way) on two cards: only the first card placed."""
        solution = Solution.model_validate(load_record(samples[0]).solution)
        frames = list(replay(solution, solution.targets, solution.order[:1], 10, 0)())
        assert score_frames(samples[0], frames[:1] * 12 + frames + frames[-1:] * 12, tmp_path).value <= 0.1

    def test_all_cards_at_once_scores_half(self, samples, tmp_path):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        result = score_frames(samples[0], _all_at_once(solution), tmp_path)
        assert result.parts["one_at_a_time"] == 0.5 and result.value == 0.5
