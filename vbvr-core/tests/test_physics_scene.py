"""The physics family's surface scene: the instance check and the sample it makes."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from vbvr_core.contract import TaskParams
from vbvr_core.families.physics.rays import reach, reflect
from vbvr_core.families.physics.scene import GROW_FRAMES, SurfaceRaySolution, SurfaceScene
from vbvr_core.pipeline.generator import Reject


class _Mirror(SurfaceScene):
    def __init__(self, *args):
        super().__init__(*args)
        self.answer = reflect(self.incoming, self.normal)
        self.length = reach(self.hit, self.answer)
        self.base = Image.new("RGB", (512, 512), (250, 250, 250))

    def problem(self) -> str | None:
        return "the lamp is off the picture" if self.lamp_off_picture() else None


def test_checked_returns_the_scene_or_rejects_with_its_problem():
    scene = _Mirror((256.0, 300.0), 0.0, 45.0, True, 100.0)
    assert scene.checked() is scene
    with pytest.raises(Reject, match="the lamp is off the picture"):
        _Mirror((256.0, 300.0), 0.0, 45.0, True, 330.0).checked()


def test_the_sample_grows_the_answer_from_nothing_to_the_edge():
    scene = _Mirror((256.0, 300.0), 0.0, 45.0, True, 100.0)
    sample = scene.sample("draw the ray", SurfaceRaySolution(**scene.facts()), TaskParams())
    frames = list(sample.trajectory())
    assert len(frames) == GROW_FRAMES + 1 and sample.prompt == "draw the ray"
    assert (sample.first_frame == np.asarray(scene.base)).all() and (frames[0] == sample.first_frame).all()
    assert (sample.final_frame == scene.frame(scene.length)).all() and (frames[-1] == sample.final_frame).all()
    assert len(list(scene.growing()())) == GROW_FRAMES + 1
