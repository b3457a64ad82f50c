"""G-13 regression (0.2.0): a fast eased walk hops two cells round a corner between frames; the hop is bridged
through the corner the agent turned round (the family tracker's centre-aware bridging), so the numbers it
turned on are still visited in order."""

from __future__ import annotations

import numpy as np
from vbvr_core.judge.variants import legitimate_variants
from vbvr_core.media.video import read_video
from vbvr_core.testing.contract import contract_samples
from vbvr_core.testing.helpers import score_frames

KEY = "G-13_grid_number_sequence"


def test_eased_ground_truth_played_faster_keeps_its_numbers_in_order(tmp_path_factory, tmp_path):
    # seed 7, sample 4: eased and 1.5x faster, the walk is seen on either side of a corner it turns on
    sample = contract_samples(tmp_path_factory, KEY, count=5, seed=7)[4]
    truth = read_video(sample / "ground_truth.mp4", size=512).frames
    eased = np.stack(list(legitimate_variants(truth)["ease"].frames()))
    faster = list(legitimate_variants(eased)["fast_1.5x"].frames())
    result = score_frames(sample, faster, tmp_path, "ease_fast.mp4")
    assert result.parts["order"] == 1 and result.value >= 0.9, result.reason
