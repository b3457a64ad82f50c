"""O-45 scorer: the answer must appear in the question-mark box and the rest of the row stay as it was.

Checks (see vbvr_core.regions.judge_completion): the video opens on the first frame; over its last
frames the question-mark box holds the expected element (a wrong number, shape, colour or direction is
far from it); nothing outside that box changes. How the answer is drawn in is not judged.
"""

from __future__ import annotations

from vbvr_core import SampleRef, Score, VideoReader
from vbvr_core.regions import judge_completion


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-45 against the sample's first and final frames."""
    return judge_completion(video, sample.first_frame, sample.final_frame, [sample.solution["target_box"]])
