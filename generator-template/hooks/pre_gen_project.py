"""Refuse to generate a task package from a malformed id, name or category (runs before any file is written).

Stand-alone on purpose: cookiecutter may run outside the environment where vbvr-core is installed.
The rules are DESIGN.md's: keys match ^[GO]-\\d{1,3}_[a-z0-9_]+$ and there are five categories.
"""

import re
import sys

TASK_ID = "{{ cookiecutter.task_id }}"
TASK_NAME = "{{ cookiecutter.task_name }}"
CATEGORY = "{{ cookiecutter.category }}"
TITLE = "{{ cookiecutter.title }}"
CATEGORIES = ("perception", "transformation", "spatiality", "abstraction", "knowledge")


def problems() -> list[str]:
    """What is wrong with the answers given to the template (empty when all is well)."""
    found = []
    if not re.fullmatch(r"[GO]-\d{1,3}", TASK_ID):
        found.append(f"task_id {TASK_ID!r} is malformed: use G-<1-3 digits> or O-<1-3 digits>, e.g. O-900")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", TASK_NAME) or TASK_NAME.endswith("_") or "__" in TASK_NAME:
        found.append(f"task_name {TASK_NAME!r} is malformed: use lower_snake_case (a-z, 0-9, single _), "
                     "starting with a letter, e.g. demo_task")
    if CATEGORY not in CATEGORIES:
        found.append(f"category {CATEGORY!r} is not one of: {', '.join(CATEGORIES)}")
    if len(TITLE.strip()) < 3:
        found.append(f"title {TITLE!r} is too short: say in a few words what the task is")
    return found


if __name__ == "__main__":
    errors = problems()
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if errors:
        print("No files were written. Fix the value(s) above and run cookiecutter again.", file=sys.stderr)
        sys.exit(1)
