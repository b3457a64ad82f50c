"""O-25 scorer: is the yellow brick carried into the gap the arrow shows, pressed onto its studs without passing
through any brick, the wall left as it was and the instruction panel gone at the end?

value = carried · solid · consumed · kept · background:

- ``carried``: the stacking family's judge (``judge_carried``) with the one yellow brick, followed by its colour:
  the video opens on the first frame, the brick's colour centre ends within 8 px of its place (none from 24 px,
  so a brick one stud off loses it), at its size, whole through the clip, and it travels rather than jumping (a
  cut to the end keeps ≤ 0.05);
- ``solid``: in no frame does the brick's body (placed at its tracked centre) overlap a brick of the wall or the
  baseplate by more than 6 % of its area (none from 20 %): it cannot slide in through the top course;
- ``consumed``: in the last frames, where the instruction panel and its arrow were, the picture is the final
  scene's (1 up to 10 % of those pixels differ, 0 from 30 %);
- ``kept``: each wall brick (and the baseplate) looks as in the video's own opening frame whenever the yellow
  brick is not over it (90th percentile of the frames and the end; 1 up to 8 % of its box changed, 0 from 25 %);
  the worst brick counts;
- ``background``: the rest of the frame, away from the brick, the panel and the wall, stays as it was.

Colours are mapped onto the sample's first (``judge.compare``) before the pixel comparisons, so a brighter,
darker or tinted video keeps its scene.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.stacking.judge import background_part, changed_pixels, follow, judge_carried, kept_share
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max, resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_o25_lego_construction_assembly.generator import Solution

SIZE = 256
INSTRUCTION = 30  # where our first and final frames differ by more: the instruction (and the brick's start)
MARGIN = 3  # pixels (256 px) round the moving brick left out of the scene comparisons
TAIL = 4


def _box(rect, scale: float, grow: int = 0) -> tuple[int, int, int, int]:
    return (max(0, int(np.floor(rect[0] * scale)) - grow), max(0, int(np.floor(rect[1] * scale)) - grow),
            min(SIZE, int(np.ceil(rect[2] * scale)) + grow), min(SIZE, int(np.ceil(rect[3] * scale)) + grow))


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-25 against the sample's brick, wall and instruction."""
    import cv2

    solution = Solution.model_validate(sample.solution)
    clip = video.clip(size=SIZE)
    carried = judge_carried(clip, sample.first_frame, sample.final_frame, [solution.brick_color], [solution.start],
                            [solution.target], [0], ["yellow brick"], incomplete=0.5)
    if carried.value <= 0:
        return carried
    scale = SIZE / FRAME_SIZE
    first, final = resize_frame(sample.first_frame, SIZE), resize_frame(sample.final_frame, SIZE)
    frames = match_colours(clip.frames, *colour_fit(clip.frames[0], first))
    verdict = Verdict()
    for name, value in carried.parts.items():
        verdict.note(f"brick_{name}", value)
    verdict.part("carried", carried.value, unless=carried.reason)

    # Where the brick's body is in each frame (from its colour's centre), while it is seen whole.
    brick = follow(frames, first, final, solution.brick_color)
    track, counts, expected = brick.track, brick.counts, brick.expected
    width, height = solution.body[0] * scale, solution.body[1] * scale
    off = np.multiply(solution.center_offset, scale)
    bodies: list[tuple[float, float, float, float] | None] = []
    for point, seen in zip(track, counts, strict=True):
        if point is None or not 0.5 <= seen / max(1, expected) <= 1.6:
            bodies.append(None)
            continue
        cx, cy = point[0] - off[0], point[1] - off[1]
        bodies.append((cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2))
    solids = [tuple(v * scale for v in rect) for rect in [*solution.wall_bodies, solution.baseplate]]
    area = width * height
    depth = max((max(0.0, min(b[2], s[2]) - max(b[0], s[0])) * max(0.0, min(b[3], s[3]) - max(b[1], s[1])) / area
                 for b in bodies if b is not None for s in solids), default=0.0)
    verdict.part("solid", ramp(depth, 0.06, 0.2), unless=f"the brick passes through the wall ({depth:.0%} of it inside)")

    # The instruction: where our first and final frames differ, away from the brick's place in the wall.
    instruction = channel_max(np.abs(first.astype(np.int16) - final.astype(np.int16))) > INSTRUCTION
    tx0, ty0, tx1, ty1 = _box((solution.target[0] - solution.body[0], solution.target[1] - 2 * solution.body[1],
                               solution.target[0] + solution.body[0], solution.target[1] + solution.body[1]), scale)
    instruction[ty0:ty1, tx0:tx1] = False
    end = channel_max(np.abs(frames[-TAIL:].astype(np.int16) - final.astype(np.int16))) > INSTRUCTION
    left = float(end[:, instruction].mean()) if instruction.any() else 0.0
    verdict.part("consumed", ramp(left, 0.1, 0.3), unless=f"the instruction is still there ({left:.0%} of it)")

    # The wall and the background against the video's own opening frame, away from the moving brick.
    changed = changed_pixels(frames, frames[0])
    moving = np.zeros(changed.shape, bool)
    for k, b in enumerate(bodies):
        if b is not None:
            x0, y0, x1, y1 = _box((b[0] / scale, b[1] / scale - solution.body[1], b[2] / scale, b[3] / scale),
                                  scale, MARGIN)
            moving[k, y0:y1, x0:x1] = True
    moving[-TAIL:, ty0:ty1, tx0:tx1] = True
    worst_brick, kept_reason = 1.0, None
    for rect in [*solution.wall_bodies, solution.baseplate]:  # bodies: a seated brick hides the studs below it
        x0, y0, x1, y1 = _box(rect, scale)
        credit, worst = kept_share(changed, moving, slice(y0, y1), slice(x0, x1), TAIL)
        if credit < worst_brick:
            worst_brick, kept_reason = credit, f"a brick of the wall changes or moves ({worst:.0%} of its box)"
    verdict.part("kept", worst_brick, unless=kept_reason)
    outside = np.ones((SIZE, SIZE), bool)
    for rect in [*solution.wall_boxes, solution.baseplate, solution.panel]:
        x0, y0, x1, y1 = _box(rect, scale, MARGIN)
        outside[y0:y1, x0:x1] = False
    grown = cv2.dilate(instruction.astype(np.uint8), np.ones((2 * MARGIN + 1, 2 * MARGIN + 1), np.uint8)) > 0
    outside &= ~grown
    background_part(verdict, changed, moving, outside)
    return verdict.score(ok="the yellow brick was carried along the arrow and pressed into its place; the wall is "
                            "unchanged and the instruction is gone")
