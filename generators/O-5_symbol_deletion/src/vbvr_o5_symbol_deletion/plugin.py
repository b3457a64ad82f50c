"""Declares task O-5 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-5_symbol_deletion",
    title="Symbol deletion",
    category=Category.TRANSFORMATION,
    description=(
        "A row of coloured symbols, one framed in red; the framed symbol fades out with its frame, then the "
        "remaining symbols slide together so the row is centred again, in the same order."
    ),
    generator="vbvr_o5_symbol_deletion.generator:SymbolDeletionGenerator",
    scorer="vbvr_o5_symbol_deletion.scorer:score",
)
