"""Declares task O-32 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-32_rolling_ball",
    title="Rolling ball",
    category=Category.TRANSFORMATION,
    description=(
        "A red ball on platform 1 of several numbered platforms rolls along one smooth curve, without jumps, "
        "over the centre of every platform in numeric order, slowing down, and comes to rest on the centre of "
        "the last one."
    ),
    generator="vbvr_o32_rolling_ball.generator:RollingBallGenerator",
    scorer="vbvr_o32_rolling_ball.scorer:score",
)
