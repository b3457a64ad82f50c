"""The physics family's shared pieces: the parts every ball-under-a-law scorer records
(judge_ball_motion) and the surface-ray generator flow (SurfaceRayGenerator)."""

from __future__ import annotations

import pytest
from vbvr_core.families.physics.ball import judge_ball_motion
from vbvr_core.judge.verdict import Verdict

SHARES = ("{:.0%} of the motion follows the law", "the ball passes {:.0%} of the checkpoints")


def test_a_ball_that_follows_the_law_scores_full_marks_as_a_part_or_a_factor():
    for part in ("motion", None):
        verdict = Verdict()
        judge_ball_motion(verdict, True, True, True, "ends elsewhere", 1.0, ((SHARES[0], 1.0), (SHARES[1], 1.0)), part)
        score = verdict.score(ok="fine")
        assert score.value == 1.0 and score.reason == "fine"
        assert list(score.parts) == (["start", "end", "motion"] if part else ["start", "end"])


def test_the_motion_keeps_its_reasons_and_the_end_says_why_it_fails():
    verdict = Verdict()
    judge_ball_motion(verdict, True, False, True, "the ball ends at (1, 2)", 0.05 + 0.95 * 0.5,
                      ((SHARES[0], 0.5), (SHARES[1], 1.0)))
    score = verdict.score(ok="fine")
    assert score.parts == {"start": 1.0, "end": 0.0, "motion": pytest.approx(0.525)} and score.value == 0.0
    assert score.reason == "the ball ends at (1, 2); 50% of the motion follows the law"
    verdict = Verdict()
    judge_ball_motion(verdict, False, True, False, "unused", 0.05, ((SHARES[0], 0.0), (SHARES[1], 0.25)), part=None)
    score = verdict.score(ok="fine")
    assert score.parts == {"start": 0.0, "end": 0.0}
    assert score.reason == ("the ball does not start where the first frame shows it; the ball is not visible at the "
                            "end; 0% of the motion follows the law; the ball passes 25% of the checkpoints")


def test_a_surface_ray_generator_grows_the_checked_scene_answer_and_offers_thin_and_thick_rays():
    from PIL import Image
    from vbvr_core.contract import TaskParams
    from vbvr_core.families.physics.rays import reach, reflect
    from vbvr_core.families.physics.scene import SurfaceRayGenerator, SurfaceRaySolution, SurfaceScene
    from vbvr_core.pipeline.generator import Reject

    class Params(TaskParams):
        incidence: float = 40.0

    class Solution(SurfaceRaySolution):
        reflected: tuple[float, float]

    class Scene(SurfaceScene):
        def __init__(self, params):
            super().__init__((256.0, 300.0), 0.0, params.incidence, True, 150.0)
            self.answer = reflect(self.incoming, self.normal)
            self.length = reach(self.hit, self.answer)
            self.base, self.asked = Image.new("RGB", (512, 512), (255, 255, 255)), 0

        def problem(self):
            self.asked += 1
            return "grazing" if self.incidence > 80 else None

    class Mirror(SurfaceRayGenerator, params=Params, solution=Solution):
        def scene(self):
            return Scene(self.params)

        def solution(self, scene):
            return Solution(**scene.facts(), reflected=scene.answer)

        def prompt(self, scene):
            return "reflect it"

    generator = Mirror(0, {"difficulty": 0})
    sample = generator.generate()
    scene = Scene(generator.params)
    assert (sample.first_frame == scene.frame(0.0)).all() and (sample.final_frame == scene.frame(scene.length)).all()
    assert sample.prompt == "reflect it" and sample.solution.reflected == scene.answer
    alternatives = generator.alternatives(sample)
    assert list(alternatives) == ["thin_ray", "thick_ray"]
    assert generator.ready_scene().asked == 1
    with pytest.raises(Reject, match="grazing"):
        Mirror(0, {"difficulty": 0, "incidence": 85.0}).generate()
