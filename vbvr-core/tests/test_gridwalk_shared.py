"""What the grid-walk tasks share (issue 14): collecting routes, spread cells, labelled grids, the walker and its
pace, the walk score with a task's own parts, first passes, and the maze pickup scene."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from pydantic import ValidationError
from vbvr_core.contract import TaskParams
from vbvr_core.draw import BACKGROUNDS, GridLayout, Sprite, to_frame
from vbvr_core.families.gridwalk import visits
from vbvr_core.families.gridwalk.draw import MAX_MOTION_FRAMES, GridWorld, step_frames
from vbvr_core.families.gridwalk.judge import before_goal, first_passes, score_walk
from vbvr_core.families.gridwalk.maze import FloorIndex, PickupScene, key_sprite, padded_sprite
from vbvr_core.families.gridwalk.place import spread_cells
from vbvr_core.media.video import VideoReader, write_video
from vbvr_core.pipeline.generator import Reject
from vbvr_core.solve.search import NEIGHBOUR_STEPS, collecting_route, grid_neighbours, shortest_path, shuffled_moves


def test_collecting_route_any_order_takes_the_cheaper_order_and_never_enters_the_goal_early():
    route = collecting_route((1, 0), [(0, 4), (2, 1)], (1, 2), grid_neighbours(3, 5, set()))
    assert route[0] == (1, 0) and route[-1] == (1, 2) and (1, 2) not in route[:-1]
    assert route.index((2, 1)) < route.index((0, 4)) and len(route) - 1 == 2 + 5 + 3
    # the only way to the target passes the goal: no walk
    assert collecting_route((0, 0), [(0, 4)], (0, 2), grid_neighbours(1, 5, set())) is None
    # no targets: a plain shortest path
    neighbours = grid_neighbours(4, 4, {(1, 1), (2, 1)})
    assert collecting_route((0, 0), [], (3, 3), neighbours) == shortest_path((0, 0), (3, 3), neighbours)


def test_collecting_route_in_order_never_enters_a_target_before_its_turn():
    route = collecting_route((1, 0), [(1, 4), (1, 2)], (0, 0), grid_neighbours(3, 5, set()), in_order=True)
    assert route.index((1, 4)) < route.index((1, 2)) and (1, 2) not in route[: route.index((1, 4))]
    assert len(route) - 1 == 6 + 2 + 3
    # in any order, the walk passes the nearer target on its way to the other
    assert len(collecting_route((1, 0), [(1, 4), (1, 2)], (0, 0), grid_neighbours(3, 5, set()))) - 1 == 4 + 5


def test_grid_neighbours_follow_the_move_order_and_shuffled_moves_are_seeded():
    assert list(grid_neighbours(3, 3, set())((1, 1))) == [(0, 1), (2, 1), (1, 0), (1, 2)]
    assert list(grid_neighbours(3, 3, {(2, 1)}, NEIGHBOUR_STEPS[::-1])((1, 1))) == [(1, 2), (1, 0), (0, 1)]
    moves = shuffled_moves(np.random.default_rng(3))
    assert sorted(moves) == sorted(NEIGHBOUR_STEPS) and moves == shuffled_moves(np.random.default_rng(3))


def test_spread_cells_keep_their_distance_and_fill_only_when_asked():
    cells = [(r, c) for r in range(6) for c in range(6)]
    for seed in range(6):
        chosen = spread_cells(np.random.default_rng(seed), cells, 4, 3, taken=[(0, 0)])
        assert len(chosen) == 4 and (0, 0) not in chosen
        assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) >= 3 for a, b in itertools.combinations(chosen, 2))
    corner = [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert len(spread_cells(np.random.default_rng(0), corner, 3, 3)) == 1
    filled = spread_cells(np.random.default_rng(0), corner, 3, 3, fill=True)
    assert len(filled) == len(set(filled)) == 3
    # the same draw as separate_cells, which is spread_cells at distance 2 over the whole grid
    assert visits.separate_cells(np.random.default_rng(5), 6, 6, 4, [(0, 0)]) == spread_cells(
        np.random.default_rng(5), cells, 4, 2, [(0, 0)])


def test_grid_world_labels_and_the_walker_at_its_pace():
    layout = GridLayout.fit(3, 3)
    plain, labelled = GridWorld(layout), GridWorld(layout, labels={(1, 1): "7"}, label_size=40)
    diff = np.any(np.asarray(plain.image()) != np.asarray(labelled.image()), axis=2)
    x0, y0, x1, y1 = layout.cell_box((1, 1))
    assert diff.any() and diff[y0:y1, x0:x1].sum() == diff.sum()  # ink in the labelled cell only
    path = [(0, 0), (0, 1), (1, 1)]
    first, final, walk = plain.walker((255, 140, 0), path, 5)
    frames = list(walk(path)())
    assert len(frames) == 2 * 5 + 1 and (frames[0] == first).all() and (frames[-1] == final).all()
    assert step_frames(6, 10) == 6 and step_frames(6, 40) == 4 and step_frames(6, 40, least=2) == MAX_MOTION_FRAMES // 40
    assert step_frames(6, 400, budget=None) == 6


def test_before_goal_and_first_passes_stop_at_the_first_goal():
    walk = [(0, 0), (0, 1), (1, 1), (0, 1), (0, 2), (1, 2)]
    assert before_goal(walk, (0, 2)) == walk[:4] and before_goal(walk, (5, 5)) == walk
    assert first_passes(walk, [(1, 2), (1, 1), (0, 1)], (0, 2)) == [(0, 1), (1, 1)]


def test_score_walk_adds_the_task_parts_and_zeroes_an_unseen_agent(tmp_path):
    layout = GridLayout.fit(3, 3)
    world = GridWorld(layout)
    path = [(0, 0), (0, 1), (0, 2), (1, 2)]
    _, _, walk = world.walker((255, 140, 0), path, 6)
    frames = list(walk(path)())
    video = tmp_path / "walk.mp4"
    write_video(video, frames + frames[-1:] * 12, fps=24)
    seen = []

    def parts(verdict, cells):
        seen.extend(cells)
        verdict.part("extra", 0.5, unless="half")
        return "fine"

    plain = score_walk(VideoReader(video), layout.to_dict(), (255, 140, 0), (0, 0), (1, 2), 3)
    assert plain.value >= 0.98 and plain.reason == "optimal walk of 3 steps"
    extra = score_walk(VideoReader(video), layout.to_dict(), (255, 140, 0), (0, 0), (1, 2), 3, parts=parts)
    assert seen == path and abs(extra.value - 0.5 * plain.value) < 1e-9 and extra.parts["extra"] == 0.5
    # a forbidden cell on the way keeps 0.3; a blocked cell is also forbidden unless told otherwise
    assert score_walk(VideoReader(video), layout.to_dict(), (255, 140, 0), (0, 0), (1, 2), 3,
                      blocked=[(0, 1)]).parts["obstacle_free"] == 0
    assert score_walk(VideoReader(video), layout.to_dict(), (255, 140, 0), (0, 0), (1, 2), 3,
                      blocked=[(0, 1)], forbidden=[]).parts["obstacle_free"] == 1
    unseen = score_walk(VideoReader(video), layout.to_dict(), (20, 200, 20), (0, 0), (1, 2), 3)
    assert unseen.value == 0 and unseen.reason == "the agent is never visible"


def test_pickup_scene_pieces_vanish_when_reached():
    layout = GridLayout.fit(3, 3)
    background = to_frame(GridWorld(layout, line_width=0, fills={(1, 1): (0, 0, 0)}).image())
    agent = Sprite.of_shape("circle", layout.cell * 0.3, (0, 160, 0), (30, 30, 30), reach=1.0)
    scene = PickupScene(layout, background, [(0, 2), (2, 2)], [key_sprite(layout.cell * 0.4, (220, 30, 30))] * 2, agent)
    route = [(0, 0), (0, 1), (0, 2), (1, 2)]
    first, final = scene.first_and_final(route)
    frames = list(scene.frames(route, 4))
    assert len(frames) == 3 * 4 + 1 and (frames[0] == first).all() and (frames[-1] == final).all()
    key_box = layout.cell_box((0, 2), layout.cell // 4)
    red = lambda frame: (frame[key_box[1]:key_box[3], key_box[0]:key_box[2], 1] < 100).sum()  # noqa: E731
    assert red(frames[0]) > 0 and red(frames[-1]) == 0
    still = layout.cell_box((2, 2), layout.cell // 4)
    assert (final[still[1]:still[3], still[0]:still[2]] == first[still[1]:still[3], still[0]:still[2]]).all()
    disc = padded_sprite(10, lambda d, c, r: d.ellipse([c[0] - r, c[1] - r, c[0] + r, c[1] + r], fill=(1, 2, 3, 255)))
    assert disc.rgba.shape[:2] == (30, 30)


def test_floor_index_is_a_drawn_corridor_colour():
    class _Maze(TaskParams):
        floor: FloorIndex = 0

    assert {_Maze.draw(np.random.default_rng(seed), 1).floor for seed in range(40)} == set(range(len(BACKGROUNDS)))
    assert _Maze.model_fields["floor"].description == "corridor colour index"
    with pytest.raises(ValidationError):
        _Maze(floor=len(BACKGROUNDS))


def test_place_visits_and_require_detour_reject_what_does_not_fit_or_needs_no_plan():
    for seed in range(5):
        start, goal, cells = visits.place_visits(np.random.default_rng(seed), 6, 6, 4, 3, "blocks")
        assert visits.grid_distance(start, goal) >= 4 and len(cells) == 3 and not {start, goal} & set(cells)
    with pytest.raises(Reject, match="no room for 9 separate blocks"):
        visits.place_visits(np.random.default_rng(0), 3, 3, 2, 9, "blocks")
    visits.require_detour([(0, 0), (1, 0), (1, 1), (0, 1)], 2, "blocks")  # 3 steps where 1 suffices
    with pytest.raises(Reject, match="the blocks cost 0 extra steps"):
        visits.require_detour([(0, 0), (0, 1), (0, 2)], 2, "blocks")
