"""G-9 scorer: are exactly the shapes of the asked kind in the asked region marked in green?

The official convention marks in green; the geometry_marks family's ``judge_point_marks`` reads red marks, so the
scorer hands it the video and the first frame with the red and green channels swapped (a green border becomes a
red one; no shape is green, so no shape turns red). Every shape is an anchor and the matching ones the targets:
the marked shapes must be exactly the matching ones (one missed, or a shape of the kind in another region or
another kind in the region marked, scores 0); a square border is round (it surrounds its centre on every side),
and a mark may reach as far as a box around one shape (``SMALL_FULL``), no farther.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.geometry_marks.judge import judge_point_marks
from vbvr_core.media.video import VideoClip, VideoReader

from vbvr_g9_identify_objects_in_region.generator import Solution

SWAP = [1, 0, 2]  # red ↔ green
SMALL_FULL, SMALL_ZERO = 0.1, 0.14  # a box's reach (its corners) as a share of the frame: one shape, not a region


class GreenAsRed:
    """A view of a model's video with the red and green channels swapped, for a judge that reads red marks."""

    def __init__(self, video: VideoReader):
        self._video = video

    def clip(self, *args, **kwargs) -> VideoClip:
        clip = self._video.clip(*args, **kwargs)
        if not clip.ok:
            return clip
        return dataclasses.replace(clip, frames=np.ascontiguousarray(clip.frames[..., SWAP]))

    @property
    def error(self) -> str | None:
        return self._video.error


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-9 against the sample's matching shapes."""
    solution = Solution.model_validate(sample.solution)
    first = np.ascontiguousarray(sample.first_frame[..., SWAP])
    return judge_point_marks(GreenAsRed(video), first, solution.centers, solution.targets,
                             small_full=SMALL_FULL, small_zero=SMALL_ZERO,
                             ok="every shape of the asked kind in the asked region marked in green, no other; "
                                "the rest unchanged")
