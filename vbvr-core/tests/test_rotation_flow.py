"""The rotation family's steady-turn generator flow (SteadyTurnGenerator, signed_turn, STATED_ANGLES) and the
polygon turn judged against a stated angle (judge_polygon_turn)."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.contract import TaskParams, TaskSolution
from vbvr_core.draw import Stage
from vbvr_core.families.rotation.draw import turned_sprite, turning_outline
from vbvr_core.families.rotation.judge import judge_stated_turn
from vbvr_core.families.rotation.task import STATED_ANGLES, SteadyTurnGenerator, signed_turn
from vbvr_core.families.rotation.track import (
    ANGLE_STEP,
    TurningPolygon,
    colour_seen,
    judge_polygon_turn,
    polygon_turn,
)
from vbvr_core.pipeline.generator import Reject


class Params(TaskParams):
    degrees: int = 90
    direction: str = "clockwise"
    turn_frames: int = 4


class Solution(TaskSolution):
    signed_degrees: int


class Dial(SteadyTurnGenerator, params=Params, solution=Solution):
    frames_param = "turn_frames"

    def solve(self) -> Solution:
        if self.params.degrees == 180:
            raise Reject("ambiguous: a half turn looks alike both ways")
        return Solution(signed_degrees=signed_turn(self.params.degrees, self.params.direction))

    def frame_at(self, solution: Solution):
        return lambda angle: np.full((2, 2, 3), round(angle) % 256, np.uint8)

    def prompt(self, solution: Solution) -> str:
        return f"turn {solution.signed_degrees}"


def test_signed_turn_and_the_stated_angles():
    assert signed_turn(30, "clockwise") == 30 and signed_turn(30, "counterclockwise") == -30
    assert set(STATED_ANGLES) == {0, 1, 2} and all(largest % step == 0 for step, largest in STATED_ANGLES.values())


def test_a_steady_turn_generator_renders_the_turn_and_its_near_misses():
    generator = Dial(0, {"difficulty": 0, "direction": "counterclockwise"})
    sample = generator.generate()
    assert sample.prompt == "turn -90" and sample.solution.signed_degrees == -90
    assert sample.first_frame[0, 0, 0] == 0 and sample.final_frame[0, 0, 0] == (-90) % 256
    assert [frame[0, 0, 0] for frame in sample.trajectory()] == [0, 256 - 22, 256 - 45, 256 - 68, 256 - 90]
    assert sample.hold_frames == 12  # the sample's default: hold_frames not set
    misses = generator.near_misses(sample)
    assert list(misses) == ["wrong_direction", "short_turn"]
    assert list(misses["wrong_direction"]())[-1][0, 0, 0] == 90 and list(misses["short_turn"]())[-1][0, 0, 0] == 256 - 54

    class Held(Dial):
        hold_frames = 6

    assert Held(0, {"difficulty": 0}).generate().hold_frames == 6
    with pytest.raises(Reject, match="half turn"):
        Dial(0, {"difficulty": 0, "degrees": 180}).generate()


def test_judge_polygon_turn_is_the_tracker_then_the_stated_turn_judge():
    vertices = tuple(turning_outline("arrow", 40.0, np.random.default_rng(1)))
    polygon = TurningPolygon(vertices, (256.0, 256.0), 110, 3, 1, 40.0)
    stage = Stage(np.full((512, 512, 3), 250, np.uint8))
    frames = np.stack([stage.frame([(turned_sprite(vertices, a, 110, (200, 40, 40), (30, 30, 30), 3), (256.0, 256.0))])
                       for a in np.linspace(0, 60, 9)])
    first = frames[0]
    judged, drift = judge_polygon_turn(frames, first, polygon, (200, 40, 40), 60.0, 0.2, 0.5)
    turn, expected_drift = polygon_turn(frames, polygon, colour_seen(frames, first, (200, 40, 40)))
    assert judged == judge_stated_turn(turn, 60.0, 0.2, 0.5, resolution=1.5 * ANGLE_STEP) and drift == expected_drift
    assert judged.end == 1.0 and judged.start


def test_a_cross_fade_of_a_turning_polygon_shows_no_turn():
    """A cross-fade of the shape into its turned self reads as intermediate angles (a half-faded shape correlates
    with a half-turned one); every frame of it is a blend of the two ends, so its process is 0. The shape's own
    turn, in the same frames' box, keeps its process; so does a turn whose end looks like its start."""
    vertices = tuple(turning_outline("arrow", 40.0, np.random.default_rng(1)))
    polygon = TurningPolygon(vertices, (256.0, 256.0), 110, 3, 1, 40.0)
    stage = Stage(np.full((512, 512, 3), 250, np.uint8))

    def turned(angle):
        return stage.frame([(turned_sprite(vertices, angle, 110, (200, 40, 40), (30, 30, 30), 3), (256.0, 256.0))])

    turn = np.stack([turned(a) for a in np.linspace(0, 30, 13)])
    start, end = turn[0].astype(np.float32), turn[-1].astype(np.float32)
    fade = np.stack([np.rint(start + (end - start) * k / 12).astype(np.uint8) for k in range(13)])
    shown, faded = (judge_polygon_turn(frames, turn[0], polygon, (200, 40, 40), 30.0, 0.2, 0.5)[0] for frames in (turn, fade))
    assert shown.process == 1.0 and faded.end == 1.0 and faded.process == 0.0

    square = TurningPolygon(((-40.0, -40.0), (40.0, -40.0), (40.0, 40.0), (-40.0, 40.0)), (256.0, 256.0), 130, 3, 4, 40.0)
    whole = np.stack([stage.frame([(turned_sprite(square.vertices, a, 130, (200, 40, 40), (30, 30, 30), 3), (256.0, 256.0))])
                      for a in np.linspace(0, 90, 16)])
    assert judge_polygon_turn(whole, whole[0], square, (200, 40, 40), 90.0, 0.2, 0.5)[0].process > 0.9
