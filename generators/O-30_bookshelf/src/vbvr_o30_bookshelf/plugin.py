"""Declares task O-30 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-30_bookshelf",
    title="Bookshelf: insert books by height",
    category=Category.ABSTRACTION,
    description=(
        "One new book at a time rises from the queue on the right, slides over the shelf and drops into the gap "
        "whose two neighbours are closest to its height, until every gap is filled and the queue is empty."
    ),
    generator="vbvr_o30_bookshelf.generator:BookshelfGenerator",
    scorer="vbvr_o30_bookshelf.scorer:score",
)
