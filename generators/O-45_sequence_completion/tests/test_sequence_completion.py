"""O-45 specifications: the rules, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import itertools
import json

import pytest
from vbvr_core.draw import BACKGROUNDS
from vbvr_core.families.fill_in.draw import reveal_frames
from vbvr_core.judge.alternatives import declared, recreate
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import make_samples, score_baseline, score_frames
from vbvr_o45_sequence_completion.generator import (
    RowScene,
    SequenceCompletionGenerator,
    fitting_predictions,
    number_sequence,
    undetermined,
)

KEY = "O-45_sequence_completion"


def test_each_number_rule_predicts_its_next_term():
    assert fitting_predictions(number_sequence("geometric", 3, 2, 4)) == {"geometric": 48}
    assert fitting_predictions([1, 1, 2, 3, 5]) == {"fibonacci": 8}
    assert fitting_predictions([4, 9, 16, 25]) == {"square": 36}
    assert fitting_predictions([7, 4, 1, -2]) == {"arithmetic": -5}


def test_three_numbers_can_fit_two_rules():
    assert fitting_predictions([1, 2, 3]) == {"arithmetic": 4, "fibonacci": 5}


def test_ambiguous_numbers_are_rejected():
    problem = undetermined("fibonacci", [{"number": n} for n in (1, 2, 3, 5)], font_size=40)
    assert problem and "ambiguous" in problem


def test_cycle_not_seen_repeating_is_rejected():
    cycle = [{"shape": shape, "color": "red"} for shape in ("circle", "square", "star")]
    assert undetermined("shape_cycle", cycle + cycle + cycle[:1], font_size=40) is None
    assert "undetermined" in undetermined("shape_cycle", cycle + cycle[:1], font_size=40)


def test_fixed_step_shapes_the_first_number_drawn():
    params = SequenceCompletionGenerator(5, {"kind": "arithmetic", "difficulty": 1, "step": -5, "length": 8}).params
    assert params.step == -5 and params.first >= 35  # the seventh term must stay ≥ 0


def _answer_video(folder, answer):
    """The sample's row with ``answer`` wiped into the question-mark box (at the row's font size)."""
    record = load_record(folder)
    p = SequenceCompletionGenerator.Params(**record.params)
    scene = RowScene(p.length, p.gap, p.row_offset, BACKGROUNDS[p.background])
    elements = record.solution["elements"]
    first = read_png(folder / "first_frame.png")
    final = scene.render(elements[:-1] + [answer], question=False, row=elements + [answer])
    frames = reveal_frames(first, final, [tuple(record.solution["target_box"])], 20)
    return list(itertools.chain([first] * 10, frames, [final] * 10))


@pytest.mark.parametrize("params, wrong", [
    ({"kind": "arithmetic", "length": 6, "first": 12, "step": 3}, {"number": 30}),
    ({"kind": "square", "length": 6, "first": 3}, {"number": 63}),
])
def test_wrong_number_scores_low(tmp_path, params, wrong):
    folder = make_samples(KEY, tmp_path, count=1, seed=3, params=params)[0]
    assert score_frames(folder, _answer_video(folder, json.loads(json.dumps(wrong))), tmp_path).value < 0.2
    right = load_record(folder).solution["answer"]
    assert score_frames(folder, _answer_video(folder, right), tmp_path, "right.mp4").value > 0.95


def test_wrong_shape_scores_low(tmp_path):
    folder = make_samples(KEY, tmp_path, count=1, seed=4, params={"kind": "shape_cycle", "period": 3})[0]
    answer = load_record(folder).solution["answer"]
    wrong = {"shape": "star" if answer["shape"] != "star" else "circle", "color": answer["color"]}
    assert score_frames(folder, _answer_video(folder, wrong), tmp_path).value < 0.2


def test_rewriting_a_given_term_is_a_wrong_answer(tmp_path):
    # The right answer drawn in, but the first term replaced by the question-mark box: most of the picture is
    # unchanged (0.86 under 0.2.0, as the mirrored first frame of a symmetric row scored), yet it is no answer.
    folder = make_samples(KEY, tmp_path, count=1, seed=3, params={"kind": "arithmetic", "length": 6})[0]
    solution = load_record(folder).solution
    frames = _answer_video(folder, solution["answer"])
    (left, top, right, bottom), (x0, y0, x1, y1) = solution["target_box"], solution["given_boxes"][0]
    rewritten = frames[-1].copy()
    rewritten[y0:y1, x0:x1] = frames[0][top:bottom, left:right]
    assert score_frames(folder, frames, tmp_path, "right.mp4").value > 0.95
    assert score_frames(folder, frames[:-10] + [rewritten] * 10, tmp_path).value < 0.1


class TestContract(SampleContract):
    key = KEY

    def test_cut_to_the_answer_keeps_most_credit(self, samples, tmp_path):
        # process_required=False: a cut to the right answer is a right answer.
        assert 0.9 <= score_baseline("final", samples[0], tmp_path) <= 1.0

    def test_redrawing_the_whole_row_is_penalised(self, samples, tmp_path):
        final = read_png(samples[0] / "final_frame.png")
        shifted = final.copy()
        shifted[:, 8:] = final[:, :-8]
        frames = [read_png(samples[0] / "first_frame.png")] * 10 + [shifted] * 20
        assert score_frames(samples[0], frames, tmp_path).value < 0.3


@pytest.fixture(scope="module")
def number_samples(tmp_path_factory):
    """Two arithmetic samples and one whose answer is 7 (3, 4, 5, 6, 7: the question mark must not read as it)."""
    root = tmp_path_factory.mktemp("numbers")
    drawn = make_samples(KEY, root / "drawn", count=2, seed=12, params={"kind": "arithmetic"})
    seven = make_samples(KEY, root / "seven", count=1, seed=3,
                         params={"kind": "arithmetic", "first": 3, "step": 1, "length": 5})
    return drawn + seven


def test_a_wrong_number_drawn_like_ours_is_not_taken_for_the_answer(number_samples, tmp_path):
    for folder in number_samples:
        params = {"kind": "arithmetic"} if folder.parent.parent.name == "drawn" else \
            {"kind": "arithmetic", "first": 3, "step": 1, "length": 5}
        made = recreate(folder, params)
        # the right answer plus one, drawn exactly like ours: its pixels are close to the answer's, its reading is not
        wrong = declared(made.generator, made.sample, "near_misses")["off_by_one"]
        assert score_frames(folder, list(wrong()), tmp_path, f"{folder.name}-wrong.mp4").value <= 0.1
        assert score_frames(folder, list(made.sample.trajectory()), tmp_path, f"{folder.name}-truth.mp4").value >= 0.98
        assert score_baseline("static", folder, tmp_path) <= 0.1
