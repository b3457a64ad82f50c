"""The rotation family's shared pieces (issue 14): the turning tasks' outlines, steady turn videos and near misses,
the stated-turn judge and the scene/turn parts every shape-turning scorer adds."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.contract import Score
from vbvr_core.families.rotation.draw import (
    centred,
    polygon_sprite,
    rotate_points,
    steady_turn,
    turn_near_misses,
    turned_sprite,
    turning_outline,
)
from vbvr_core.families.rotation.judge import (
    CLIP_SIZE,
    hold_title,
    judge_stated_turn,
    judge_turn,
    turn_clip,
    turn_parts,
)
from vbvr_core.families.rotation.track import colour_seen
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import JUDGE_FPS


@pytest.mark.parametrize("kind", ["ellipse", "arrow", "irregular", "triangle", "square", "pentagon", "star"])
def test_turning_outline_is_centred_and_within_reach(kind):
    points = turning_outline(kind, 40.0, np.random.default_rng(3))
    assert max(math.hypot(x, y) for x, y in points) <= 1.25 * 40.0 + 0.01
    assert np.allclose(centred(points), points, atol=0.02)


def test_turning_outline_draws_from_rng_only_where_documented():
    for kind in ("ellipse", "arrow", "square"):
        rng = np.random.default_rng(5)
        turning_outline(kind, 30.0, rng)
        assert rng.random() == np.random.default_rng(5).random()
    rng = np.random.default_rng(5)
    turning_outline("square", 30.0, rng, random_start=True)
    fresh = np.random.default_rng(5)
    fresh.uniform(0, 90)
    assert rng.random() == fresh.random()
    # The irregular polygon's radii stay between ``least`` and 1.1 radii (before centring moves them a little).
    low = turning_outline("irregular", 30.0, np.random.default_rng(8), least=1.0)
    assert min(math.hypot(x, y) for x, y in low) > 20.0


def test_steady_turn_and_near_misses():
    seen = []
    video = steady_turn(lambda angle: seen.append(angle) or np.zeros((2, 2, 3), np.uint8), 90, 3)
    assert len(list(video())) == 4 and seen == [0.0, 30.0, 60.0, 90.0]
    assert len(list(video())) == 4  # a frame source yields the video afresh
    misses = turn_near_misses(lambda angle: angle, 100, 4)
    assert list(misses) == ["wrong_direction", "short_turn"]
    assert list(misses["wrong_direction"]())[-1] == -100 and list(misses["short_turn"]())[-1] == pytest.approx(60)


def test_judge_stated_turn_scales_tolerances_with_the_angle():
    turn = list(np.linspace(0, 30, 13))
    assert judge_stated_turn(turn, 30.0, 0.15, 0.4, resolution=3.0) == judge_turn(
        turn, 30.0, 4.5, 12.0, resolution=3.0, checkpoints=5, start_tolerance=8.0)
    short = judge_stated_turn([0.0, 10.0, 22.0], 30.0, 0.15, 0.4, resolution=3.0)
    assert 0.0 < short.end < 1.0  # 8° short of 30°: past 0.15 × 30° = 4.5°, within 0.4 × 30° = 12°
    assert judge_stated_turn([None, 5.0], 30.0, 0.15, 0.4, resolution=3.0) is None


def test_turn_parts_and_hold_title():
    judged = judge_turn(list(np.linspace(0, 90, 20)), 90.0, 5.0, 20.0, resolution=3.0)
    verdict = Verdict()
    turn_parts(verdict, judged, 90.0, "no start", "turned {reached:+.0f}° of {target:+.0f}°", "{process:.0%} shown")
    assert verdict.parts == {"start": 1.0, "end": 1.0, "process": 1.0}
    wrong = judge_turn([0.0, 45.0], 90.0, 5.0, 20.0, resolution=3.0)
    verdict = Verdict()
    turn_parts(verdict, wrong, 90.0, "no start", "turned {reached:+.0f}° of {target:+.0f}°", "{process:.0%} shown")
    assert verdict.parts["end"] == 0.0 and "turned +45° of +90°" in verdict.reasons
    frame = np.full((64, 64, 3), 230, np.uint8)
    frame[2:6, 10:50] = 10  # a title in the top band
    verdict = Verdict()
    hold_title(verdict, np.stack([frame, frame]), band=64)
    assert verdict.parts == {"scene_held": 1.0}
    verdict = Verdict()
    hold_title(verdict, np.stack([frame, np.full_like(frame, 230)]), band=64)
    assert verdict.parts == {"scene_held": 0.0} and verdict.reasons


def test_turn_clip_and_colour_seen():
    class Broken:
        def clip(self, size, fps):
            assert (size, fps) == (CLIP_SIZE, JUDGE_FPS)
            return type("Clip", (), {"ok": False, "error": None})()

    assert isinstance(turn_clip(Broken()), Score) and turn_clip(Broken()).value == 0.0
    first = np.full((512, 512, 3), 255, np.uint8)
    first[100:300, 100:300] = (200, 0, 0)
    frames = np.full((2, 256, 256, 3), 250, np.uint8)
    frames[:, 50:150, 50:150] = (180, 20, 20)  # the video shows the red darker
    assert colour_seen(frames, first, (200, 0, 0)) == (180, 20, 20)


def test_turned_sprite_is_the_polygon_turned_about_the_sprite_centre():
    arrow = turning_outline("arrow", 20.0, np.random.default_rng(0))
    turned = turned_sprite(arrow, 30.0, 64, (200, 0, 0), (30, 30, 30), 3)
    expected = polygon_sprite(rotate_points(arrow, (0.0, 0.0), 30.0), 64, (200, 0, 0), (30, 30, 30), 3)
    assert np.array_equal(turned.rgba, expected.rgba)
    assert not np.array_equal(turned.rgba, turned_sprite(arrow, 0.0, 64, (200, 0, 0), (30, 30, 30), 3).rgba)


def test_peak_offset_is_the_parabola_vertex_within_half_a_step():
    from vbvr_core.families.rotation.track import peak_offset

    assert peak_offset(0.5, 1.0, 0.5) == 0.0
    assert peak_offset(0.8, 1.0, 0.4) == pytest.approx(-0.25)  # towards the higher neighbour
    assert peak_offset(0.4, 1.0, 0.8) == pytest.approx(0.25)
    assert peak_offset(1.0, 1.0, 0.0) == -0.5  # clipped
    assert peak_offset(1.0, 0.5, 1.0) == 0.0  # no peak: no shift


def test_turn_scorer_validates_reads_and_stops_on_an_unreadable_video():
    from types import SimpleNamespace

    from vbvr_core.contract import TaskSolution
    from vbvr_core.families.rotation.judge import turn_scorer

    class Turn(TaskSolution):
        degrees: float

    seen = []

    @turn_scorer(Turn)
    def score(sample, solution, clip):
        """The task's own judge."""
        seen.append((solution, clip))
        return Score(value=1.0, parts={}, reason="ok")

    class Video:
        def __init__(self, ok):
            self.ok = ok

        def clip(self, size, fps):
            assert (size, fps) == (CLIP_SIZE, JUDGE_FPS)
            return SimpleNamespace(ok=self.ok, error=None if self.ok else "unreadable", frames=np.zeros((1, 2, 2, 3)))

    sample = SimpleNamespace(solution={"degrees": 90})
    assert score.__doc__ == "The task's own judge." and score.__name__ == "score"
    broken = score(sample, Video(False))
    assert broken.value == 0.0 and broken.reason == "unreadable" and not seen
    assert score(sample, Video(True)).value == 1.0
    assert seen[0][0] == Turn(degrees=90) and seen[0][1].ok
    with pytest.raises(ValueError):
        score(SimpleNamespace(solution={"degrees": "a quarter"}), Video(True))
