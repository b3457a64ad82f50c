"""O-15 scorer: track the ball and compare its path over time with elastic reflection at the stated speed.

The ball is found by its colour (as the video's opening frame shows it) inside the box, in every frame of the
video, each frame taken at its own time in seconds (any frame rate). The moment the ball is set off is not
assumed: the expected motion p(t − τ) is fitted over every delay τ in steps of 1/96 s, so a model may hold
the opening picture for a while. Parts:

- ``start``: the first frame shows the ball where the sample's first frame does;
- ``end``: the last frame shows the ball at rest where it is after the given time (or, at a low frame rate,
  on its path less than one frame interval before that moment);
- ``physics``: share of the motion's frames where the ball is within tolerance of p(t − τ) — straight lines
  at the stated speed, angle of reflection equal to the angle of incidence at every wall;
- ``process``: share of checkpoints along the true path (every quarter second) the ball passes near.

value = start · end · motion, motion = 0.05 + 0.95 · physics · process: a cut straight to the final picture keeps 0.05.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.physics.ball import BallTrack, ends_within_a_frame, fit_delay, judge_ball_motion, track_ball
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader

from vbvr_o15_ball_bounces_given_time.generator import Solution, positions

DELAY_STEP = 1 / 96  # s
CHECKPOINT_SPACING = 0.25  # s of motion between two checkpoints on the path


def tolerance(solution: Solution) -> float:
    """How far (px on the 512-px canvas) the ball may be from where the law puts it: about its radius."""
    return max(9.0, float(solution.ball_radius))


def track(solution: Solution, sample: SampleRef, frames: np.ndarray) -> BallTrack:
    """The ball per frame on the 512-px canvas, sought inside the box only."""
    size = frames.shape[2]
    scale = size / 512
    box = (max(0, int(solution.left * scale) - 1), max(0, int(solution.top * scale) - 1),
           min(size, int(np.ceil(solution.right * scale)) + 1), min(size, int(np.ceil(solution.bottom * scale)) + 1))
    return track_ball(frames, sample.first_frame, solution.ball_color, solution.ball_radius, tolerance=60.0, box=box)


def judge(solution: Solution, ball: BallTrack, fps: float) -> Score:
    """Score the tracked ball (frames at ``fps``) against the law of reflection."""
    verdict = Verdict()
    if ball.unseen():
        return ball.unseen()
    seen = ball.points
    times = ball.frames / fps
    tol = tolerance(solution)
    duration = solution.duration
    pace = solution.path_length / duration
    delays = np.arange(0.0, ball.total / fps + DELAY_STEP, DELAY_STEP)
    expected = positions(solution, times[None, :] - delays[:, None])  # delays × frames × 2
    delay, error = fit_delay(delays, np.linalg.norm(expected - seen[None], axis=-1), cap=4 * tol)
    moving = (times > delay) & (times < delay + duration)
    physics = float((error[moving] <= tol).mean()) if moving.sum() >= 3 else 0.0
    last_seen = ball.last_seen
    start = ball.first_seen and float(np.linalg.norm(seen[0] - np.array(solution.start))) <= tol
    at_end = float(np.linalg.norm(seen[-1] - np.array(solution.end))) <= tol
    end_next = ends_within_a_frame(duration - (times[-1] - delay), fps) and error[-1] <= tol
    checkpoints = int(np.clip(round(duration / CHECKPOINT_SPACING) - 1, 3, 24))
    marks = positions(solution, duration * np.arange(1, checkpoints + 1) / (checkpoints + 1))
    reach = tol + pace / (2 * fps)
    near = np.linalg.norm(marks[:, None, :] - seen[None, :, :], axis=-1).min(axis=1) <= reach
    process = float(near.mean())
    judge_ball_motion(verdict, start, at_end or end_next, last_seen,
                      f"the ball ends at ({seen[-1][0]:.0f}, {seen[-1][1]:.0f}), not at "
                      f"({solution.end[0]:.0f}, {solution.end[1]:.0f}) where it is after {duration:g} s",
                      0.05 + 0.95 * physics * process,
                      (("{:.0%} of the motion follows elastic reflection at the stated speed", physics),
                       ("the ball passes {:.0%} of the checkpoints on its path", process)))
    verdict.note("physics", physics)
    verdict.note("process", process)
    verdict.note("delay_s", delay)
    verdict.note("visible", ball.visible)
    return verdict.score(ok=f"moves and bounces {solution.bounces} times as elastic reflection says, and stops "
                            f"after {duration:g} s")


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-15 against the sample's elastic-reflection motion."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip()  # native frame times: resampling would repeat or drop frames and bend the timing
    if not clip.ok:
        return Score.zero(clip.error or "the video has no frames")
    return judge(solution, track(solution, sample, clip.frames), clip.fps or 24.0)
