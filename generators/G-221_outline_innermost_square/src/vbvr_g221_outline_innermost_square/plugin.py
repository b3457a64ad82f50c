"""Declares task G-221 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-221_outline_innermost_square",
    title="Outline the innermost square",
    category=Category.SPATIALITY,
    description=(
        "Filled squares of different colours are nested one inside another; a blue outline is traced along "
        "the boundary of the innermost square, and nothing else changes. Only the answer is asked for, so the "
        "process is not required."
    ),
    generator="vbvr_g221_outline_innermost_square.generator:OutlineInnermostSquareGenerator",
    scorer="vbvr_g221_outline_innermost_square.scorer:score",
    process_required=False,
)
