"""Declares task G-29 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-29_chart_extreme_with_data",
    title="Chart: mark the extreme value",
    category=Category.ABSTRACTION,
    description=(
        "A bar chart labels each bar with its value; a red rectangle is traced round the one bar holding the "
        "largest (or, as asked, the smallest) value, and nothing else changes."
    ),
    generator="vbvr_g29_chart_extreme_with_data.generator:ChartExtremeWithDataGenerator",
    scorer="vbvr_g29_chart_extreme_with_data.scorer:score",
    process_required=False,
)
