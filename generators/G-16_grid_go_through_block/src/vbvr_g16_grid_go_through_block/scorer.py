"""G-16 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``: steps against
the optimal walk through the blocks) times (blocks passed before the agent first reaches the goal / blocks)².
Any equally short walk through the blocks keeps full marks; a walk that skips the only block scores 0, one that
skips one of two keeps at most a quarter.

The family tracker bridges a two-cell hop round a corner through the corner the agent turned round (the corner cell
nearer the midpoint of the two sightings of the agent's centre), so a fast or eased walk keeps a block it turned on.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.gridwalk.judge import first_passes, score_walk
from vbvr_core.media.video import VideoReader

from vbvr_g16_grid_go_through_block.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-16 against the sample's grid, start, blocks and goal."""
    s = Solution.model_validate(sample.solution)

    def blocks(verdict, walk):
        passed, total = len(first_passes(walk, s.blocks, s.goal)), len(s.blocks)
        verdict.part("blocks", (passed / total) ** 2, unless=f"{total - passed} of {total} blocks not passed before the goal")
        return f"through every block to the goal in {s.optimal_steps} steps"

    return score_walk(video, s.layout, s.agent_color, s.start, s.goal, s.optimal_steps, parts=blocks)
