"""G-5 scorer: the stacking family's judge (``judge_carried``) — each object, followed by its colour, carried onto
its own star, one at a time, moving rather than jumping.

Any order is right (the generator only keeps instances where every order is clear), so the judge's ``order`` part
— which compares the order the objects start in with the ground truth's — is set aside: its factor is divided out.
The stars are pale tints (≥ 100 RGB from their solid colour), outside the family's colour reach of 38, so a
visible star never pulls an object's colour centre.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import judge_solution
from vbvr_core.media.video import VideoReader

from vbvr_g5_multi_object_placement.generator import Solution

# The rule is every object on its own star: one left behind, or on another's star, keeps a quarter of the rest
# (a video frozen half-way scores <= 0.1).
INCOMPLETE = 0.25
ORDER_REASON = "the pieces do not move in the order asked"


def any_order(result: Score) -> Score:
    """``result`` with the judge's order part divided out (every order of the moves is right here)."""
    order = result.parts.get("order")
    if order is None or order >= 1 or order <= 0:
        return result
    parts = dict(result.parts, order=1.0)
    reasons = [r for r in result.reason.split("; ") if r != ORDER_REASON]
    ok = "every object was carried, one at a time, onto the star of its own colour"
    return Score(value=min(1.0, result.value / order), parts=parts, reason="; ".join(reasons) or ok)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-5 against the sample's objects and their stars."""
    solution = Solution.model_validate(sample.solution)
    labels = [f"{name} {kind}" for name, kind in zip(solution.names, solution.kinds, strict=True)]
    return any_order(judge_solution(sample, video, solution, labels, INCOMPLETE))
