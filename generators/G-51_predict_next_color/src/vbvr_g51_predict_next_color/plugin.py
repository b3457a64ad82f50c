"""Declares task G-51 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-51_predict_next_color",
    title="Predict the next colour",
    category=Category.ABSTRACTION,
    description=(
        "A row of coloured blocks repeats a cycle of colours (period 2 to 4); the last place of the row is an "
        "empty outlined box with a '?'. The box is filled with the colour that continues the cycle, and nothing "
        "else changes. Only the answer is asked for, so the process is not required."
    ),
    generator="vbvr_g51_predict_next_color.generator:PredictNextColorGenerator",
    scorer="vbvr_g51_predict_next_color.scorer:score",
    process_required=False,
)
