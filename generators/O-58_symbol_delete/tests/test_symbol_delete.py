"""O-58 specifications: the row after the deletion, the colours drawn, the ground truth under variation, near misses."""

from __future__ import annotations

import pytest
from vbvr_core.testing.symbol_row import SymbolRowContract
from vbvr_o58_symbol_delete.generator import SymbolDeleteGenerator


def test_later_symbols_take_one_slot_left_and_the_earlier_ones_stay():
    solution = SymbolDeleteGenerator(5, {"length": 5, "position": 2}).generate().solution
    assert solution.final_row == solution.row[:1] + solution.row[2:]
    assert solution.final_xs == solution.xs[:-1]


def test_deleted_colour_is_unique_and_the_prompt_states_the_position():
    for seed in range(8):
        sample = SymbolDeleteGenerator(seed, {"length": 9}).generate()
        colors = [color for _, color in sample.solution.row]
        assert colors.count(colors[sample.solution.position - 1]) == 1
    assert "the 3rd symbol from the left" in SymbolDeleteGenerator(0, {"length": 5, "position": 3}).generate().prompt
    assert "the last symbol" in SymbolDeleteGenerator(0, {"length": 5, "position": 5}).generate().prompt


def test_position_beyond_the_row_is_refused():
    with pytest.raises(ValueError, match="position"):
        SymbolDeleteGenerator(0, {"length": 3, "position": 4})


def test_a_cross_fade_of_the_first_frame_into_the_final_one_is_no_deletion(tmp_path):
    # Issue 19: this draw's cross-fade of the first frame into the final one scored 1.0 (sample 0 of the test preset
    # 0.525): the fading ghosts of the last symbol carried the row's edge through both checkpoints. Every frame of it
    # is a blend of the two ends, which the family judge now refuses as a process where the row moves.
    from vbvr_core.pipeline.produce import produce
    from vbvr_core.testing.helpers import score_baseline

    folder = tmp_path / "sample"
    produce("O-58_symbol_delete", 0, folder, params={"length": 4, "position": 1})
    assert score_baseline("crossfade", folder, tmp_path) <= 0.1


class TestContract(SymbolRowContract):
    key = "O-58_symbol_delete"


def test_a_half_faded_symbol_left_in_the_row_earns_no_partial_end(tmp_path):
    """Regression: seed 7's sample 6 deletes the row's last symbol; held half-way (the freeze shortcut) the symbol
    is half faded, every kept slot matches, and the end part gave 0.25 × 1 × 0.5 for the stray ink: 0.125. The
    symbol is still there: no credit."""
    from vbvr_core.testing.helpers import make_samples, score_baseline

    sample = make_samples("O-58_symbol_delete", tmp_path / "samples", count=7, seed=7)[6]
    assert score_baseline("freeze", sample, tmp_path) == 0.0
