"""Declares task O-37 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-37_light_sequence",
    title="Light sequence: switch lamps by a rule",
    category=Category.ABSTRACTION,
    description=(
        "A row of gold (on) and grey (off) lamps; the lamps a stated positional rule changes are switched one at "
        "a time until only the lamps the rule names are on, the others left untouched."
    ),
    generator="vbvr_o37_light_sequence.generator:LightSequenceGenerator",
    scorer="vbvr_o37_light_sequence.scorer:score",
)
