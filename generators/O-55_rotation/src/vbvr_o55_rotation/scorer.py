"""O-55 scorer: read the camera's direction frame by frame and judge the half-turn around the structure.

Each frame's square around the structure, in grey, is correlated with the sample's structure drawn from every
camera direction (every 3°, :func:`~vbvr_o55_rotation.generator.view_templates`); the best match, refined by a
parabola through its neighbours, is the camera's turn so far in that frame. A frame matching no view well (a
blend of two views, another structure, noise, a picture turned in the image plane) is unseen. The turn series
is judged by the rotation family's :func:`~vbvr_core.families.rotation.judge.judge_turn`:

``start`` (the first view is the given one), ``end`` (the last view is the far side, reached the stated way:
a camera that went round the other way has turned −180°, not +180°), ``process`` (the views in between are
shown). value = start · end · (0.05 + 0.95 · process) · seen, so a cut straight to the far side keeps at most
0.05; ``seen`` asks that most frames show the structure from some camera direction.
"""

from __future__ import annotations

import cv2
import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.rotation.judge import judge_turn, turn_parts, turn_scorer, turn_series
from vbvr_core.families.rotation.track import peak_offset
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoClip

from vbvr_o55_rotation.generator import (
    TEMPLATE_SIZE,
    TEMPLATE_STEP,
    Solution,
    features,
    normalised,
    template_box,
    view_templates,
)

MIN_LIKENESS = 0.8  # least correlation of a frame with its best view for the frame to count as a view
SEARCH = 48  # pixels (of 512) the structure may be framed off our place, each way


def crops(frames: np.ndarray, box: tuple[float, float, float, float], side: int) -> np.ndarray:
    """The ``box`` (512² pixels) of every frame (any square size), resized to ``side``², edges replicated."""
    scale = frames.shape[2] / 512
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    pad = max(0, -x0, -y0, x1 - frames.shape[2], y1 - frames.shape[1])
    out = []
    for frame in frames:
        padded = cv2.copyMakeBorder(frame, pad, pad, pad, pad, cv2.BORDER_REPLICATE) if pad else frame
        out.append(cv2.resize(padded[y0 + pad:y1 + pad, x0 + pad:x1 + pad], (side, side), interpolation=cv2.INTER_AREA))
    return np.stack(out)


def framing_shift(opening: np.ndarray, start_view: np.ndarray, box: tuple[int, int, int, int]) -> tuple[float, float]:
    """Where the video frames the structure relative to our frame (512² pixels): the offset, up to ``SEARCH`` px
    each way, at which the opening frame best matches the start view; (0, 0) when nothing matches."""
    x0, y0, x1, y1 = box
    per_pixel = TEMPLATE_SIZE / (x1 - x0)
    reach = round(SEARCH * per_pixel)
    side = TEMPLATE_SIZE + 2 * reach
    margin = reach / per_pixel
    wide = crops(opening[None], (x0 - margin, y0 - margin, x1 + margin, y1 + margin), side)
    result = cv2.matchTemplate(features(wide)[0], start_view.reshape(TEMPLATE_SIZE, TEMPLATE_SIZE).astype(np.float32),
                               cv2.TM_CCOEFF_NORMED)
    _, peak, _, (bx, by) = cv2.minMaxLoc(result)
    if peak < MIN_LIKENESS:
        return 0.0, 0.0

    def refine(values: np.ndarray, at: int) -> float:
        return at + float(peak_offset(*values[at - 1:at + 2])) if 0 < at < len(values) - 1 else float(at)

    return (refine(result[by], bx) - reach) / per_pixel, (refine(result[:, bx], by) - reach) / per_pixel


def view_turns(frames: np.ndarray, templates: np.ndarray, box) -> tuple[list[float | None], list[float]]:
    """Per frame (any square size), the camera's turn in [0, 360) from the start, or None, and the best likeness."""
    flat = normalised(features(crops(frames, box, TEMPLATE_SIZE)))
    likeness = np.einsum("fn,an->fa", flat, templates)
    count = len(templates)
    turns: list[float | None] = []
    best_values = []
    for row in likeness:
        best = int(row.argmax())
        before, peak, after = row[(best - 1) % count], row[best], row[(best + 1) % count]
        best_values.append(float(peak))
        if peak < MIN_LIKENESS:
            turns.append(None)
            continue
        turns.append(float((best + peak_offset(before, peak, after)) * TEMPLATE_STEP % 360.0))
    return turns, best_values


@turn_scorer(Solution)
def score(sample: SampleRef, solution: Solution, clip: VideoClip) -> Score:
    """Score a model's video of O-55 against the sample's structure and stated half-turn."""
    templates = view_templates(solution.cells, solution.elevation, solution.start_azimuth, solution.unit,
                               solution.background)
    box = template_box(solution.unit, solution.cells)
    dx, dy = framing_shift(clip.frames[0], templates[0], box)
    raw, likeness = view_turns(clip.frames, templates, (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy))
    turn = turn_series(raw, 0.0, 360.0)
    target = float(solution.signed_degrees)
    verdict = Verdict()
    seen = float(np.mean([value is not None for value in raw]))
    judged = judge_turn(turn, target, end_full=8.0, end_zero=30.0, resolution=1.5 * TEMPLATE_STEP, checkpoints=7,
                        start_tolerance=10.0)
    if judged is None:
        verdict.part("seen", 0.0, unless="the structure is not seen from any camera direction")
        return verdict.score(ok="")
    turn_parts(verdict, judged, target, "the video does not open on the given view",
               "the camera turned {reached:+.0f}°, expected {target:+.0f}°",
               "the views on the way are shown through {process:.0%} of the turn")
    verdict.part("seen", ramp(1.0 - seen, 0.3, 0.6), unless=f"only {seen:.0%} of the frames show the structure")
    verdict.note("sense", judged.sense)
    verdict.note("likeness", float(np.median(likeness)))
    return verdict.score(ok=f"the camera circled the structure by {target:+.0f}° to the far side")
