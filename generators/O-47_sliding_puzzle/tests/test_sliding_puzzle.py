"""O-47 specifications: the solver, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.solve.search import shortest_path
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_o47_sliding_puzzle.generator import (
    BACKGROUNDS,
    BOARD_COLORS,
    TILE_COLORS,
    SlidingPuzzleGenerator,
)
from vbvr_o47_sliding_puzzle.puzzle import goal_state, replay, scramble, slide, solve, successors
from vbvr_o47_sliding_puzzle.scene import BoardScene

KEY = "O-47_sliding_puzzle"


def test_solver_finds_one_and_two_move_solutions():
    assert solve((1, 2, 3, 4, 5, 6, 7, 0, 8), 3, 10) == [(1, 2, 3, 4, 5, 6, 7, 0, 8), goal_state(3)]
    two = solve((1, 2, 3, 4, 5, 6, 0, 7, 8), 3, 10)
    assert len(two) == 3 and two[-1] == goal_state(3)


def test_solver_matches_plain_breadth_first_search():
    rng = np.random.default_rng(1)
    for _ in range(15):
        start = scramble(3, int(rng.integers(4, 12)), rng)
        plain = shortest_path(start, goal_state(3), successors(3))
        assert len(solve(start, 3, 20)) == len(plain)


def test_solver_respects_the_move_cap_and_parity():
    far = scramble(3, 30, np.random.default_rng(5))
    assert solve(far, 3, 2) is None or len(solve(far, 3, 2)) <= 3
    assert solve((2, 1, 3, 0), 2, 20) is None  # odd permutation: unreachable


def test_slide_refuses_a_tile_not_next_to_the_space():
    with pytest.raises(ValueError, match="not next to"):
        slide(goal_state(3), 3, (0, 0))


def test_replaying_the_blank_walk_solves_the_board():
    start = scramble(3, 9, np.random.default_rng(2))
    states = solve(start, 3, 20)
    walk = [divmod(state.index(0), 3) for state in states]
    assert replay(start, 3, walk) == goal_state(3)


def test_solved_and_too_long_boards_are_rejected():
    generator = SlidingPuzzleGenerator(0, {"side": 3, "scramble": 6})
    sample = generator.generate()
    sample.solution["optimal_moves"] = 0
    assert any("already solved" in problem for problem in generator.validate(sample))
    sample.solution["optimal_moves"] = None
    assert any("too long" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="side"):
        SlidingPuzzleGenerator(0, {"side": 6})


class TestContract(SampleContract):
    key = KEY
    params = {"side": 3, "difficulty": 1}
    final_ceiling = 0.1


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7, params={"side": 3, "difficulty": 1})


def test_ground_truth_videos_last_at_most_125_frames(samples):
    assert all(load_record(folder).video.frames <= 125 for folder in samples)


def _scene_and_states(folder):
    record = load_record(folder)
    p = SlidingPuzzleGenerator.Params(**record.params)
    scene = BoardScene(GridLayout(**record.solution["layout"]), BOARD_COLORS[p.board_color], TILE_COLORS[p.tile_color],
                       BACKGROUNDS[p.background])
    return scene, solve(tuple(record.solution["start_state"]), p.side, p.max_moves)


def test_a_double_tile_jump_scores_low(samples, tmp_path):
    scene, states = _scene_and_states(samples[0])
    # Slides up to state 1, then a cut to state 3 (two tiles move at once), then the rest.
    frames = list(scene.slides(states[:2], 6)) + [scene.frame(states[1])] * 3 + list(scene.slides(states[3:], 6))
    result = score_frames(samples[0], frames, tmp_path)
    assert result.value < 0.5 and result.parts["continuity"] < 1


def test_a_detour_scores_below_the_optimum(samples, tmp_path):
    scene, states = _scene_and_states(samples[0])
    detour = states[:2] + [states[0]] + states[1:]  # one slide there and back: legal, two moves too many
    result = score_frames(samples[0], list(scene.slides(detour, 6)) + [scene.frame(states[-1])] * 6, tmp_path)
    optimum = len(states) - 1
    assert result.parts["solved"] == 1.0
    assert result.parts["efficiency"] == pytest.approx(optimum / (optimum + 2))
    assert 0.5 < result.value < 0.98


def test_drawn_instances_are_diverse():
    firsts = {hash(SlidingPuzzleGenerator(seed).generate().first_frame.tobytes()) for seed in range(20)}
    assert len(firsts) == 20
