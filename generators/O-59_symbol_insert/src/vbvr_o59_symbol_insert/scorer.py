"""O-59 scorer: check the row after insertion slot by slot, and that the insertion was shown.

End state: every slot of the expected new row (centred, as the solution says) is compared between the
video's last frame (its colours mapped onto ours) and the reference final frame, by the soft IoU of how
much of that slot's symbol colour each pixel holds over its background, both slightly blurred
(:mod:`vbvr_core.judge.ink`: a thin glyph resized, blurred or a little off still matches); a slot
matches at IoU ≥ 0.5. ``end`` = 1 when all slots match; 0 when the new symbol's own slot does not (it was
not inserted, or not there); else 0.25 × the share that match (a symbol inserted one place off breaks two
slots and keeps at most 0.25).

Process: ``descent`` — the new symbol (its colour is unique) passes the heights between its start
above the gap and the row; ``shift`` — the row's outer edge on the side that moves (the right edge,
or the left one for an insertion at the end) passes the positions between its start and end.
value = end · (0.05 + 0.95 · descent · shift): a cut straight to the final frame keeps 0.05.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.ink import background_of, ink_centres, ink_map, ink_overlap
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o59_symbol_insert.generator import Solution

SLOT_IOU = 0.5
INK = 60.0
# Both slot images are blurred by this share of the symbol size before they are compared: a glyph drawn
# a little off, in another font or blurred still overlaps the reference's.
BLUR_SHARE = 0.06


def slot_matches(frame: np.ndarray, reference: np.ndarray, solution: Solution) -> list[bool]:
    """For each slot of the expected row, whether ``frame`` shows the reference's symbol there: the soft IoU of
    the two slots' ink of that symbol's colour (each over its own background) reaches ``SLOT_IOU``."""
    scale = frame.shape[1] / 512
    half = max(2, int(solution.spacing * 0.5 * scale))
    y = solution.row_y * scale
    sigma = max(0.8, BLUR_SHARE * solution.symbol_size * scale)
    frame_background, reference_background = background_of(frame), background_of(reference)
    matches = []
    for x, (_, color) in zip(solution.final_xs, solution.final_row, strict=True):
        box = (slice(max(0, int(y - 1.6 * half)), int(y + 1.6 * half)), slice(max(0, int(x * scale - half)), int(x * scale + half)))
        want = ink_map(reference[box], color, reference_background)
        got = ink_map(frame[box], color, frame_background)
        matches.append(ink_overlap(want, got, sigma) >= SLOT_IOU)
    return matches


def edge_track(frames: np.ndarray, solution: Solution, side: str) -> list[float | None]:
    """Per frame, the x (512 canvas) of the leftmost or rightmost ink pixel in the row's band."""
    scale = frames.shape[2] / 512
    half = solution.symbol_size * 0.45 * scale
    y0, y1 = int(solution.row_y * scale - half), int(solution.row_y * scale + half)
    band = frames[:, y0:y1].astype(np.int16)
    background = np.median(band[0].reshape(-1, 3), axis=0)
    ink = (np.abs(band - background).sum(axis=-1) > INK).sum(axis=1) >= 2  # T × W columns with ink
    out: list[float | None] = []
    for columns in ink:
        found = np.flatnonzero(columns)
        out.append(None if found.size == 0 else float(found[-1] if side == "right" else found[0]) / scale)
    return out


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-59 against the sample's expected row."""
    solution = Solution.model_validate(sample.solution)
    frames = video.clip().frames
    size = frames.shape[2]
    scale = size / 512
    # The video's colours, mapped onto ours by the fit of its opening frame to the sample's first frame.
    frames = match_colours(frames, *colour_fit(frames[0], resize_frame(sample.first_frame, size)))
    matches = slot_matches(frames[-1], resize_frame(sample.final_frame, size), solution)
    share = sum(matches) / len(matches)
    inserted = matches[solution.position - 1]
    end = 1.0 if all(matches) else 0.25 * share if inserted else 0.0
    gap_x = solution.final_xs[solution.position - 1] * scale
    column = (int(max(0, gap_x - solution.spacing * 0.6 * scale)), 0,
              int(min(size, gap_x + solution.spacing * 0.6 * scale)), frames.shape[1])
    centres = ink_centres(frames, solution.new_symbol[1], column, min_ink=max(2.0, (solution.symbol_size * scale) ** 2 * 0.03))
    # As for the shift below: two intermediate heights, each within a quarter of the way (an eased slide at 8 fps).
    descent = progress_coverage([None if c is None else c[1] / scale for c in centres], solution.above_y,
                                solution.row_y, checkpoints=2, resolution=(solution.row_y - solution.above_y) / 4)
    at_end = solution.position == len(solution.row) + 1
    half_step = solution.spacing / 2
    edges = edge_track(frames, solution, "left" if at_end else "right")
    shift = 0.0
    if edges[0] is not None:
        # Two intermediate edges, each within a quarter of the way: the gap opens in a few frames, and at 8 fps
        # an eased opening shows only 10 %, 50 % and 90 % of it.
        shift = progress_coverage(edges, edges[0], edges[0] + (-half_step if at_end else half_step), checkpoints=2,
                                  resolution=max(1.0 / scale, half_step / 4))
    verdict = Verdict()
    wrong = [k + 1 for k, ok in enumerate(matches) if not ok]
    verdict.part("end", end, unless=f"the final row differs from the expected one at position(s) {wrong}")
    verdict.note("slots", share)
    verdict.note("descent", descent)
    verdict.note("shift", shift)
    verdict.part("process", 0.05 + 0.95 * descent * shift)
    if descent < 1:
        verdict.fail(f"the new symbol's slide into the gap is shown through {descent:.0%} of its path")
    if shift < 1:
        verdict.fail(f"the row's opening of the gap is shown through {shift:.0%} of its path")
    return verdict.score(ok=f"inserted the {solution.new_name} at position {solution.position}")
