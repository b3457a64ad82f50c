"""O-16 scorer: the colour-mixing family's judge on the two balls' glide into one.

Checks (see :func:`vbvr_core.families.color_mix.judge.judge_mix`): the video opens on the first frame; at the end
one ball at the midpoint shows the additive mixture (nearer it than the average, the subtractive product or
either ball's colour), and no ball colour is left elsewhere; each ball's centre, read from its trailing edge,
passes a quarter, half and three quarters of its way; the mixture's share of the merged ball grows gradually.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.color_mix.judge import Region, Source, judge_mix
from vbvr_core.media.video import VideoReader

from vbvr_o16_color_addition.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-16 against the sample's balls and their additive mixture."""
    solution = Solution.model_validate(sample.solution)
    sources = [Source(color, start, solution.midpoint, solution.radius, visible_side="back")
               for start, color in zip(solution.starts, solution.colors, strict=True)]
    meeting = Region(solution.midpoint, solution.radius, solution.mixture)
    return judge_mix(video, sample.first_frame, meeting, solution.mixture, solution.wrong, sources, merged=True)
