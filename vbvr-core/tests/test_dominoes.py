"""The domino family: the chain rule (reach, gaps, forks, ambiguity), the painter and the chain judge."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.contract import TaskParams
from vbvr_core.families.dominoes.chain import (
    FALL_FRAMES,
    KNOCK_FRAMES,
    THICKNESS,
    Domino,
    ambiguous_pairs,
    depth,
    fall,
)
from vbvr_core.families.dominoes.draw import FALLEN, STANDING, chain_frames, paint, progress_at
from vbvr_core.families.dominoes.judge import ground_sizes, judge_chain, judge_solution
from vbvr_core.families.dominoes.scene import ChainScene, ChainSolution
from vbvr_core.media.video import VideoReader, write_video

HEIGHT = 54.0


def _row(gaps: dict[int, float] | None = None, count: int = 7, spacing: float = 0.62) -> list[Domino]:
    """A row facing right; gaps[k] (in heights) replaces the spacing after domino k."""
    x, out = 60.0, []
    for k in range(count):
        out.append(Domino(x, 256.0, 0.0, 24.0))
        x += HEIGHT * (gaps or {}).get(k, spacing)
    return out


def test_a_close_row_falls_through_in_knock_steps():
    result = fall(_row(), HEIGHT)
    assert result.starts == [KNOCK_FRAMES * k for k in range(7)]
    assert result.parents == [None, 0, 1, 2, 3, 4, 5]
    assert depth(result) == 7 and result.frames == 6 * KNOCK_FRAMES + FALL_FRAMES + 1
    assert result.lies[-1] == HEIGHT and result.lies[0] == pytest.approx(0.62 * HEIGHT - 3)


def test_a_wide_gap_stops_the_chain_and_the_last_domino_lies_full_length():
    result = fall(_row({3: 1.8}), HEIGHT)
    assert result.fallen == [0, 1, 2, 3]
    assert result.lies[3] == HEIGHT
    assert not ambiguous_pairs(_row({3: 1.8}), HEIGHT)


def test_a_gap_near_the_reach_is_ambiguous():
    assert (3, 4) in ambiguous_pairs(_row({3: 1.0}), HEIGHT)


def test_a_falling_domino_knocks_the_nearest_only_and_a_fork_knocks_both_branches():
    trunk = [Domino(100.0, 256.0, 0.0, 24.0), Domino(133.0, 256.0, 0.0, 56.0)]
    branches = [Domino(166.0, 240.0, -15.0, 24.0), Domino(166.0, 272.0, 15.0, 24.0)]
    result = fall(trunk + branches, HEIGHT)
    assert result.parents == [None, 0, 1, 1]
    assert result.starts[2] == result.starts[3] == 2 * KNOCK_FRAMES
    assert result.lies[1] < 33.0  # it rests against the turned bars' back corners


def test_paint_shows_standing_bars_and_lying_tiles():
    row = _row({3: 1.8})
    result = fall(row, HEIGHT)
    background = np.full((512, 512, 3), 255, np.uint8)
    first = paint(background, row, result.lies, progress_at(result, 0))
    last = paint(background, row, result.lies, progress_at(result, result.frames - 1))
    assert tuple(first[256, 60]) == STANDING
    middle = int(row[0].x + 12)
    assert tuple(first[256, middle]) == (255, 255, 255) and tuple(last[256, middle]) == FALLEN
    assert tuple(last[256, int(row[5].x)]) == STANDING
    assert min(ground_sizes(row, result.lies)) >= 30
    assert THICKNESS < result.lies[0]


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    row = _row({4: 1.8}, count=8)
    result = fall(row, HEIGHT)
    background = np.full((512, 512, 3), 250, np.uint8)
    frames = list(chain_frames(background, row, result))
    return row, result, frames, tmp_path_factory.mktemp("dominoes")


def _judge(chain, frames, name):
    row, result, _, work = chain
    path = work / f"{name}.mp4"
    write_video(path, frames)
    return judge_chain(VideoReader(path), row, result.lies, result.starts, result.parents)


def test_judge_gives_the_chain_reaction_full_marks(chain):
    frames = chain[2]
    assert _judge(chain, frames[:1] * 6 + frames + frames[-1:] * 6, "truth").value >= 0.98


def test_judge_gives_a_cut_a_static_video_and_a_reversed_one_nothing(chain):
    frames = chain[2]
    assert _judge(chain, frames[:1] * 20 + frames[-1:] * 20, "cut").value == 0
    assert _judge(chain, frames[:1] * 40, "static").value == 0
    assert _judge(chain, frames[::-1], "reversed").value == 0


def test_judge_halves_one_wrong_domino_and_zeroes_the_order_reversed(chain):
    row, result, frames, _ = chain
    background = np.full((512, 512, 3), 250, np.uint8)
    early = list(result.starts)
    early[4] = None  # the last domino before the gap stays standing
    short = list(chain_frames(background, row, result, early))
    verdict = _judge(chain, short + short[-1:] * 6, "early")
    assert verdict.parts["end"] == 0.5 and verdict.value == pytest.approx(0.5)
    backwards = [None if s is None else 16 - s for s in result.starts]
    reversed_order = list(chain_frames(background, row, result, backwards))
    assert _judge(chain, reversed_order + reversed_order[-1:] * 6, "backwards").parts["order"] == 0


def test_a_chain_scene_makes_the_sample_its_alternatives_and_wrong_schedules(chain):
    row, result, frames, work = chain
    background = np.full((512, 512, 3), 250, np.uint8)
    scene = ChainScene(background, row, result)
    facts = scene.facts(HEIGHT)
    solution = ChainSolution(**facts)
    assert solution.dominoes == [(d.x, d.y, d.angle, d.width) for d in row] and solution.height == HEIGHT
    assert (solution.lies, solution.starts, solution.parents) == (result.lies, result.starts, result.parents)
    sample = scene.sample("push it", solution, TaskParams())
    assert (sample.first_frame == frames[0]).all() and (sample.final_frame == frames[-1]).all()
    assert all((a == b).all() for a, b in zip(sample.trajectory(), frames, strict=True))
    assert sample.solution is solution and sample.prompt == "push it"
    early = list(result.starts)
    early[4] = None
    assert all((a == b).all() for a, b in zip(scene.replay(early)(), chain_frames(background, row, result, early),
                                              strict=True))
    recoloured = scene.recoloured()
    assert list(recoloured) == ["fallen_stay_blue", "fallen_brown"]
    assert tuple(list(recoloured["fallen_stay_blue"]())[-1][256, int(row[0].x + 12)]) == STANDING
    # the judge reads a solution as it reads the chain itself
    path = work / "scene.mp4"
    write_video(path, frames[:1] * 6 + frames + frames[-1:] * 6)
    by_solution = judge_solution(VideoReader(path), solution)
    assert by_solution == judge_chain(VideoReader(path), row, result.lies, result.starts, result.parents)
    assert by_solution.value >= 0.98
