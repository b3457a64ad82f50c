"""Declares task O-54 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-54_control_panel",
    title="Control panel: operate to the stated settings",
    category=Category.ABSTRACTION,
    description=(
        "A dark control panel of labelled switches, sliders and buttons; the prompt states each one's target "
        "setting, and the controls that differ from it are operated one at a time (a knob slides, a slider "
        "glides, a button sinks and turns green) while the rest stay untouched."
    ),
    generator="vbvr_o54_control_panel.generator:ControlPanelGenerator",
    scorer="vbvr_o54_control_panel.scorer:score",
)
