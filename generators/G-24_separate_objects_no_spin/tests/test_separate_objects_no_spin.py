"""G-24 specifications: the layout, the refused instances, the ground truth, and the near misses scored below it."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.judge.alternatives import recreate
from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g24_separate_objects_no_spin.generator import SeparateObjectsNoSpinGenerator

KEY = "G-24_separate_objects_no_spin"


def held(frames: list[np.ndarray]) -> list[np.ndarray]:
    """Both ends held half a second, as the ground truth is saved."""
    return frames[:1] * 12 + frames + frames[-1:] * 12


def test_pieces_slide_straight_right_unturned_into_their_outlines():
    sample = SeparateObjectsNoSpinGenerator(3, {"difficulty": 2}).generate()
    pieces = sample.solution.pieces
    assert len({piece.kind for piece in pieces}) == len(pieces) == len({piece.color_name for piece in pieces})
    for piece in pieces:
        assert piece.turn == 0 and piece.start[1] == piece.target[1] and piece.target[0] > piece.start[0] + 40


def test_the_slide_is_short_like_the_official_clip():
    """The slide takes 16–20 frames (the official sibling G-25 slides in 18): generation cost grows with frames."""
    for seed in range(3):
        generator = SeparateObjectsNoSpinGenerator(seed, {"difficulty": seed})
        frames = list(generator.generate().trajectory())
        assert 16 <= generator.params.move_frames <= 20 and len(frames) == generator.params.move_frames + 1


def test_pieces_too_large_for_the_left_side_are_rejected():
    with pytest.raises(Reject, match="do not fit"):
        SeparateObjectsNoSpinGenerator(0, {"num_objects": 5, "size": 44}).generate()


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 0}  # two or three pieces: scoring stays cheap; recreate() finds the draw again

    @pytest.mark.parametrize("name", ["spun_on_the_way", "one_stops_short"])
    def test_near_misses_score_clearly_below_the_oracle(self, samples, tmp_path, name):
        recreated = recreate(samples[0])
        frames = list(recreated.generator.near_misses(recreated.sample)[name]())
        result = score_frames(samples[0], held(frames), tmp_path)
        assert result.value < 0.75, result.reason
        assert (result.parts["orientation"] if name == "spun_on_the_way" else result.parts["arrive"]) < 1
