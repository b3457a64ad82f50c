"""Declares task O-23 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-23_domino_chain_branch_path_prediction",
    title="Domino chain branch path prediction",
    category=Category.KNOWLEDGE,
    description=(
        "Dominoes seen from above stand in a Y: a trunk that splits into two branches. The START domino is "
        "pushed and the chain reaction runs domino by domino down the trunk and into both branches, each falling "
        "domino lying flat toward the next; a branch stops where a gap is wider than a domino's length."
    ),
    generator="vbvr_o23_domino_chain_branch_path_prediction.generator:DominoChainBranchPathPredictionGenerator",
    scorer="vbvr_core.families.dominoes.judge:score_chain",
)
