"""Declares task G-39 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-39_attention_shift_different",
    title="Shift attention to the other object",
    category=Category.PERCEPTION,
    description=(
        "Two different objects (coloured shapes differing in kind, colour or both, and in the hard stratum in size) "
        "stand apart on a light canvas with a green box around one; the box slides in a straight line, resizing as "
        "it goes, until it surrounds the other object, and the objects never change."
    ),
    generator="vbvr_g39_attention_shift_different.generator:AttentionShiftGenerator",
    scorer="vbvr_g39_attention_shift_different.scorer:score",
    process_required=True,
)
