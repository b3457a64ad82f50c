"""G-3 specifications: the stable sort, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.draw import Sprite, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import Mover, render_moves, schedule
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g3_stable_sort.generator import BACKGROUNDS, StableSortGenerator, stable_order

KEY = "G-3_stable_sort"


def test_stable_order_keeps_equal_keys_in_place():
    # keys: B A B A C A → all A (1) in original order, then B (0)... sorted by key value
    assert stable_order([1, 0, 1, 0, 2, 0]) == [1, 3, 5, 0, 2, 4]


def test_solution_is_the_stable_sort_of_the_keys():
    for seed, key in enumerate(("shape", "size", "size")):
        sample = StableSortGenerator(seed, {"sort_key": key, "num_groups": 3, "num_objects": 8}).generate()
        keys, order = sample.solution["keys"], sample.solution["order"]
        assert [keys[k] for k in order] == sorted(keys)
        for key_value in set(keys):
            members = [k for k in order if keys[k] == key_value]
            assert members == sorted(members)


def test_size_key_sorts_by_visible_size():
    sample = StableSortGenerator(5, {"sort_key": "size", "descending": True, "num_groups": 2}).generate()
    radii = [sample.solution["radii"][k] for k in sample.solution["order"]]
    assert radii == sorted(radii, reverse=True) and len(set(sample.solution["kinds"])) == 1


def test_rows_where_stability_cannot_show_are_rejected():
    generator = StableSortGenerator(1)
    sample = generator.generate()
    sample.solution["keys"] = list(range(len(sample.solution["keys"])))
    assert any("stability cannot show" in problem for problem in generator.validate(sample))


def test_already_sorted_row_is_rejected():
    generator = StableSortGenerator(2)
    sample = generator.generate()
    sample.solution["order"] = sorted(sample.solution["order"])
    assert any("trivial" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="num_objects"):
        StableSortGenerator(0, {"num_objects": 12})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def test_ground_truth_videos_last_at_most_130_frames(samples):
    assert all(load_record(folder).video.frames <= 130 for folder in samples)


def _sorted_video(folder, order):
    """The sample's shapes moving continuously into the new row in the given left-to-right ``order``."""
    metadata = json.loads((folder / "metadata.json").read_text())
    solution, params = metadata["solution"], metadata["params"]
    slots = sorted(tuple(p) for p in solution["ends"])
    ends = {obj: slot for obj, slot in zip(order, slots, strict=True)}
    movers = [Mover(Sprite.of_shape(kind, r, c, outline_width=params["outline_width"]), (tuple(s), ends[k]), r)
              for k, (kind, r, c, s) in enumerate(zip(solution["kinds"], solution["radii"], solution["colors"],
                                                      solution["starts"], strict=True))]
    background = to_frame(new_canvas(BACKGROUNDS[params["background"]]))
    frames = list(render_moves(background, movers, schedule(movers, 12, 12)))
    return frames[:1] * 12 + frames + frames[-1:] * 12


def test_unstable_order_scores_clearly_lower(samples, tmp_path):
    folder = samples[0]
    solution = json.loads((folder / "metadata.json").read_text())["solution"]
    keys, order = solution["keys"], solution["order"]
    group = max(set(keys), key=keys.count)
    members = [k for k in order if keys[k] == group]
    # Put the group's members in reverse original order (equal keys swapped): sorted by key, but not stable.
    unstable = []
    reversed_members = iter(members[::-1])
    for k in order:
        unstable.append(next(reversed_members) if keys[k] == group else k)
    result = score_frames(folder, _sorted_video(folder, unstable), tmp_path)
    assert result.value < 0.7 and result.parts["order"] < 1 and result.parts["continuity"] >= 0.9


def test_drawn_instances_are_diverse():
    hashes = {StableSortGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30


def test_frames_are_uint8_rgb_512():
    frame = next(iter(StableSortGenerator(3).generate().trajectory()))
    assert frame.shape == (512, 512, 3) and frame.dtype == np.uint8
