"""Registers task O-45 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-45_sequence_completion",
    title="Sequence completion",
    category=Category.ABSTRACTION,
    description=(
        "A row of boxes shows a sequence (numbers in an arithmetic, geometric, square or Fibonacci "
        "progression, or a repeating cycle of shapes, colours, arrow directions or coloured shapes) and a "
        "final box with a question mark; the question mark is replaced by the element the rule gives next."
    ),
    # The answer is the completed element: how it is drawn in does not matter, so a cut to the answer is fine.
    process_required=False,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-45's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o45_sequence_completion.generator:SequenceCompletionGenerator",
        scorer_path="vbvr_o45_sequence_completion.scorer:score",
    )
