"""Task keys and the names derived from them.

A task key is ``<ID>_<snake_name>`` with ID ``G-<n>`` or ``O-<n>`` (``G-15_grid_avoid_obstacles``).
Keys are the only task-derived strings ever used in a path, so every path-building function
calls :func:`validate_key` first.
"""

from __future__ import annotations

import re

KEY_PATTERN = re.compile(r"^[GO]-\d{1,3}_[a-z0-9_]+$")


class InvalidTaskKey(ValueError):
    """Raised for a string that is not a well-formed task key."""


def validate_key(key: str) -> str:
    """Return ``key`` unchanged if it is a well-formed task key, else raise :class:`InvalidTaskKey`."""
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise InvalidTaskKey(
            f"invalid task key {key!r}: expected <G|O>-<1-3 digits>_<lower_snake_name>, "
            "e.g. G-15_grid_avoid_obstacles"
        )
    return key


# Public VBVR-Bench tasks whose published name has capitals, which keys never hold (case-insensitive file systems
# would let two keys share a folder). Only the vbvr-bench folder layout writes these spellings.
_OFFICIAL_SPELLING = {"O-25_lego_construction_assembly": "O-25_LEGO_construction_assembly"}


def official_name(key: str) -> str:
    """The task's name in the public VBVR-Bench (``O-25_lego_construction_assembly`` → ``O-25_LEGO_construction_assembly``)."""
    return _OFFICIAL_SPELLING.get(validate_key(key), key)


def task_id(key: str) -> str:
    """``G-15_grid_avoid_obstacles`` → ``G-15``."""
    return validate_key(key).split("_", 1)[0]


def task_name(key: str) -> str:
    """``G-15_grid_avoid_obstacles`` → ``grid_avoid_obstacles``."""
    return validate_key(key).split("_", 1)[1]


def dist_name(key: str) -> str:
    """``G-15_grid_avoid_obstacles`` → ``vbvr-g15-grid-avoid-obstacles`` (the pip distribution)."""
    return "vbvr-" + task_id(key).replace("-", "").lower() + "-" + task_name(key).replace("_", "-")


def import_name(key: str) -> str:
    """``G-15_grid_avoid_obstacles`` → ``vbvr_g15_grid_avoid_obstacles`` (the Python package)."""
    return dist_name(key).replace("-", "_")
