"""Declares task O-13 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-13_shape_outline_then_move",
    title="Apply the example's change between filled and outline and then its move to a new shape",
    category=Category.ABSTRACTION,
    description=(
        "A two-step visual analogy: A → B → C in the top row (B is A turned from filled into an outline, or "
        "from an outline into a filled shape; C is B moved up or down), D → ? → ? in the bottom row. The first "
        "'?' gives way to a copy of D whose inside empties into an outline (or fills in); then the second '?' "
        "gives way to a copy of that shape, which slides up or down by the example's distance. Style first, "
        "then the move; nothing else changes."
    ),
    generator="vbvr_o13_shape_outline_then_move.generator:ShapeOutlineThenMoveGenerator",
    scorer="vbvr_core.families.shape_rules.judge:score_rules",
)
