"""O-45 scorer: the answer must appear in the question-mark box and the rest of the row stay as it was.

Checks (see vbvr_core.families.fill_in.judge.judge_completion): the video opens on the first frame; over its last
frames the question-mark box holds the expected element (a wrong number, shape, colour or direction is
far from it); nothing outside that box changes, and every shown element still shows what it showed (a video
that rewrites one given term changes only a small share of the picture, but answers another sequence). How the
answer is drawn in is not judged. A number answer is read in the box in any font (``vbvr_core.judge.read_text``,
digits and the question mark): a model writes the right number in its own typeface, and a wrong number scores 0
however close its pixels are to ours (243 for 244); where nothing legible (or nothing clearly) is written,
the pixels decide.
"""

from __future__ import annotations

import re

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.fill_in.judge import judge_completion
from vbvr_core.judge.read_text import CLEAR_MATCH, DIGITS, read_text
from vbvr_core.media.video import VideoReader

from vbvr_o45_sequence_completion.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-45 against the sample's first and final frames."""
    solution = Solution.model_validate(sample.solution)
    expected = solution.answer.get("number")

    def read_answer(_: int, regions: np.ndarray) -> float | None:
        """Over the last frames' answer boxes: 1 for each that reads the expected number, 0 for each that clearly
        reads another (every glyph a close match), None when no frame does either (nothing legible, or a reading
        too blurred or small to trust, as a misread 8 is: the pixels decide then)."""
        verdicts = [_reading(region, expected) for region in regions]
        known = [verdict for verdict in verdicts if verdict is not None]
        return float(np.mean(known)) if known else None

    return judge_completion(video, sample.first_frame, sample.final_frame, [solution.target_box],
                            kept_boxes=solution.given_boxes, read_answer=None if expected is None else read_answer)


def _reading(region: np.ndarray, expected: int) -> float | None:
    """1.0 when ``region`` reads ``expected``, 0.0 when it clearly reads another number, else None (the question
    mark is in the alphabet, so it reads as itself, not as a 7)."""
    text, worst = read_text(region, DIGITS + "?")
    runs = re.findall(r"\d+", text)
    if runs and int(runs[-1]) == expected:
        return 1.0
    return 0.0 if runs and worst >= CLEAR_MATCH else None
