"""G-194 scorer: both rings must slide, without jumps, until both centres sit at the image's centre, each ring
keeping its size and colour, and nothing else appearing.

Each ring has its own colour and is followed by it (the colour the video's opening frame shows it in, so a
brighter, darker, blurred or compressed video keeps it; read over the whole stroke when it is too thin to
have pixels one in from its edge), with the arrangement family's tracker and thresholds. From the last
quarter second (read at 12 fps, 256 px):

- *intact*: each ring's pixel count is 0.5–1.6 times what it has in the video's opening frame (not filled,
  not split; the video's own count, since a thin stroke loses pixels of its exact colour to the encoder);
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
    process_part,
    progress_along,
    travel_continuity,
)
from vbvr_core.families.marking.judge import JUDGE_SIZE, TAIL_SECONDS, judged_opening
from vbvr_core.families.marking.parts import REST_FULL, REST_ZERO, rest_change
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import color_mask, dilate
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_g194_construct_concentric_ring.generator import Solution

CENTRED_FULL, CENTRED_ZERO = 8.0, 24.0  # canvas px from the image's centre
SIZE_FULL, SIZE_ZERO = 0.08, 0.2  # relative radius error
PRESENT_FULL, PRESENT_ZERO = 0.9, 0.6  # share of frames in which a ring shows at least half its opening pixels


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-194 against the sample's two rings."""
    s = Solution.model_validate(sample.solution)
    opening = judged_opening(video, sample.first_frame, "the video does not open on the first frame")
    if isinstance(opening, Score):
        return opening
    clip, verdict = opening
    factor = JUDGE_SIZE / FRAME_SIZE
    frames = clip.frames
    first_small = resize_frame(sample.first_frame, JUDGE_SIZE)
    final_small = resize_frame(sample.final_frame, JUDGE_SIZE)
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    end = np.multiply(s.end, factor)
    intact, centred, size, continuity, places = [], [], [], [], []
    for start, name, radius in zip(s.starts, s.colors, s.radii, strict=True):
        rgb = PALETTE[name]
        places.append(color_mask(final_small, rgb, COLOR_TOLERANCE))
        color = observed_color(frames[0], first_small, rgb, stroke=True)
        # The ring's own pixel count in the video's opening frame is the reference: a thin stroke loses pixels
        # of its exact colour to compression, chroma subsampling, blur or a colour drift, at the start as at
        # the end.
        opening = int(color_mask(frames[0], color, COLOR_TOLERANCE).sum())
        track, counts = blob_track(frames, color, COLOR_TOLERANCE, max(3, opening // 4))
        intact.append(INTACT_LOW <= float(np.median(counts[-tail:])) / max(1, opening) <= INTACT_HIGH)
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
        progress = progress_along(track, np.multiply(start, factor), end)
        # Seen whole all the way: a cross-fade shows each ring only near the ends (faint in between).
        present = float((counts >= 0.5 * max(1, int(counts[0]))).mean())
        continuity.append(travel_continuity(progress) * ramp(-present, -PRESENT_FULL, -PRESENT_ZERO))
    verdict.part("intact", float(np.mean(intact)), unless="a ring changed size, was filled or split")
    verdict.part("centred", min(centred), unless=f"a ring's centre is not at the image's centre ({centred})")
    verdict.part("size", min(size), unless=f"a ring's radius changed ({size})")
    keep = ~dilate(np.logical_or.reduce(places), max(3, round(8 * factor)))
    change = rest_change(frames[-tail:], final_small, keep)
    verdict.part("unchanged", ramp(float(change.max()), REST_FULL, REST_ZERO),
                 unless="something other than the two rings is left in the picture at the end")
    process_part(verdict, float(np.mean(continuity)), "a ring jumps instead of sliding", 0.08)
    return verdict.score(ok="both rings slid to the image's centre, concentric, sizes and colours kept")
