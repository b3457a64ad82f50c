"""G-39 scorer: follow the green box from the first object to the second, and check both objects stay as they were.

The video (read at 256 px, 12 fps) has its colours mapped onto ours first (the gain and offset that turn its
opening frame into the sample's first frame). The box is found by its green hue (the green channel above both
others); the centre of its pixels is the box's centre and their horizontal spread its size (a square outline, or a
ring, of half side h spreads about 0.82 h). Parts:

- ``start``: the video opens on the first frame, the box around the first object;
- ``end``: in the last frame the box is centred on the second object (within a quarter of its box's half side plus
  2 % of the frame) — a box around both objects, or left on the first, is not;
- ``size``: the last box fits the second object (its spread 0.6–1.6 × the expected one; none below 0.45 or from 2.0);
- ``objects``: each object is still where it was, by colour-mask IoU against the first frame (≥ 0.6);
- ``process``: the box passes 5 evenly spaced places between the objects along the line joining them, staying
  near that line: a place is passed when the box is seen within a tenth of the slide of it, or between two
  consecutive frames (1/12 s apart) in which the box moved no more than ``STEP`` of the slide across it — an
  eased slide, fast in the middle, passes the places between the frames that show it; a cut or a jump does
  not. A frame whose green pixels spread wider than 1.5 boxes (two boxes at once), or lying half on the
  outlines of the boxes at the two ends (a cross-fade between them), shows no sliding box.

value = start · end · size · objects · (0.05 + 0.95 · process): a cut straight to the final frame keeps 0.05.
Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.draw import PALETTE
from vbvr_core.judge.compare import colour_fit, match_colours, starts_like
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask, hue_mask, mask_iou
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader
from vbvr_core.plane import share_along

from vbvr_g39_attention_shift_different.generator import SHAPE_REACH, Solution

SIZE = 256
GREEN_MARGIN = 30  # the green channel exceeds both others by this much
SPREAD = 0.82  # a square outline's (or ring's) horizontal standard deviation, in units of its half side
STILL_IOU = 0.6
BAND, ON_ENDS = 3, 0.5  # a frame with half its green within 3 judge px of the end boxes' outlines shows no slide
TWO_BOXES = 1.5  # green pixels spread wider than this × one box's spread are not one box
CHECKPOINTS, GRAIN = 5, 0.1  # places along the slide the box must pass; how near (share of the slide) counts
STEP = 1 / 3  # share of the slide the box may move between frames and still pass the places between (our eased
# slide eased once more moves up to ~0.22 a frame at 12 fps, ~0.33 at 8 fps or 1.5x faster; a jump halfway, 0.5)


def _green_boxes(frames: np.ndarray, min_pixels: int, max_spread: float,
                 ends: np.ndarray) -> list[tuple[float, float, float, float] | None]:
    """Per frame, the green pixels' centre and horizontal spread, or None when there are too few, or when they
    spread (both axes together) wider than ``max_spread``: two boxes at once, as in a cross-fade, are not one box
    between them. The fourth value is the share of the pixels on ``ends`` (the outlines of the boxes at both ends)."""
    out: list[tuple[float, float, float, float] | None] = []
    for mask in hue_mask(frames, 1, GREEN_MARGIN):
        ys, xs = np.nonzero(mask)
        if len(xs) < min_pixels or float(np.hypot(xs.std(), ys.std())) > max_spread:
            out.append(None)
        else:
            on_ends = float(ends[ys, xs].mean())
            out.append((float(xs.mean()), float(ys.mean()), float(xs.std()), on_ends))
    return out


def _outline(center, half: float, scale: float) -> np.ndarray:
    """A band of ``BAND`` judge px round the outline of the square box of ``half`` side at ``center``."""
    ys, xs = np.mgrid[0:SIZE, 0:SIZE]
    x, y, h = center[0] * scale, center[1] * scale, half * scale
    edge = np.maximum(np.abs(xs - x), np.abs(ys - y))
    return np.abs(edge - h) <= BAND


def _patch(center, half: float, scale: float) -> tuple[slice, slice]:
    x, y, h = center[0] * scale, center[1] * scale, half * scale
    return (slice(max(0, int(y - h)), min(SIZE, int(y + h) + 1)), slice(max(0, int(x - h)), min(SIZE, int(x + h) + 1)))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-39 against the sample's two objects."""
    s = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE, fps=JUDGE_FPS)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    scale = SIZE / sample.first_frame.shape[0]
    reference = resize_frame(sample.first_frame, SIZE)
    # The colour map from the video's opening to our first frame, fitted away from the box (a ring or a box of
    # another size is no colour change).
    plain = ~(hue_mask(clip.frames[0], 1, GREEN_MARGIN) | hue_mask(reference, 1, GREEN_MARGIN))
    frames = match_colours(clip.frames, *colour_fit(clip.frames[0][plain], reference[plain]))
    (ax, ay), (bx, by) = s.centers
    h0, h1 = s.box_halves
    min_pixels = int(0.3 * 8 * min(h0, h1) * scale * 2)
    ends = _outline((ax, ay), h0, scale) | _outline((bx, by), h1, scale)
    boxes = _green_boxes(frames, min_pixels, TWO_BOXES * SPREAD * np.sqrt(2) * max(h0, h1) * scale, ends)
    tolerance = lambda half: 0.25 * half + 0.02 * 512  # noqa: E731 — px on the 512 canvas
    verdict = Verdict()
    first = boxes[0]
    opens = bool(starts_like(clip, sample.first_frame)) and first is not None and \
        np.hypot(first[0] / scale - ax, first[1] / scale - ay) <= tolerance(h0)
    if not verdict.part("start", float(opens), unless="the video does not open on the first frame with the box "
                                                       "around the first object"):
        return verdict.score(ok="")
    last = boxes[-1]
    if last is None:
        verdict.part("end", 0.0, unless="no green box in the last frame")
        return verdict.score(ok="")
    off = float(np.hypot(last[0] / scale - bx, last[1] / scale - by))
    verdict.part("end", float(off <= tolerance(h1)),
                 unless=f"the box ends at ({last[0] / scale:.0f}, {last[1] / scale:.0f}), {off:.0f} px from the "
                        f"{s.colors[1]} {s.kinds[1]}")
    ratio = last[2] / (SPREAD * h1 * scale)
    verdict.part("size", min(ramp(ratio, 1.6, 2.0), ramp(-ratio, -0.6, -0.45)),
                 unless=f"the last box is {ratio:.2f} × the size of a box around the {s.kinds[1]}")
    final = frames[-1]
    kept = []
    for center, color, radius in zip(s.centers, s.colors, s.radii, strict=True):
        patch = _patch(center, radius * SHAPE_REACH, scale)
        rgb = PALETTE[color]
        kept.append(mask_iou(color_mask(reference[patch], rgb, 60.0), color_mask(final[patch], rgb, 60.0)) >= STILL_IOU)
    verdict.part("objects", float(all(kept)), unless="an object changed, moved or vanished")
    span = np.array([bx - ax, by - ay]) * scale
    length = float(np.hypot(*span))
    along: list[float | None] = [None] * len(boxes)
    near = []
    for frame, box in enumerate(boxes):
        if box is None or box[3] >= ON_ENDS:  # no box, or (a fade of) the boxes at the two ends
            continue
        offset = np.array([box[0] - ax * scale, box[1] - ay * scale])
        along[frame] = share_along(offset, (0.0, 0.0), span)
        near.append(abs(float(offset[0] * span[1] - offset[1] * span[0])) / length <= tolerance(max(h0, h1)) * scale)
    process = progress_coverage(along, 0.0, 1.0, checkpoints=CHECKPOINTS, resolution=GRAIN, bridge=STEP) * \
        (float(np.mean(near)) if near else 0.0)
    verdict.note("process", process)
    verdict.part("slide", 0.05 + 0.95 * process, unless=f"the slide is shown through {process:.0%} of its path")
    return verdict.score(ok="the green box slid from the first object to the other; both objects kept")
