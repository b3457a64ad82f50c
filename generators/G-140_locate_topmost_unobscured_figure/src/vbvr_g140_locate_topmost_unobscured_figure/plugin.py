"""Declares task G-140 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-140_locate_topmost_unobscured_figure",
    title="Locate the topmost unobscured figure",
    category=Category.SPATIALITY,
    description=(
        "Filled figures of different kinds and colours overlap in a pile, each lying over or under the others; a "
        "red outline is traced along the boundary of the topmost figure, the one no other figure covers, and "
        "nothing else changes. Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g140_locate_topmost_unobscured_figure.generator:TopmostFigureGenerator",
    scorer="vbvr_g140_locate_topmost_unobscured_figure.scorer:score",
    process_required=False,
)
