"""O-34 regression (0.2.0): joining the last dot back to the first is an extra link, even where that line runs
over a dot between (seed 7, sample 0: the closing line from dot 5 to dot 1 grazes dot 4 and scored 1.00)."""

from __future__ import annotations

import pytest
from vbvr_core.judge.alternatives import declared, recreate
from vbvr_core.media.video import held
from vbvr_core.testing.contract import contract_samples
from vbvr_core.testing.helpers import score_baseline, score_frames

KEY = "O-34_dot_to_dot_task"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=1, seed=7)[0]


def test_the_closing_link_over_a_dot_is_an_extra_link(sample, tmp_path):
    made = recreate(sample)
    closed = declared(made.generator, made.sample, "near_misses")["closed_loop"]
    result = score_frames(sample, list(held(closed(), made.sample.hold_frames)), tmp_path, "closed_loop.mp4")
    n = len(made.sample.solution.centers)
    assert result.parts["extra"] == pytest.approx(0.3) and f"(0, {n - 1})" in result.reason, result.reason
    assert result.value < score_baseline("oracle", sample, tmp_path) and result.value <= 0.3
