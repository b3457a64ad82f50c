"""G-54 scorer: which shapes did the video join, by curves of which colour, one after another?

The connections family's judge (:func:`vbvr_core.families.connections.judge.judge_links`, curve mode, in any
order): the video opens on the first frame with nothing joined; at the end each pair of same-coloured shapes is
touched at both ends by one connected piece of ink of that colour (a line of any shape: curved, straight or
wavy), and no piece joins shapes that are no pair of its colour (a line to a shape of another colour, a lone
shape joined, a pair joined in a wrong colour); little ink lies elsewhere; the shapes and the rest are unchanged;
the curves are completed one after another (a cut or a cross-fade scores 0), most of them seen growing.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.connections.judge import judge_links
from vbvr_core.media.video import VideoReader

from vbvr_g54_connecting_color.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-54 against the shapes' places and colours and the pairs to join."""
    solution = Solution.model_validate(sample.solution)
    return judge_links(video, sample.first_frame, solution.centers, solution.radii, solution.colors,
                       solution.pairs, mode="curve", ordered=False, line_width=solution.line_width,
                       ok="every pair of same-coloured shapes joined by a line of its colour, one after another, "
                          "and nothing else joined")
