"""G-138 scorer: find the mark the model drew and judge which shape it marks (the marking family's judge).

Checks (see :func:`vbvr_core.families.marking.judge.judge_mark`): the video opens on the first frame; at
the end a clear black or red mark (ring, outline, dot or fill; the official clips mark in black) sits on the shape of the unrepeated colour and takes
in no other shape; the shapes and background are unchanged up to a global colour drift. How the mark
appears is not asked for, so drawing it at once costs only 0.1.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark, red_or_dark_mask
from vbvr_core.media.video import VideoReader

from vbvr_g138_spot_unique_non_repeated_color.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-138 against the sample's shapes and the one of the unique colour."""
    solution = Solution.model_validate(sample.solution)
    return judge_mark(video, sample.first_frame, solution.centers, solution.target,
                      solution.ring_radii[solution.target], ink=red_or_dark_mask)
