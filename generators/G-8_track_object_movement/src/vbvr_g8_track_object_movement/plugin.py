"""Declares task G-8 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-8_track_object_movement",
    title="Track object movement",
    category=Category.TRANSFORMATION,
    description=(
        "Among look-alike objects, the one ringed by a green border moves horizontally until it sits directly "
        "below the target marked with a red star; the border moves with it."
    ),
    generator="vbvr_g8_track_object_movement.generator:TrackObjectMovementGenerator",
    scorer="vbvr_g8_track_object_movement.scorer:score",
)
