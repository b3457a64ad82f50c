"""Declares task O-75 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-75_communicating_vessels",
    title="Communicating vessels",
    category=Category.KNOWLEDGE,
    description=(
        "Vessels on one pipe open their valves; the water flows until it stands at one common level in every "
        "vessel, its volume kept (h = sum of width times height over the sum of widths)."
    ),
    generator="vbvr_o75_communicating_vessels.generator:CommunicatingVesselsGenerator",
    scorer="vbvr_o75_communicating_vessels.scorer:score",
)
