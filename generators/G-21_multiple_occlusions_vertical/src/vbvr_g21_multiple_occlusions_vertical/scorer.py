"""G-21 scorer: does the dark mask sweep straight down and off the frame, hiding each object as it passes, while
every object stays where and as it was?

The video's colours are first mapped onto the sample's (``judge.compare``: a brighter, darker or tinted video keeps
its mask and objects). Per frame (256 px) the mask is the run of rows in which at least half of the mask's columns
are mask-dark; its top edge is followed down the frame. The scene the mask must leave untouched is the video's own
opening frame with the mask's starting place painted in the background colour (so blur, codec and size changes of
the video are the same on both sides of every comparison).

value = start · path · downward · shape · exits · hidden · kept · background:

- ``start``: the video opens on the sample's first frame;
- ``path``: share of 7 checkpoints between the mask's start and the frame's bottom its top edge passes
  (``progress_coverage``: a mask that holds still, fades or is cut away passes none);
- ``downward``: share of its clear steps that go down (1 from 90 %, 0 at 65 %);
- ``shape``: share of the frames, while wholly in the frame, in which its height is 0.8–1.25 × its own
  (1 up to 10 % of the frames off, 0 from 30 %);
- ``exits``: the mask is gone in the last frames after reaching the bottom quarter of the frame (1 or 0);
- ``hidden``: per object, in the frames where the mask spans its rows, how much of it still shows through (1 up
  to 10 % of its colour, 0 from 40 %) and how dark its box is (1 from 80 %, 0 below 50 %); the worst object;
- ``kept``: per object, the share of its box that differs from the opening scene whenever the mask is off it
  (90th percentile of the frames, and the end) — 1 up to 8 %, 0 from 25 %; the worst object;
- ``background``: the same for the rest of the frame outside the mask (1 up to 0.5 %, 0 from 3 %).
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import Opened, background_part, changed_pixels, clip_scorer, kept_share
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask
from vbvr_core.judge.motion import direction_share, progress_coverage

from vbvr_g21_multiple_occlusions_vertical.generator import Solution

SIZE = 256
DARK_TOLERANCE = 70.0  # RGB distance from the mask colour (after the colour map)
OBJECT_TOLERANCE = 60.0
ROW_SHARE = 0.5  # a mask row: at least this share of the mask's columns dark
EDGE = 4  # pixels (256 px) around the mask's rectangle left out of the scene comparisons
TAIL = 4


def mask_rows(dark: np.ndarray, columns: tuple[int, int]) -> list[tuple[int, int] | None]:
    """Per frame, the (top, bottom) rows of the mask (inclusive) among ``columns``, or None where it is not seen."""
    share = dark[:, :, columns[0]:columns[1]].mean(axis=2)
    out: list[tuple[int, int] | None] = []
    for row in share:
        rows = np.nonzero(row >= ROW_SHARE)[0]
        out.append((int(rows[0]), int(rows[-1])) if len(rows) >= 2 else None)
    return out


@clip_scorer(SIZE)
def score(sample: SampleRef, opened: Opened) -> Score:
    """Score a model's video of G-21 against the sample's mask and objects."""
    solution = Solution.model_validate(sample.solution)
    scale, verdict = opened.scale, opened.verdict
    frames = match_colours(opened.frames, *colour_fit(opened.frames[0], opened.first))
    dark = color_mask(frames, solution.mask_color, DARK_TOLERANCE)
    left, right = (int(round(c * scale)) for c in solution.mask_columns)
    inner = (left + EDGE, right - EDGE)
    rows = mask_rows(dark, inner)
    height = solution.mask_height * scale
    top0 = solution.mask_top * scale

    tops = [None if r is None else float(r[0]) for r in rows]
    path = progress_coverage(tops, top0, SIZE)
    verdict.part("path", path, unless=f"the mask's top edge passes {path:.0%} of the way down and off the frame")
    down = direction_share(tops, +1, dead_band=1.5)
    verdict.part("downward", ramp(1.0 - down, 0.1, 0.35), unless=f"only {down:.0%} of the mask's steps go down")
    whole = [r for r in rows if r is not None and r[1] < SIZE - 3]
    off = [not 0.8 <= (b - t + 1) / height <= 1.25 for t, b in whole]
    off_share = float(np.mean(off)) if off else 1.0
    verdict.part("shape", ramp(off_share, 0.1, 0.3), unless=f"the mask changes size in {off_share:.0%} of the frames")
    reached = max(((t - top0) / (SIZE - top0) for t in tops if t is not None), default=0.0)
    gone = all(r is None for r in rows[-TAIL:]) and dark[-TAIL:, :, left:right].mean() < 0.02
    verdict.part("exits", 1.0 if gone and reached >= 0.75 else 0.0, unless="the mask does not leave the frame at the bottom")

    # The scene the mask leaves untouched: the opening frame with the mask's starting place painted over.
    clean = frames[0].copy()
    opening = rows[0]
    if opening is not None:
        clean[max(0, opening[0] - EDGE):opening[1] + EDGE + 1, max(0, left - EDGE):right + EDGE] = solution.background
    changed = changed_pixels(frames, clean)
    covered = np.zeros(changed.shape, bool)  # where the mask (and its edge) is, per frame
    for k, r in enumerate(rows):
        if r is not None:
            covered[k, max(0, r[0] - EDGE):r[1] + EDGE + 1, max(0, left - EDGE):right + EDGE] = True
    outside = np.ones(changed.shape[1:], bool)

    hidden_values, kept_values, reasons_hidden, reasons_kept = [], [], [], []
    for name, color, box in zip(solution.names, solution.colors, solution.boxes, strict=True):
        x0, y0, x1, y1 = (int(round(v * scale)) for v in box)
        outside[max(0, y0 - 2):y1 + 2, max(0, x0 - 2):x1 + 2] = False
        visible = color_mask(frames[:, y0:y1, x0:x1], color, OBJECT_TOLERANCE).sum(axis=(1, 2))
        full = max(1, int(visible[0]))
        spans = [k for k, r in enumerate(rows) if r is not None and r[0] <= y0 - 1 and r[1] >= y1]
        if not spans:
            hidden_values.append(0.0)
            reasons_hidden.append(f"the mask never covers the {name} object")
        else:
            shows = float(np.median(visible[spans])) / full
            darkness = float(np.median(dark[spans, y0:y1, x0:x1].mean(axis=(1, 2))))
            hidden_values.append(ramp(shows, 0.1, 0.4) * ramp(1.0 - darkness, 0.2, 0.5))
            if hidden_values[-1] < 1:
                reasons_hidden.append(f"the {name} object shows through the mask ({shows:.0%} of it seen)")
        kept, worst = kept_share(changed, covered, slice(max(0, y0 - 2), y1 + 2), slice(max(0, x0 - 2), x1 + 2), TAIL)
        kept_values.append(kept)
        if kept_values[-1] < 1:
            reasons_kept.append(f"the {name} object changes or moves ({worst:.0%} of its box)")
    verdict.part("hidden", min(hidden_values), unless="; ".join(reasons_hidden) or None)
    verdict.part("kept", min(kept_values), unless="; ".join(reasons_kept) or None)
    background_part(verdict, changed, covered, outside)
    return verdict.score(ok="the mask swept down and off the frame, hiding each object in turn; nothing else changed")
