"""O-19 scorer: the ray judge of the physics family (:func:`vbvr_core.families.physics.rays.ray_score`: start,
angle, anchored, length, clean, growth) on the red reflected ray, which should leave the point where the incident
ray meets the mirror in the direction the law of reflection gives, r = d − 2(d·n)n, and reach the picture's edge.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.physics.rays import ray_score
from vbvr_core.media.video import VideoReader

from vbvr_o19_mirror_reflection.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-19 against the law of reflection."""
    solution = Solution.model_validate(sample.solution)
    return ray_score(video.clip(size=256), sample.first_frame, solution.hit, solution.reflected, solution.length,
                     law="the law of reflection",
                     ok=f"reflected at {solution.incidence:g}° from the normal, as the law says")
