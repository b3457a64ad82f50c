"""Declares task O-53 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-53_clock",
    title="Clock",
    category=Category.KNOWLEDGE,
    description=(
        "An analogue clock shows a time; its hands advance clockwise to the time the prompt asks for, the hour "
        "hand moving in step with the minute hand."
    ),
    generator="vbvr_o53_clock.generator:ClockGenerator",
    scorer="vbvr_o53_clock.scorer:score",
)
