"""Declares task O-15 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-15_ball_bounces_given_time",
    title="Ball bounces given time",
    category=Category.KNOWLEDGE,
    description=(
        "A ball moving at a stated speed in a walled box bounces elastically (angle of reflection equals "
        "angle of incidence, speed kept) in real time for the stated time, then stops where it is."
    ),
    generator="vbvr_o15_ball_bounces_given_time.generator:BallBouncesGivenTimeGenerator",
    scorer="vbvr_o15_ball_bounces_given_time.scorer:score",
)
