"""Declares task O-11 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-11_shape_color_then_move",
    title="Apply the example's colour change and then its move to a new shape",
    category=Category.ABSTRACTION,
    description=(
        "A two-step visual analogy: A → B → C in the top row (B is A in a new colour, C is B moved up or "
        "down), D → ? → ? in the bottom row. The first '?' gives way to a copy of D whose colour turns into "
        "the new one; then the second '?' gives way to a copy of that shape, which slides up or down by the "
        "example's distance. Colour first, then the move; nothing else changes."
    ),
    generator="vbvr_o11_shape_color_then_move.generator:ShapeColorThenMoveGenerator",
    scorer="vbvr_core.families.shape_rules.judge:score_rules",
)
