"""The hostile-test kit of core's CLI: the shared assertions and videos of vbvr_core.testing.hostile, bound to ``vbvr``."""

from __future__ import annotations

from functools import partial

from vbvr_core.cli.app import app
from vbvr_core.testing import hostile
from vbvr_core.testing.hostile import audio_only, refused, snapshot, stamped_video

invoke = partial(hostile.invoke, app)

__all__ = ["audio_only", "invoke", "refused", "snapshot", "stamped_video"]
