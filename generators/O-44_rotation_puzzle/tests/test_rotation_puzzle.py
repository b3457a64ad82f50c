"""O-44 specifications: the loop's geometry, the parameter check, the solver's turns, the scorer's choice of the
right turn, and (through the contract) the declared near misses: a tile left out of the loop, a tile turned too far.
Other right ways round (half turns the other way, quarter turns the long way) are certified by the robustness suite."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from vbvr_core.testing.contract import SampleContract
from vbvr_o44_rotation_puzzle.generator import (
    LOOP,
    Params,
    RotationPuzzleGenerator,
    openings,
)
from vbvr_o44_rotation_puzzle.scorer import nearest_right_turn

KEY = "O-44_rotation_puzzle"
SMALL = {"turn_frames": 20}


def test_every_tile_of_the_loop_opens_towards_its_two_neighbours():
    for (row, col), orientation in LOOP.items():
        expected = {"down" if row == 0 else "up", "right" if col == 0 else "left"}
        assert set(openings(orientation)) == expected


def test_more_half_turns_than_turned_tiles_is_refused():
    with pytest.raises(ValidationError):
        Params(turned_tiles=1, half_turns=2)


def test_tiles_turned_as_drawn_reach_the_loop():
    sample = RotationPuzzleGenerator(5, {"turned_tiles": 4, "half_turns": 2, **SMALL}).generate()
    tiles = sample.solution.tiles
    assert sum(abs(t.turn) == 180 for t in tiles) == 2 and all(t.turn for t in tiles)
    for tile in tiles:
        assert (tile.start_orientation + round(tile.turn / 90)) % 4 == LOOP[(tile.row, tile.col)]


def test_the_right_turn_nearest_to_what_the_video_did():
    assert nearest_right_turn(90, -268.0) == -270.0
    assert nearest_right_turn(-180, 181.0) == 180.0
    assert nearest_right_turn(0, 3.0) == 0.0



def test_the_clip_turns_in_25_to_28_frames_held_a_quarter_second():
    # 0.1.1: turn 25-28 frames (was 28-40; at 22 an 8 fps copy scored 0.86), ends held 6 frames (were 12)
    for seed in range(6):
        sample = RotationPuzzleGenerator(seed).generate()
        assert 25 <= sum(1 for _ in sample.trajectory()) - 1 <= 28 and sample.hold_frames == 6


class TestContract(SampleContract):
    key = KEY
    # A partial override: the near-miss check re-draws the sample with it (recreate could not find this sample from
    # its recorded parameters alone).
    params = {"turn_frames": 20}
    near_misses = True  # a tile left out of the loop, a tile turned a quarter too far
