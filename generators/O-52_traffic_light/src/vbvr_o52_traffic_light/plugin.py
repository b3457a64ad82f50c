"""Registers task O-52 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-52_traffic_light",
    title="Traffic lights",
    category=Category.KNOWLEDGE,
    description=(
        "Two opposite traffic lights at a crossroad (when one is red the other is green) show countdowns. "
        "The countdowns go down by one each second, together; when one reaches zero both lights switch and "
        "the countdowns go dark. The video shows every second in order up to the state the prompt asks for."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-52's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o52_traffic_light.generator:TrafficLightGenerator",
        scorer_path="vbvr_o52_traffic_light.scorer:score",
    )
