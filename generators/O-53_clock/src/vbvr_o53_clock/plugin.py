"""Registers task O-53 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-53_clock",
    title="Clock",
    category=Category.KNOWLEDGE,
    description=(
        "An analogue clock shows a time; its hands advance clockwise to the time the prompt asks for, the hour hand moving in step with the minute hand."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-53's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o53_clock.generator:ClockGenerator",
        scorer_path="vbvr_o53_clock.scorer:score",
    )
