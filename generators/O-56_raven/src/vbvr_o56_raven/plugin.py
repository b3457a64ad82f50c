"""Declares task O-56 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-56_raven",
    title="Raven's progressive matrix",
    category=Category.ABSTRACTION,
    description=(
        "A 3×3 matrix of panels, each with one to four figures; along every row the figures' shape, colour, "
        "number and size follow a rule (constant, progression, or each of three values once). The bottom-right "
        "panel is empty; the figure that satisfies every rule is drawn into it."
    ),
    generator="vbvr_o56_raven.generator:RavenGenerator",
    scorer="vbvr_core.families.fill_in.judge:score_completion",
    process_required=False,  # the answer is the completed panel; how it is drawn in is not what the task asks
)
