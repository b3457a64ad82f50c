"""G-247 scorer: find the red mark the model drew and judge which symbol it marks (the marking family's judge).

Checks (see :func:`vbvr_core.families.marking.judge.judge_mark`): the video opens on the first frame; at
the end a clear red mark (ring, square, dot or fill) sits on the one Chinese character and
takes in no other symbol; the symbols and background are unchanged up to a global colour drift. How the mark
appears is not asked for, so drawing it at once costs only 0.1; a mark seen only in the last frame is no mark.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import judge_mark
from vbvr_core.media.video import VideoReader

from vbvr_g247_identify_chinese_character.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-247 against the sample's symbols and the answer."""
    solution = Solution.model_validate(sample.solution)
    return judge_mark(video, sample.first_frame, solution.centers, solution.target,
                      solution.ring_radii[solution.target])
