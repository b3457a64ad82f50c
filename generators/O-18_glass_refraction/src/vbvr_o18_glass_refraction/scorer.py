"""O-18 scorer: measure the red ray drawn from the point on the boundary and compare its direction with Snell's law.

New red ink (red that the video's opening frame does not hold) is read in every frame at 256 px
(``vbvr_core.families.physics.rays``). In the last frame its principal direction away from the point where the
incident ray meets the boundary is the drawn refracted ray. Parts:

- ``start``: the video opens on the sample's first picture (colours matched);
- ``angle``: the drawn direction against Snell's law n₁·sin θ₁ = n₂·sin θ₂ — full credit within 2.5°, none
  from 6°;
- ``anchored``: the ray starts at the point on the boundary (within 14 px);
- ``length``: share of the segment from that point to the picture's edge the ray covers (full from 90 %, none up to 60 %);
- ``clean``: share of the new red ink off that line (full up to 10 %, none from 40 %);
- ``growth``: the ray grows — its extent passes the intermediate lengths (a ray that appears whole keeps 0.05).

value = start · angle · anchored · length · clean · growth.
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
