"""Declares task O-52 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-52_traffic_light",
    title="Traffic lights",
    category=Category.KNOWLEDGE,
    description=(
        "Two opposite traffic lights at a crossroad (when one is red the other is green) show countdowns. "
        "The countdowns go down by one each second, together; when one reaches zero both lights switch and "
        "the countdowns go dark. The video shows every second in order up to the state the prompt asks for."
    ),
    generator="vbvr_o52_traffic_light.generator:TrafficLightGenerator",
    scorer="vbvr_o52_traffic_light.scorer:score",
)
