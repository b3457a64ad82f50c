"""G-45 specifications: the key-and-door solver, the ground truth, near misses and low frame rates."""

from __future__ import annotations

from vbvr_core.draw import GridLayout
from vbvr_core.judge.variants import retimed
from vbvr_core.media.video import held, read_video, write_video
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames, score_video
from vbvr_g45_key_door_matching.generator import COLORS, Solution, key_door_route, key_scene


def test_solver_fetches_the_key_behind_the_start_before_the_door():
    # A 1x7 corridor: key at column 0, agent at 2, door at 6.
    route = key_door_route(1, 7, set(), (0, 2), (0, 0), (0, 6))
    assert route == [(0, 2), (0, 1), (0, 0), (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6)]


def test_solver_never_passes_a_wrong_key_nor_the_locked_door():
    # The wrong key at column 1 cuts the corridor; the locked door at column 3 stands before the key.
    assert key_door_route(1, 7, set(), (0, 2), (0, 0), (0, 6), avoid=[(0, 1)]) is None
    assert key_door_route(1, 7, set(), (0, 2), (0, 5), (0, 3)) is None


def test_solver_walks_round_a_wrong_key():
    # Open 3x5 grid: a wrong key at (1, 1) between the agent (1, 0) and the key (1, 2); the door at (1, 4).
    route = key_door_route(3, 5, set(), (1, 0), (1, 2), (1, 4), avoid=[(1, 1)])
    assert (1, 1) not in route and (1, 2) in route and len(route) - 1 == 6


def walk_frames(solution: Solution, cells):
    """The sample's maze with the agent walking ``cells``, held at both ends."""
    colors = [COLORS[solution.door_color]] + [COLORS[name] for name in solution.wrong_colors]
    scene = key_scene(GridLayout(**solution.layout), solution.walls, (255, 255, 255), solution.door,
                      [solution.key, *solution.wrong_keys], colors)
    return list(held(scene.frames(cells, 3), 6))


class TestContract(SampleContract):
    key = "G-45_key_door_matching"
    params = {"difficulty": 0}
    seed = 5  # its first sample is a short walk: the noise baseline's encode dominates the run

    def test_ground_truth_fetches_the_matching_key_by_a_shortest_route(self, samples):
        for folder in samples:
            s = Solution.model_validate(load_record(folder).solution)
            side = s.layout["rows"]
            route = key_door_route(side, side, set(s.walls), s.start, s.key, s.door, s.wrong_keys)
            assert len(route) == len(s.path) == s.optimal_steps + 1
            assert s.key in s.path[:-1] and s.path[-1] == s.door and not set(s.wrong_keys) & set(s.path)
            assert s.door_color not in s.wrong_colors

    def test_wrong_key_scores_zero(self, samples, tmp_path):
        s = Solution.model_validate(load_record(samples[0]).solution)
        side = s.layout["rows"]
        routes = [key_door_route(side, side, set(s.walls), s.start, wrong, s.door,
                                 [s.key] + [c for c in s.wrong_keys if c != wrong]) for wrong in s.wrong_keys]
        route = next(r for r in routes if r is not None)
        result = score_frames(samples[0], walk_frames(s, route), tmp_path)
        assert result.value == 0 and result.parts["key"] == 0 and result.parts["obstacle_free"] == 0

    def test_ground_truth_played_at_8_fps_keeps_full_marks(self, samples, tmp_path):
        folder = samples[1]
        truth = read_video(folder / "ground_truth.mp4", size=512).frames
        slow = tmp_path / "fps8.mp4"
        write_video(slow, retimed(truth, 24, 8, len(truth) / 24, lambda t: t), fps=8)
        assert score_video(folder, slow).value >= 0.98
