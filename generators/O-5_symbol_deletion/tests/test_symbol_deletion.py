"""O-5 specifications: the row after the deletion, the colours drawn, the ground truth under variation, near misses."""

from __future__ import annotations

import pytest
from vbvr_core.testing.symbol_row import SymbolRowContract
from vbvr_o5_symbol_deletion.generator import COLORS, SymbolDeletionGenerator


def test_new_row_lacks_the_marked_symbol_and_is_centred():
    solution = SymbolDeletionGenerator(5, {"length": 5, "position": 2}).generate().solution
    assert solution.final_row == solution.row[:1] + solution.row[2:]
    assert sum(solution.final_xs) / len(solution.final_xs) == pytest.approx(256.0)
    assert solution.final_xs[1] - solution.final_xs[0] == pytest.approx(solution.spacing)


def test_marked_colour_is_unique_and_never_red_pink_or_yellow():
    from vbvr_core.draw import PALETTE

    allowed = {PALETTE[name] for name in COLORS}
    for seed in range(12):
        solution = SymbolDeletionGenerator(seed, {"length": 9}).generate().solution
        colors = [color for _, color in solution.row]
        marked = colors[solution.position - 1]
        assert colors.count(marked) == 1 and set(colors) <= allowed


def test_position_beyond_the_row_is_refused():
    with pytest.raises(ValueError, match="position"):
        SymbolDeletionGenerator(0, {"length": 3, "position": 4})


def test_a_cross_fade_of_the_first_frame_into_the_final_one_is_no_deletion(tmp_path):
    # Issue 19: this draw's cross-fade of the first frame into the final one scored 1.0: the fading ghosts of the
    # outer symbol carried the row's edge through both checkpoints. Every frame of it is a blend of the two ends,
    # which the family judge now refuses as a process where the row moves.
    from vbvr_core.pipeline.produce import produce
    from vbvr_core.testing.helpers import score_baseline

    folder = tmp_path / "sample"
    produce("O-5_symbol_deletion", 3, folder, params={"length": 4, "position": 2})
    assert score_baseline("crossfade", folder, tmp_path) <= 0.1


class TestContract(SymbolRowContract):
    key = "O-5_symbol_deletion"
    end_checked_misses = ("neighbour_deleted", "gap_left_open")
