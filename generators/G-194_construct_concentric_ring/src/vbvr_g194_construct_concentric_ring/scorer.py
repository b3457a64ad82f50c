"""G-194 scorer: both rings must slide, without jumps, until both centres sit at the image's centre, each ring
keeping its size and colour, and nothing else appearing.

Each ring has its own colour and is followed by it (the colour the video's opening frame shows it in, so a
brighter, darker or tinted video keeps it), with the arrangement family's tracker and thresholds. From the
last quarter second (read at 12 fps, 256 px):

- *intact*: each ring's pixel count is 0.5–1.6 times what it has in the final frame (not filled, not split);
- *centred*: each ring's centre lies within 8 px (canvas) of the image's centre in full, none from 24 px
  (a ring left where it was, stopped short or meeting the other elsewhere scores 0);
- *size*: each ring's radius (its pixels' mean distance from its centre) within 8 % of the expected, none
  from 20 %;
- *unchanged*: away from the rings' final place, the picture matches the final frame (no ghost left behind);
- *process*: each ring travels in steps — the largest jump of its progress (0 at its start, 1 at the centre)
  between frames where it is seen, as in the arrangement family (a cut is one jump and keeps 0.08), and it
  is seen whole (at least half its opening pixels) in ≥ 90 % of the frames (none from 60 %: a cross-fade
  shows each ring only near the ends).

value = start · intact · centred · size · unchanged · (0.08 + 0.92 · continuity). Never raises.
"""

from __future__ import annotations

import math

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.draw import PALETTE
from vbvr_core.families.arrangement.judge import (
    COLOR_TOLERANCE,
    INTACT_HIGH,
    INTACT_LOW,
    STEP_FULL,
    STEP_ZERO,
    largest_step,
)
from vbvr_core.families.marking.parts import REST_FULL, REST_ZERO, rest_change
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_g194_construct_concentric_ring.generator import Solution

JUDGE_SIZE, JUDGE_FPS, TAIL_SECONDS = 256, 12.0, 0.25
CENTRED_FULL, CENTRED_ZERO = 8.0, 24.0  # canvas px from the image's centre
SIZE_FULL, SIZE_ZERO = 0.08, 0.2  # relative radius error
PRESENT_FULL, PRESENT_ZERO = 0.9, 0.6  # share of frames in which a ring shows at least half its opening pixels


def _dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    import cv2

    kernel = np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)
    return cv2.dilate(mask.astype(np.uint8), kernel) > 0


def _progress(track, start: np.ndarray, end: np.ndarray) -> list[float | None]:
    direction = end - start
    length_sq = float(direction @ direction)
    return [None if q is None else float((np.asarray(q) - start) @ direction / length_sq) for q in track]


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-194 against the sample's two rings."""
    s = Solution.model_validate(sample.solution)
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    verdict = Verdict()
    if not verdict.part("start", float(starts_like(clip, sample.first_frame)),
                        unless="the video does not open on the first frame"):
        return verdict.score(ok="")
    factor = JUDGE_SIZE / FRAME_SIZE
    frames = clip.frames
    first_small = resize_frame(sample.first_frame, JUDGE_SIZE)
    final_small = resize_frame(sample.final_frame, JUDGE_SIZE)
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    end = np.multiply(s.end, factor)
    intact, centred, size, continuity, places = [], [], [], [], []
    for start, name, radius in zip(s.starts, s.colors, s.radii, strict=True):
        rgb = PALETTE[name]
        expected_mask = color_mask(final_small, rgb, COLOR_TOLERANCE)
        places.append(expected_mask)
        pixels = int(expected_mask.sum())
        color = observed_color(frames[0], first_small, rgb)
        track, counts = blob_track(frames, color, COLOR_TOLERANCE, max(3, pixels // 4))
        intact.append(INTACT_LOW <= float(np.median(counts[-tail:])) / max(1, pixels) <= INTACT_HIGH)
        seen = [q for q in track[-tail:] if q is not None]
        if not seen:
            centred.append(0.0)
            size.append(0.0)
            continuity.append(0.0)
            continue
        at = np.median(np.asarray(seen), axis=0)
        centred.append(ramp(math.dist(at, end) / factor, CENTRED_FULL, CENTRED_ZERO))
        mask = color_mask(frames[-1], color, COLOR_TOLERANCE)
        ys, xs = np.nonzero(mask)
        expected_radius = (radius - s.ring_width / 2) * factor
        observed = float(np.hypot(xs - at[0], ys - at[1]).mean()) if len(xs) else 0.0
        size.append(ramp(abs(observed - expected_radius) / expected_radius, SIZE_FULL, SIZE_ZERO))
        progress = _progress(track, np.multiply(start, factor), end)
        known = [v for v in progress if v is not None]
        travelled = float(max(known) - min(known)) if known else 0.0
        # Seen whole all the way: a cross-fade shows each ring only near the ends (faint in between).
        present = float((counts >= 0.5 * max(1, int(counts[0]))).mean())
        continuity.append(ramp(largest_step(progress), STEP_FULL, STEP_ZERO) * ramp(-travelled, -0.8, -0.4)
                          * ramp(-present, -PRESENT_FULL, -PRESENT_ZERO))
    verdict.part("intact", float(np.mean(intact)), unless="a ring changed size, was filled or split")
    verdict.part("centred", min(centred), unless=f"a ring's centre is not at the image's centre ({centred})")
    verdict.part("size", min(size), unless=f"a ring's radius changed ({size})")
    keep = ~_dilate(np.logical_or.reduce(places), max(3, round(8 * factor)))
    change = rest_change(frames[-tail:], final_small, keep)
    verdict.part("unchanged", ramp(float(change.max()), REST_FULL, REST_ZERO),
                 unless="something other than the two rings is left in the picture at the end")
    smooth = float(np.mean(continuity))
    verdict.note("continuity", smooth)
    verdict.part("process", 0.08 + 0.92 * smooth, unless=f"a ring jumps instead of sliding (continuity {smooth:.2f})")
    return verdict.score(ok="both rings slid to the image's centre, concentric, sizes and colours kept")
