"""Registers task O-56 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-56_raven",
    title="Raven's progressive matrix",
    category=Category.ABSTRACTION,
    description=(
        "A 3×3 matrix of panels, each with one to four figures; along every row the figures' shape, colour, "
        "number and size follow a rule (constant, progression, or each of three values once). The bottom-right "
        "panel is empty; the figure that satisfies every rule is drawn into it."
    ),
    # The answer is the completed panel; how it is drawn in is not what the task asks.
    process_required=False,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-56's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o56_raven.generator:RavenGenerator",
        scorer_path="vbvr_o56_raven.scorer:score",
    )
