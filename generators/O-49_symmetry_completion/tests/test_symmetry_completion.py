"""O-49 specifications: the mirror completion, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import itertools

import numpy as np
from vbvr_core.draw import BACKGROUNDS, GridLayout
from vbvr_core.families.fill_in.draw import reveal_frames
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_baseline, score_frames
from vbvr_o49_symmetry_completion.generator import (
    SymmetryCompletionGenerator,
    copy_complete,
    half_pattern,
    hidden_cells_problem,
    mirror_complete,
    render_pattern,
)

KEY = "O-49_symmetry_completion"


def test_mirror_completion_reflects_each_row():
    left = np.array([[1, 0], [2, 1]])
    assert mirror_complete(left).tolist() == [[1, 0, 0, 1], [2, 1, 1, 2]]
    assert copy_complete(left).tolist() == [[1, 0, 1, 0], [2, 1, 2, 1]]


def test_half_patterns_use_only_their_colours():
    rng = np.random.default_rng(0)
    for kind in ("random", "checkerboard", "diagonal", "increment", "blocks"):
        half = half_pattern(kind, 8, 2, rng)
        assert half.shape == (8, 4) and set(np.unique(half)) <= {0, 1, 2}


def test_copy_that_passes_for_a_mirror_is_rejected():
    assert "ambiguous" in hidden_cells_problem(chance=0.5, copy_disagreement=0.1)


def test_near_uniform_answer_is_rejected():
    assert "trivial" in hidden_cells_problem(chance=5 / 6, copy_disagreement=0.5)
    assert hidden_cells_problem(chance=0.5, copy_disagreement=0.5) is None


def _completion_video(folder, pattern):
    """The sample's grid with its hidden cells filled from ``pattern``."""
    record = load_record(folder)
    p = SymmetryCompletionGenerator.Params(**record.params)
    solution = record.solution
    layout = GridLayout(**solution["layout"])
    first = read_png(folder / "first_frame.png")
    final = render_pattern(layout, p.axis, BACKGROUNDS[p.background], solution["fill_colors"], pattern, set())
    cells = [layout.cell_box(tuple(cell)) for cell in solution["hidden_cells"]]
    return list(itertools.chain([first] * 6, reveal_frames(first, final, cells, 1), [final] * 8))


class TestContract(SampleContract):
    key = KEY

    def test_cut_to_the_answer_keeps_most_credit(self, samples, tmp_path):
        # process_required=False: a cut to the completed pattern is a right answer.
        assert 0.9 <= score_baseline("final", samples[0], tmp_path) <= 1.0

    def test_completed_pattern_is_symmetric(self, samples):
        for folder in samples:
            solution = load_record(folder).solution
            pattern = np.asarray(solution["pattern"])
            flipped = pattern[:, ::-1] if solution["axis"] == "vertical" else pattern[::-1]
            assert np.array_equal(pattern, flipped)

    def test_copying_instead_of_mirroring_scores_low(self, samples, tmp_path):
        folder = samples[0]
        solution = load_record(folder).solution
        pattern = np.asarray(solution["pattern"])
        transposed = solution["axis"] == "horizontal"
        half = pattern.shape[0] // 2
        left = (pattern.T if transposed else pattern)[:, :half]
        copied = copy_complete(left)
        result = score_frames(folder, _completion_video(folder, copied.T if transposed else copied), tmp_path)
        assert result.value < 0.6 and result.parts["targets_right"] < 1


    def test_filling_every_cell_white_scores_near_zero(self, samples, tmp_path):
        folder = samples[1]
        pattern = np.asarray(load_record(folder).solution["pattern"])
        hidden = {tuple(cell) for cell in load_record(folder).solution["hidden_cells"]}
        blank = np.array([[0 if (r, c) in hidden else v for c, v in enumerate(row)] for r, row in enumerate(pattern)])
        assert score_frames(folder, _completion_video(folder, blank), tmp_path).value < 0.1
