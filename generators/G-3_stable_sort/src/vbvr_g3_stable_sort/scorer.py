"""G-3 scorer: follow each shape by its colour and judge the sorted row (see vbvr_core.families.arrangement.judge).

Checks: the video opens on the first frame; at the end every shape is present at its own size, the
shapes stand on one horizontal line in the stable order (by key; equal keys in their original order),
the row below the first and centred; and each shape got there by moving continuously (a cut scores ≤ 0.08).
An unstable order — equal keys swapped — counts as a wrong order.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.arrangement.judge import judge_arrangement
from vbvr_core.media.video import VideoReader

from vbvr_g3_stable_sort.generator import Solution

# The prompt says "a new row below", not how far below: the row's height is judged loosely.
HEIGHT_TOLERANCE = 60.0


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-3 against the sample's shapes, their starts and their places in the sorted row."""
    solution = Solution.model_validate(sample.solution)
    return judge_arrangement(video.clip(), sample.first_frame, sample.final_frame, solution.colors, solution.starts,
                             solution.ends, solution.order, height_tolerance=HEIGHT_TOLERANCE)
