"""Declares task O-45 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-45_sequence_completion",
    title="Sequence completion",
    category=Category.ABSTRACTION,
    description=(
        "A row of boxes shows a sequence (numbers in an arithmetic, geometric, square or Fibonacci "
        "progression, or a repeating cycle of shapes, colours, arrow directions or coloured shapes) and a "
        "final box with a question mark; the question mark is replaced by the element the rule gives next."
    ),
    generator="vbvr_o45_sequence_completion.generator:SequenceCompletionGenerator",
    scorer="vbvr_o45_sequence_completion.scorer:score",
    process_required=False,  # the answer is the completed element; how it is drawn in does not matter
)
