"""O-19 scorer: measure the red ray drawn from the point on the mirror and compare its direction with the law.

New red ink (red that the video's opening frame does not hold) is read in every frame at 256 px
(``vbvr_core.families.physics.rays``). In the last frame its principal direction away from the point where the
incident ray meets the mirror is the drawn reflected ray. Parts:

- ``start``: the video opens on the sample's first picture (colours matched);
- ``angle``: the drawn direction against the law's, r = d − 2(d·n)n — full credit within 2.5°, none from 6°;
- ``anchored``: the ray starts at the point on the mirror (within 14 px);
- ``length``: share of the segment from that point to the picture's edge the ray covers (full from 90 %, none up to 60 %);
- ``clean``: share of the new red ink off that line (full up to 10 %, none from 40 %);
- ``growth``: the ray grows — its extent passes the intermediate lengths (a ray that appears whole keeps 0.05).

value = start · angle · anchored · length · clean · growth.
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
