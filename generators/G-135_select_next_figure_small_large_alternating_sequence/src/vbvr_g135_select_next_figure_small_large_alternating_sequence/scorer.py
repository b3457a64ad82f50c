"""G-135 scorer: the red mark must enclose the candidate that continues the small-large alternation.

The sequence-choice family's :func:`~vbvr_core.families.sequence_choice.judge.score_choice` scores every task of
the family alike (its checks are stated there, on :func:`~vbvr_core.families.sequence_choice.judge.judge_choice`).
"""

from __future__ import annotations

from vbvr_core.families.sequence_choice.judge import score_choice as score

__all__ = ["score"]
