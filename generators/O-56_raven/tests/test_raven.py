"""O-56 specifications: rule inference, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from vbvr_core.draw import BACKGROUNDS, PALETTE
from vbvr_core.families.fill_in.draw import reveal_frames
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import make_samples, score_baseline, score_frames
from vbvr_o56_raven.generator import (
    DOMAINS,
    PANEL_FILLS,
    PANEL_LINES,
    MatrixScene,
    RavenGenerator,
    ambiguity,
    build,
    predictions,
)

KEY = "O-56_raven"


def test_each_rule_predicts_the_missing_value():
    assert predictions([[2, 2, 2], [0, 0, 0], [1, 1, 9]], 4) == {"constant": 1}
    assert predictions([[0, 1, 2], [1, 2, 3], [0, 1, 9]], 4) == {"progression+1": 2}
    assert predictions([[4, 0, 2], [0, 2, 4], [2, 4, 9]], 7) == {"distribute_three": 0}


def test_rows_that_fit_two_rules_with_different_answers_are_detected():
    # Rows 0,1,2 / 0,1,2 are a progression (→ 2 after 0,1) and a distribute-three of {0,1,2} (→ 2): agree.
    assert set(predictions([[0, 1, 2], [0, 1, 2], [0, 1, 9]], 4).values()) == {2}
    # Rows 1,2,3 / 1,2,3 with 2,3 shown: a progression gives 4, a distribute-three of {1,2,3} gives 1.
    assert predictions([[1, 2, 3], [1, 2, 3], [2, 3, 9]], 5) == {"progression+1": 4, "distribute_three": 1}


def test_built_tables_follow_their_rule():
    rng = np.random.default_rng(0)
    for rule in ("constant", "progression", "distribute_three"):
        for _ in range(20):
            table = build(rule, 4, rng)
            assert all(0 <= v < 4 for row in table for v in row)
            assert table[2][2] in predictions(table, 4).values()


def test_ambiguous_matrix_is_rejected():
    tables = {name: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] for name in DOMAINS}
    assert ambiguity(tables) is None
    tables["color"] = [[0, 1, 2], [1, 2, 0], [2, 2, 1]]
    assert "color" in ambiguity(tables)


def _panel_video(folder, change):
    """The sample's matrix with the missing panel drawn with attribute ``change`` = (name, new index)."""
    record = load_record(folder)
    p = RavenGenerator.Params(**record.params)
    solution = record.solution
    colors = [PALETTE[name] for name in solution["colors"]]
    scene = MatrixScene(p.margin, p.gap, BACKGROUNDS[p.background], PANEL_FILLS[p.panel_style % len(PANEL_FILLS)],
                        PANEL_LINES[p.panel_style // len(PANEL_FILLS)], colors, solution["shapes"])
    panels = {(row, col): {name: solution["tables"][name][row][col] for name in DOMAINS}
              for row in range(3) for col in range(3)}
    if change:
        panels[2, 2][change[0]] = change[1]
    first = read_png(folder / "first_frame.png")
    final = scene.render(panels, question=False)
    return list(itertools.chain([first] * 8, reveal_frames(first, final, [tuple(solution["target_box"])], 16),
                                [final] * 8))


class TestContract(SampleContract):
    key = KEY

    def test_cut_to_the_answer_keeps_most_credit(self, samples, tmp_path):
        # process_required=False: a cut to the right panel is a right answer.
        assert 0.9 <= score_baseline("final", samples[0], tmp_path) <= 1.0

    @pytest.mark.parametrize("attribute", ["shape", "color", "count", "size"])
    def test_a_panel_wrong_in_one_attribute_scores_low(self, samples, tmp_path, attribute):
        folder = samples[0]
        right = load_record(folder).solution["tables"][attribute][2][2]
        wrong = (right + 1) % DOMAINS[attribute]
        assert score_frames(folder, _panel_video(folder, (attribute, wrong)), tmp_path).value < 0.2

    def test_the_right_panel_drawn_again_scores_high(self, samples, tmp_path):
        assert score_frames(samples[0], _panel_video(samples[0], None), tmp_path).value > 0.95


def test_a_mirrored_matrix_whose_rows_repeat_scores_low(tmp_path):
    """0.3.0 regression: seed 7's sample 4 keeps shape, colour, count and size along every row, so its mirror image
    is the matrix with the empty panel moved to the bottom left and the answer in the target: it scored 1.00, as
    the eight shown panels were not judged; they must keep their figures."""
    sample = make_samples(KEY, tmp_path / "samples", count=5, seed=7)[4]
    assert set(load_record(sample).solution["rules"].values()) <= {"fixed", "constant"}
    assert score_baseline("mirror", sample, tmp_path) <= 0.1
