"""G-13 specifications: the ordered solver, the ground truth, near misses and low-frame-rate playback."""

from __future__ import annotations

from vbvr_core.draw import GridLayout
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import read_video, write_video
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames, score_video
from vbvr_g13_grid_number_sequence.generator import (
    GOAL_COLOR,
    NUMBER_FILL,
    Solution,
    numbered_grid,
    sequence_route,
)
from vbvr_g13_grid_number_sequence.scorer import correct_prefix, visit_order


def test_solver_never_steps_on_a_number_before_its_turn():
    # 3x5 grid: number 2 at (1, 2) lies between the start (1, 0) and number 1 at (1, 4): walk round it.
    route = sequence_route(3, 5, (1, 0), [(1, 4), (1, 2)], (0, 0))
    assert route.index((1, 4)) < route.index((1, 2))
    assert (1, 2) not in route[: route.index((1, 4))] and len(route) - 1 == 6 + 2 + 3


def test_solver_visits_the_numbers_in_order_not_by_distance():
    # 2x7 grid: number 2 at (0, 1) is nearer the start (0, 3) than number 1 at (0, 6); the goal is (1, 3).
    route = sequence_route(2, 7, (0, 3), [(0, 6), (0, 1)], (1, 3))
    assert route.index((0, 6)) < route.index((0, 1)) and len(route) - 1 == 3 + 5 + 3


def test_solver_refuses_a_goal_that_cuts_the_last_number_off():
    # 1x7 corridor: the goal at column 2 stands between number 1 (column 0) and number 2 (column 6).
    assert sequence_route(1, 7, (0, 3), [(0, 0), (0, 6)], (0, 2)) is None


def test_visit_order_and_its_correct_prefix():
    walk = [(0, 0), (0, 1), (0, 2), (1, 2), (1, 1), (2, 1)]
    assert visit_order(walk, [(0, 1), (1, 1), (0, 2)], (2, 1)) == [1, 3, 2]
    assert correct_prefix([1, 3, 2]) == 1 and correct_prefix([1, 2, 3]) == 3 and correct_prefix([2, 1]) == 0


def walk_frames(solution: Solution, cells):
    """The sample's scene with the agent walking ``cells`` and resting ½ s at the end."""
    fills = {solution.goal: GOAL_COLOR, **{cell: NUMBER_FILL for cell in solution.numbered}}
    world = numbered_grid(GridLayout(**solution.layout), solution.numbered, fills=fills)
    frames = list(world.walk(cells, world.agent_sprite(solution.agent_color), 4)[2])
    return frames + frames[-1:] * 12


class TestContract(SampleContract):
    key = "G-13_grid_number_sequence"
    params = {"difficulty": 0}

    def test_ground_truth_is_a_shortest_ordered_walk(self, samples):
        for folder in samples:
            s = Solution.model_validate(load_record(folder).solution)
            rows, cols = s.layout["rows"], s.layout["cols"]
            assert len(sequence_route(rows, cols, s.start, s.numbered, s.goal)) == len(s.path) == s.optimal_steps + 1
            assert visit_order(s.path, s.numbered, s.goal) == list(range(1, len(s.numbered) + 1))
            assert s.path[-1] == s.goal

    def test_numbers_out_of_order_score_low(self, samples, tmp_path):
        s = Solution.model_validate(load_record(samples[0]).solution)
        rows, cols = s.layout["rows"], s.layout["cols"]
        swapped = sequence_route(rows, cols, s.start, s.numbered[::-1], s.goal)
        result = score_frames(samples[0], walk_frames(s, swapped), tmp_path)
        assert result.value <= 0.25 and result.parts["order"] < 1

    def test_ground_truth_played_at_8_fps_keeps_full_marks(self, samples, tmp_path):
        folder = samples[1]
        truth = read_video(folder / "ground_truth.mp4", size=512).frames
        slow = tmp_path / "fps8.mp4"
        write_video(slow, retimed(truth, 24, 8, len(truth) / 24, lambda t: t), fps=8)
        assert score_video(folder, slow).value >= 0.98
