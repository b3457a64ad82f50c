"""Registers task O-62 with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="O-62_gravity_physics",
    title="Gravity physics",
    category=Category.KNOWLEDGE,
    description=(
        "A ball at a given height with a given vertical velocity moves under the stated gravity, y = y0 + v0 t - g t^2 / 2 in real time, and comes to rest on the ground."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """O-62's info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="vbvr_o62_gravity_physics.generator:GravityPhysicsGenerator",
        scorer_path="vbvr_o62_gravity_physics.scorer:score",
    )
