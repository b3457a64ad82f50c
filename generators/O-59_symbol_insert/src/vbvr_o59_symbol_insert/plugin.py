"""Declares task O-59 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-59_symbol_insert",
    title="Symbol insert",
    category=Category.TRANSFORMATION,
    description=(
        "A row of coloured symbols; the stated symbol fades in above the stated position and slides down into "
        "it while the other symbols shift to make room."
    ),
    generator="vbvr_o59_symbol_insert.generator:SymbolInsertGenerator",
    scorer="vbvr_o59_symbol_insert.scorer:score",
)
