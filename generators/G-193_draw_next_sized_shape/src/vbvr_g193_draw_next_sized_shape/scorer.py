"""G-193 scorer: the shape drawn in the box must be the one that continues the size pattern — its kind and
colour, the size the pattern calls for, in the box — and nothing else may change.

From the last quarter second (read at 12 fps, at full 512 px: the small class of a long row is ~25 px across), the pixels of the row's colour (as the video's opening
frame shows it) inside the box region (the box and a margin around it, where a shape drawn for the box could
reach) form the drawn shape; they are compared with a shape of the answer's size class in the video's own row
(same codec, blur and resampling, so the measure's bias cancels; our final frame's answer if none is intact):

- *size*: the drawn shape's equivalent radius (square root of its area) within 7 % of the answer's in full,
  none from 16 % (the neighbouring size class is at least 23 % off);
- *position*: its centre within 6 px (canvas) of the box's centre in full, none from 16 px;
- *kind*: the overlap (IoU) of the drawn shape and the reference, centred on each other (best within 2 px),
  at least 0.8 in full, none from 0.65 (a star where circles stand overlaps ≈ 0.6);
- *row_kept*: every shown slot still holds, at the end, the amount of ink it held in the video's opening frame
  (the worst slot's area ratio ≥ 0.85, none from 0.7; a mirrored or reshuffled row fails), and *unchanged*: the picture outside the box
  region matches the first frame up to a global colour drift.

value = start · size · position · kind · row_kept · unchanged · (0.9 + 0.1 · progressive), where start = the
video opens on this sample's scene (its drawing matched, every slot's ink area within 0.7 of ours, and its
shapes' colour ours under the canvas's drift, within 50 — so another sample's video fails) with the box still
empty, and
progressive = the shape grows over at least 1/6 s (the process is not asked for). Never raises.
"""

from __future__ import annotations

import math

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.draw import PALETTE
from vbvr_core.families.marking.parts import unchanged_and_progressive
from vbvr_core.judge.compare import starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import centroid, color_mask, mask_iou
from vbvr_core.judge.motion import observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max, resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_g193_draw_next_sized_shape.generator import CLASS_NAMES, Solution

JUDGE_SIZE, TAIL_SECONDS = 512, 0.25  # full size: the small shapes are ~15 px across
COLOR_TOLERANCE = 70.0  # about half way from a fill colour to the canvas: edge pixels split evenly
SIZE_FULL, SIZE_ZERO = 0.07, 0.16
POSITION_FULL, POSITION_ZERO = 6.0, 16.0
KIND_FULL, KIND_ZERO = 0.8, 0.65
INK = 60  # grey levels from the background: a shape's pixel
# The worst shown slot's ink-area ratio against ours: a blurred video's small stars keep ≈ 0.75, a row of
# other sizes or the row mirrored ≤ 0.6.
ROW_FULL, ROW_ZERO = 0.7, 0.5
KEPT_FULL, KEPT_ZERO = 0.85, 0.7  # the row at the end against the video's own opening row (same degradation)
COLOUR_REACH = 50.0  # RGB distance between the row's colour as shown and ours under the canvas's drift
ALIGN_SEARCH = 2  # px the overlap's alignment may move off the centres' offset
REGION = 1.6  # the box region: this many half sides around the box's centre


def _shifted(mask: np.ndarray, dx: int, dy: int) -> np.ndarray:
    out = np.zeros_like(mask)
    h, w = mask.shape
    ys, xs = np.nonzero(mask)
    ys, xs = ys + dy, xs + dx
    keep = (ys >= 0) & (ys < h) & (xs >= 0) & (xs < w)
    out[ys[keep], xs[keep]] = True
    return out


def best_overlap(drawn: np.ndarray, reference: np.ndarray, dx: int, dy: int, search: int = ALIGN_SEARCH) -> float:
    """The IoU of ``drawn`` moved onto ``reference`` (by ``dx``, ``dy``: their centres' offset), at its best within
    ``search`` px of that (a centroid is a sub-pixel estimate; a small star's points are a few pixels wide)."""
    best = 0.0
    for ox in range(-search, search + 1):
        for oy in range(-search, search + 1):
            moved = _shifted(drawn, dx + ox, dy + oy)
            best = max(best, mask_iou(moved, reference))
    return best


def slot_areas(frame: np.ndarray, centers, half: float) -> np.ndarray:
    """The ink (pixels at least ``INK`` grey levels from the frame's background colour in some channel) in each
    slot's window of half side ``half`` around ``centers`` (judge px)."""
    background = np.median(frame.reshape(-1, 3), axis=0)
    ink = channel_max(np.abs(frame.astype(np.int16) - background.astype(np.int16))) >= INK
    areas = []
    for x, y in centers:
        areas.append(int(ink[max(0, round(y - half)):round(y + half) + 1,
                             max(0, round(x - half)):round(x + half) + 1].sum()))
    return np.asarray(areas, dtype=np.float64)


def row_match(frame: np.ndarray, reference: np.ndarray) -> float:
    """How well ``frame``'s row matches ``reference``'s: the worst slot's ratio of ink areas (1 = alike)."""
    a, b = frame, reference
    return float(np.min(np.minimum(a, b) / np.maximum(np.maximum(a, b), 1.0)))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-193 against the sample's answer shape."""
    s = Solution.model_validate(sample.solution)
    clip = video.clip(size=JUDGE_SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    factor = JUDGE_SIZE / FRAME_SIZE
    first_small = resize_frame(sample.first_frame, JUDGE_SIZE)
    final_small = resize_frame(sample.final_frame, JUDGE_SIZE)
    rgb = PALETTE[s.color]
    color = observed_color(clip.frames[0], first_small, rgb)
    cx, cy = (v * factor for v in s.centers[-1])
    slot_half = (s.centers[1][0] - s.centers[0][0]) / 2
    reach = min(REGION * s.box_half, 1.02 * slot_half) * factor  # never into the neighbouring shape's reach
    region = np.zeros(first_small.shape[:2], bool)
    region[max(0, round(cy - reach)):round(cy + reach) + 1, max(0, round(cx - reach)):round(cx + reach) + 1] = True
    expected = color_mask(final_small, rgb, COLOR_TOLERANCE) & region
    top, bottom = max(0, round(cy - reach)), round(cy + reach) + 1
    left, right = max(0, round(cx - reach)), round(cx + reach) + 1
    counts = color_mask(clip.frames[:, top:bottom, left:right], color, COLOR_TOLERANCE).sum(axis=(1, 2))
    verdict = Verdict()
    # The scene is matched at full size (at half size a row of the same slots with other sizes passes); the rest
    # of the picture is judged at half size (four times cheaper).
    half_first = resize_frame(sample.first_frame, JUDGE_SIZE // 2)
    # Each shown slot must hold our shape's amount of ink, at the start and at the end: a filled row of the same
    # slots but other sizes (another sample), or the row mirrored, is another row.
    shown = [tuple(v * factor for v in c) for c in s.centers[:-1]]
    slot_reach = slot_half * factor
    ours = slot_areas(first_small, shown, slot_reach)
    # The row's colour must be ours up to a drift (with one colour on a plain canvas, a colour fit would map any
    # other colour onto ours): the drift is estimated from the canvas alone, as a per-channel gain, and the
    # shapes' colour as the video shows it must be our colour under that gain.
    gain = (np.median(clip.frames[0].reshape(-1, 3), axis=0).astype(np.float64)
            / np.maximum(np.median(first_small.reshape(-1, 3), axis=0).astype(np.float64), 1.0))
    drifted = np.clip(np.asarray(rgb, np.float64) * gain, 0, 255)
    own_colour = float(np.linalg.norm(np.asarray(color, np.float64) - drifted)) <= COLOUR_REACH
    opens = (starts_like(clip, sample.first_frame) and own_colour
             and row_match(slot_areas(clip.frames[0], shown, slot_reach), ours) >= ROW_FULL
             and counts[0] < 0.2 * max(1, int(expected.sum())))
    if not verdict.part("start", float(opens), unless="the video does not open on this scene with the box empty"):
        return verdict.score(ok="")
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    ink = color_mask(clip.frames[-tail:], color, COLOR_TOLERANCE).mean(axis=0) >= 0.5
    drawn = ink & region
    # The size and kind the pattern calls for, read from the video's own shapes of the answer's class (the same
    # codec, blur and resampling as the drawn shape, so a small red star's thinned points do not count as an
    # error); our final frame's answer when the row shows none intact.
    half = slot_half * factor
    references = []
    for k, c in enumerate(s.classes):
        if c != s.answer:
            continue
        x, y = (v * factor for v in s.centers[k])
        window = np.zeros_like(region)
        window[max(0, round(y - half)):round(y + half) + 1, max(0, round(x - half)):round(x + half) + 1] = True
        references.append(ink & window)
    references = [r for r in references if r.sum() >= 0.5 * expected.sum()] or [expected]
    reference = min(references, key=lambda r: abs(int(r.sum()) - int(np.median([q.sum() for q in references]))))
    if drawn.sum() < 0.25 * reference.sum():
        verdict.part("size", 0.0, unless="no shape of the row's colour in the box at the end")
        return verdict.score(ok="")
    size_error = abs(math.sqrt(drawn.sum() / max(1, int(reference.sum()))) - 1.0)
    verdict.note("size_error", size_error)
    verdict.part("size", ramp(size_error, SIZE_FULL, SIZE_ZERO),
                 unless=f"the shape's size is {size_error:.0%} off the size the pattern calls for")
    (dx, dy), (ex, ey) = centroid(drawn), centroid(expected)
    offset = math.hypot(dx - ex, dy - ey) / factor
    verdict.part("position", ramp(offset, POSITION_FULL, POSITION_ZERO),
                 unless=f"the shape stands {offset:.0f} px off the box's centre")
    rx, ry = centroid(reference)
    iou = best_overlap(drawn, reference, round(rx - dx), round(ry - dy))
    verdict.note("iou", iou)
    verdict.part("kind", ramp(-iou, -KIND_FULL, -KIND_ZERO), unless=f"the shape is not a {s.kind} (overlap {iou:.2f})")
    opening = slot_areas(clip.frames[0], shown, slot_reach)
    kept = min(row_match(slot_areas(frame, shown, slot_reach), opening) for frame in clip.frames[-tail:])
    verdict.part("row_kept", ramp(-kept, -KEPT_FULL, -KEPT_ZERO), unless="the shown row changed")
    half_frames = np.stack([resize_frame(f, JUDGE_SIZE // 2) for f in clip.frames])
    unchanged_and_progressive(verdict, half_frames, half_first, ~region[::2, ::2], counts,
                              changed="the picture outside the box changes", at_once="the shape appears at once")
    return verdict.score(ok=f"the {CLASS_NAMES[s.answer]} {s.kind} that continues the pattern, in the box; nothing else changed")
