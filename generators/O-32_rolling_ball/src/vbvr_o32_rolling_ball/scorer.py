"""O-32 scorer: track the red ball and judge its roll over the platforms' centres.

The ball is found by its colour — as the video's opening frame shows it — in every frame (any frame rate).
Between two consecutive sightings the ball is taken to have rolled straight, so a fast roll seen at a low frame
rate still passes over the centres it crossed; a step longer than :data:`MAX_STEP` (a teleport, or the ball
unseen in between, as in a cross-fade) passes over nothing. Parts:

- ``start``: the ball is on platform 1's centre in the first frame;
- ``order``: the ball passes over every platform's centre (within :data:`VISIT` px of its straight steps, or half
  a step where the steps are longer: a chord cuts a bend), first reaching them in numeric order (1 or 0);
- ``end``: in the last frame it rests on the last platform's centre;
- ``continuous``: share of the steps no longer than :data:`MAX_STEP` (a jump or a cut breaks it).

value = start · order · end · continuous.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.physics.ball import track_ball
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader
from vbvr_core.plane import segment_distances

from vbvr_o32_rolling_ball.generator import VISIT, Solution

SIZE = 256
REST = 14.0  # px: on a centre at the start and the end
MAX_STEP = 120.0  # px between two sightings: longer is a jump


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-32 against the platforms and their order."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE)
    if len(clip.frames) < 2:
        return Score.zero("the video has fewer than two frames")
    ball = track_ball(clip.frames, sample.first_frame, solution.ball_color, solution.ball_radius, tolerance=70.0)
    if ball.unseen():
        return ball.unseen()
    centers, points = np.asarray(solution.centers), ball.points
    verdict = Verdict()
    start_ok = ball.first_seen and np.linalg.norm(points[0] - centers[0]) <= REST
    verdict.part("start", float(start_ok), unless="the ball does not start on platform 1's centre")
    steps = np.linalg.norm(np.diff(points, axis=0), axis=1)
    short = steps <= MAX_STEP
    first_pass = []
    for center in centers:
        # a straight step cuts the corner of a curve through a centre: at a low frame rate, allow half the step
        near = (segment_distances(center, points) <= np.maximum(VISIT, 0.5 * steps)) & short
        first_pass.append(int(np.argmax(near)) if near.any() else None)
    missed = [k + 1 for k, when in enumerate(first_pass) if when is None]
    in_order = not missed and all(a <= b for a, b in zip(first_pass, first_pass[1:], strict=False))
    verdict.part("order", float(in_order),
                 unless=f"platforms {missed} are never crossed" if missed else "the platforms are not crossed in order")
    end_ok = ball.last_seen and np.linalg.norm(points[-1] - centers[-1]) <= REST
    verdict.part("end", float(end_ok), unless="the ball does not rest on the last platform's centre at the end")
    continuous = float(short.mean())
    verdict.part("continuous", continuous, unless=f"{int((~short).sum())} jumps of the ball")
    verdict.note("visible", ball.visible)
    return verdict.score(ok="the ball rolls over every platform's centre in order and rests on the last")
