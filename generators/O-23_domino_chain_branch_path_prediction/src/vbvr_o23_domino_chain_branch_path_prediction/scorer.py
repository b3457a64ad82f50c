"""O-23 scorer: the domino chain judge of :mod:`vbvr_core.families.dominoes.judge` on the sample's Y.

value = start · end · order · process: every domino stands at first; at the end exactly the dominoes the
chain reaches lie (both branches up to their gaps) and the others stand; each domino falls no earlier than the
one that knocks it; and the falls are spread in time (a cut or a cross-fade topples everything at once).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.dominoes.judge import judge_solution
from vbvr_core.media.video import VideoReader

from vbvr_o23_domino_chain_branch_path_prediction.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of the Y's chain reaction."""
    return judge_solution(video, Solution.model_validate(sample.solution))
