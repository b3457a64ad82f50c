"""Registers task G-8 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="G-8_track_object_movement",
    title="Track object movement",
    category=Category.TRANSFORMATION,
    description=(
        "Among look-alike objects, the one ringed by a green border moves horizontally until it sits directly below the target marked with a red star; the border moves with it."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """G-8's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_g8_track_object_movement.generator:TrackObjectMovementGenerator",
        scorer_path="vbvr_g8_track_object_movement.scorer:score",
    )
