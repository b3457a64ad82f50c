"""O-13 scorer: the answer slot(s) must end with the shape the rule gives, reached step by step.

Checks (see :func:`vbvr_core.families.shape_rules.judge.judge_rules`): the video opens on this sample's first
frame; each answer slot ends with the expected kind, colour (nearest palette colour), size, fill and place,
within tolerances in fractions of the frame; each slot's step is shown happening (a cut or a fade to the answer
earns nothing), in the task's order; the rest of the picture is unchanged.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.shape_rules.judge import judge_rules
from vbvr_core.media.video import VideoReader

from vbvr_o13_shape_outline_then_move.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-13 against the sample's slots and rule."""
    return judge_rules(video, sample.first_frame, sample.final_frame, Solution.model_validate(sample.solution))
