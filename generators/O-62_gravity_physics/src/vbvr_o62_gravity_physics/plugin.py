"""Declares task O-62 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-62_gravity_physics",
    title="Gravity physics",
    category=Category.KNOWLEDGE,
    description=(
        "A ball at a given height with a given vertical velocity moves under the stated gravity, "
        "y = y0 + v0 t - g t^2 / 2 in real time, and comes to rest on the ground."
    ),
    generator="vbvr_o62_gravity_physics.generator:GravityPhysicsGenerator",
    scorer="vbvr_o62_gravity_physics.scorer:score",
)
