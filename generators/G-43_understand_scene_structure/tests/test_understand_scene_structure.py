"""G-43_understand_scene_structure specifications: the plan, rejections, other right boxes, near misses, and the
shared checks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g43_understand_scene_structure.generator import (
    KINDS,
    MIN_SIDE,
    SceneStructureGenerator,
    box_polygon,
    split_rooms,
)

KEY = "G-43_understand_scene_structure"
PARAMS = {"rooms": 3, "mark_frames": 12}


def test_rooms_tile_the_home_and_are_large_enough():
    rooms, walls = split_rooms(np.random.default_rng(3), (40.0, 40.0, 470.0, 470.0), 5)
    assert len(rooms) == 5 and len(walls) == 4
    assert sum((r[2] - r[0]) * (r[3] - r[1]) for r in rooms) == pytest.approx(430 * 430)
    assert min(min(r[2] - r[0], r[3] - r[1]) for r in rooms) >= MIN_SIDE


def test_a_home_too_small_for_its_rooms_is_rejected():
    with pytest.raises(Reject, match="illegible"):
        SceneStructureGenerator(0, {"rooms": 6, "house_width": 340, "house_height": 340}).generate()


def test_every_room_has_its_own_kind_and_the_box_lies_inside_the_target():
    sample = SceneStructureGenerator(5, {"difficulty": 2}).generate()
    solution = sample.solution
    assert len(set(solution.kinds)) == len(solution.kinds) and set(solution.kinds) <= set(KINDS)
    assert solution.kinds[solution.target] in sample.prompt
    x0, y0, x1, y1 = solution.rooms[solution.target]
    assert all(x0 < x < x1 and y0 < y < y1 for x, y in box_polygon(solution.rooms[solution.target]))


class TestContract(SampleContract):
    key = KEY
    params = PARAMS
    near_misses = ("wrong_room", "unfinished_box")

    @pytest.mark.parametrize("name", ["thin_box_on_the_walls", "thick_box_further_in"])
    def test_other_right_boxes_score_high(self, samples, tmp_path, name):
        made = recreate(samples[0], self.params)
        frames = list(made.generator.alternatives(made.sample)[name]())
        held = frames[:1] * 12 + frames + frames[-1:] * 12  # both ends held, as the ground truth is saved
        assert score_frames(samples[0], held, tmp_path, f"{name}.mp4").value >= 0.9
