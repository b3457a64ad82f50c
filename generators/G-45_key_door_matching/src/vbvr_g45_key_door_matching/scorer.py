"""G-45 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``), ending in
the door, with the walls and the keys of other colours as forbidden cells (entering one keeps 0.3 of the
score), times the part ``key``: 1 when the agent reached the key of the door's colour before it first reached
the door, else 0. Fetching a wrong key instead scores 0.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.gridwalk.judge import first_passes, score_walk
from vbvr_core.media.video import VideoReader

from vbvr_g45_key_door_matching.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-45 against the sample's maze, keys and door."""
    s = Solution.model_validate(sample.solution)

    def key(verdict, walk):
        verdict.part("key", bool(first_passes(walk, [s.key], s.door)),
                     unless=f"the {s.door_color} key was not fetched before the door")
        return f"the {s.door_color} key, then the door, in {s.optimal_steps} steps"

    return score_walk(video, s.layout, s.agent_color, s.start, s.door, s.optimal_steps, blocked=s.walls,
                      forbidden=set(s.walls) | set(s.wrong_keys), parts=key)
