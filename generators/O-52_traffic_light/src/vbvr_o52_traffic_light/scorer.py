"""O-52 scorer: read both lights and both countdowns in every frame, and compare the order of states.

The video is read at 12 frames a second. Per frame, each lamp is classified lit or dark by its colour,
and each countdown display is read font-independently (:mod:`vbvr_core.judge.read_text`: blank = dark);
frames where anything is unreadable are skipped. The readable states, with repeats collapsed, must follow the timing rule's sequence: value =
start · end · order, where start = the video opens on the first state, end = its last frames show the
asked-for final state, and order = the states in between that appear in order (longest common
subsequence with the expected states, minus the two ends) over the in-between states of the longer of
the two sequences: skipped seconds, extra states and wrong orders all lower it. A cut straight to the
final frame shows no state in between and scores 0.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.fill_in.judge import scale_box
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.read_text import read_text
from vbvr_core.judge.sequence import longest_common_subsequence
from vbvr_core.judge.track import collapse
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_o52_traffic_light.generator import LAMP_OFF, LAMP_ON, Solution

LAMP_TOLERANCE = 90.0  # a lamp farther than this from both its lit and dark colour is unreadable
MIN_GLYPH_MATCH = 0.6  # a display whose digits match no font's glyph this well is unreadable
TAIL_SECONDS = 1 / 6  # the end state must hold this long
JUDGE_SIZE = 512  # countdown digits are about 25 px tall on the 512 canvas


def _lamp_on(frames: np.ndarray, box: Sequence[int], color: str) -> list[bool | None]:
    """Per frame, whether the lamp in ``box`` (working-size pixels) is lit, dark, or unreadable (None)."""
    left, top, right, bottom = box
    inset_x, inset_y = (right - left) // 4, (bottom - top) // 4
    means = frames[:, top + inset_y:bottom - inset_y, left + inset_x:right - inset_x].mean(axis=(1, 2))
    on = np.linalg.norm(means - np.asarray(LAMP_ON[color]), axis=1)
    off = np.linalg.norm(means - np.asarray(LAMP_OFF[color]), axis=1)
    return [None if min(a, b) > LAMP_TOLERANCE else bool(a < b) for a, b in zip(on, off, strict=False)]


def _light_colors(frames: np.ndarray, light: dict, factor: float) -> list[str | None]:
    red, green = (_lamp_on(frames, scale_box(light[f"{color}_lamp"], factor), color) for color in ("red", "green"))
    return ["red" if r and g is False else "green" if g and r is False else None for r, g in zip(red, green, strict=False)]


def _display_counts(frames: np.ndarray, light: dict, factor: float) -> list[int | None]:
    """Per frame, the count the display shows (None: dark), or ``-1`` when its digits cannot be read."""
    left, top, right, bottom = scale_box(light["display"], factor)
    # Inside the display's frame: a blurred or resampled frame would otherwise merge with the digits.
    inset_x, inset_y = int(0.12 * (right - left)), int(0.17 * (bottom - top))
    counts: list[int | None] = []
    read: dict[bytes, int | None] = {}  # a display mostly shows the same pixels for many frames: read them once
    for frame in frames:
        display = frame[top + inset_y:bottom - inset_y, left + inset_x:right - inset_x]
        key = display.tobytes()
        if key not in read:
            text, match = read_text(display)
            read[key] = None if not text else int(text) if match >= MIN_GLYPH_MATCH else -1
        counts.append(read[key])
    return counts


def read_states(clip_frames: np.ndarray, solution: Solution) -> list[tuple | None]:
    """Per frame, (A colour, B colour, A count, B count), or None where any part is unreadable."""
    factor = clip_frames.shape[1] / FRAME_SIZE
    # per-frame series in state order: A colour, B colour, A count, B count
    series = [read(clip_frames, light, factor) for read in (_light_colors, _display_counts) for light in solution.lights]
    return [state if None not in state[:2] and -1 not in state[2:] else None for state in zip(*series, strict=True)]


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-52 against the sample's timeline of light states."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    expected = collapse([tuple(state) for state in solution.timeline])
    frame_states = read_states(clip.frames, solution)
    seen = collapse(frame_states)
    verdict = Verdict()
    verdict.note("readable", sum(state is not None for state in frame_states) / len(frame_states))
    if not seen:
        verdict.part("start", 0.0, unless="the lights and countdowns are never readable")
        return verdict.score(ok="")
    verdict.part("start", starts_like(clip, sample.first_frame) * float(seen[0] == expected[0]),
                 unless=f"opens on {seen[0]}, not {expected[0]}")
    tail = [state for state in frame_states[-round(TAIL_SECONDS * JUDGE_FPS):] if state is not None]
    verdict.part("end", float(bool(tail) and all(state == expected[-1] for state in tail)),
                 unless=f"ends on {tail[-1] if tail else 'an unreadable state'}, not {expected[-1]}")
    # The first and last states are judged by start and end; order counts the states in between.
    matched = longest_common_subsequence(seen, expected)
    verdict.part("order", max(0, matched - 2) / max(1, max(len(expected), len(seen)) - 2),
                 unless=f"{len(seen)} states shown, {matched} of the {len(expected)} expected in order")
    return verdict.score(ok=f"all {len(expected)} states in order")
