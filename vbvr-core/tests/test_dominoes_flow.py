"""The domino family's generator flow (ChainGenerator) and its scorer named in a plugin (score_chain)."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pytest
from vbvr_core.contract import TaskParams
from vbvr_core.families.dominoes.chain import Domino, fall
from vbvr_core.families.dominoes.draw import chain_frames
from vbvr_core.families.dominoes.judge import judge_solution, score_chain
from vbvr_core.families.dominoes.scene import ChainSolution
from vbvr_core.families.dominoes.task import ChainGenerator
from vbvr_core.media.video import VideoReader, write_video
from vbvr_core.pipeline.generator import Reject

HEIGHT = 54.0
FLOOR = np.full((512, 512, 3), 250, np.uint8)


@dataclass
class Row:
    dominoes: list[Domino]


def _row(count: int, spacing: float = 0.62, gap_after: int | None = None) -> Row:
    x, out = 60.0, []
    for k in range(count):
        out.append(Domino(x, 256.0, 0.0, 24.0))
        x += HEIGHT * (1.8 if k == gap_after else spacing)
    return Row(out)


class Params(TaskParams):
    count: int = 7


class Solution(ChainSolution):
    count: int


class RowGenerator(ChainGenerator, params=Params, solution=Solution):
    height = HEIGHT

    def lay_out(self) -> Row:
        return _row(self.params.count, gap_after=3)

    def problem(self, row: Row, result) -> str | None:
        return "trivial: too few fall" if len(result.fallen) < 4 else None

    def floor(self, row: Row) -> np.ndarray:
        return FLOOR

    def prompt(self, row: Row) -> str:
        return f"push the first of {len(row.dominoes)}"

    def facts(self, row: Row) -> dict[str, int]:
        return {"count": len(row.dominoes)}


def test_a_chain_generator_lays_out_solves_and_draws_the_chain():
    generator = RowGenerator(0, {"difficulty": 0})
    sample = generator.generate()
    result = fall(_row(7, gap_after=3).dominoes, HEIGHT)
    frames = list(chain_frames(FLOOR, generator.layout.dominoes, result))
    assert (sample.first_frame == frames[0]).all() and (sample.final_frame == frames[-1]).all()
    assert sample.prompt == "push the first of 7" and sample.solution.count == 7
    assert sample.solution.starts == result.starts and sample.solution.height == HEIGHT
    assert generator.chain.result.fallen == [0, 1, 2, 3]
    assert list(generator.alternatives(sample)) == ["fallen_stay_blue", "fallen_brown"]


def test_the_task_problem_and_a_too_small_ground_are_rejected():
    class Short(RowGenerator):
        def lay_out(self) -> Row:
            return _row(5, gap_after=1)

    with pytest.raises(Reject, match="too few fall"):
        Short(0, {"difficulty": 0}).generate()

    class Crowded(RowGenerator):
        def lay_out(self) -> Row:
            return _row(7, spacing=0.3, gap_after=5)

    with pytest.raises(Reject, match="too little free ground"):
        Crowded(0, {"difficulty": 0}).generate()


def test_score_chain_judges_the_chain_fields_of_a_solution_with_facts_of_its_own(tmp_path):
    generator = RowGenerator(0, {"difficulty": 0})
    sample = generator.generate()
    frames = list(sample.trajectory())
    path = tmp_path / "truth.mp4"
    write_video(path, frames[:1] * 6 + frames + frames[-1:] * 6)
    stored = sample.solution.model_dump(mode="json")
    scored = score_chain(SimpleNamespace(solution=stored), VideoReader(path))
    assert scored == judge_solution(VideoReader(path), sample.solution) and scored.value >= 0.98
