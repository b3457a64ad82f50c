"""O-33 specifications: counting, the label reader, determinism, validation, and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.media.frames import resize_frame
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_baseline, score_frames
from vbvr_o33_counting_object.generator import CountingGenerator
from vbvr_o33_counting_object.label import with_label
from vbvr_o33_counting_object.scorer import read_count

KEY = "O-33_counting_object"


def test_only_the_asked_kind_is_counted():
    sample = CountingGenerator(3, {"mode": "kind", "count": 6, "distractors": 5}).generate()
    solution = sample.solution
    assert solution["answer"] == 6 == sum(kind == solution["asked_kind"] for kind in solution["kinds"])
    assert len(solution["kinds"]) == 11 and sorted(solution["visit_order"]) == sorted(solution["counted"])


def test_every_object_is_counted_when_all_are_asked():
    sample = CountingGenerator(4, {"mode": "all_mixed", "count": 9}).generate()
    assert sample.solution["answer"] == 9 == len(sample.solution["kinds"]) and sample.solution["asked_kind"] is None


@pytest.mark.parametrize("count", [1, 7, 11, 17, 71])
def test_label_reader_tells_counts_apart_at_256(count):
    empty = resize_frame(to_frame(new_canvas((240, 240, 240))), 256)
    shown = resize_frame(with_label(to_frame(new_canvas((240, 240, 240))), count), 256)
    assert read_count(shown, empty, 80)[0] == count


def test_label_reader_sees_no_label_on_the_plain_scene():
    empty = resize_frame(to_frame(new_canvas()), 256)
    assert read_count(empty, empty, 40)[0] is None


def test_label_reader_tolerates_a_small_shift():
    frame = with_label(to_frame(new_canvas()), 12)
    shifted = np.roll(frame, (6, -6), axis=(0, 1))
    assert read_count(resize_frame(shifted, 256), resize_frame(to_frame(new_canvas()), 256), 40)[0] == 12


def test_touching_objects_are_rejected():
    generator = CountingGenerator(1, {"mode": "all_same", "count": 4})
    sample = generator.generate()
    sample.solution["centers"][1] = list(sample.solution["centers"][0])
    assert any("occlusion" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="count"):
        CountingGenerator(0, {"count": 0})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def test_ground_truth_videos_last_at_most_130_frames(samples):
    assert all(load_record(folder).video.frames <= 130 for folder in samples)


def test_answer_without_the_counting_keeps_most_credit(samples, tmp_path):
    # The process is not required: a cut to the answer loses only the highlighting share.
    assert score_baseline("final", samples[0], tmp_path) == pytest.approx(0.85)


def test_count_off_by_one_scores_zero(samples, tmp_path):
    folder = samples[0]
    answer = json.loads((folder / "metadata.json").read_text())["solution"]["answer"]
    first = read_png(folder / "first_frame.png")
    wrong = with_label(first, answer + 1)
    result = score_frames(folder, [first] * 12 + [wrong] * 12, tmp_path)
    assert result.value == 0 and result.parts["answer"] == 0 and "shows" in result.reason


def test_removing_an_object_costs_credit(samples, tmp_path):
    folder = samples[0]
    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    first = read_png(folder / "first_frame.png")
    final = read_png(folder / "final_frame.png").copy()
    x, y = (int(v) for v in solution["centers"][0])
    half = int(solution["sizes"][0] / 2) + 2
    final[y - half:y + half, x - half:x + half] = first[2, 2]
    result = score_frames(folder, [first] * 12 + [final] * 12, tmp_path)
    assert result.parts["intact"] < 1 and result.value < 0.85


def test_drawn_instances_are_diverse():
    hashes = {CountingGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30
