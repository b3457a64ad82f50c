"""O-33 scorer: read the count the model's last frames show, and check the scene is left as it was.

The answer is read by rendering the label for every candidate count (and for "no label") exactly as
the generator draws it, at the clip's size, and asking which one the label box of the last frames
matches best (template matching, a few pixels of slack). Checks: the video opens on the first frame;
the label shows the right count; every object is still there, unchanged. The counting process (each
counted object highlighted in turn) is not required; it weighs 0.15.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.draw import new_canvas, to_frame
from vbvr_core.judge.compare import starts_like
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o33_counting_object.label import LABEL_BOX, with_label

SLACK = 6  # pixels (at the clip's size) the label may sit off its place
MAX_CANDIDATE = 40
READ_LIMIT = 45.0  # RMS grey-level error above which the label counts as unreadable
OBJECT_CHANGE_LIMIT = 45.0  # mean RGB difference at an object's core above which it counts as changed


@functools.lru_cache(maxsize=256)
def _label_template(count: int, size: int) -> np.ndarray:
    """The label box for ``count`` at clip size ``size`` (float32, H×W×3)."""
    frame = with_label(to_frame(new_canvas()), count)
    box = _scaled_box(size)
    return resize_frame(frame, size)[box[1]:box[3], box[0]:box[2]].astype(np.float32)


def _scaled_box(size: int) -> tuple[int, int, int, int]:
    """The label box at clip size, inset past its rounded corners (whose outside shows the background)."""
    factor = size / FRAME_SIZE
    left, top, right, bottom = LABEL_BOX
    return tuple(int(round(v * factor)) for v in (left + 6, top + 4, right - 6, bottom - 4))


def read_count(frame: np.ndarray, empty: np.ndarray, largest: int) -> tuple[int | None, float]:
    """The count the label box of ``frame`` shows (None for no label) and the RMS error of that reading.

    ``empty`` is the first frame at the same size (what the box region shows without a label).
    """
    import cv2

    size = frame.shape[0]
    left, top, right, bottom = _scaled_box(size)
    window = frame[max(0, top - SLACK):min(size, bottom + SLACK), max(0, left - SLACK):min(size, right + SLACK)]
    window = window.astype(np.float32)
    best, best_error = None, math.sqrt(float(np.mean((frame[top:bottom, left:right].astype(np.float32)
                                                        - empty[top:bottom, left:right]) ** 2)))
    for count in range(0, largest + 1):
        template = _label_template(count, size)
        errors = cv2.matchTemplate(window, template, cv2.TM_SQDIFF)
        error = math.sqrt(float(errors.min()) / template.size)
        if error < best_error:
            best, best_error = count, error
    return best, best_error


def _highlighted(clip_frames: np.ndarray, center, radius: float, color, stroke: float) -> bool:
    """Whether a ring of ``color`` (``stroke`` pixels wide) appears around ``center`` in some frame (clip pixels)."""
    size = clip_frames.shape[1]
    x, y = center
    reach = int(math.ceil(radius + 4))
    x0, y0 = max(0, int(x) - reach), max(0, int(y) - reach)
    x1, y1 = min(size, int(x) + reach + 1), min(size, int(y) + reach + 1)
    patch = clip_frames[:, y0:y1, x0:x1].astype(np.int16)
    near = np.abs(patch - np.asarray(color, dtype=np.int16)).max(axis=-1) <= 70
    ys, xs = np.mgrid[y0:y1, x0:x1]
    band = np.abs(np.hypot(xs - x, ys - y) - radius) <= 3
    expected = 2 * math.pi * radius * stroke
    return bool((near[:, band].sum(axis=1) >= 0.4 * expected).any())


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-33 against the sample's answer and objects."""
    solution = sample.solution
    clip = video.clip()
    if not starts_like(clip, sample.first_frame):
        return Score.zero("the video does not open on the first frame", start=0.0)
    size = clip.frames.shape[1]
    factor = size / FRAME_SIZE
    first_small = resize_frame(sample.first_frame, size)
    last = np.median(clip.frames[-3:], axis=0).astype(np.uint8)
    answer = solution["answer"]
    shown, error = read_count(last, first_small, max(MAX_CANDIDATE, answer + 10))
    readable = shown is not None and error <= READ_LIMIT
    correct = 1.0 if readable and shown == answer else 0.0
    intact_flags = []
    for (x, y), object_size in zip(solution["centers"], solution["sizes"], strict=True):
        half = max(1, int(object_size * factor * 0.15))
        cx, cy = int(round(x * factor)), int(round(y * factor))
        core = (slice(cy - half, cy + half + 1), slice(cx - half, cx + half + 1))
        change = np.abs(last[core].astype(np.int16) - first_small[core].astype(np.int16)).mean()
        intact_flags.append(change <= OBJECT_CHANGE_LIMIT)
    intact = float(np.mean(intact_flags))
    counted = solution["counted"]
    highlighted = [_highlighted(clip.frames, (solution["centers"][k][0] * factor, solution["centers"][k][1] * factor),
                                (solution["sizes"][k] / 2 + 7) * factor, solution["highlight"], max(1.0, 4 * factor))
                   for k in counted]
    process = float(np.mean(highlighted)) if highlighted else 0.0
    reasons = []
    if not readable:
        reasons.append("no readable count label at the end")
    elif not correct:
        reasons.append(f"the label shows {shown}, the answer is {answer}")
    if intact < 1:
        reasons.append(f"{sum(not f for f in intact_flags)} objects were changed or removed")
    if process < 1:
        reasons.append(f"{sum(not h for h in highlighted)} of {len(counted)} counted objects were never highlighted")
    return Score(
        value=correct * intact * (0.85 + 0.15 * process),
        parts={"start": 1.0, "answer": correct, "intact": intact, "process": process,
               "read_error": round(error, 2)},
        reason="; ".join(reasons) or f"shows the right count {answer}; every counted object was highlighted",
    )
