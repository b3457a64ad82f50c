"""Judging a domino chain reaction: which dominoes lie at the end, in what order they fell, and over what time.

Each domino has two regions (on the judging size's canvas): its *bar* (where it stands) and its *ground* —
the part of its lying tile that no other domino's bar or tile covers, shrunk by a margin. A pixel is *ink*
where it differs clearly from the frame's background (the median of its border), whatever colour the model
paints a domino, so a fallen domino is one whose ground is covered and a standing one is a bar with empty
ground. From the per-frame coverage:

- ``start``: every domino stands in the first frame (one wrong halves it, two give 0);
- ``end``: in the last frame, each domino that must fall lies and each that must stand still stands (one
  wrong halves it, two give 0);
- ``order``: every knocked domino falls no earlier than the one that knocked it (share of the knocks);
- ``process``: the falls are spread in time — the time from the first to the last fall is at least half
  the ground truth's (full credit) and more than 0.15 of it (else 0): a cut to the end or a cross-fade
  topples everything in one frame.

The score is the product of the four.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from vbvr_core.contract import FPS, FRAME_SIZE, SampleRef, Score
from vbvr_core.families.dominoes.chain import FALL_FRAMES, THICKNESS, Domino
from vbvr_core.families.dominoes.scene import ChainSolution
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_max
from vbvr_core.media.video import VideoReader

JUDGE_SIZE = 256
# A pixel is ink when a channel differs from the background by more than this.
INK_LEVEL = 70
# Regions are shrunk by this many pixels of the 512 canvas (blur, compression and small offsets stay outside).
GROUND_MARGIN, BAR_MARGIN = 3, 2
# A domino lies when this share of its ground is ink; it stands when at most EMPTY of its ground and at least
# BAR_SEEN of its bar are.
COVERED, EMPTY, BAR_SEEN = 0.5, 0.2, 0.5
# Spread of the falls in time, as a share of the ground truth's: full credit from SPREAD_FULL, none at SPREAD_ZERO.
SPREAD_FULL, SPREAD_ZERO = 0.5, 0.15
# A domino's ground must keep this many pixels at the judging size for the judge to read it (generators reject less).
MIN_GROUND = 30


def _fill(polygon: Sequence[tuple[float, float]], size: int) -> np.ndarray:
    import cv2

    mask = np.zeros((size, size), np.uint8)
    points = np.round(np.asarray(polygon) * (size / FRAME_SIZE) * 8).astype(np.int32)
    cv2.fillPoly(mask, [points], 1, lineType=cv2.LINE_8, shift=3)
    return mask


def footprint(domino: Domino, lie: float, size: int = JUDGE_SIZE, margin: float = 0.0) -> np.ndarray:
    """Where ``domino`` stands and where it lies ``lie`` px long (its bar and its tile, each shrunk by ``margin``
    px of the 512 canvas), as a 0/1 uint8 mask on a ``size``-pixel canvas."""
    return _fill(domino.tile(lie, margin=margin), size) | _fill(domino.bar(margin=margin), size)


def regions(dominoes: Sequence[Domino], lies: Sequence[float],
            size: int = JUDGE_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """Per domino, its ground and its bar as boolean masks (N×size×size) on a ``size``-pixel canvas."""
    import cv2

    grow = max(1, round(GROUND_MARGIN * size / FRAME_SIZE))
    kernel = np.ones((2 * grow + 1, 2 * grow + 1), np.uint8)
    taken = [cv2.dilate(footprint(d, lie, size), kernel) for d, lie in zip(dominoes, lies, strict=True)]
    total = np.sum(taken, axis=0)
    grounds, bars = [], []
    for i, domino in enumerate(dominoes):
        others = (total - taken[i]) > 0
        inner = _fill(domino.tile(lies[i], margin=GROUND_MARGIN), size) > 0
        own_bar = _fill(domino.rectangle(-THICKNESS, THICKNESS / 2 + GROUND_MARGIN), size) > 0
        grounds.append(inner & ~own_bar & ~others)
        bars.append(_fill(domino.bar(margin=BAR_MARGIN), size) > 0)
    return np.stack(grounds), np.stack(bars)


def ground_sizes(dominoes: Sequence[Domino], lies: Sequence[float]) -> list[int]:
    """Pixels of each domino's ground at the judging size: a generator rejects a layout where one is below
    MIN_GROUND (too little to read)."""
    grounds, _ = regions(dominoes, lies)
    return [int(g.sum()) for g in grounds]


def coverage(frames: np.ndarray, grounds: np.ndarray, bars: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Share of ink in each domino's ground and bar, per frame (T×N each)."""
    border = np.concatenate([frames[:, 0], frames[:, -1], frames[:, :, 0], frames[:, :, -1]], axis=1)
    background = np.median(border, axis=1).astype(np.int16)  # T×3
    ink = (channel_max(np.abs(frames.astype(np.int16) - background[:, None, None, :])) > INK_LEVEL)
    flat = ink.reshape(len(frames), -1).astype(np.float32)

    def shares(masks: np.ndarray) -> np.ndarray:
        m = masks.reshape(len(masks), -1).astype(np.float32)
        return flat @ m.T / np.maximum(1.0, m.sum(axis=1))[None, :]

    return shares(grounds), shares(bars)


def judge_chain(video: VideoReader, dominoes: Sequence[Domino], lies: Sequence[float],
                starts: Sequence[int | None], parents: Sequence[int | None]) -> Score:
    """Score a video of the chain reaction whose ground truth schedule is ``starts`` (frames at 24 fps, None for
    a domino that stays standing), each domino knocked by ``parents``."""
    clip = video.clip(size=JUDGE_SIZE)
    frames = clip.frames
    if len(frames) < 2:
        return Score.zero("the video has fewer than two frames")
    fps = clip.fps or float(FPS)
    grounds, bars = regions(dominoes, lies, JUDGE_SIZE)
    ground, bar = coverage(frames, grounds, bars)
    lying = ground >= COVERED
    standing = (ground <= EMPTY) & (bar >= BAR_SEEN)
    must_fall = np.array([s is not None for s in starts])
    verdict = Verdict()
    not_standing = int((~standing[0]).sum())
    verdict.part("start", ramp(not_standing, 0, 2), unless=f"{not_standing} dominoes are not standing at the start")
    wrong_fallen = [i for i in range(len(dominoes)) if must_fall[i] and not lying[-1, i]]
    wrong_standing = [i for i in range(len(dominoes)) if not must_fall[i] and not standing[-1, i]]
    wrong = len(wrong_fallen) + len(wrong_standing)
    verdict.part("end", ramp(wrong, 0, 2),
                 unless=f"at the end, dominoes {wrong_fallen} should lie and {wrong_standing} should stand")
    # A domino's fall: the frame after the last one in which it does not lie (it lies from then to the end).
    fell: dict[int, int] = {}
    for i in np.nonzero(must_fall & lying[-1])[0]:
        not_lying = np.nonzero(~lying[:, i])[0]
        fell[int(i)] = int(not_lying[-1]) + 1 if len(not_lying) else 0
    knocks = [(p, c) for c, p in enumerate(parents) if p is not None and p in fell and c in fell]
    in_order = sum(1 for p, c in knocks if fell[c] >= fell[p])
    order = in_order / len(knocks) if knocks else 0.0
    verdict.part("order", order, unless=f"{len(knocks) - in_order} of {len(knocks)} dominoes fall before "
                                        "the one that knocks them")
    expected = (max(s for s in starts if s is not None) - min(s for s in starts if s is not None)) / FPS
    spread = (max(fell.values()) - min(fell.values())) / fps if fell else 0.0
    ratio = spread / max(expected, FALL_FRAMES / FPS)
    verdict.part("process", ramp(ratio, SPREAD_FULL, SPREAD_ZERO),
                 unless=f"the falls take {spread:.2f} s where the chain takes {expected:.2f} s")
    verdict.note("fallen", float(len(fell)))
    return verdict.score(ok="the chain falls domino by domino exactly as far as it reaches")


def judge_solution(video: VideoReader, solution: ChainSolution) -> Score:
    """:func:`judge_chain` on the dominoes, lies and schedule that a task's ``solution`` records."""
    dominoes = [Domino(*values) for values in solution.dominoes]
    return judge_chain(video, dominoes, solution.lies, solution.starts, solution.parents)


def score_chain(sample: SampleRef, video: VideoReader) -> Score:
    """The scorer of a domino task, named in its plugin.py: :func:`judge_solution` on the :class:`ChainSolution`
    fields of the sample's solution (a task's own facts beside them, such as the number of the last domino to
    fall, are for reading, not judged: the schedule already says which dominoes fall)."""
    return judge_solution(video, ChainSolution.model_validate({name: sample.solution[name]
                                                               for name in ChainSolution.model_fields}))
