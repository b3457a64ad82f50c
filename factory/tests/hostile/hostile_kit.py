"""The hostile-test kit of ``vbvr-factory``: vbvr_core.testing.hostile bound to its app; a refusal must come
before any progress is drawn."""

from __future__ import annotations

from functools import partial

from vbvr_core.testing import hostile
from vbvr_core.testing.hostile import is_root, snapshot
from vbvr_factory.cli import app

invoke = partial(hostile.invoke, app)
refused = partial(hostile.refused, absent=("all tasks",))

__all__ = ["invoke", "is_root", "refused", "snapshot"]
