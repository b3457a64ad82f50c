"""Declares task O-29 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-29_ballcolor",
    title="Ball color: absorb the smaller clusters",
    category=Category.ABSTRACTION,
    description=(
        "The red cluster A moves to the one cluster smaller than itself, touches it, turns its balls red and packs "
        "them into one growing blob; it repeats, cluster after cluster in the only possible order, until every "
        "ball is red and one blob remains."
    ),
    generator="vbvr_o29_ballcolor.generator:BallcolorGenerator",
    scorer="vbvr_o29_ballcolor.scorer:score",
)
