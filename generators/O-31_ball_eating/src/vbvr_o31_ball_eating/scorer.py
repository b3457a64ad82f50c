"""O-31 scorer: follow the black ball and the red balls, and judge the greedy eating.

Per frame: how much of each red ball's inner disc still shows red (a hue, so a brighter or tinted video keeps
it), and the black ball — the dark pixels — by its centre and size. A red ball is eaten at the frame after
which it no longer shows. Parts:

- ``start``: in the first frame every red ball shows and the black ball is at its start;
- ``all_eaten``: at the end no red ball shows (1 or 0);
- ``order``: the red balls vanish one at a time in the greedy order (strictly one after another; 1 or 0) —
  a cut or a cross-fade removes them all at once;
- ``bites``: share of the red balls the black ball is on (touching its centre) when they vanish;
- ``growth``: the black ball's final size matches its own area plus the eaten ones (full within 15 %, none
  from 35 %);
- ``continuous``: share of the black ball's frame-to-frame steps without a jump.

value = the product of the six.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import hue_mask, largest_blob
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max
from vbvr_core.media.video import VideoReader

from vbvr_o31_ball_eating.generator import Solution

SIZE = 256
RED_MARGIN = 60  # red exceeds both other channels by this much
DARK = 80  # every channel below this: the black ball
SHOWS, GONE = 0.6, 0.3
MAX_STEP = 100.0  # px of the 512 canvas between two frames' black-ball centres


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-31 against the balls and the greedy order."""
    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE)
    frames = clip.frames
    if len(frames) < 2:
        return Score.zero("the video has fewer than two frames")
    scale = SIZE / FRAME_SIZE
    red = hue_mask(frames, 0, RED_MARGIN)
    dark = channel_max(frames) < DARK
    ys, xs = np.mgrid[0:SIZE, 0:SIZE]
    discs = np.stack([((xs - x * scale) ** 2 + (ys - y * scale) ** 2) <= (0.6 * r * scale) ** 2
                      for x, y, r in solution.reds]).reshape(len(solution.reds), -1).astype(np.float32)
    shows = red.reshape(len(frames), -1).astype(np.float32) @ discs.T / np.maximum(discs.sum(axis=1), 1)[None, :]
    # The black ball: per frame, the largest dark blob (its centre on the 512 canvas; None below 12 pixels).
    blobs = [largest_blob(mask) for mask in dark]
    counts = np.asarray([blob.area if blob else 0 for blob in blobs])
    centres = [np.asarray(blob.centre) / scale if blob and blob.area >= 12 else None for blob in blobs]
    verdict = Verdict()
    start = np.asarray(solution.black_start)
    opens = (shows[0] >= SHOWS).all() and centres[0] is not None and np.linalg.norm(centres[0] - start) <= 0.6 * solution.black_radius
    verdict.part("start", float(opens), unless="the first frame does not show every red ball and the black ball at its start")
    gone = shows[-1] < GONE
    verdict.part("all_eaten", float(gone.all()), unless=f"red balls {np.nonzero(~gone)[0].tolist()} are left at the end")
    eaten_at = []
    for k in range(len(solution.reds)):
        showing = np.nonzero(shows[:, k] >= GONE)[0]
        eaten_at.append(int(showing[-1]) + 1 if len(showing) else 0)
    times = [eaten_at[k] for k in solution.order]
    in_order = all(a < b for a, b in zip(times, times[1:], strict=False))
    verdict.part("order", float(in_order), unless=f"the red balls vanish at frames {times} (greedy order {solution.order})")
    bitten = 0
    radii = [solution.black_radius, *solution.radii_after]
    for step, k in enumerate(solution.order):
        when = min(eaten_at[k], len(frames) - 1)
        near = [c for c in centres[max(0, when - 1):when + 1] if c is not None]
        x, y, r = solution.reds[k]
        if near and min(np.linalg.norm(c - (x, y)) for c in near) <= radii[step] + 0.5 * r:
            bitten += 1
    verdict.part("bites", bitten / len(solution.order), unless=f"the black ball is on {bitten} of the red balls when they vanish")
    final_radius = np.sqrt(counts[-1] / np.pi) / scale
    error = abs(final_radius - radii[-1]) / radii[-1]
    verdict.part("growth", ramp(error, 0.15, 0.35),
                 unless=f"the black ball ends {final_radius:.0f} px in radius, expected {radii[-1]:.0f}")
    seen = [c for c in centres if c is not None]
    steps = [float(np.linalg.norm(b - a)) for a, b in zip(seen, seen[1:], strict=False)]
    continuous = float(np.mean([s <= MAX_STEP for s in steps])) if steps else 0.0
    verdict.part("continuous", continuous, unless="the black ball jumps")
    return verdict.score(ok="the black ball eats every red ball, nearest first, growing as it eats")
