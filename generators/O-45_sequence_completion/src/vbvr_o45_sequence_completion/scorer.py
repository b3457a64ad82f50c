"""O-45 scorer: the answer must appear in the question-mark box and the rest of the row stay as it was.

The fill-in family's scorer (:func:`vbvr_core.families.fill_in.judge.score_completion`) with the question-mark box as
the target and the shown elements as kept boxes (rewriting a given term answers another sequence). A number
answer is also read in the box (``vbvr_core.judge.read_text``, digits and the question mark): a clearly written
wrong number scores 0 however close its pixels are to ours (244 for 243); otherwise the pixels decide.
"""

from __future__ import annotations

import re

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.fill_in.judge import score_completion
from vbvr_core.judge.read_text import CLEAR_MATCH, DIGITS, read_text
from vbvr_core.media.video import VideoReader


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-45 against the sample's first and final frames."""
    expected = sample.solution["answer"].get("number")

    def read_answer(_: int, regions: np.ndarray) -> float | None:
        """0 when the answer box of some last frame clearly reads another number than the expected one, else None
        (the pixel comparison decides)."""
        return 0.0 if any(_clearly_wrong(region, expected) for region in regions) else None

    return score_completion(sample, video, read_answer=None if expected is None else read_answer)


def _clearly_wrong(region: np.ndarray, expected: int) -> bool:
    """True when ``region`` reads a number other than ``expected`` with every glyph a close match (the question
    mark is in the alphabet, so it reads as itself, not as a 7; a blurred or small answer that reads unclearly
    is left to the pixels)."""
    text, worst = read_text(region, DIGITS + "?")
    runs = re.findall(r"\d+", text)
    return bool(runs) and int(runs[-1]) != expected and worst >= CLEAR_MATCH
