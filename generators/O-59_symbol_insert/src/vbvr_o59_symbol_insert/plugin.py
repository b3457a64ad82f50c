"""Registers task O-59 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-59_symbol_insert",
    title="Symbol insert",
    category=Category.TRANSFORMATION,
    description=(
        "A row of coloured symbols; the stated symbol fades in above the stated position and slides down into it while the other symbols shift to make room."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-59's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o59_symbol_insert.generator:SymbolInsertGenerator",
        scorer_path="vbvr_o59_symbol_insert.scorer:score",
    )
