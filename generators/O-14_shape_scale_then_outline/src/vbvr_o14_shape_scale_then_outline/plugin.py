"""Declares task O-14 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-14_shape_scale_then_outline",
    title="Apply the example's change of size and then its change between filled and outline to a new shape",
    category=Category.ABSTRACTION,
    description=(
        "A two-step visual analogy: A → B → C in the top row (B is A resized, C is B turned from filled into an "
        "outline, or from an outline into a filled shape), D → ? → ? in the bottom row. The first '?' gives way "
        "to a copy of D that grows or shrinks by the example's factor; then the second '?' gives way to a copy "
        "of that shape whose inside empties into an outline (or fills in). Size first, then style; nothing else "
        "changes."
    ),
    generator="vbvr_o14_shape_scale_then_outline.generator:ShapeScaleThenOutlineGenerator",
    scorer="vbvr_core.families.shape_rules.judge:score_rules",
)
