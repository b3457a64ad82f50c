"""O-59 scorer: check the row after insertion slot by slot, and that the insertion was shown.

End state: every slot of the expected new row (centred, as the solution says) is compared between the
video's last frame and the reference final frame, by the IoU of that slot's symbol colour; a slot
matches at IoU ≥ 0.5. ``end`` = 1 when all slots match, else 0.25 × the share that match (a symbol
inserted one place off breaks two slots and keeps at most 0.25).

Process: ``descent`` — the new symbol (its colour is unique) passes the heights between its start
above the gap and the row; ``shift`` — the row's outer edge on the side that moves (the right edge,
or the left one for an insertion at the end) passes the positions between its start and end.
value = end · (0.05 + 0.95 · descent · shift): a cut straight to the final frame keeps 0.05.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import blob_centroids, progress_coverage
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

SLOT_IOU = 0.5
INK = 60.0


def slot_matches(frame: np.ndarray, reference: np.ndarray, solution: dict) -> list[bool]:
    """For each slot of the expected row, whether ``frame`` shows the reference's symbol there."""
    scale = frame.shape[1] / 512
    half = max(2, int(solution["spacing"] * 0.5 * scale))
    y = solution["row_y"] * scale
    matches = []
    for x, (_, color) in zip(solution["final_xs"], solution["final_row"], strict=True):
        box = (slice(max(0, int(y - 1.6 * half)), int(y + 1.6 * half)), slice(max(0, int(x * scale - half)), int(x * scale + half)))
        want = color_mask(reference[box], color, 60.0)
        got = color_mask(frame[box], color, 60.0)
        union = (want | got).sum()
        matches.append(bool(union) and (want & got).sum() / union >= SLOT_IOU)
    return matches


def edge_track(frames: np.ndarray, solution: dict, side: str) -> list[float | None]:
    """Per frame, the x (512 canvas) of the leftmost or rightmost ink pixel in the row's band."""
    scale = frames.shape[2] / 512
    half = solution["symbol_size"] * 0.45 * scale
    y0, y1 = int(solution["row_y"] * scale - half), int(solution["row_y"] * scale + half)
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
    solution = sample.solution
    clip = video.clip()
    frames = clip.frames
    size = frames.shape[2]
    scale = size / 512
    reference = resize_frame(sample.final_frame, size)
    matches = slot_matches(frames[-1], reference, solution)
    share = sum(matches) / len(matches)
    end = 1.0 if all(matches) else 0.25 * share
    gap_x = solution["final_xs"][solution["position"] - 1] * scale
    column = (int(max(0, gap_x - solution["spacing"] * 0.6 * scale)), 0,
              int(min(size, gap_x + solution["spacing"] * 0.6 * scale)), frames.shape[1])
    new_color = solution["new_symbol"][1]
    centres = blob_centroids(frames, new_color, 60.0, min_pixels=max(3, int((solution["symbol_size"] * scale) ** 2 * 0.05)),
                             box=column)
    descent = progress_coverage([None if c is None else c[1] / scale for c in centres], solution["above_y"],
                                solution["row_y"], checkpoints=4)
    length = len(solution["row"])
    at_end = solution["position"] == length + 1
    side = "left" if at_end else "right"
    half_step = solution["spacing"] / 2
    edges = edge_track(frames, solution, side)
    start_edge = edges[0]
    shift = 0.0
    if start_edge is not None:
        shift = progress_coverage(edges, start_edge, start_edge + (-half_step if at_end else half_step), checkpoints=3,
                                  resolution=1.0 / scale)
    value = end * (0.05 + 0.95 * descent * shift)
    reasons = []
    if not all(matches):
        wrong = [k + 1 for k, ok in enumerate(matches) if not ok]
        reasons.append(f"the final row differs from the expected one at position(s) {wrong}")
    if descent < 1:
        reasons.append(f"the new symbol's slide into the gap is shown through {descent:.0%} of its path")
    if shift < 1:
        reasons.append(f"the row's opening of the gap is shown through {shift:.0%} of its path")
    return Score(value=value, parts={"end": end, "slots": share, "descent": descent, "shift": shift},
                 reason="; ".join(reasons) or f"inserted the {solution['new_name']} at position {solution['position']}")
