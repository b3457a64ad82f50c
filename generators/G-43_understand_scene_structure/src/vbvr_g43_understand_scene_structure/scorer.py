"""G-43 scorer: the outline family's judge (:func:`vbvr_core.families.outline.judge.judge_outline`) on the
asked room's box (``INSET`` px inside its walls), in green, within the sample's tolerance of 11 px: a box drawn on
the wall lines or a little further in counts, while a box around a neighbouring room — 18 px away across the
shared wall — does not."""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.outline.judge import judge_outline
from vbvr_core.media.video import VideoReader

from vbvr_g43_understand_scene_structure.generator import Solution, box_polygon


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-43 against the sample's asked room."""
    solution = Solution.model_validate(sample.solution)
    return judge_outline(video, sample.first_frame, box_polygon(solution.rooms[solution.target]), "green",
                         solution.tolerance)
