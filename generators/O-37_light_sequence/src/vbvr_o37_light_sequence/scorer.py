"""O-37 scorer: read every lamp's state in every frame and judge the switching.

The video is read at 256 px and 12 fps. Each frame's colours are first balanced against its own background
(each channel divided by its median over the frame: a brightness or colour drift leaves the background
white and the lamps their hue); a lamp is *on* where the middle of its disc is warm (red and green well
above blue, as gold is) and *off* where it is not.

value = start · end · untouched · one_at_a_time:
- start: the video opens on the first frame, every lamp in its starting state;
- end: over the last 1/4 s every lamp shows the rule's target state (one lamp wrong is a wrong answer: 0);
- untouched: the lamps the rule leaves alone never switch (a flicker of one judged frame is forgiven);
- one_at_a_time: the lamps' switches timed by ``vbvr_core.families.tracking.judge.one_at_a_time_part`` (1/12 s
  apart); a cut or a cross-fade switches them all together and scores 0.
Never raises.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.marking.judge import TAIL_SECONDS, balanced_patches, judged_opening
from vbvr_core.families.tracking.judge import one_at_a_time_part
from vbvr_core.judge.order import longest_run
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_o37_light_sequence.generator import Solution

WARM = 110.0  # balanced grey levels: (red + green) / 2 − blue of an "on" lamp's middle (gold ≈ 220, grey ≈ 0):
# half-way, so a lamp fading on and a lamp fading off together cross it at the same moment
ON_LEVEL = 220.0  # balanced warmth of a lamp fully on (off ≈ 0)
APART = 1.0  # judged frames (1/12 s): two switches settling closer than this are one moment
PATCH = 0.45  # share of the lamp's radius sampled round its centre


def lamp_warmth(frames: np.ndarray, centers: list, radius: float) -> np.ndarray:
    """(frames × lamps): how warm each lamp's middle (its marking ``balanced_patches``) is ((red + green) / 2 − blue)
    after balancing each frame's colours; on above :data:`WARM`."""
    states = []
    for patch in balanced_patches(frames, centers, radius * PATCH):
        mean = patch.mean(axis=(1, 2))
        states.append((mean[:, 0] + mean[:, 1]) / 2 - mean[:, 2])
    return np.stack(states, axis=1)


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-37 against the sample's lamps, starting pattern and rule."""
    solution = Solution.model_validate(sample.solution)
    initial, target = np.asarray(solution.initial), np.asarray(solution.target)
    opening = judged_opening(video, sample.first_frame, "the video does not open on the row as given",
                             lambda clip: bool(((lamp_warmth(clip.frames[:1], solution.centers, solution.radius)[0]
                                                 >= WARM) == initial).all()))
    if isinstance(opening, Score):
        return opening
    clip, verdict = opening
    warmth = lamp_warmth(clip.frames, solution.centers, solution.radius)
    states = warmth >= WARM
    tail = max(1, round(TAIL_SECONDS * JUDGE_FPS))
    ends = (states[-tail:] == target).all(axis=0)
    verdict.part("end", float(ends.all()),
                 unless=f"lamps at positions {[int(i) + 1 for i in np.nonzero(~ends)[0]]} end in the wrong state")
    keep = np.nonzero(initial == target)[0]
    flicker = max((longest_run(states[:, i] != initial[i]) for i in keep), default=0)
    verdict.part("untouched", float(flicker <= 1),
                 unless="a lamp the rule leaves alone is switched")
    change = np.nonzero(initial != target)[0]
    # Each lamp's share of the way from its start to its target state (warmth 0 off, ON_LEVEL on).
    shares = [warmth[:, i] / ON_LEVEL if target[i] else 1.0 - warmth[:, i] / ON_LEVEL for i in change]
    one_at_a_time_part(verdict, shares, "switches", APART)
    return verdict.score(ok="every lamp the rule changes switched one at a time; the rest untouched")
