"""O-2 scorer: the colour-mixing family's judge on pigment drops flowing into a dish.

Checks (see :func:`vbvr_core.families.color_mix.judge.judge_mix`): the video opens on the first frame; at the end
the dish is filled with the subtractive mixture (nearer it than the average, light mixing or any pigment's own
colour); the pigment circles keep their colour; each pigment's drop, read from its leading edge once it leaves
its circle, passes a quarter, half and three quarters of its way to the dish's rim (beyond it, it mixes); the
mixture's share of the dish grows gradually.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.color_mix.judge import Region, Source, judge_mix
from vbvr_core.media.video import VideoReader

from vbvr_o2_pigment_color_mixing_subtractive.generator import Solution


def _rim_point(well, dish, dish_radius: float) -> tuple[float, float]:
    """Where a drop's centre stands when it reaches the dish's rim, on its way from ``well``: its own colour is
    seen up to there; beyond, it mixes with the other drops (with three drops in a small dish, from about
    0.6 of the way to the dish's centre)."""
    (x0, y0), (x1, y1) = well, dish
    length = max(1e-6, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
    share = max(0.0, (length - dish_radius) / length)
    return (x0 + (x1 - x0) * share, y0 + (y1 - y0) * share)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-2 against the sample's pigments, dish and their subtractive mixture."""
    solution = Solution.model_validate(sample.solution)
    sources = [Source(color, well, _rim_point(well, solution.dish, solution.dish_radius), solution.drop_radius,
                      visible_side="front", hidden_in=(well, solution.well_radius))
               for well, color in zip(solution.wells, solution.colors, strict=True)]
    kept = [Region(well, solution.well_radius, color) for well, color in zip(solution.wells, solution.colors, strict=True)]
    meeting = Region(solution.dish, solution.dish_radius, solution.mixture)
    return judge_mix(video, sample.first_frame, meeting, solution.mixture, solution.wrong, sources, kept=kept)
