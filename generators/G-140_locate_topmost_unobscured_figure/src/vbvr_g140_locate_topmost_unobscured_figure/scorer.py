"""G-140 scorer: the red outline the model drew must follow the topmost figure's boundary, and only it.

Checks (see :func:`vbvr_core.families.outline.judge.judge_outline`): the video opens on the first frame; at
the end a red outline lies along the topmost figure's boundary (within 9 px) and runs along all of it (an
outline of a covered figure, of two figures, or half an outline does not count); the figures and background
are unchanged up to a global colour drift. How the outline appears is not asked for, so drawing it at once
costs only 0.1.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.outline.judge import judge_outline
from vbvr_core.media.video import VideoReader

from vbvr_g140_locate_topmost_unobscured_figure.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-140 against the sample's topmost figure."""
    solution = Solution.model_validate(sample.solution)
    return judge_outline(video, sample.first_frame, solution.outline, "red", solution.tolerance)
