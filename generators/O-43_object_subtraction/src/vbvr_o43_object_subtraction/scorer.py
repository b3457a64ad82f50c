"""O-43 scorer: read every object's presence in every frame and judge the removals.

The video is read at 256 px and 12 fps, each frame's colours balanced against its own background (each
channel divided by its median over the frame: a brightness or colour drift leaves the background white and
the objects their hue). An object's *presence* is the share of the middle of its shape whose colour lies
within reach of the object's own; 1 where it stands, 0 where it is gone.

value = start · end · kept · one_at_a_time · unchanged:
- start: the video opens on the first frame, every object present;
- end: over the last 1/4 s every object the rule names is gone and every other one present;
- kept: no object the rule spares is ever gone (a one-frame flicker is forgiven);
- one_at_a_time: taken in the order they vanish, each target starts fading (presence under 3/4) no earlier
  than the previous one was gone (under 1/4) and is gone 1/12 s or more after it — (removals that follow
  their predecessor so) / (targets − 1); a cut or cross-fade removes them all together and scores 0;
- unchanged: away from the targets, the last frame matches the first up to a global colour drift (the
  marking family's ``rest_change``: nothing drawn, moved or recoloured). Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.families.marking.judge import JUDGE_SIZE, TAIL_SECONDS, balanced_patches, judged_opening
from vbvr_core.families.marking.parts import rest_unchanged
from vbvr_core.judge.order import change_span, longest_run, one_after_another
from vbvr_core.media.frames import channel_sum, resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_o43_object_subtraction.generator import Solution

REACH = 70.0  # balanced RGB distance within which a pixel shows an object's colour
PATCH = 0.3  # share of the object's radius sampled round its centre (inside every kind, the star too)
APART = 1.0  # judged frames


def presence(frames: np.ndarray, solution: Solution) -> np.ndarray:
    """(frames × objects): the share of each object's middle that shows its colour."""
    out = []
    for patch, color in zip(balanced_patches(frames, solution.centers, solution.radius * PATCH), solution.colors,
                            strict=True):
        difference = patch - np.asarray(color, dtype=np.float32)
        distance = np.sqrt(channel_sum(difference * difference))
        out.append((distance <= REACH).mean(axis=(1, 2)))
    return np.stack(out, axis=1)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-43 against the sample's objects and the rule's targets."""
    solution = Solution.model_validate(sample.solution)
    opened = judged_opening(video, sample.first_frame, "the video does not open on the scene as given",
                            lambda clip: bool((presence(clip.frames[:1], solution) >= 0.5).all()))
    if isinstance(opened, Score):
        return opened
    clip, verdict = opened
    raw = presence(clip.frames, solution)
    shown = raw >= 0.5
    n = len(solution.kinds)
    targets = set(solution.targets)
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    wrong = [i for i in range(n) if not (shown[-tail:, i] != (i in targets)).all()]
    verdict.part("end", float(not wrong), unless=f"objects {wrong} end wrongly present or gone")
    lost = [i for i in range(n) if i not in targets and longest_run(~shown[:, i]) > 1]
    verdict.part("kept", float(not lost), unless=f"objects {lost} the rule spares disappear")
    # A target's share of the way out: its presence going from 1 to 0.
    spans = [change_span(1.0 - raw[:, i]) for i in sorted(targets)]
    apart = one_after_another([(a, b) for a, b in spans if b is not None], APART)
    verdict.note("one_after_another", float(apart))
    verdict.part("one_at_a_time", apart / max(1, len(targets) - 1),
                 unless=f"only {apart} of {len(targets) - 1} consecutive removals run one after the other")
    first_small = resize_frame(sample.first_frame, JUDGE_SIZE)
    f = JUDGE_SIZE / FRAME_SIZE
    ys, xs = np.mgrid[0:JUDGE_SIZE, 0:JUDGE_SIZE]
    keep = np.ones((JUDGE_SIZE, JUDGE_SIZE), dtype=bool)
    for i in targets:
        x, y = solution.centers[i]
        keep &= np.hypot(xs - x * f, ys - y * f) > (solution.radius * 1.3 + 4) * f
    rest_unchanged(verdict, clip.frames[-1:], first_small, keep, "the picture away from the removed objects changes")
    return verdict.score(ok="every named object removed one at a time; the rest kept as it was")
