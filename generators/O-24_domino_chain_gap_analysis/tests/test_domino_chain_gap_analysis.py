"""O-24 specifications: the row's spacings and where its chain stops, rejections, the README's table, and the
scorer on near misses."""

from __future__ import annotations

from pathlib import Path

import pydantic
import pytest
from vbvr_core.families.dominoes.chain import fall
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.produce import draw
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o24_domino_chain_gap_analysis.generator import HEIGHT, STRETCH, DominoChainGapAnalysisGenerator, build_row

KEY = "O-24_domino_chain_gap_analysis"
GENERATOR = DominoChainGapAnalysisGenerator
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("leftward", [False, True])
def test_the_chain_crosses_the_stretches_and_stops_at_the_gap(leftward):
    generator = GENERATOR(3, {"count": 9, "stop": 6, "stretches": 2, "gap": 1.6, "leftward": leftward})
    row = build_row(generator.params, generator.rng)
    assert sum(1 for s in row.spacings[:5] if STRETCH[0] <= s <= STRETCH[1]) == 2 and row.spacings[5] == 1.6
    result = fall(row.dominoes, HEIGHT)
    assert result.fallen == list(range(6)) and result.lies[5] == HEIGHT
    xs = [d.x for d in row.dominoes]
    assert xs == sorted(xs, reverse=leftward)


def test_a_stop_leaving_fewer_than_two_standing_dominoes_is_refused():
    with pytest.raises(pydantic.ValidationError, match="at least two dominoes"):
        GENERATOR(0, {"count": 7, "stop": 6})


def test_a_row_too_long_for_the_canvas_is_rejected():
    with pytest.raises(Reject, match="out of bounds"):
        GENERATOR(0, {"count": 12, "stop": 10, "spacing": 0.66, "gap": 2.4, "stretches": 3}).generate()


class TestContract(SampleContract):
    key = KEY
    params = {"count": 7, "stop": 4}  # short rows keep the test cheap

    def test_near_misses_score_below_the_truth_and_alternatives_keep_full_marks(self, samples, tmp_path):
        record = load_record(samples[0])
        made = draw(KEY, record.seed, index=record.index, params=self.params, first_attempt=record.attempt,
                    max_attempts=1)
        misses = made.generator.near_misses(made.sample)
        assert {"through_gap", "stops_early"} <= set(misses)
        assert score_frames(samples[0], list(misses["through_gap"]()), tmp_path, "through.mp4").value <= 0.1
        source = made.generator.alternatives(made.sample)["fallen_stay_blue"]
        assert score_frames(samples[0], list(source()), tmp_path, "blue.mp4").value >= 0.95
