"""Declares task G-147 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-147_identify_unique_figure_in_uniform_set",
    title="Identify the unique figure in a uniform set",
    category=Category.PERCEPTION,
    description=(
        "An array of identical regular polygons holds one polygon with a different number of corners; a red "
        "ring is drawn, stroke by stroke, around that unique figure, and nothing else changes. Only the answer "
        "is asked for, so the process is not required."
    ),
    generator="vbvr_g147_identify_unique_figure_in_uniform_set.generator:UniqueFigureGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
