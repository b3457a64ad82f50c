"""G-273 specifications: Archimedes' rule, the answer at every difficulty, the README's table, and the scorer
on the right, the wrong and another style of mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g273_high_density_liquid.generator import HighDensityLiquidGenerator, submerged_share

KEY = "G-273_high_density_liquid"
GENERATOR = HighDensityLiquidGenerator
README = Path(__file__).resolve().parents[1] / "README.md"


def test_a_block_sinks_less_in_a_denser_liquid():
    assert submerged_share(0.6, 1.0) == pytest.approx(0.6)
    assert submerged_share(0.6, 1.5) == pytest.approx(0.4)


def test_the_answer_is_the_block_in_the_denser_liquid_wherever_it_sits_on_the_picture():
    seen_lower = False
    for seed in range(40):
        try:
            sample = GENERATOR(seed, {"difficulty": 2}).generate()
        except Reject:
            continue
        solution, p = sample.solution, sample.params
        assert solution.target == (0 if p.dense_left else 1)
        assert solution.submerged[solution.target] < solution.submerged[1 - solution.target]
        seen_lower |= solution.centers[solution.target][1] > solution.centers[1 - solution.target][1]
    assert seen_lower  # hard samples sometimes put the answer lower on the picture: only the sinking depth tells


class TestContract(SampleContract):
    key = KEY

    def test_wrong_block_scores_zero_and_a_ring_scores_high(self, samples, tmp_path):
        made = recreate(samples[0])
        wrong = list(made.generator.near_misses(made.sample)["lighter_liquid_marked"]())
        assert score_frames(samples[0], wrong[:1] * 12 + wrong + wrong[-1:] * 12, tmp_path, "wrong.mp4").value == 0
        ring = list(made.generator.alternatives(made.sample)["ring"]())
        assert score_frames(samples[0], ring[:1] * 12 + ring + ring[-1:] * 12, tmp_path, "ring.mp4").value >= 0.9
