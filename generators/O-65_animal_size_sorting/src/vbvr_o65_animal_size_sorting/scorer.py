"""O-65 scorer: the arrangement family's judge (``judge_arrangement``, whose docstring gives the parts) — each face
followed by its fur colour into a centred row at the baseline, left to right from the smallest face to the largest. The
baseline asks for the faces' bottoms on it (the ground truth has them); the judge takes bottoms, centres or tops.
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
