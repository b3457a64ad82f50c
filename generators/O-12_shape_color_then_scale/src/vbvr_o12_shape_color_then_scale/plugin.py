"""Declares task O-12 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-12_shape_color_then_scale",
    title="Apply the example's colour change and then its change of size to a new shape",
    category=Category.ABSTRACTION,
    description=(
        "A two-step visual analogy: A → B → C in the top row (B is A in a new colour, C is B resized), D → ? "
        "→ ? in the bottom row. The first '?' gives way to a copy of D whose colour turns into the new one; "
        "then the second '?' gives way to a copy of that shape, which grows or shrinks by the example's "
        "factor. Colour first, then size; nothing else changes."
    ),
    generator="vbvr_o12_shape_color_then_scale.generator:ShapeColorThenScaleGenerator",
    scorer="vbvr_core.families.shape_rules.judge:score_rules",
)
