"""O-54 scorer: read every control's setting in every frame and judge the operation.

The video is read at 256 px and 12 fps. A switch is on where its track is green (green well above red and
blue, the knob's white aside), a button pressed where its face is green; a slider's value is where its white
knob sits along the track (the bright pixels on the track's centre line), 0–100.

value = start · end · untouched · smooth · one_at_a_time:
- start: the video opens on the first frame, every control at its starting setting;
- end: over the last 1/4 s every control shows its target (a slider within 5 units);
- untouched: the controls already as asked never change (a one-frame flicker is forgiven);
- smooth: every slider that moves glides — no judged frame jumps more than 25 units (a cut jumps the whole way);
- one_at_a_time: the operations timed by ``vbvr_core.families.tracking.judge.one_at_a_time_part`` (1/12 s apart; a
  control's way to its target is a slider's value, a switch's or button's greenness measured against the panel at
  start and at target); a cut or a cross-fade changes them all at once.
Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.tracking.judge import one_at_a_time_part
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.order import longest_run
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_min, resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader
from vbvr_core.plane import share_along

from vbvr_o54_control_panel.generator import BUTTON_R, SWITCH_H, SWITCH_W, Solution, draw_panel, slider_track

JUDGE_SIZE = 256
TAIL_SECONDS = 0.25
GREEN = 45.0  # grey levels: green − max(red, blue) of a control's face that reads as on / pressed
BRIGHT = 185.0  # grey levels: the least channel of the slider knob's pixels
SLIDER_TOLERANCE = 5.0  # slider units
MAX_JUMP = 25.0  # slider units between two judged frames
APART = 1.0  # judged frames: two controls settling closer than this settle at one moment


def readings(frames: np.ndarray, solution: Solution, greens: bool = False) -> np.ndarray:
    """(frames × controls): switch and button 1.0 / 0.0 (on / off), slider 0–100 (NaN where no knob is seen);
    with ``greens``, a switch's or button's mean greenness (green − max(red, blue)) instead of its state."""
    f = frames.shape[1] / FRAME_SIZE
    frames = frames.astype(np.float32)
    out = []
    for kind, (x, y) in zip(solution.kinds, solution.centers, strict=True):
        if kind == "slider":
            left, right, cy = slider_track((x, y))
            row = frames[:, int(round(cy * f)) - 1:int(round(cy * f)) + 2, int(left * f):int(np.ceil(right * f)) + 1]
            bright = channel_min(row).mean(axis=1) >= BRIGHT  # frames × columns
            columns = np.arange(bright.shape[1], dtype=np.float32)
            count = bright.sum(axis=1)
            centre = (bright * columns).sum(axis=1) / np.maximum(count, 1)
            value = centre / max(1.0, (right - left) * f) * 100
            out.append(np.where(count >= 2, value, np.nan))
            continue
        if kind == "switch":
            half_w, half_h = SWITCH_W / 2 - 4, SWITCH_H / 2 - 6
        else:
            half_w = half_h = (BUTTON_R - 6) / np.sqrt(2)
        cx, cy = x * f, (y + 6) * f
        patch = frames[:, int(cy - half_h * f):int(np.ceil(cy + half_h * f)) + 1,
                       int(cx - half_w * f):int(np.ceil(cx + half_w * f)) + 1]
        green = patch[..., 1] - np.maximum(patch[..., 0], patch[..., 2])
        if greens:
            out.append(green.mean(axis=(1, 2)))
            continue
        share = (green >= GREEN).mean(axis=(1, 2))
        out.append((share >= (0.3 if kind == "switch" else 0.5)).astype(np.float32))
    return np.stack(out, axis=1)


def at(reading: np.ndarray, kind: str, setting: float) -> np.ndarray:
    """Per frame, whether a control's ``reading`` shows ``setting``."""
    if kind == "slider":
        return np.abs(np.nan_to_num(reading, nan=-1e3) - setting) <= SLIDER_TOLERANCE
    return reading == setting


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-54 against the sample's controls and their targets."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    values = readings(clip.frames, solution)
    kinds = solution.kinds
    n = len(kinds)
    starts = [at(values[:, i], kinds[i], solution.initial[i]) for i in range(n)]
    goals = [at(values[:, i], kinds[i], solution.target[i]) for i in range(n)]
    verdict = Verdict()
    opens = bool(starts_like(clip, sample.first_frame)) and all(bool(s[0]) for s in starts)
    if not verdict.part("start", float(opens), unless="the video does not open on the panel as given"):
        return verdict.score(ok="")
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    wrong = [solution.labels[i] for i in range(n) if not goals[i][-tail:].all()]
    verdict.part("end", float(not wrong), unless=f"{', '.join(wrong)} end(s) at the wrong setting")
    keep = [i for i in range(n) if solution.initial[i] == solution.target[i]]
    touched = [solution.labels[i] for i in keep if longest_run(~starts[i]) > 1]
    verdict.part("untouched", float(not touched), unless=f"{', '.join(touched)} changed though already as asked")
    change = [i for i in range(n) if solution.initial[i] != solution.target[i]]
    jumps = [float(np.nanmax(np.abs(np.diff(values[:, i])), initial=0.0)) for i in change if kinds[i] == "slider"]
    worst = max(jumps, default=0.0)
    verdict.part("smooth", float(worst <= MAX_JUMP), unless=f"a slider jumps {worst:.0f} units at once")
    greens = readings(clip.frames, solution, greens=True)
    # the panel as the first frame and as the ground truth's final frame show it
    target = draw_panel(solution.controls(), solution.target)
    ends = np.stack([resize_frame(frame, JUDGE_SIZE) for frame in (sample.first_frame, target)])
    references = readings(ends, solution, greens=True)
    # per frame, how far each control has gone from its start to its goal (a slider's value, or a switch's or
    # button's greenness; NaN where a slider's knob is not seen)
    shares = [share_along(values[:, i], solution.initial[i], solution.target[i]) if kinds[i] == "slider"
              else share_along(greens[:, i], float(references[0, i]), float(references[1, i])) for i in change]
    one_at_a_time_part(verdict, shares, "operations", APART)
    return verdict.score(ok="every control operated to its target, one at a time; the others untouched")
