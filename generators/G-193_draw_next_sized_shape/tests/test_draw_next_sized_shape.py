"""G-193 specifications: the pattern solver, rejections, and the scorer on right and wrong shapes."""

from __future__ import annotations

import pytest
from vbvr_core.draw import PALETTE
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g193_draw_next_sized_shape.generator import (
    PATTERNS,
    DrawNextSizedShapeGenerator,
    Solution,
    next_class,
    shape_image,
)

KEY = "G-193_draw_next_sized_shape"


@pytest.mark.parametrize(("shown", "expected"), [([0, 1, 2, 0, 1], 2), ([2, 0, 1, 2, 0, 1], 2),
                                                 ([0, 1, 2, 1, 0, 1], 2), ([1, 2, 1, 0, 1, 2], 1)])
def test_the_next_class_continues_the_shortest_period(shown, expected):
    assert next_class(shown) == expected


def test_a_row_not_seen_twice_over_is_rejected():
    with pytest.raises(Reject, match="ambiguous"):
        next_class([0, 1, 2, 0])


def test_every_stratum_draws_a_solvable_row():
    for seed in range(6):
        generator = DrawNextSizedShapeGenerator(seed, {"difficulty": seed % 3})
        s = generator.generate().solution
        pattern = PATTERNS[generator.params.pattern]
        assert s.answer == pattern[(generator.params.phase + len(s.classes)) % len(pattern)]
        assert s.radii[0] > s.radii[1] > s.radii[2] >= 12


def _drawn(folder, size_class=None, kind=None):
    """The first frame held 0.5 s, then a shape (the answer unless told otherwise) in the box, held 0.5 s."""
    s = Solution.model_validate(load_record(folder).solution)
    first = read_png(folder / "first_frame.png")
    radius = s.radii[s.answer if size_class is None else size_class]
    frames = [shape_image(first, kind or s.kind, s.centers[-1], radius * k / 8, PALETTE[s.color]) for k in range(1, 9)]
    return [first] * 6 + frames + frames[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"grow_frames": 8}  # short videos: the checks need the structure, not the length

    def test_the_neighbouring_size_scores_zero(self, samples, tmp_path):
        s = Solution.model_validate(load_record(samples[0]).solution)
        wrong = 1 if s.answer != 1 else 0
        result = score_frames(samples[0], _drawn(samples[0], size_class=wrong), tmp_path)
        assert result.value == 0 and result.parts["size"] == 0

    def test_the_right_shape_scores_full(self, samples, tmp_path):
        assert score_frames(samples[0], _drawn(samples[0]), tmp_path).value >= 0.98
