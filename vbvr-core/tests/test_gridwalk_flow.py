"""The grid-walk sample flow: WalkGenerator's sample and probes, scene_walker,
tie_break_routes, maze_world."""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import Cell, TaskParams, TaskSolution
from vbvr_core.draw import GridLayout, Sprite, Stage, to_frame
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.maze import PickupScene, maze_world
from vbvr_core.families.gridwalk.task import WalkGenerator, scene_walker
from vbvr_core.families.gridwalk.visits import HORIZONTAL_FIRST, VERTICAL_FIRST, tie_break_routes
from vbvr_core.solve.search import grid_neighbours, shortest_path


class _Solution(TaskSolution):
    path: list[Cell]


class _Walk(WalkGenerator, params=TaskParams, solution=_Solution):
    def generate(self):
        world = GridWorld(GridLayout.fit(3, 4))
        return self.walk_sample(world.walker((200, 40, 40), [(0, 0), (0, 1), (1, 1)], 4), "walk", _Solution(
            path=[(0, 0), (0, 1), (1, 1)]), hold_frames=5)

    def other_routes(self, solution):
        return {"down_first": [(0, 0), (1, 0), (1, 1)], "none": None}

    def wrong_routes(self, solution):
        return {"too_far": solution.path + [(2, 1)]}


def _frames(source):
    return list(source())


def test_walk_sample_walks_the_solution_path_and_keeps_its_walker():
    gen = _Walk(seed=1)
    sample = gen.generate()
    frames = _frames(sample.trajectory)
    assert sample.hold_frames == 5 and sample.prompt == "walk" and len(frames) == 1 + 2 * 4
    assert np.array_equal(frames[0], sample.first_frame) and np.array_equal(frames[-1], sample.final_frame)
    assert np.array_equal(_frames(gen.walk(sample.solution.path))[-1], sample.final_frame)


def test_probes_are_the_named_routes_walked_alike_and_none_is_left_out():
    gen = _Walk(seed=1)
    sample = gen.generate()
    assert sorted(gen.alternatives(sample)) == ["down_first"]
    misses = gen.near_misses(sample)
    assert sorted(misses) == ["one_step_short", "too_far"]
    short = _frames(misses["one_step_short"])
    assert len(short) == 1 + 4 and np.array_equal(short[0], sample.first_frame)
    assert len(_frames(misses["too_far"])) == 1 + 3 * 4


def test_short_name_none_offers_no_walk_stopped_short():
    class NoShort(_Walk):
        short_name = None

        def wrong_routes(self, solution):
            return {}

    gen = NoShort(seed=1)
    assert gen.near_misses(gen.generate()) == {}


def test_scene_walker_gives_the_scenes_frames_at_one_pace():
    layout = GridLayout.fit(3, 3)
    background = to_frame(maze_world(layout, [(1, 1)], (250, 250, 250)).image())
    agent = Sprite.of_shape("circle", 10, (0, 200, 0))
    scene = PickupScene(layout, background, [(0, 2)], [Sprite.of_shape("diamond", 8, (200, 0, 0))], agent)
    route = [(0, 0), (0, 1), (0, 2)]
    first, final, walk = scene_walker(scene, route, 3)
    opening, closing = scene.first_and_final(route)
    assert np.array_equal(first, opening) and np.array_equal(final, closing)
    frames = list(walk(route)())
    assert len(frames) == 1 + 2 * 3 and np.array_equal(frames[-1], final)


def test_maze_world_fills_walls_without_grid_lines():
    layout = GridLayout.fit(3, 3)
    world = maze_world(layout, [(0, 0), (2, 2)], (240, 240, 240), (10, 10, 10))
    assert world.line_width == 0 and world.background == (240, 240, 240)
    assert world.fills == {(0, 0): (10, 10, 10), (2, 2): (10, 10, 10)}


def test_tie_break_routes_tries_each_move_order():
    def route(moves):
        return shortest_path((0, 0), (2, 2), grid_neighbours(3, 3, set(), moves))

    routes = tie_break_routes(route)
    assert list(routes) == ["vertical_first", "horizontal_first"]
    assert routes["vertical_first"] == route(VERTICAL_FIRST) and routes["horizontal_first"] == route(HORIZONTAL_FIRST)
    assert routes["vertical_first"] != routes["horizontal_first"]


def test_maze_pieces_lays_out_a_looped_maze_and_spreads_its_pieces():
    from vbvr_core.families.gridwalk.maze import PIECES_MARGIN, maze_pieces
    from vbvr_core.pipeline.generator import Reject
    from vbvr_core.solve.maze import add_loops, perfect_maze, room_cells, wall_cells

    layout, walls, pieces = maze_pieces(np.random.default_rng(4), 4, 3, 4)
    rng = np.random.default_rng(4)  # the same draws, in the same order
    grid = add_loops(rng, perfect_maze(rng, 4, 4), 3)
    assert walls == wall_cells(grid) and layout == GridLayout.fit(9, 9, margin=PIECES_MARGIN)
    assert len(pieces) == 4 and set(pieces) <= set(room_cells(grid))
    assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) >= 3 for i, a in enumerate(pieces) for b in pieces[i + 1:])
    try:
        maze_pieces(np.random.default_rng(4), 3, 0, 9, what="nine pieces")
    except Reject as reject:
        assert str(reject) == "no room for nine pieces apart"
    else:
        raise AssertionError("nine pieces 3 apart do not fit 3x3 rooms")
    assert len(maze_pieces(np.random.default_rng(4), 3, 0, 9, fill=True)[2]) == 9


def test_piece_maze_parameter_types_draw_by_stratum():
    from vbvr_core.families.gridwalk.maze import MazeLoops, PieceMazeRooms

    class P(TaskParams):
        rooms: PieceMazeRooms = 5
        loops: MazeLoops = 4

    for difficulty, rooms in ((0, 4), (1, 5), (2, 6)):
        drawn = P.draw(np.random.default_rng(difficulty), difficulty)
        assert drawn.rooms == rooms and 0 <= drawn.loops <= 10
    assert P().rooms == 5 and P().loops == 4


def test_pickup_scene_of_keys_lays_diamond_keys():
    layout = GridLayout.fit(3, 3)
    canvas = maze_world(layout, [], (250, 250, 250)).image()
    agent = Sprite.of_shape("circle", 10, (0, 200, 0))
    scene = PickupScene.of_keys(layout, canvas, [(0, 2)], [(200, 0, 0)], 0.4, agent)
    first, final = scene.first_and_final([(0, 0), (0, 1), (0, 2)])
    x0, y0, x1, y1 = layout.cell_box((0, 2))
    assert (first[y0:y1, x0:x1] == (200, 0, 0)).all(axis=-1).any()
    assert not (final[y0:y1, x0:x1] == (200, 0, 0)).all(axis=-1).any()


def test_score_plain_walk_is_the_walk_score_with_obstacles_or_walls_forbidden(tmp_path):
    from types import SimpleNamespace

    from vbvr_core.families.gridwalk.judge import score_walk
    from vbvr_core.families.gridwalk.scoring import score_plain_walk
    from vbvr_core.media.video import VideoReader, write_video

    layout = GridLayout.fit(3, 3)
    path = [(0, 0), (0, 1), (0, 2), (1, 2)]
    _, _, walk = GridWorld(layout).walker((255, 140, 0), path, 6)
    frames = list(walk(path)())
    video = tmp_path / "walk.mp4"
    write_video(video, frames + frames[-1:] * 12, fps=24)
    solution = {"layout": layout.to_dict(), "agent_color": [255, 140, 0], "start": [0, 0], "goal": [1, 2],
                "optimal_steps": 3, "path": path, "anything_else": 1}

    def scored(**cells):
        return score_plain_walk(SimpleNamespace(solution={**solution, **cells}), VideoReader(video))

    plain = scored()
    assert plain == score_walk(VideoReader(video), layout.to_dict(), (255, 140, 0), (0, 0), (1, 2), 3)
    assert plain.value >= 0.98
    for name in ("obstacles", "walls"):
        blocked = scored(**{name: [[0, 1]]})
        assert blocked.parts["obstacle_free"] == 0 and blocked.value < 0.5 * plain.value


def test_tracks_sample_opens_and_closes_on_the_tracks_ends():
    from vbvr_core.families.gridwalk.task import tracks_sample

    stage = Stage(to_frame(GridWorld(GridLayout.fit(3, 3)).image()))
    a, b = Sprite.of_shape("circle", 10, (200, 0, 0)), Sprite.of_shape("square", 10, (0, 0, 200))
    tracks = [(a, [(100.0, 100.0), (150.0, 100.0), (200.0, 100.0)]), (b, [(300.0, 300.0), (300.0, 350.0)])]
    sample = tracks_sample(stage, tracks, prompt="p", solution=_Solution(path=[]), params=TaskParams())
    frames = list(sample.trajectory())
    assert len(frames) == 3 and sample.prompt == "p"
    assert np.array_equal(frames[0], sample.first_frame) and np.array_equal(frames[-1], sample.final_frame)
    assert np.array_equal(sample.final_frame, stage.frame([(a, (200.0, 100.0)), (b, (300.0, 350.0))]))


def test_count_shortest_paths_counts_every_shortest_route_and_caps():
    from math import comb

    from vbvr_core.solve.search import count_shortest_paths

    for rows, cols in ((1, 1), (2, 3), (4, 4), (5, 7)):
        open_grid = grid_neighbours(rows, cols, set())
        assert count_shortest_paths((0, 0), (rows - 1, cols - 1), open_grid) == comb(rows + cols - 2, rows - 1)
    assert count_shortest_paths((0, 0), (4, 6), grid_neighbours(5, 7, set()), limit=10) == 10
    walled = grid_neighbours(3, 3, {(0, 1), (1, 1)})
    assert count_shortest_paths((0, 0), (0, 2), walled) == 1
    assert count_shortest_paths((0, 0), (0, 2), grid_neighbours(3, 3, {(0, 1), (1, 1), (2, 1)})) == 0
    arrows = {0: [1, 2], 1: [3], 2: [3], 3: []}
    assert count_shortest_paths(0, 3, arrows.__getitem__) == 2 and count_shortest_paths(3, 0, arrows.__getitem__) == 0
