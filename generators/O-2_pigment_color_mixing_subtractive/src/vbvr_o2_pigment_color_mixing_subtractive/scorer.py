"""O-2 scorer: the colour-mixing family's judge on pigment drops flowing into a dish.

Checks (see :func:`vbvr_core.families.color_mix.judge.judge_mix`): the video opens on the first frame; at the end
the dish is filled with the subtractive mixture (nearer it than the average, light mixing or any pigment's own
colour); the pigment circles keep their colour; each pigment's drop, read from its leading edge once it leaves
its circle, passes a quarter, half and three quarters of its way into the dish; the mixture's share of the dish
grows gradually.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.color_mix.judge import Region, Source, judge_mix
from vbvr_core.media.video import VideoReader

from vbvr_o2_pigment_color_mixing_subtractive.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-2 against the sample's pigments, dish and their subtractive mixture."""
    solution = Solution.model_validate(sample.solution)
    sources = [Source(color, well, solution.dish, solution.drop_radius, visible_side="front",
                      hidden_in=(well, solution.well_radius))
               for well, color in zip(solution.wells, solution.colors, strict=True)]
    kept = [Region(well, solution.well_radius, color) for well, color in zip(solution.wells, solution.colors, strict=True)]
    meeting = Region(solution.dish, solution.dish_radius, solution.mixture)
    return judge_mix(video, sample.first_frame, meeting, solution.mixture, solution.wrong, sources, kept=kept)
