"""O-24 scorer: the domino chain judge of :mod:`vbvr_core.families.dominoes.judge` on the sample's row.

value = start · end · order · process: every domino stands at first; at the end exactly the dominoes up to the
last one before the first too-wide gap lie and the others stand; each falls no earlier than the one before
it; and the falls are spread in time (a cut or a cross-fade topples everything at once).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.dominoes.judge import judge_solution
from vbvr_core.media.video import VideoReader

from vbvr_o24_domino_chain_gap_analysis.generator import Solution


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of the row's chain reaction."""
    return judge_solution(video, Solution.model_validate(sample.solution))
