"""The grid-walk sample flow (issue 14, third pass): WalkGenerator's sample and probes, scene_walker,
tie_break_routes, maze_world."""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import Cell, TaskParams, TaskSolution
from vbvr_core.draw import GridLayout, Sprite, to_frame
from vbvr_core.families.gridwalk.draw import GridWorld
from vbvr_core.families.gridwalk.maze import PickupScene, maze_world
from vbvr_core.families.gridwalk.task import WalkGenerator, scene_walker, tie_break_routes
from vbvr_core.families.gridwalk.visits import HORIZONTAL_FIRST, VERTICAL_FIRST
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
