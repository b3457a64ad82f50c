"""O-6 scorer: measure the shape's turn about the pivot frame by frame and judge it against the stated turn.

The rotation family's :func:`~vbvr_core.families.rotation.track.judge_polygon_turn` is given the shape as a
polygon around the pivot, so its templates are the shape turned about the pivot — a shape turned about its own
centre, slid, or cross-faded onto the target matches none of them on the way and is unseen there; the end is
fully credited within 0.15 of the stated angle and not at all beyond 0.4 (at most 5° and 20°).

Parts: ``start`` (starts as given), ``end`` (the turn reached equals the stated signed angle: the shape lies on the
dashed outline, reached the stated way round), ``process`` (the turn passes through the angles in between),
``scene_held`` (the title stays: the picture as a whole is not turned). value = start · end · (0.05 + 0.95 ·
process) · scene_held, so a cut to the target keeps at most 0.05 and a turn the wrong way scores 0.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.rotation.judge import hold_title, turn_parts, turn_scorer
from vbvr_core.families.rotation.track import TurningPolygon, judge_polygon_turn
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoClip

from vbvr_o6_2d_geometric_transformation.generator import TITLE_BAND, Solution


@turn_scorer(Solution)
def score(sample: SampleRef, solution: Solution, clip: VideoClip) -> Score:
    """Score a model's video of O-6 against the sample's shape, pivot and stated turn."""
    target = float(solution.signed_degrees)
    polygon = TurningPolygon(solution.vertices, solution.pivot, solution.sprite_side, solution.outline_width, 1,
                             solution.radius)
    judged, _ = judge_polygon_turn(clip.frames, sample.first_frame, polygon, solution.color, target, 0.15, 0.4)
    verdict = Verdict()
    hold_title(verdict, clip.frames, TITLE_BAND)
    if judged is None:
        verdict.part("turned", 0.0, unless="the shape is not seen turning about the point")
        return verdict.score(ok="")
    turn_parts(verdict, judged, target, "the shape does not start where it is drawn",
               "the shape turned {reached:+.0f}° about the point, expected {target:+.0f}°",
               "the turn is shown through {process:.0%} of the intermediate angles")
    verdict.note("sense", judged.sense)
    return verdict.score(ok=f"the shape turned {target:+.0f}° about the point onto the dashed outline")
