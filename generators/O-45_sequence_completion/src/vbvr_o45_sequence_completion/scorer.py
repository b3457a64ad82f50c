"""O-45 scorer: the answer must appear in the question-mark box and the rest of the row stay as it was.

Checks (see vbvr_core.families.fill_in.judge.judge_completion): the video opens on the first frame; over its last
frames the question-mark box holds the expected element (a wrong number, shape, colour or direction is
far from it); nothing outside that box changes, and every shown element still shows what it showed (a video
that rewrites one given term changes only a small share of the picture, but answers another sequence). How the
answer is drawn in is not judged.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.fill_in.judge import judge_completion
from vbvr_core.media.video import VideoReader

from vbvr_o45_sequence_completion.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-45 against the sample's first and final frames."""
    solution = Solution.model_validate(sample.solution)
    return judge_completion(video, sample.first_frame, sample.final_frame, [solution.target_box],
                            kept_boxes=solution.given_boxes)
