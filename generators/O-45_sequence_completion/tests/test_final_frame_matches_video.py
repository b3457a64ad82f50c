"""The video of O-45 only reveals the answer: its first frame is ``first_frame``, its last frame ``final_frame``, and
the two frames differ only inside the answer box.

Before 0.5.0 the first frame set the shown numbers at the font size of the shown numbers alone and the final frame
at the size of the whole row, answer included: when the answer was wider (96 after 48, 144 after 89), every shown
number shrank in ``final_frame`` while the video, which only wipes the answer box, kept them large — its last frame
was not ``final_frame``. Samples are drawn in memory as a run draws them (nothing is encoded).
"""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.contract import Sample
from vbvr_core.pipeline.produce import Drawn, draw
from vbvr_core.pipeline.seeds import sample_seed

KEY = "O-45_sequence_completion"
SEEDS = range(30)


def _drawn(seed: int, index: int, params: dict | None) -> Sample:
    drawn = draw(KEY, sample_seed(seed, KEY, index), index=index, params=params, report=False)
    assert isinstance(drawn, Drawn), f"sample {index} of seed {seed} ({params}) is a dead letter: {drawn}"
    return drawn.sample


def _outside(frame: np.ndarray, box) -> np.ndarray:
    """``frame`` with the answer box blanked out."""
    left, top, right, bottom = box
    rest = np.array(frame, copy=True)
    rest[top:bottom, left:right] = 0
    return rest


def _answer_is_wider(sample: Sample) -> bool:
    numbers = [element.get("number") for element in sample.solution.elements]
    return None not in numbers and len(str(numbers[-1])) > max(len(str(n)) for n in numbers[:-1])


def _check(sample: Sample) -> None:
    frames = list(sample.trajectory())
    assert np.array_equal(frames[0], sample.first_frame), "the video's first frame is not first_frame"
    assert np.array_equal(frames[-1], sample.final_frame), "the video's last frame is not final_frame"
    box = sample.solution.target_box
    assert np.array_equal(_outside(sample.final_frame, box), _outside(sample.first_frame, box)), \
        "final_frame differs from first_frame outside the answer box"


@pytest.mark.parametrize("params", [None, {"kind": "geometric"}, {"kind": "fibonacci"}, {"kind": "square"}],
                         ids=["drawn", "geometric", "fibonacci", "square"])
def test_the_video_ends_on_the_final_frame_and_changes_only_the_answer_box(params):
    samples = [_drawn(7, index, params) for index in SEEDS]
    for index, sample in enumerate(samples):
        try:
            _check(sample)
        except AssertionError as error:
            raise AssertionError(f"sample {index} of seed 7 ({sample.solution.elements}): {error}") from None
    if params is not None and params["kind"] in ("geometric", "fibonacci"):
        # the case that went wrong is among the samples checked
        assert any(_answer_is_wider(sample) for sample in samples)
