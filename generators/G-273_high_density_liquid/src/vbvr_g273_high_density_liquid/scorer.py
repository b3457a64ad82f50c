"""G-273 scorer: the marking family's judge (:func:`vbvr_core.families.marking.judge.judge_mark`); the mark
(a rectangle, a ring, an outline, a dot or a fill) must sit on the block floating in the denser liquid and take in
the other block nowhere."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.media.video import VideoReader

from vbvr_g273_high_density_liquid.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-273 against the two blocks and the one in the denser liquid."""
    solution = Solution.model_validate(sample.solution)
    return judge_mark(video, sample.first_frame, solution.centers, solution.target, solution.mark_radius)
