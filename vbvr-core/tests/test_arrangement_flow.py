"""What the arrangement family holds for its tasks: the moves generator (background, plan, frames,
sample), the staged sample, and judge_followed — the flow every arrangement judge shares (opening check, the task's
follow, judge_row) — with the family's follow of uniquely coloured objects, or a task's follow in its place."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.contract import TaskParams
from vbvr_core.draw import BACKGROUNDS, Sprite, Stage, draw_disc, new_canvas, to_frame
from vbvr_core.families.arrangement.draw import Mover, plan_moves, render_moves, staged_sample
from vbvr_core.families.arrangement.judge import follow_colors, judge_arrangement, judge_followed
from vbvr_core.families.arrangement.task import MovesGenerator
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoClip
from vbvr_core.testing.helpers import flow_instance

RED, BLUE = (230, 40, 40), (40, 80, 230)
STARTS, ENDS = [(100.0, 100.0), (400.0, 400.0)], [(230.0, 256.0), (282.0, 256.0)]


def _disc(color, radius: int = 18) -> Sprite:
    image = Image.new("RGBA", (2 * radius + 8, 2 * radius + 8), (0, 0, 0, 0))
    draw_disc(ImageDraw.Draw(image), (radius + 4, radius + 4), radius, fill=(*color, 255))
    return Sprite.from_image(image)


def _frames() -> np.ndarray:
    stage = Stage(to_frame(new_canvas((250, 250, 250))))
    rows = [[(s[0] + (e[0] - s[0]) * k / 12, s[1] + (e[1] - s[1]) * k / 12) for s, e in zip(STARTS, ENDS, strict=True)]
            for k in range(13)]
    rows += [rows[-1]] * 3
    return np.stack([stage.frame(list(zip([_disc(RED), _disc(BLUE)], row, strict=True))) for row in rows])


def test_judge_arrangement_is_judge_followed_with_follow_colors():
    big = _frames()
    small = np.stack([resize_frame(frame, 256) for frame in big])
    clip = VideoClip(frames=small, fps=24.0)
    tracks, ends, intact, masks = follow_colors(small, small[0], small[-1], [RED, BLUE])
    assert intact == [True, True] and masks.shape == (2, 256, 256) and [len(t) for t in tracks] == [16, 16]
    assert np.allclose(ends, np.multiply(ENDS, 0.5), atol=1.5)
    arranged = judge_arrangement(clip, big[0], big[-1], [RED, BLUE], STARTS, ENDS, [0, 1])
    assert arranged.value >= 0.95
    seen = []

    def follow(frames, first_small, final_small):
        seen.append((frames.shape, first_small.shape, final_small.shape))
        return follow_colors(frames, first_small, final_small, [RED, BLUE])

    followed = judge_followed(clip, big[0], big[-1], follow, STARTS, ENDS, [0, 1], noun="discs", ok="fine")
    assert seen == [((16, 256, 256, 3), (256, 256, 3), (256, 256, 3))]
    assert followed.value == arranged.value and followed.reason == "fine"
    assert judge_followed(clip, big[0], big[-1], follow, STARTS, ENDS, [1, 0], noun="discs").parts["placement"] < 1


def test_judge_followed_refuses_a_clip_that_opens_elsewhere():
    big = _frames()
    other = np.random.default_rng(0).integers(0, 256, (4, 256, 256, 3), dtype=np.uint8)  # noise: opens elsewhere
    refused = judge_followed(VideoClip(frames=other, fps=24.0), big[0], big[-1], lambda *a: 1 / 0, STARTS, ENDS, [0, 1])
    assert refused.value == 0.0 and refused.parts == {"start": 0.0}


def test_staged_sample_opens_at_the_starts_and_ends_at_the_ends():
    stage = Stage(to_frame(new_canvas((250, 250, 250))))
    sprites = [_disc(RED), _disc(BLUE)]
    sample = staged_sample(stage, sprites, STARTS, ENDS, lambda: iter([]), prompt="p", solution=None, params=None,
                           hold_frames=2)
    assert np.array_equal(sample.first_frame, stage.frame(list(zip(sprites, STARTS, strict=True))))
    assert np.array_equal(sample.final_frame, stage.frame(list(zip(sprites, ENDS, strict=True))))
    assert sample.prompt == "p" and sample.hold_frames == 2 and list(sample.trajectory()) == []


class _MovesParams(TaskParams):
    background: int = 2
    frames_per_move: int = 4
    stagger: int = 2


def test_moves_generator_plans_renders_and_samples_on_its_background():
    gen = flow_instance(MovesGenerator, _MovesParams(), Params=_MovesParams)
    assert np.array_equal(gen.background, to_frame(new_canvas(BACKGROUNDS[2])))
    movers = [Mover(_disc(RED), (STARTS[0], ENDS[0]), 22.0), Mover(_disc(BLUE), (STARTS[1], ENDS[1]), 22.0)]
    planned = gen.planned(movers)
    assert planned is not None and planned[0] is movers and planned[1] == plan_moves(movers, 4, 2)[1]
    frames = list(gen.moved(*planned)())
    assert len(frames) == len(planned[1]) and np.array_equal(frames[0], next(render_moves(gen.background, movers,
                                                                                            planned[1][:1])))
    sample = gen.moved_sample(*planned, "move", None)
    assert sample.prompt == "move" and sample.params is gen.params and np.array_equal(sample.final_frame, frames[-1])
    crossing = [Mover(_disc(RED), ((100.0, 256.0), (400.0, 256.0)), 40.0),
                Mover(_disc(BLUE), ((400.0, 256.0), (100.0, 256.0)), 40.0)]
    assert gen.planned(crossing) is None
