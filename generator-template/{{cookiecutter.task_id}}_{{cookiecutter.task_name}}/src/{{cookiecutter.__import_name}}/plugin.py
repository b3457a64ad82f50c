"""Declares task {{ cookiecutter.task_id }} (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="{{ cookiecutter.__key }}",
    title="{{ cookiecutter.title }}",
    category=Category.{{ cookiecutter.category | upper }},
    description=(
        "A blue dot slides in a straight line, without jumps, into the centre of the red ring; "
        "the other dots stay where they are."
    ),
    generator="{{ cookiecutter.__import_name }}.generator:{{ cookiecutter.__class_name }}",
    scorer="{{ cookiecutter.__import_name }}.scorer:score",
)
