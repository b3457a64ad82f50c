"""O-59 specifications: the inserted row, determinism, validation, and the scorer on baselines and near misses."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_o59_symbol_insert.generator import BACKGROUNDS, RowScene, SymbolInsertGenerator, ordinal, slot_xs

KEY = "O-59_symbol_insert"


def test_new_row_has_the_symbol_at_the_stated_place():
    sample = SymbolInsertGenerator(5, {"length": 4, "position": 2}).generate()
    solution = sample.solution
    assert len(solution["final_row"]) == 5
    assert solution["final_row"][1] == solution["new_symbol"]
    assert [solution["final_row"][k] for k in (0, 2, 3, 4)] == solution["row"]


def test_insertion_at_either_end():
    first = SymbolInsertGenerator(1, {"length": 3, "position": 1}).generate().solution
    last = SymbolInsertGenerator(1, {"length": 3, "position": 4}).generate().solution
    assert first["final_row"][0] == first["new_symbol"] and last["final_row"][-1] == last["new_symbol"]


def test_rows_are_centred_and_ordinals_read_well():
    assert slot_xs(3, 50) == [206.0, 256.0, 306.0]
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 22)] == ["1st", "2nd", "3rd", "4th", "11th", "22nd"]


def test_new_colour_already_in_the_row_is_rejected():
    generator = SymbolInsertGenerator(2, {"length": 5, "position": 3})
    sample = generator.generate()
    sample.solution["row"][0][1] = sample.solution["new_symbol"][1]
    assert any("ambiguous" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="position"):
        SymbolInsertGenerator(0, {"length": 3, "position": 6})
    with pytest.raises(ValueError, match="length"):
        SymbolInsertGenerator(0, {"length": 12})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def _insertion(folder, position: int) -> list[np.ndarray]:
    record = load_record(folder)
    solution = dict(record.solution, position=position)
    frames = list(RowScene(solution, BACKGROUNDS[record.params["background"]]).frames())
    return frames + [frames[-1]] * 4


def test_symbol_inserted_one_place_off_scores_low(samples, tmp_path):
    folder = samples[0]
    solution = load_record(folder).solution
    wrong = solution["position"] + 1 if solution["position"] <= len(solution["row"]) else solution["position"] - 1
    result = score_frames(folder, _insertion(folder, wrong), tmp_path)
    assert result.value <= 0.25 and result.parts["end"] <= 0.25


def test_correct_insertion_rendered_independently_scores_high(samples, tmp_path):
    folder = samples[1]
    result = score_frames(folder, _insertion(folder, load_record(folder).solution["position"]), tmp_path)
    assert result.value >= 0.95
