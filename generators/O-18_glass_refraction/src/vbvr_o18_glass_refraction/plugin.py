"""Declares task O-18 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-18_glass_refraction",
    title="Glass refraction",
    category=Category.KNOWLEDGE,
    description=(
        "A light ray crosses the flat boundary between two media of stated refractive indices; the red "
        "refracted ray grows from the point of incidence to the picture's edge at the angle Snell's law gives."
    ),
    generator="vbvr_o18_glass_refraction.generator:GlassRefractionGenerator",
    scorer="vbvr_o18_glass_refraction.scorer:score",
)
