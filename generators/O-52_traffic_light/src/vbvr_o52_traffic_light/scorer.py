"""O-52 scorer: read both lights and both countdowns in every frame, and compare the order of states.

Per frame, each lamp is classified lit or dark by its colour, and each countdown display by the nearest
of its rendered templates (dark, 0 … the largest count); frames where anything is unreadable are
skipped. The readable states, with repeats collapsed, must follow the timing rule's sequence: value =
start · end · order, where start = the video opens on the first state, end = its last frames show the
asked-for final state, and order = the states in between that appear in order (longest common
subsequence with the expected states, minus the two ends) over the in-between states of the longer of
the two sequences: skipped seconds, extra states and wrong orders all lower it. A cut straight to the
final frame shows no state in between and scores 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.fill_in.judge import scale_box, soften, working_clip
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.track import collapse
from vbvr_core.media.video import VideoReader

from vbvr_o52_traffic_light.scene import LAMP_OFF, LAMP_ON, display_image

LAMP_TOLERANCE = 90.0  # a lamp farther than this from both its lit and dark colour is unreadable
DISPLAY_TOLERANCE = 45.0  # mean absolute difference above which a display matches no template


def _lamp_on(frames: np.ndarray, box: Sequence[int], color: str) -> list[bool | None]:
    """Per frame, whether the lamp in ``box`` (working-size pixels) is lit, dark, or unreadable (None)."""
    left, top, right, bottom = box
    inset_x, inset_y = (right - left) // 4, (bottom - top) // 4
    means = frames[:, top + inset_y:bottom - inset_y, left + inset_x:right - inset_x].reshape(len(frames), -1, 3)
    means = means.astype(np.float64).mean(axis=1)
    on = np.linalg.norm(means - np.asarray(LAMP_ON[color]), axis=1)
    off = np.linalg.norm(means - np.asarray(LAMP_OFF[color]), axis=1)
    return [None if min(a, b) > LAMP_TOLERANCE else bool(a < b) for a, b in zip(on, off, strict=False)]


def _light_colors(frames: np.ndarray, light: dict, factor: float) -> list[str | None]:
    red = _lamp_on(frames, scale_box(light["red_lamp"], factor), "red")
    green = _lamp_on(frames, scale_box(light["green_lamp"], factor), "green")
    return ["red" if r and g is False else "green" if g and r is False else None for r, g in zip(red, green, strict=False)]


def _display_counts(frames: np.ndarray, light: dict, factor: float, largest: int) -> list[int | None]:
    """Per frame, the count the display shows (None: dark), or ``-1`` when no template matches."""
    left, top, right, bottom = light["display"]
    values: list[int | None] = [None, *range(largest + 1)]
    box = scale_box(light["display"], factor)
    width, height = box[2] - box[0], box[3] - box[1]
    templates = np.stack([
        soften(cv2.resize(np.asarray(display_image(right - left, bottom - top, value)), (width, height),
                          interpolation=cv2.INTER_AREA)).astype(np.int16)
        for value in values
    ])
    patches = soften(frames[:, box[1]:box[3], box[0]:box[2]]).astype(np.int16)
    distances = np.abs(patches[:, None] - templates[None]).mean(axis=(2, 3, 4))
    best = distances.argmin(axis=1)
    return [values[k] if distances[t, k] <= DISPLAY_TOLERANCE else -1 for t, k in enumerate(best)]


def longest_common_subsequence(a: Sequence, b: Sequence) -> int:
    """Length of the longest common subsequence of ``a`` and ``b``."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def read_states(clip_frames: np.ndarray, solution: dict) -> list[tuple | None]:
    """Per frame, (A colour, B colour, A count, B count), or None where any part is unreadable."""
    factor = clip_frames.shape[1] / FRAME_SIZE
    largest = max(solution["a_count"], solution["b_count"])
    light_a, light_b = solution["lights"]
    colors_a, colors_b = _light_colors(clip_frames, light_a, factor), _light_colors(clip_frames, light_b, factor)
    counts_a = _display_counts(clip_frames, light_a, factor, largest)
    counts_b = _display_counts(clip_frames, light_b, factor, largest)
    out: list[tuple | None] = []
    for state in zip(colors_a, colors_b, counts_a, counts_b, strict=False):
        readable = state[0] is not None and state[1] is not None and state[2] != -1 and state[3] != -1
        out.append(state if readable else None)
    return out


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-52 against the sample's timeline of light states."""
    solution = sample.solution
    clip = working_clip(video)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    expected = collapse([tuple(state) for state in solution["timeline"]])
    frame_states = read_states(clip.frames, solution)
    seen = collapse(frame_states)
    readable = sum(state is not None for state in frame_states) / len(frame_states)
    if not seen:
        return Score.zero("the lights and countdowns are never readable", readable=readable)
    start = starts_like(video.clip(), sample.first_frame) * (1.0 if seen[0] == expected[0] else 0.0)
    tail = [state for state in frame_states[-3:] if state is not None]
    end = 1.0 if tail and all(state == expected[-1] for state in tail) else 0.0
    # The first and last states are judged by start and end; order counts the states in between.
    matched = longest_common_subsequence(seen, expected)
    order = max(0, matched - 2) / max(1, max(len(expected), len(seen)) - 2)
    reasons = []
    if not start:
        reasons.append(f"opens on {seen[0]}, not {expected[0]}")
    if not end:
        reasons.append(f"ends on {tail[-1] if tail else 'an unreadable state'}, not {expected[-1]}")
    if order < 1:
        reasons.append(f"{len(seen)} states shown, {matched} of the {len(expected)} expected in order")
    return Score(value=start * end * order,
                 parts={"start": start, "end": end, "order": order, "readable": readable},
                 reason="; ".join(reasons) or f"all {len(expected)} states in order")
