"""Registers task G-47 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-47_multiple_keys_for_one_door",
    title="Multiple keys for one door",
    category=Category.SPATIALITY,
    description=(
        "A maze with a green round agent, several coloured diamond keys and one red door; the agent walks "
        "cell by cell, collecting every key, then reaches the door, by a shortest such route."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-47's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g47_multiple_keys_for_one_door.generator:MultipleKeysGenerator",
        scorer_path="vbvr_g47_multiple_keys_for_one_door.scorer:score",
    )
