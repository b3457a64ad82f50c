"""G-174 specifications: the solver, the generator's determinism and validation, and the scorer."""

from __future__ import annotations

import json
from itertools import pairwise

import numpy as np
import pytest
from vbvr_core.draw import Sprite, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import Mover, clear_order, min_clearance, render_moves, schedule
from vbvr_core.media.video import read_video
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import SampleContract, contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g174_arrange_circles_by_circumference.generator import (
    BACKGROUNDS,
    ArrangeCirclesGenerator,
    radii_with_gaps,
)

KEY = "G-174_arrange_circles_by_circumference"


def test_radii_grow_by_the_ratio_and_fit_the_budget():
    radii = radii_with_gaps(30, 6, 1.2, budget=400)
    assert all(b >= a * 1.2 and b - a >= 3 for a, b in pairwise(radii))
    assert 2 * sum(radii) <= 400 and radii[0] < 30


def test_solution_sorts_by_circumference_in_the_asked_direction():
    for order in ("largest_first", "smallest_first"):
        sample = ArrangeCirclesGenerator(4, {"order": order, "difficulty": 1}).generate()
        ordered_radii = [sample.solution["radii"][k] for k in sample.solution["order"]]
        assert ordered_radii == sorted(ordered_radii, reverse=order == "largest_first")
        xs = [sample.solution["ends"][k][0] for k in sample.solution["order"]]
        assert xs == sorted(xs)


def test_blocked_path_is_moved_later():
    # Circle 0 must pass through circle 1's start; the clear order moves circle 1 away first.
    movers = [Mover(None, ((100.0, 100.0), (400.0, 100.0)), 20), Mover(None, ((250.0, 100.0), (250.0, 400.0)), 20)]
    assert clear_order(movers) == [1, 0]
    assert min_clearance(schedule([movers[1], movers[0]], 10, 10), [20, 20]) >= 0


def test_look_alike_sizes_are_rejected():
    generator = ArrangeCirclesGenerator(1, {"difficulty": 0})
    sample = generator.generate()
    sample.solution["radii"][0] = sample.solution["radii"][1] + 1
    assert any("ambiguous" in problem for problem in generator.validate(sample))


def test_colliding_moves_are_rejected_as_occlusion():
    generator = ArrangeCirclesGenerator(2)
    sample = generator.generate()
    sample.solution["collision_free"] = False
    assert any("occlusion" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="num_circles"):
        ArrangeCirclesGenerator(0, {"num_circles": 20})


class TestContract(SampleContract):
    key = KEY


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return contract_samples(tmp_path_factory, KEY, count=2, seed=7)


def test_ground_truth_videos_last_at_most_130_frames(samples):
    assert all(load_record(folder).video.frames <= 130 for folder in samples)


def _moved_video(folder, swap: bool):
    """The sample's circles moving continuously to their places, with the first two places swapped if asked."""
    metadata = json.loads((folder / "metadata.json").read_text())
    solution, params = metadata["solution"], metadata["params"]
    ends = [tuple(p) for p in solution["ends"]]
    if swap:
        a, b = solution["order"][0], solution["order"][1]
        ends[a], ends[b] = (ends[b][0] - solution["radii"][a] + solution["radii"][b], ends[b][1]), \
            (ends[a][0] + solution["radii"][a] - solution["radii"][b], ends[a][1])
    movers = [Mover(Sprite.of_shape("circle", r, c, outline_width=params["outline_width"], reach=1.0), (tuple(s), e), r)
              for r, c, s, e in zip(solution["radii"], solution["colors"], solution["starts"], ends, strict=True)]
    background = to_frame(new_canvas(BACKGROUNDS[params["background"]]))
    positions = schedule(movers, 12, 12)
    frames = list(render_moves(background, movers, positions))
    return frames[:1] * 12 + frames + frames[-1:] * 12


def test_continuous_moves_to_the_right_places_score_high(samples, tmp_path):
    assert score_frames(samples[0], _moved_video(samples[0], swap=False), tmp_path).value >= 0.95


def test_largest_two_swapped_scores_clearly_lower(samples, tmp_path):
    result = score_frames(samples[0], _moved_video(samples[0], swap=True), tmp_path)
    assert result.value < 0.7 and result.parts["order"] < 1 and result.parts["continuity"] == 1


def test_drawn_instances_are_diverse():
    hashes = {ArrangeCirclesGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30


def test_frames_are_uint8_rgb_512():
    frame = next(iter(ArrangeCirclesGenerator(3).generate().trajectory()))
    assert frame.shape == (512, 512, 3) and frame.dtype == np.uint8


def test_ground_truth_at_8_fps_and_another_size_still_scores_high(samples, tmp_path):
    import cv2
    from vbvr_core.judge.run import score_video
    from vbvr_core.media.video import write_video

    clip = read_video(samples[0] / "ground_truth.mp4", size=512)
    frames = [cv2.resize(frame, (384, 384), interpolation=cv2.INTER_AREA) for frame in clip.frames[::3]]
    write_video(tmp_path / "slow.mp4", frames, fps=8)
    assert score_video(samples[0], tmp_path / "slow.mp4").value >= 0.95
