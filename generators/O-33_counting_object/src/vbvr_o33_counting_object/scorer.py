"""O-33 scorer: read the count the model wrote at the bottom, and check the scene is left as it was.

The answer is read font-independently (:mod:`vbvr_core.judge.read_text`): the dark glyphs in the band
below the scene, in the last quarter second, are matched against glyphs of every bundled font, and the
last number is the answer ("Count: 12", "12" and "count 12" all read 12). Checks: the video opens on the
first frame; the number written is the answer; every object is still there, unchanged. The counting
process (each counted object ringed in turn) is not required; it weighs 0.15.
"""

from __future__ import annotations

import math

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.read_text import read_number
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o33_counting_object.generator import Solution
from vbvr_o33_counting_object.label import SCENE_BOTTOM

JUDGE_FPS = 12.0
JUDGE_SIZE = 512  # small text must stay legible
LABEL_ALPHABET = "0123456789Count:"
MAX_GLYPH = 44  # px on the 512 canvas: taller dark shapes in the band are boxes and lines, not text
OBJECT_CHANGE_LIMIT = 45.0  # mean RGB difference at an object's core above which it counts as changed


def read_count(frame: np.ndarray) -> int | None:
    """The last number written in the band below the scene of ``frame`` (square, any size), or None."""
    factor = frame.shape[0] / FRAME_SIZE
    band = frame[int(SCENE_BOTTOM * factor):]
    return read_number(band, LABEL_ALPHABET, max_height=MAX_GLYPH * factor)


def _highlighted(frames: np.ndarray, center, radius: float, color, stroke: float) -> bool:
    """Whether a ring of ``color`` (``stroke`` pixels wide) appears around ``center`` in some frame."""
    size = frames.shape[1]
    x, y = center
    reach = int(math.ceil(radius + 4))
    x0, y0 = max(0, int(x) - reach), max(0, int(y) - reach)
    x1, y1 = min(size, int(x) + reach + 1), min(size, int(y) + reach + 1)
    patch = frames[:, y0:y1, x0:x1].astype(np.int16)
    near = np.abs(patch - np.asarray(color, dtype=np.int16)).max(axis=-1) <= 70
    ys, xs = np.mgrid[y0:y1, x0:x1]
    band = np.abs(np.hypot(xs - x, ys - y) - radius) <= 3
    return bool((near[:, band].sum(axis=1) >= 0.4 * 2 * math.pi * radius * stroke).any())


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-33 against the sample's answer and objects."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    verdict = Verdict()
    if not verdict.part("start", starts_like(clip, sample.first_frame), unless="the video does not open on the first frame"):
        return verdict.score(ok="")
    first = resize_frame(sample.first_frame, JUDGE_SIZE)
    last = np.median(clip.frames[-3:], axis=0).astype(np.uint8)
    shown = read_count(last)
    verdict.part("answer", float(shown == solution.answer),
                 unless="no readable count at the bottom" if shown is None
                 else f"the count written is {shown}, the answer is {solution.answer}")
    changed = 0
    for (x, y), object_size in zip(solution.centers, solution.sizes, strict=True):
        half = max(1, int(object_size * 0.15))
        core = (slice(int(round(y)) - half, int(round(y)) + half + 1), slice(int(round(x)) - half, int(round(x)) + half + 1))
        changed += np.abs(last[core].astype(np.int16) - first[core].astype(np.int16)).mean() > OBJECT_CHANGE_LIMIT
    verdict.part("intact", 1 - changed / len(solution.centers), unless=f"{changed} objects were changed or removed")
    ringed = [_highlighted(clip.frames, solution.centers[k], solution.sizes[k] / 2 + 7, solution.highlight, 4.0)
              for k in solution.counted]
    process = float(np.mean(ringed))
    verdict.note("process", process)
    verdict.factor(0.85 + 0.15 * process, when=process < 1,
                   reason=f"{ringed.count(False)} of {len(ringed)} counted objects were never highlighted")
    return verdict.score(ok=f"shows the right count {solution.answer}; every counted object was highlighted")
