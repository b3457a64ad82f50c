"""Declares task O-24 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-24_domino_chain_gap_analysis",
    title="Domino chain gap analysis",
    category=Category.KNOWLEDGE,
    description=(
        "A numbered row of dominoes seen from above, unevenly spaced, is pushed at START: the dominoes fall one "
        "after another, each lying flat toward the next, until the first gap wider than one domino length; the "
        "last domino before that gap lies short of the next and the rest stay standing."
    ),
    generator="vbvr_o24_domino_chain_gap_analysis.generator:DominoChainGapAnalysisGenerator",
    scorer="vbvr_core.families.dominoes.judge:score_chain",
)
