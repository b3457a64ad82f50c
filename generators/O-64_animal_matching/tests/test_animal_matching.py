"""O-64_animal_matching specifications: layout and order, the scorer on near misses, and the shared checks."""

from __future__ import annotations

import pytest
from vbvr_core.families.stacking.faces import Face, silhouette
from vbvr_core.families.stacking.layout import near_miss_moves
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import end_survives_resampling, first_accepted_sample, score_frames
from vbvr_o64_animal_matching.generator import KINDS, AnimalMatchingGenerator, Solution, replay

KEY = "O-64_animal_matching"
PARAMS = {"animals": 2, "move_frames": 10, "pause_frames": 0}


def test_faces_start_left_and_their_outlines_stand_right():
    for seed in range(4):
        solution = first_accepted_sample(AnimalMatchingGenerator, seed, {"difficulty": seed % 3}).solution
        assert len(set(solution.kinds)) == len(solution.kinds) and set(solution.kinds) <= set(KINDS)
        assert all(x < 256 for x, _ in solution.starts) and all(x > 256 for x, _ in solution.targets)
        assert sorted(solution.order) == list(range(len(solution.kinds)))


def test_each_face_slides_in_as_few_frames_as_the_official_o46_clip():
    """10–11 frames a face and 0–1 still frames between faces (the official O-46: at least 10, no pause)."""
    for seed in range(3):
        generator = AnimalMatchingGenerator(seed, {"difficulty": seed})
        assert 10 <= generator.params.move_frames <= 11 and 0 <= generator.params.pause_frames <= 1


def test_silhouettes_of_the_four_kinds_differ():
    masks = [silhouette(Face(kind, 30.0), (0, 0, 0)).getchannel("A") for kind in KINDS]
    assert len({mask.tobytes() for mask in masks}) == len(KINDS)


def test_the_ends_are_held_long_enough_for_an_8_fps_copy():
    # 0.1.2: ends held 9 frames (were 12): the scorer reads the last 3 frames, and the last 3 of an 8-fps copy (source
    # frames 0, 3, 6, ...) all show the final state, whatever the clip's length
    for seed in range(2):
        sample = first_accepted_sample(AnimalMatchingGenerator, seed)
        assert sample.hold_frames == 9
        assert end_survives_resampling(sample, fps=8, last=3)


class TestContract(SampleContract):
    key = KEY
    params = PARAMS

    @pytest.mark.parametrize("name", ["swapped_pair", "last_left_behind"])
    def test_near_misses_score_well_below_the_oracle(self, samples, tmp_path, name):
        solution = Solution.model_validate(load_record(samples[0]).solution)
        ends, moving = near_miss_moves(solution.targets, solution.order)[name]
        frames = list(replay(solution, ends, moving, 10, 0)())
        assert score_frames(samples[0], frames[:1] * 12 + frames + frames[-1:] * 12, tmp_path).value <= 0.5
