"""G-43 scorer: the green box the model drew must run around the asked room, just inside its walls, and only it.

Checks (see :func:`vbvr_core.families.outline.judge.judge_outline`): the video opens on the unmarked plan; at the
end a green line lies along the answer's rectangle (``INSET`` px inside the room's walls, within the sample's
tolerance of 11 px, so a box drawn on the wall lines or a little further in counts, while a box around a
neighbouring room — 18 px away across the shared wall — does not) and runs along all of it; the rest of the plan is
unchanged up to a global colour drift. The box may appear at once at a cost of 0.1.
"""

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
