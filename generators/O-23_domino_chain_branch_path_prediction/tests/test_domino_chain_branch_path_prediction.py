"""O-23 specifications: the Y's layout and chain, rejections, the README's table, and the scorer on near misses."""

from __future__ import annotations

from pathlib import Path

import pytest
from vbvr_core.families.dominoes.chain import fall
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.produce import draw
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o23_domino_chain_branch_path_prediction.generator import (
    HEIGHT,
    DominoChainBranchPathPredictionGenerator,
    build_layout,
)

KEY = "O-23_domino_chain_branch_path_prediction"
GENERATOR = DominoChainBranchPathPredictionGenerator
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("blocked", ["none", "a", "both"])
def test_blocked_branches_stop_at_their_gap_and_open_ones_fall_to_the_end(blocked):
    for seed in range(30):
        generator = GENERATOR(seed, {"blocked": blocked, "heading": 0, "difficulty": 1})
        try:
            layout = build_layout(generator.params, generator.rng)
        except Reject:
            continue
        result = fall(layout.dominoes, HEIGHT)
        for branch, members in enumerate(layout.branches):
            fallen = [result.starts[i] is not None for i in members]
            if branch in layout.gaps:
                stop = members.index(layout.gaps[branch])
                assert fallen == [k <= stop for k in range(len(members))]
                assert result.lies[layout.gaps[branch]] == HEIGHT
            else:
                assert all(fallen)
        assert set(layout.gaps) == {"none": set(), "a": {0}, "both": {0, 1}}[blocked]
        return
    pytest.fail("no layout drawn in 30 seeds")


def test_a_y_too_large_for_the_canvas_is_rejected():
    big = {"trunk": 6, "branch_a": 8, "branch_b": 8, "spacing": 0.72, "gap": 2.8, "blocked": "both", "spread": 25}
    with pytest.raises(Reject, match="out of bounds"):
        GENERATOR(1, big).generate()


class TestContract(SampleContract):
    key = KEY
    params = {"trunk": 3, "branch_a": 3, "branch_b": 4, "blocked": "a"}  # short chains keep the test cheap

    def test_near_misses_score_below_the_truth_and_alternatives_keep_full_marks(self, samples, tmp_path):
        record = load_record(samples[0])
        made = draw(KEY, record.seed, index=record.index, params=self.params, first_attempt=record.attempt,
                    max_attempts=1)
        misses = made.generator.near_misses(made.sample)
        assert set(misses) == {"through_gap_a", "stops_early_a", "stops_at_fork"}
        for name in ("through_gap_a",):
            assert score_frames(samples[0], list(misses[name]()), tmp_path, f"{name}.mp4").value <= 0.5, name
        source = made.generator.alternatives(made.sample)["fallen_stay_blue"]
        assert score_frames(samples[0], list(source()), tmp_path, "blue.mp4").value >= 0.95
