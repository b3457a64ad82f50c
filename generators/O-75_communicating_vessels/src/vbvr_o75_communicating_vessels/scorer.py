"""O-75 scorer: read the water level in every vessel, frame by frame, and compare it with hydrostatics.

The water is found by its hue: a pixel's "waterness" is how far its blue exceeds both other channels, relative to
the water in the pipe in the opening frame (0 below a quarter of it, 1 from three quarters) — brightness, tint,
blur and compression keep it. In each vessel, the level is the summed waterness of the rows of a central band
(the middle 60 % of its inner width, from 30 px above its rim down to its bottom), on the 512-px canvas; a frame
where more than four rows of a vessel are partly water shows no clear surface (a cross-fade) and gives no level.
Parts:

- ``start``: the first frame shows each vessel's start level;
- ``end``: in the last frame every vessel's level is at the common height h = Σ wᵢ·hᵢ / Σ wᵢ (full credit within
  the tolerance, none from 2.5 times it);
- ``volume``: share of frames whose total water Σ wᵢ·levelᵢ stays within 4 % (plus the tolerance's share) of
  the start's — water neither lost nor gained while it flows;
- ``flow``: for each vessel whose level must move, the share of 4 intermediate levels between its start and h
  it passes (a cut to the final picture passes none).

value = start · end · volume · flow, flow = 0.05 + 0.95 · the mean share of intermediate levels passed.
Tolerance: 6 px.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.credit import ramp, ramps
from vbvr_core.judge.masks import channel_margin
from vbvr_core.judge.motion import progress_coverage
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader

from vbvr_o75_communicating_vessels.generator import Solution

BLUE_MARGIN = 50
AMBIGUOUS_ROWS = 4  # rows (at the clip's size) a surface may take to go from water to air (blur, compression)
VOLUME_SHARE = 0.04
MIN_MOVE = 40.0  # px a vessel's level must move for its process to be judged
TOLERANCE = 6.0  # how far (px, 512-px canvas) a level may be from the law's


def water_levels(solution: Solution, frames: np.ndarray) -> np.ndarray:
    """Per frame and vessel, the water's height above the vessel's bottom (px on the 512-px canvas), NaN where the
    vessel shows no clear surface (more than AMBIGUOUS_ROWS rows half water, as in a cross-fade)."""
    scale = frames.shape[2] / 512
    margin = channel_margin(frames, 2).astype(np.float32)  # blue over the larger of red and green
    pipe_top, pipe_bottom = int((solution.bottom + 6) * scale), max(int((solution.bottom + 6) * scale) + 1,
                                                                        int((solution.bottom + 18) * scale))
    centre = int((solution.lefts[0] + 0.5 * solution.widths[0]) * scale)
    full = max(BLUE_MARGIN, float(np.median(margin[0, pipe_top:pipe_bottom, max(0, centre - 3):centre + 4])))
    waterness = ramps(margin, 0.75 * full, 0.25 * full, np.float32)  # 0 below a quarter, 1 from three quarters
    top = max(0, int((solution.top - 30) * scale))
    bottom = int(round(solution.bottom * scale))
    levels = np.zeros((len(frames), len(solution.widths)))
    for k, (left, width) in enumerate(zip(solution.lefts, solution.widths, strict=True)):
        x0 = int(round((left + 0.2 * width) * scale))
        x1 = max(x0 + 1, int(round((left + 0.8 * width) * scale)))
        rows = waterness[:, top:bottom, x0:x1].mean(axis=2)
        unclear = ((rows > 0.05) & (rows < 0.95)).sum(axis=1) > AMBIGUOUS_ROWS
        levels[:, k] = np.where(unclear, np.nan, rows.sum(axis=1) / scale)
    return levels


def judge(solution: Solution, levels: np.ndarray) -> Score:
    """Score the per-frame levels (frames × vessels, px) against the law of communicating vessels."""
    verdict = Verdict()
    tol = TOLERANCE
    start = np.array(solution.start_heights, dtype=np.float64)
    widths = np.array(solution.widths, dtype=np.float64)
    level = solution.level
    opening_error = float(np.nan_to_num(np.abs(levels[0] - start), nan=1e9).max())
    verdict.part("start", 1.0 if opening_error <= tol else 0.0,
                 unless=f"the first frame's levels are up to {opening_error:.0f} px off the start")
    final_error = float(np.nan_to_num(np.abs(levels[-1] - level), nan=1e9).max())
    verdict.part("end", ramp(final_error, tol, 2.5 * tol),
                 unless=f"at the end a level is {final_error:.0f} px off the common level {level:.0f} px")
    volume0 = float(widths @ start)
    clear = ~np.isnan(levels).any(axis=1)
    volumes = np.nan_to_num(levels) @ widths
    allowed = VOLUME_SHARE * volume0 + tol * widths.sum() * 0.5
    kept = float(np.mean(np.abs(volumes[clear] - volume0) <= allowed)) if clear.any() else 0.0
    verdict.part("volume", ramp(1.0 - kept, 0.05, 0.3),
                 unless=f"the total water stays as it was in {kept:.0%} of frames")
    moving = [k for k in range(len(widths)) if abs(start[k] - level) >= MIN_MOVE]
    process = float(np.mean([progress_coverage([None if np.isnan(v) else float(v) for v in levels[:, k]], start[k],
                                               level, checkpoints=4, resolution=tol / 2)
                             for k in moving])) if moving else 1.0
    verdict.part("flow", 0.05 + 0.95 * process,
                 unless=f"the levels pass {process:.0%} of their intermediate heights")
    verdict.note("final_error_px", final_error)
    return verdict.score(ok=f"the water settles at one common level, {level:.0f} px above the bottom, with its "
                            "volume kept")


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-75 against hydrostatics."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=256)
    if not clip.ok:
        return Score.zero(clip.error or "the video has no frames")
    return judge(solution, water_levels(solution, clip.frames))
