"""Declares task G-54 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-54_connecting_color",
    title="Connect shapes of the same colour",
    category=Category.PERCEPTION,
    description=(
        "Coloured shapes lie scattered on a white canvas, most colours worn by two shapes; curves are drawn one "
        "at a time, each growing from one shape to the other shape of its colour, in that colour, around the "
        "shapes of other colours; a shape whose colour appears once stays unjoined, and nothing else changes."
    ),
    generator="vbvr_g54_connecting_color.generator:ConnectingColorGenerator",
    scorer="vbvr_g54_connecting_color.scorer:score",
)
