"""G-240 scorer: black borders must appear along every shape that had none, all the way round, and nowhere else.

The outline family's judge follows one figure in a primary colour; here the mark is black and there are
several figures, so this scorer puts the same pieces together (the outline family's boundary masks and
distances, the marking family's dark mask and rest-of-picture check, core's verdict): from the last quarter
second (read at 12 fps, 256 px), the pixels that are clearly dark (judged against the frame's own
background), or darkened clearly since the video's opening frame (a thin border, resampled, is grey, not
black), and were not dark in the first frame form the new borders.

value = start · black · follows · traced · unchanged · (0.9 + 0.1 · progressive): the video opens on the
first frame; *black*: at most 10 % of what the video added is clearly red (none from 30 %: borders drawn in
another colour grey where they mix with a fill, but most of them stays red); *follows*: ≥ 85 % of the new dark pixels lie within the tolerance of an unbordered shape's boundary
(none below 60 %: a shape painted black, borders round the wrong shapes, scribbles); *traced*: every
unbordered shape has new dark pixels along ≥ 95 % of its boundary (none below 85 %: a shape left out scores
0); the rest of the picture matches the first frame up to a global colour drift; the borders grow over at
least 1/6 s. Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import dark_mask, read_new_ink, red_mask
from vbvr_core.families.marking.parts import away_from, unchanged_and_progressive
from vbvr_core.families.outline.judge import (
    JUDGE_SIZE,
    MIN_PIXELS_PER_LENGTH,
    boundary_mask,
    distance_to,
)
from vbvr_core.families.outline.parts import TRACED_FULL, follows_and_traced
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import dilate
from vbvr_core.media.frames import channel_max
from vbvr_core.media.video import VideoReader

from vbvr_g240_add_borders_to_unbordered_shapes.generator import Solution

RED_FULL, RED_ZERO = 0.1, 0.3  # share of the new marks that is clearly red
DARKENED = 50  # grey levels a thin border's pixels darken by, at least


def turned_dark(frames: np.ndarray, opening: np.ndarray) -> np.ndarray:
    """Pixels of ``frames`` that darkened since ``opening``: their brightest channel fell by at least
    ``DARKENED`` (a red line over the canvas or over any fill keeps, or raises, the brightest channel: it
    turned red, not dark)."""
    frames = np.asarray(frames).astype(np.int16)
    opening = np.asarray(opening).astype(np.int16)
    return channel_max(opening) - channel_max(frames) >= DARKENED


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-240 against the sample's unbordered shapes."""
    solution = Solution.model_validate(sample.solution)

    def added(frames: np.ndarray, first_small: np.ndarray) -> np.ndarray:
        # The video's colours mapped onto ours (a drift undone); "turned dark" against its own opening frame (same
        # decoder and resampling): a thin border, half over the fill and half over the canvas, is not black once
        # resampled, but it did darken.
        mapped = match_colours(frames, *colour_fit(frames[0], first_small))
        already = dilate(dark_mask(first_small) | dark_mask(frames[0]), 1)
        return (dark_mask(frames) | turned_dark(mapped, mapped[0])) & ~already

    read = read_new_ink(video, sample.first_frame, added=added, unless="the video does not open on the first frame")
    if isinstance(read, Score):
        return read
    verdict, mark, factor, clip, tail = read.verdict, read.mark, read.factor, read.clip, read.tail
    outlines = [boundary_mask(solution.polygons[k], JUDGE_SIZE) for k in solution.targets]
    length = float(sum(int(o.sum()) for o in outlines))
    if mark.sum() < MIN_PIXELS_PER_LENGTH * length:
        verdict.part("follows", 0.0, unless="no black borders added at the end of the video")
        return verdict.score(ok="")
    # Black, not another colour: a border drawn in red over a fill greys where it mixes with the fill, so it
    # passes as darkened there; the clearly red pixels the video added tell it apart.
    # Only red the video drew counts: pixels that changed since its own opening frame (an orange or pink fill that
    # a colour drift turns red is red from the start; a red border over that fill, or over the canvas, changed)
    # without darkening (a black border blurred into an orange fill turns a dark red, but it darkened).
    end = np.rint(clip.frames[-tail:].astype(np.float32).mean(axis=0))
    turned = channel_max(np.abs(end - clip.frames[0].astype(np.float32))) >= DARKENED
    reds = (red_mask(clip.frames[-tail:]).mean(axis=0) >= 0.5) & turned & ~turned_dark(end, clip.frames[0])
    red_share = float(reds.sum()) / max(1, int(reds.sum() + mark.sum()))
    verdict.note("red_share", red_share)
    verdict.part("black", ramp(red_share, RED_FULL, RED_ZERO), unless="the new borders are not black")
    tol = solution.tolerance * factor
    union = np.logical_or.reduce(outlines)
    follows = float((distance_to(union)[mark] <= tol).mean())
    near_mark = distance_to(mark) <= tol
    shares = [float(near_mark[o].mean()) for o in outlines]
    traced = min(shares)
    missing = [k for k, share in zip(solution.targets, shares, strict=True) if share < TRACED_FULL]
    follows_and_traced(
        verdict, follows, traced,
        astray=f"only {follows:.0%} of the new black lies along the unbordered shapes' boundaries",
        short=f"shapes {missing} are not bordered all the way round (least share {traced:.0%})")
    unchanged_and_progressive(verdict, clip.frames, read.first, away_from(mark, factor), read.counts,
                              changed="the picture outside the new borders changes",
                              at_once="the borders appear at once")
    return verdict.score(ok="a black border all the way round every unbordered shape, nothing else changed")
