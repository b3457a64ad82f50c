"""Declares task O-58 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-58_symbol_delete",
    title="Symbol delete",
    category=Category.TRANSFORMATION,
    description=(
        "A row of coloured symbols; the symbol at the stated position fades out, then every symbol to its right "
        "slides one place left to close the gap while the symbols to its left stay where they are."
    ),
    generator="vbvr_o58_symbol_delete.generator:SymbolDeleteGenerator",
    scorer="vbvr_o58_symbol_delete.scorer:score",
)
