"""Registers task {{ cookiecutter.task_id }} with vbvr-core. Light on purpose: generator and scorer load on first use."""

from vbvr_core.contract import Category, TaskInfo, TaskRegistration, hookimpl

INFO = TaskInfo(
    key="{{ cookiecutter.__key }}",
    title="{{ cookiecutter.title }}",
    category=Category.{{ cookiecutter.category | upper }},
    description=(
        "A blue dot slides in a straight line, without jumps, into the centre of the red ring; "
        "the other dots stay where they are."
    ),
    process_required=True,
)


@hookimpl
def vbvr_register_task() -> TaskRegistration:
    """{{ cookiecutter.task_id }}'s info, generator and scorer."""
    return TaskRegistration(
        info=INFO,
        generator_path="{{ cookiecutter.__import_name }}.generator:{{ cookiecutter.__class_name }}",
        scorer_path="{{ cookiecutter.__import_name }}.scorer:score",
    )
