"""Declares task O-60 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-60_symbol_substitute",
    title="Symbol substitute",
    category=Category.TRANSFORMATION,
    description=(
        "A row of coloured symbols in numbered slots; the symbol at the stated position fades out completely, "
        "then the stated new symbol fades in at the same place while every other symbol stays as it is."
    ),
    generator="vbvr_o60_symbol_substitute.generator:SymbolSubstituteGenerator",
    scorer="vbvr_o60_symbol_substitute.scorer:score",
)
