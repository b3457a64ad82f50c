"""G-248 specifications: the mirror measure, the generator's rejections, and the scorer on right and wrong marks."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g248_mark_asymmetrical_shape.generator import (
    EVEN_KINDS,
    MIN_ASYMMETRY,
    ODD_KINDS,
    AsymmetricalShapeGenerator,
    Solution,
    asymmetrical_one,
    is_simple,
    kind_points,
    mirror_match,
    placed,
)

KEY = "G-248_mark_asymmetrical_shape"


@pytest.mark.parametrize("kind", EVEN_KINDS + ODD_KINDS)
def test_every_symmetric_kind_matches_its_mirror_image_however_turned(kind):
    assert mirror_match(placed(kind_points(kind, 0.6), (100.0, 100.0), 40.0, 0.77)) >= 0.97


def test_a_scalene_shape_does_not_match_its_mirror_image():
    assert mirror_match([(0.0, 0.0), (10.0, 0.0), (8.0, 3.0)]) < 1 - MIN_ASYMMETRY


def test_a_crossed_outline_is_not_simple():
    assert not is_simple([(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)])
    assert is_simple([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)])


@pytest.mark.parametrize("mirror", [[1.0, 0.8, 0.7], [1.0, 0.99, 0.995], [1.0, 0.8, 0.92]])
def test_none_several_or_an_unclear_asymmetric_shape_is_rejected(mirror):
    with pytest.raises(Reject, match="ambiguous"):
        asymmetrical_one(mirror)


def test_the_target_is_the_only_asymmetric_shape_at_every_difficulty():
    for seed in range(9):
        sample = first_accepted_sample(AsymmetricalShapeGenerator, seed, {"difficulty": seed % 3})
        s = sample.solution
        assert [k for k, m in enumerate(s.mirror) if m < 0.95] == [s.target]
        assert sample.params.odd_sided == any(k in ODD_KINDS for k in s.kinds)


def _ringed(folder, center, radius, frames=6):
    """The first frame held 0.25 s, a ring drawn around ``center``, then held 0.25 s (short: tests stay cheap)."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 6 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_a_ring_on_a_symmetric_shape_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        wrong = int(np.argsort(s.mirror)[1])  # the least symmetric of the symmetric shapes
        result = score_frames(samples[0], _ringed(samples[0], s.centers[wrong], s.ring_radius), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    def test_two_shapes_marked_at_once_score_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        other = (s.target + 1) % len(s.kinds)
        frames = _ringed(samples[0], s.centers[s.target], s.ring_radius)
        both = ring_image(frames[-1], s.centers[other], s.ring_radius)
        assert score_frames(samples[0], frames + [both] * 6, tmp_path).value == 0

    def test_a_dot_on_the_right_shape_scores_high(self, samples, tmp_path):
        s = self.solution(samples[0])
        first = read_png(samples[0] / "first_frame.png")
        dot = ring_image(first, s.centers[s.target], s.ring_radius * 0.2, width=int(s.ring_radius * 0.2) + 1)
        assert score_frames(samples[0], [first] * 6 + [dot] * 6, tmp_path).value >= 0.85


def test_the_distorted_shape_keeps_its_centre_and_its_traced_outline_counts(tmp_path):
    """0.2.0 regression: on seed 7's sample 6 a distortion pushed an edge of the odd shape past its given centre, and
    its outline traced in red (the 'outline_traced' alternative) did not surround that point: it scored 0. The
    distorted outline now keeps its centre inside, and the traced outline counts."""
    import cv2
    from vbvr_core.judge.alternatives import recreate
    from vbvr_core.media.video import held
    from vbvr_core.testing.helpers import make_samples

    sample = make_samples(KEY, tmp_path / "samples", count=7, seed=7)[6]
    solution = load_record(sample).solution
    outline = np.asarray(solution["outlines"][solution["target"]], np.float32).reshape(-1, 1, 2)
    assert cv2.pointPolygonTest(outline, tuple(solution["centers"][solution["target"]]), True) > 0
    drawn = recreate(sample)
    traced = drawn.generator.alternatives(drawn.sample)["outline_traced"]
    assert score_frames(sample, held(traced(), drawn.sample.hold_frames), tmp_path).value >= 0.9
