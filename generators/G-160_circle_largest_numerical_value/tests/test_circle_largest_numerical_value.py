"""G-160 specifications: the solver, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.families.marking.draw import ring_sweep
from vbvr_core.pipeline.sample_io import read_png
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_baseline, score_frames
from vbvr_g160_circle_largest_numerical_value.generator import LargestNumberGenerator, format_number, parse_number

KEY = "G-160_circle_largest_numerical_value"


def test_values_are_compared_as_numbers_not_as_text_or_size():
    texts = ["0.75", "0.8", "9.9", "10.2", "-3", "-12"]
    assert max(texts, key=parse_number) == "10.2"
    assert parse_number("0.8") > parse_number("0.75") and parse_number("-3") > parse_number("-12")
    assert format_number(-2.456, 1) == "-2.5" and format_number(7.0, 0) == "7"


def test_solution_marks_the_largest_value_in_every_kind():
    for seed, kind in enumerate(("integers", "close", "mixed")):
        sample = LargestNumberGenerator(seed, {"number_kind": kind, "size_trap": True}).generate()
        values = [parse_number(t) for t in sample.solution["texts"]]
        target = sample.solution["target"]
        assert values[target] == max(values) and sorted(values)[-2] < values[target]
        # The size trap prints the largest value in the smallest font.
        assert sample.solution["font_sizes"][target] == min(sample.solution["font_sizes"])


def test_a_shared_maximum_is_rejected():
    generator = LargestNumberGenerator(1, {"number_kind": "integers"})
    sample = generator.generate()
    top = sample.solution["texts"][sample.solution["target"]]
    other = next(k for k in range(len(sample.solution["texts"])) if k != sample.solution["target"])
    sample.solution["texts"][other] = top
    problems = generator.validate(sample)
    assert any("ambiguous" in problem for problem in problems)


def test_crowded_numbers_are_rejected():
    generator = LargestNumberGenerator(2)
    sample = generator.generate()
    sample.solution["centers"][1] = [sample.solution["centers"][0][0] + 5, sample.solution["centers"][0][1]]
    assert any("cluttered" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="min_font"):
        LargestNumberGenerator(0, {"min_font": 12})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def test_answer_without_the_drawing_keeps_most_credit(samples, tmp_path):
    # The process is not asked for: a cut to the marked frame loses only the "progressive" share.
    assert score_baseline("final", samples[0], tmp_path) == pytest.approx(0.9)


def test_ring_on_the_second_largest_number_scores_zero(samples, tmp_path):
    folder = samples[0]
    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    second = int(np.argsort(solution["values"])[-2])
    first = read_png(folder / "first_frame.png")
    ring = ring_sweep(first, tuple(solution["centers"][second]), solution["ring_radii"][second], 16)
    frames = [first] * 12 + list(ring)
    result = score_frames(folder, frames + frames[-1:] * 12, tmp_path)
    assert result.value == 0 and result.parts["selection"] == 0


def test_ring_around_everything_scores_zero(samples, tmp_path):
    folder = samples[0]
    first = read_png(folder / "first_frame.png")
    frames = [first] * 12 + list(ring_sweep(first, (256, 256), 250, 16))
    assert score_frames(folder, frames + frames[-1:] * 12, tmp_path).value == 0


def test_drawn_instances_are_diverse():
    hashes = {LargestNumberGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30
