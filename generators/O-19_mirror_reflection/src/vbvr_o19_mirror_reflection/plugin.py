"""Declares task O-19 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-19_mirror_reflection",
    title="Mirror reflection",
    category=Category.KNOWLEDGE,
    description=(
        "A light ray meets a flat mirror; the red reflected ray grows from the point of incidence to the "
        "picture's edge at the angle of incidence on the other side of the normal."
    ),
    generator="vbvr_o19_mirror_reflection.generator:MirrorReflectionGenerator",
    scorer="vbvr_o19_mirror_reflection.scorer:score",
)
