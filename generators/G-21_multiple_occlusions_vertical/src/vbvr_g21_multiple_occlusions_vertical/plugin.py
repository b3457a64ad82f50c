"""Declares task G-21 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-21_multiple_occlusions_vertical",
    title="Multiple occlusions, vertical sweep",
    category=Category.TRANSFORMATION,
    description=(
        "A dark rectangular mask moves straight down in one continuous motion, passes in front of each coloured "
        "object of the row below it, hiding it, and leaves the frame at the bottom; the objects never move or "
        "change and reappear as they were."
    ),
    generator="vbvr_g21_multiple_occlusions_vertical.generator:MultipleOcclusionsVerticalGenerator",
    scorer="vbvr_g21_multiple_occlusions_vertical.scorer:score",
)
