"""O-65 scorer: the arrangement family's judge — each face followed by its fur colour into a sorted row.

Value (``judge_arrangement``) = start · intact · row · height · (0.7 · order + 0.3 · centred) ·
(0.08 + 0.92 · continuity): the faces end on one line (their bottoms, centres or tops, whichever lines up best;
the baseline asks for bottoms and the ground truth has them), the row stands where the baseline is and is centred,
left to right from the smallest face to the largest, and every face gets there by moving, not jumping.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.arrangement.judge import judge_arrangement
from vbvr_core.media.video import VideoReader

from vbvr_o65_animal_size_sorting.generator import Solution

SIZE = 256


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-65 against the sample's faces and their sorted row."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE)
    if not clip.ok or len(clip.frames) < 2:
        return Score.zero(clip.error or "the video has too few frames")
    return judge_arrangement(clip, sample.first_frame, sample.final_frame, solution.colors, solution.starts,
                             solution.ends, solution.order)
