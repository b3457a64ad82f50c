"""G-202 specifications: the wave's construction, its peaks, the rejections, and the scorer on right and wrong marks."""

from __future__ import annotations

import pytest
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g202_mark_wave_peaks.generator import (
    Solution,
    WavePeaksGenerator,
    find_peaks,
    prominence_problem,
    wave_points,
)

KEY = "G-202_mark_wave_peaks"
EXTREMA = [(40.0, 300.0), (100.0, 150.0), (160.0, 320.0), (220.0, 200.0), (280.0, 330.0)]


def test_the_curve_has_exactly_its_crests_as_peaks():
    curve = wave_points(EXTREMA)
    assert [curve[k] for k in find_peaks(curve)] == [EXTREMA[1], EXTREMA[3]]
    xs = [x for x, _ in curve]
    assert xs == sorted(xs)


def test_a_shallow_crest_and_a_curve_off_the_canvas_are_rejected():
    shallow = [(40.0, 300.0), (100.0, 150.0), (160.0, 170.0), (220.0, 140.0), (280.0, 330.0)]
    assert "ambiguous" in prominence_problem(shallow, 90)
    assert "out of bounds" in prominence_problem([(40.0, 300.0), (100.0, 10.0), (160.0, 300.0)], 90)
    assert prominence_problem(EXTREMA, 90) is None


def test_peaks_are_the_crests_and_marks_stay_apart():
    for seed in range(3):
        s = first_accepted_sample(WavePeaksGenerator, seed, {"difficulty": seed % 3})
        sol = s.solution
        assert sol.peaks == list(range(1, 2 * s.params.num_peaks, 2))
        assert prominence_problem(sol.extrema, s.params.amplitude) is None


def test_drawn_instances_are_diverse():
    assert len({hash(first_accepted_sample(WavePeaksGenerator, 100 * seed).first_frame.tobytes())
                for seed in range(8)}) == 8


def _marked(folder, points, radius=12.0, frames=5):
    first = read_png(folder / "first_frame.png")
    out, base = [first] * 3, first
    for point in points:
        out += list(ring_sweep(base, point, radius, frames, width=3))
        base = out[-1]
    return out + [base] * 6


class TestContract(SampleContract):
    key = KEY
    params = {"difficulty": 1, "num_peaks": 3}

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_one_peak_missed_scores_zero(self, samples, tmp_path):
        s = self.solution(samples[0])
        result = score_frames(samples[0], _marked(samples[0], [s.extrema[k] for k in s.peaks[1:]]), tmp_path)
        assert result.value == 0 and result.parts["selection"] == 0

    @pytest.mark.parametrize("extra", ["trough", "slope"])
    def test_a_trough_or_a_slope_marked_too_scores_zero(self, samples, tmp_path, extra):
        s = self.solution(samples[0])
        points = [s.extrema[k] for k in s.peaks]
        if extra == "trough":
            points.append(s.extrema[2])
        else:
            (x0, y0), (x1, y1) = s.extrema[1], s.extrema[2]
            points.append(((x0 + x1) / 2, (y0 + y1) / 2))
        assert score_frames(samples[0], _marked(samples[0], points), tmp_path).value == 0
