"""O-53 scorer: read both hands' angles in every frame and judge the advance.

Each hand is read in its own colour by the rotation family's
:func:`~vbvr_core.families.rotation.track.pointer_angles`. The minute hand's angles, unwrapped, give the turn so
far, judged by :func:`~vbvr_core.families.rotation.judge.judge_turn`; the hour hand is compared with where that
turn puts it.

Parts: ``start`` (hands at the start time), ``end`` (the minute hand turned the full advance — 6° per
minute, whole turns included — and the hour hand shows the end time), ``shown`` = 0.05 + 0.95 · process ·
consistent · clockwise (the minute hand's process and sense from ``judge_turn``; ``consistent``: the share of
frames where the hour hand sits where the minute hand says, within 6°, frames with the hands on top of each
other left out). A cut straight to the final frame keeps at most 0.05; a wrong end time scores 0.
"""
from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import color_distance
from vbvr_core.families.rotation.judge import judge_turn, turn_series
from vbvr_core.families.rotation.track import colour_seen, pointer_angles
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.motion import angle_difference
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader

from vbvr_o53_clock.generator import Solution

HAND_TOLERANCE = 50.0
MINUTE_END = (6.0, 20.0)  # full credit within, none beyond (degrees)
HOUR_END = (4.0, 12.0)
CONSISTENCY = 6.0
OVERLAP = 20.0  # hands closer than this (degrees) hide each other
DRIFT = 60.0  # how far a hand's colour as the video shows it may lie from the drawn one
# Hand pixels are counted out to this far beyond the hand's own length (face radii): the minute hand's thin,
# blurred edges further out take colours near some hour hands' (red on white near brown at a low resolution).
REACH = 0.07


def hand_angles(frames: np.ndarray, solution: Solution, hand: str, first: np.ndarray) -> list[float | None]:
    """Per frame, the angle (degrees clockwise from 12) of the ``hand`` ("hour" or "minute"), or None.

    Given the sample's ``first`` frame, the hand is followed in the colour the video's opening frame shows it in
    (a brighter, darker or tinted video), as long as that stays within :data:`DRIFT` of the drawn colour."""
    scale, length = frames.shape[2] / 512, getattr(solution, f"{hand}_length")
    expected = 0.6 * (length * scale) * max(2.0, 0.05 * solution.radius * scale)  # about half the hand's visible area
    drawn = getattr(solution, f"{hand}_color")
    seen = colour_seen(frames, first, drawn)
    color = seen if color_distance(seen, drawn) <= DRIFT else drawn
    return pointer_angles(frames, (solution.center[0] * scale, solution.center[1] * scale), solution.radius * scale,
                          color, min_pixels=0.25 * expected, tolerance=HAND_TOLERANCE,
                          outer=min(0.92, length / solution.radius + REACH))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-53 against the sample's start time and advance."""
    solution = Solution.model_validate(sample.solution)
    frames = video.clip().frames
    start_minute, start_hour = solution.start_angles["minute"], solution.start_angles["hour"]
    turn = turn_series(hand_angles(frames, solution, "minute", sample.first_frame), start_minute)
    hour_raw = hand_angles(frames, solution, "hour", sample.first_frame)
    known = [(t, h) for t, h in zip(turn, hour_raw, strict=True) if t is not None and h is not None]
    sweep = judge_turn(turn, solution.minute_turn, *MINUTE_END, resolution=2.0)
    if len(known) < 2 or sweep is None:
        return Score.zero("the clock's hands are not visible", visible=len(known) / max(1, len(frames)))
    first_hour, final_hour = known[0][1], known[-1][1]
    hour_end = ramp(angle_difference(final_hour, solution.end_angles["hour"]), *HOUR_END)
    # Where the minute hand lies over the hour hand, the hour hand's visible sliver does not give its angle.
    apart = [(t, h) for t, h in known if angle_difference(h, (start_minute + t) % 360.0) >= OVERLAP]
    consistent = float(np.mean([angle_difference(h, start_hour + t / 12.0) <= CONSISTENCY for t, h in apart])) if apart else 0.0
    verdict = Verdict()
    verdict.part("start", sweep.start * (angle_difference(first_hour, start_hour) <= 6),
                 unless=f"the hands do not start at {solution.start_time}")
    verdict.note("minute_end", sweep.end)
    verdict.note("hour_end", hour_end)
    verdict.part("end", min(sweep.end, hour_end),
                 unless=f"the minute hand turned {sweep.reached:+.0f}° (expected {solution.minute_turn:+.0f}°) and the hour "
                        f"hand ends at {final_hour:.0f}° (expected {solution.end_angles['hour']:.0f}°, {solution.end_time})")
    verdict.note("consistent", consistent)
    verdict.note("clockwise", sweep.sense)
    verdict.note("process", sweep.process)
    verdict.note("visible", len(known) / len(frames))
    verdict.part("shown", 0.05 + 0.95 * sweep.process * consistent * sweep.sense,
                 unless=f"the sweep passes {sweep.process:.0%} of the intermediate times, the hour hand follows the "
                        f"minute hand in {consistent:.0%} of frames, {sweep.sense:.0%} of the steps go clockwise")
    return verdict.score(ok=f"advanced from {solution.start_time} to {solution.end_time} correctly")
