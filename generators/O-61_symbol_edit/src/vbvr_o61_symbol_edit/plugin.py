"""Declares task O-61 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-61_symbol_edit",
    title="Symbol edit with a rule",
    category=Category.TRANSFORMATION,
    description=(
        "A row of coloured symbols and an edit rule: a copy of the stated symbol is inserted right after each of "
        "its occurrences; the row opens a gap after each, the copies fade in above the gaps and slide down into "
        "them, and every original symbol stays, in order."
    ),
    generator="vbvr_o61_symbol_edit.generator:SymbolEditGenerator",
    scorer="vbvr_o61_symbol_edit.scorer:score",
)
