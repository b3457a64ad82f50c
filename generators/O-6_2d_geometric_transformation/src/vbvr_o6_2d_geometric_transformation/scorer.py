"""O-6 scorer: measure the shape's turn about the pivot frame by frame and judge it against the stated turn.

The rotation family's tracker (:func:`~vbvr_core.families.rotation.track.polygon_turn`) is given the shape as a
polygon around the pivot, so its templates are the shape turned about the pivot — a shape turned about its own
centre, slid, or cross-faded onto the target matches none of them on the way and is unseen there. The fill colour
is taken as the video's opening frame shows it. The turn is judged by
:func:`~vbvr_core.families.rotation.judge.judge_turn`, tolerances in fractions of the stated angle.

Parts: ``start`` (starts as given), ``end`` (the turn reached equals the stated signed angle: the shape lies on the
dashed outline, reached the stated way round), ``process`` (the turn passes through the angles in between),
``scene_held`` (the title stays: the picture as a whole is not turned). value = start · end · (0.05 + 0.95 ·
process) · scene_held, so a cut to the target keeps at most 0.05 and a turn the wrong way scores 0.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.rotation.judge import judge_turn, title_held
from vbvr_core.families.rotation.track import ANGLE_STEP, TurningPolygon, polygon_turn
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.motion import observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o6_2d_geometric_transformation.generator import TITLE_BAND, Solution

SIZE, FPS = 256, 12  # the video is read once, at this size and rate



def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-6 against the sample's shape, pivot and stated turn."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE, fps=FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    target = float(solution.signed_degrees)
    reference = resize_frame(sample.first_frame, clip.frames.shape[2])
    polygon = TurningPolygon(solution.vertices, solution.pivot, solution.sprite_side, solution.outline_width, 1,
                             solution.radius)
    turn, _ = polygon_turn(clip.frames, polygon, observed_color(clip.frames[0], reference, solution.color))
    verdict = Verdict()
    held = title_held(clip.frames[0], clip.frames[-1], TITLE_BAND)
    verdict.part("scene_held", ramp(1.0 - held, 0.3, 0.6), unless=f"the title moved: {held:.0%} of it is where it was")
    judged = judge_turn(turn, target, min(5.0, 0.15 * abs(target)), min(20.0, 0.4 * abs(target)),
                        resolution=1.5 * ANGLE_STEP, checkpoints=int(np.clip(abs(target) // 6, 3, 7)),
                        start_tolerance=min(8.0, 0.3 * abs(target)))
    if judged is None:
        verdict.part("turned", 0.0, unless="the shape is not seen turning about the point")
        return verdict.score(ok="")
    verdict.part("start", judged.start, unless="the shape does not start where it is drawn")
    verdict.part("end", judged.end, unless=f"the shape turned {judged.reached:+.0f}° about the point, expected {target:+.0f}°")
    verdict.part("process", 0.05 + 0.95 * judged.process,
                 unless=f"the turn is shown through {judged.process:.0%} of the intermediate angles")
    verdict.note("sense", judged.sense)
    return verdict.score(ok=f"the shape turned {target:+.0f}° about the point onto the dashed outline")
