"""G-273 scorer: find the red mark the model drew and judge which block it marks (the marking family's judge).

Checks (see :func:`vbvr_core.families.marking.judge.judge_mark`): the video opens on the first frame; at the
end a clear red mark (rectangle, ring, outline, dot or fill) sits on the block floating in the denser liquid
and takes in the other block nowhere; the containers, liquids and blocks are unchanged up to a global colour
drift. How the mark appears is not asked for, so drawing it at once costs only 0.1.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.media.video import VideoReader

from vbvr_g273_high_density_liquid.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-273 against the two blocks and the one in the denser liquid."""
    solution = Solution.model_validate(sample.solution)
    return judge_mark(video, sample.first_frame, solution.centers, solution.target, solution.mark_radius)
