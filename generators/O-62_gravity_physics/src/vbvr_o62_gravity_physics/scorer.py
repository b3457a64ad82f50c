"""O-62 scorer: track the ball and compare its height over time with the kinematics.

The ball is tracked by its colour (``track_ball``) in every frame, each taken at its own time (real time at the
video's frame rate); the release is not assumed: the curve y(t − τ) is fitted over every delay τ in quarter 24-fps
frames (``fit_delay``), so a model may hold the start for any time. ``start`` and ``end`` are
``judge_ball_motion``'s (the ball must rest on the ground at its landing point: stopping in mid-air, sinking through
the floor or vanishing gets 0; at a low frame rate the last frame may come less than one frame interval before
the landing, on the curve). Then:

- ``physics``: share of the flight's frames where the ball is within tolerance of y(t − τ); at a frame rate other
  than 24 fps (a conversion may repeat or drop frames), at some moment within half a 24-fps frame of its time;
- ``process``: the ball passes the intermediate heights of the descent from its highest point to the ground;
- ``vertical``: share of frames where the ball stays on its vertical line.

value = start · end · vertical · (0.05 + 0.95 · process · physics): a cut straight to the final frame keeps 0.05.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FPS, SampleRef, Score
from vbvr_core.families.physics.ball import ends_within_a_frame, fit_delay, judge_ball_motion, track_ball
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader

from vbvr_o62_gravity_physics.generator import Solution, height_at

# A video at another frame rate than the truth's 24 fps may be a conversion that repeats or drops frames: each of
# its frames may then show the ball up to one 24-fps frame off its own time (half a frame either side of the
# fitted release). A fast fall moves tens of pixels per frame, so this window, not a looser distance, absorbs it.
CONVERSION_SLACK = 0.5 / FPS
DELAY_STEP = 0.25 / FPS  # release moments are fitted in steps of a quarter of a 24-fps frame


def expected_y(solution: Solution, times: np.ndarray) -> np.ndarray:
    """The ball centre's y (512-pixel canvas) at each time in ``times`` (s; before 0 it waits at the start)."""
    heights = height_at(times, solution.height, solution.velocity, solution.gravity)
    return solution.ground_top - solution.ball_radius - heights * solution.pixels_per_metre


def distance_to_curve(solution: Solution, times: np.ndarray, ys: np.ndarray, window: float) -> np.ndarray:
    """How far each ``ys`` is from every y the ball takes within ``window`` s of its time in ``times`` (0 when the
    ball passes it then): the curve is monotone on each side of its peak, so its range on an interval is spanned
    by the interval's ends and the peak when the peak lies inside."""
    early, late = expected_y(solution, times - window), expected_y(solution, times + window)
    low, high = np.minimum(early, late), np.maximum(early, late)
    if solution.velocity > 0:
        rising = solution.velocity / solution.gravity
        inside = (times - window < rising) & (rising < times + window)
        low = np.where(inside, solution.peak_y, low)
    return np.maximum(0.0, np.maximum(low - ys, ys - high))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-62 against the sample's kinematics."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip()  # native frame times: resampling would repeat or drop frames and bend the curve
    fps = clip.fps or float(FPS)
    ball = track_ball(clip.frames, sample.first_frame, solution.ball_color, solution.ball_radius, tolerance=70.0)
    if ball.unseen():
        return ball.unseen()
    frames, (xs, ys) = ball.frames, ball.points.T
    tolerance = max(3.0, 0.03 * (solution.landing_y - solution.start_y), 0.4 * solution.ball_radius)
    flight = int(np.ceil(solution.flight_time * fps))
    delays = np.arange(-flight, ball.total + 1, DELAY_STEP * fps)  # release moments, in video frames
    slack = 0.0 if abs(fps - FPS) < 0.5 else CONVERSION_SLACK
    delay, off_curve = fit_delay(delays, distance_to_curve(solution, (frames[None, :] - delays[:, None]) / fps,
                                                           ys[None, :], slack))
    # The frames that tell a flight from a ball left at its start or cut to its landing: those where the curve has
    # the ball away from both. Short flights have few frames, and a ball merely held at the start matches the
    # first frames after release, so the others decide.
    # Every frame of the flight counts, the ball found in it or not (a ball that vanishes mid-flight does not fly).
    every = np.arange(ball.total)
    in_flight = (every > delay) & (every < delay + flight)
    on_curve = np.isin(every, frames[off_curve <= tolerance])
    expected = expected_y(solution, (every - delay) / fps)
    telling = in_flight & (np.abs(expected - solution.start_y) > tolerance) & (np.abs(expected - solution.landing_y) > tolerance)
    judged = telling if telling.any() else in_flight
    physics = float(on_curve[judged].mean()) if in_flight.sum() >= 3 else 0.0
    # The clip may end on the landing itself (the ground truth does): the last frame decides. At a low frame
    # rate that frame may come up to one frame interval before the landing, on the curve.
    landing_next = ends_within_a_frame(solution.flight_time - (frames[-1] - delay) / fps, fps) and off_curve[-1] <= tolerance
    on_ground = ((abs(ys[-1] - solution.landing_y) <= tolerance or landing_next)
                 and abs(xs[-1] - solution.ball_x) <= tolerance)
    start = ball.first_seen and abs(ys[0] - solution.start_y) <= tolerance and abs(xs[0] - solution.ball_x) <= tolerance
    vertical = float(np.mean(np.abs(xs - solution.ball_x) <= tolerance))
    # Checkpoints on the descent from the highest point, no closer together than the fastest frame-to-frame
    # step of a correct fall at the video's frame rate (the ball speeds up, so short falls have few frames
    # near the ground).
    longest_step = np.diff(expected_y(solution, np.arange(flight + 1) / fps)).max()
    checkpoints = int(np.clip((solution.landing_y - solution.peak_y) / max(1e-6, longest_step) - 1, 2, 7))
    # A clip whose last frame comes just before the landing (low frame rate) passes the rest of the way next frame.
    passed = list(ys) + ([solution.landing_y] if landing_next and ball.last_seen else [])
    # At a low frame rate a fast fall's steps outgrow the checkpoints' spacing: a checkpoint counts as passed within
    # half the longest step (the video's own grain).
    process = progress_coverage(passed, solution.peak_y, solution.landing_y, checkpoints=checkpoints,
                                resolution=longest_step / 2)
    verdict = Verdict()
    judge_ball_motion(verdict, start, on_ground, ball.last_seen,
                      f"the ball ends at y={ys[-1]:.0f}, not resting on the ground at y={solution.landing_y:.0f}",
                      0.05 + 0.95 * process * physics, (("{:.0%} of the flight follows h = h0 + v0 t - g t^2/2", physics),
                                                        ("the fall passes {:.0%} of the intermediate heights", process)),
                      part=None)
    verdict.part("vertical", vertical, unless=f"the ball leaves its vertical line in {1 - vertical:.0%} of frames")
    for name, value in (("physics", physics), ("process", process), ("visible", ball.visible)):
        verdict.note(name, value)
    return verdict.score(ok=f"falls as the kinematics say and rests on the ground after {solution.flight_time:.2f} s")
