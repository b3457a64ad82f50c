"""O-18 scorer: the ray judge of the physics family (:func:`vbvr_core.families.physics.rays.ray_score`: start,
angle, anchored, length, clean, growth) on the red refracted ray, which should leave the point where the incident
ray meets the boundary in the direction Snell's law n₁·sin θ₁ = n₂·sin θ₂ gives, and reach the picture's edge.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.physics.rays import ray_score
from vbvr_core.media.video import VideoReader

from vbvr_o18_glass_refraction.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-18 against Snell's law."""
    solution = Solution.model_validate(sample.solution)
    return ray_score(video.clip(size=256), sample.first_frame, solution.hit, solution.refracted, solution.length,
                     law="Snell's law",
                     ok=f"refracted from {solution.incidence:g}° to {solution.refraction:.1f}° from the normal, "
                        f"as n1 sin θ1 = n2 sin θ2 says")
