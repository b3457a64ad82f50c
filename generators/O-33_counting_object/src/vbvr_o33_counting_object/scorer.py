"""O-33 scorer: read the count the model wrote at the bottom, and check the scene is left as it was.

The answer is the last number written below the scene in the video's last frames, read font-independently
(:func:`vbvr_core.judge.read_text.read_number`: "Count: 12", "12" and "count 12" all read 12). Checks: the video
opens on the first frame, with no count written yet; the number written is the answer; every object is still there,
unchanged, and no highlight ring is left on the scene at the end (the prompt says to change nothing else, and a
video that stops half-way through the counting still shows its current ring). The counting process (each counted
object ringed in turn) is not required; it weighs 0.15.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.marking.judge import judged_opening, ring_seen
from vbvr_core.judge.read_text import read_number
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o33_counting_object.generator import SCENE_BOTTOM, Solution

JUDGE_SIZE = 512  # small text must stay legible
LABEL_ALPHABET = "0123456789Count:"
MAX_GLYPH = 44  # px on the 512 canvas: taller dark shapes in the band are boxes and lines, not text
OBJECT_CHANGE_LIMIT = 45.0  # mean RGB difference at an object's core above which it counts as changed


def read_count(frame: np.ndarray) -> int | None:
    """The last number written in the band below the scene of ``frame`` (square, any size), or None."""
    factor = frame.shape[0] / FRAME_SIZE
    band = frame[int(SCENE_BOTTOM * factor):]
    return read_number(band, LABEL_ALPHABET, max_height=MAX_GLYPH * factor)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-33 against the sample's answer and objects."""
    solution = Solution.model_validate(sample.solution)
    opened = judged_opening(video, sample.first_frame, "the video does not open on the first frame, without a count",
                            lambda clip: read_count(clip.frames[0]) is None, JUDGE_SIZE)  # no answer yet
    if isinstance(opened, Score):
        return opened
    clip, verdict = opened
    first = resize_frame(sample.first_frame, JUDGE_SIZE)
    last = np.median(clip.frames[-3:], axis=0).astype(np.uint8)
    shown = read_count(last)
    verdict.part("answer", float(shown == solution.answer),
                 unless="no readable count at the bottom" if shown is None
                 else f"the count written is {shown}, the answer is {solution.answer}")
    changed = 0
    for (x, y), object_size in zip(solution.centers, solution.sizes, strict=True):
        half, x, y = max(1, int(object_size * 0.15)), round(x), round(y)
        core = (slice(y - half, y + half + 1), slice(x - half, x + half + 1))
        changed += np.abs(last[core].astype(np.int16) - first[core].astype(np.int16)).mean() > OBJECT_CHANGE_LIMIT
    verdict.part("intact", 1 - changed / len(solution.centers), unless=f"{changed} objects were changed or removed")
    rings = [(solution.centers[k], solution.sizes[k] / 2 + 7) for k in solution.counted]
    ringed = [ring_seen(clip.frames, center, radius, solution.highlight, 4.0) for center, radius in rings]
    left = sum(ring_seen(clip.frames[-3:], center, radius, solution.highlight, 4.0) for center, radius in rings)
    verdict.part("tidy", float(left == 0), unless=f"{left} highlight rings are still on the scene at the end")
    process = float(np.mean(ringed))
    verdict.note("process", process)
    verdict.factor(0.85 + 0.15 * process, when=process < 1,
                   reason=f"{ringed.count(False)} of {len(ringed)} counted objects were never highlighted")
    return verdict.score(ok=f"shows the right count {solution.answer}; every counted object was highlighted")
