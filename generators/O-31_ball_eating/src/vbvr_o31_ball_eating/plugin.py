"""Declares task O-31 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-31_ball_eating",
    title="Ball eating",
    category=Category.PERCEPTION,
    description=(
        "A black ball eats red balls greedily: it moves in a straight line to the nearest red ball, swallows it "
        "and grows by its area, then goes on to the red ball nearest to where it is, until none is left."
    ),
    generator="vbvr_o31_ball_eating.generator:BallEatingGenerator",
    scorer="vbvr_o31_ball_eating.scorer:score",
)
