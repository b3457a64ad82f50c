"""O-34 scorer: which pairs of dots did the video join with red straight lines, and in what order?

The connections family's judge (:func:`vbvr_core.families.connections.judge.judge_links`, segment mode,
ordered): the video opens on the first frame with nothing joined; at the end red ink covers the straight segment
between every pair of consecutive numbers and between no other pair; little red lies elsewhere; the dots and the
rest are unchanged; the lines are completed one after another in numerical order (a cut, a cross-fade or the
lines drawn from the last number back score 0), most of them seen growing.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.connections.judge import judge_links
from vbvr_core.media.video import VideoReader

from vbvr_o34_dot_to_dot_task.generator import DOT_COLORS, LINE_RED, Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-34 against the dots' places and the path 1 → 2 → … → n."""
    solution = Solution.model_validate(sample.solution)
    n = len(solution.centers)
    links = [(k, k + 1, 0) for k in range(n - 1)]
    return judge_links(video, sample.first_frame, solution.centers, [solution.radius] * n, [LINE_RED], links,
                       mode="segment", ordered=True, line_width=solution.line_width, others=DOT_COLORS,
                       ok="every consecutive pair of numbers joined by a red line, in order, and no other pair")
