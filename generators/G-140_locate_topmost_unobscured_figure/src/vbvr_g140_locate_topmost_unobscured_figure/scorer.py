"""G-140 scorer: the outline family's judge (:func:`vbvr_core.families.outline.judge.judge_outline`) on
the topmost figure's boundary, in red, within 9 px: an outline of a covered figure, of two figures, or half an
outline does not count."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.outline.judge import judge_outline
from vbvr_core.media.video import VideoReader

from vbvr_g140_locate_topmost_unobscured_figure.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-140 against the sample's topmost figure."""
    solution = Solution.model_validate(sample.solution)
    return judge_outline(video, sample.first_frame, solution.outline, "red", solution.tolerance)
