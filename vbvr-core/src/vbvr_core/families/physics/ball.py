"""A ball moving over a still picture in real time: its sprite, its frame count, and the judge's tracker of it.

Tasks whose answer is a ball's motion under a law (a fall, bounces in a box, a roll over platforms) draw the ball
as a sprite on a :class:`~vbvr_core.draw.Stage` and score a model's video by tracking the ball's colour; a motion
in real time is compared with the law from a fitted start (:func:`fit_delay`). Positions are on the 512-px canvas
(y down) whatever the video's size.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from vbvr_core.contract import FPS, FRAME_SIZE, Score
from vbvr_core.contract.geometry import Box
from vbvr_core.draw import Sprite, Stage, draw_disc
from vbvr_core.judge.motion import blob_track, observed_color
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import resize_frame


def real_time_frames(duration: float) -> int:
    """How many frame intervals at :data:`FPS` a motion of ``duration`` s takes when its last frame shows its end
    (the count rounded up; a duration a hair over a whole number of frames, from rounding, takes that number)."""
    return math.ceil(duration * FPS - 1e-9)


class BallScene:
    """A ball sprite moving over a still picture (``background``, a frame; pasted by a :class:`~vbvr_core.draw.Stage`)."""

    def __init__(self, background: np.ndarray, ball: Sprite) -> None:
        self.stage, self.ball = Stage(background), ball

    def frame(self, centre: Sequence[float]) -> np.ndarray:
        """The picture with the ball's centre at ``centre`` (512-px canvas)."""
        return self.stage.frame([(self.ball, (float(centre[0]), float(centre[1])))])

    def frames(self, path: Iterable[Sequence[float]]) -> Iterator[np.ndarray]:
        """One frame per centre of ``path``."""
        return (self.frame(centre) for centre in path)


def ball_sprite(radius: float, fill: Sequence[int], outline: Sequence[int], pad: int) -> Sprite:
    """A ball of ``radius`` px filled ``fill`` with a 2-px ``outline``, centred on a transparent square of side
    ``2·radius + pad`` px (its parity decides where a ball at a half-pixel centre lands)."""
    side = 2 * radius + pad
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw_disc(ImageDraw.Draw(image), (side / 2, side / 2), radius, fill=tuple(fill) + (255,),
              outline=tuple(outline) + (255,), width=2)
    return Sprite.from_image(image)


@dataclass(frozen=True)
class BallTrack:
    """Where a ball was seen: the indices of the frames it was found in, its centres there (N×2, 512-px canvas)
    and how many frames the video has."""

    frames: np.ndarray
    points: np.ndarray
    total: int

    @classmethod
    def from_centres(cls, centres: Sequence[tuple[float, float] | None]) -> BallTrack:
        """The track of per-frame centres (512-px canvas; None where the ball is not found)."""
        found = [(k, c) for k, c in enumerate(centres) if c is not None]
        points = np.array([c for _, c in found], dtype=np.float64).reshape(-1, 2)
        return cls(np.array([k for k, _ in found], dtype=int), points, len(centres))

    @property
    def visible(self) -> float:
        """Share of the video's frames the ball was found in."""
        return len(self.frames) / max(1, self.total)

    @property
    def first_seen(self) -> bool:
        """The ball is found in the video's first frame."""
        return len(self.frames) > 0 and self.frames[0] == 0

    @property
    def last_seen(self) -> bool:
        """The ball is found in the video's last frame."""
        return len(self.frames) > 0 and self.frames[-1] == self.total - 1

    def unseen(self) -> Score | None:
        """The score of a video whose ball is seen in fewer than two frames (nothing to judge), else None."""
        if len(self.frames) >= 2:
            return None
        return Score.zero("the ball is not visible", visible=self.visible)


def track_ball(frames: np.ndarray, first_frame: np.ndarray, color: Sequence[int], radius: float,
               tolerance: float, box: Box | None = None) -> BallTrack:
    """Track a ball of ``color`` and ``radius`` (px on the 512-px canvas) through ``frames`` (T×S×S×3, any size S).

    The colour tracked is the ball's as the video's opening frame shows it
    (:func:`~vbvr_core.judge.motion.observed_color` against the sample's ``first_frame``); per frame, the ball is
    the centre of the pixels within ``tolerance`` of it (:func:`~vbvr_core.judge.motion.blob_track`), where they
    cover at least 35 % of its disc (and 4 pixels), inside ``box`` (video pixels) if given.
    """
    size = frames.shape[2]
    scale = size / FRAME_SIZE
    seen = observed_color(frames[0], resize_frame(first_frame, size), color)
    disc = radius * scale
    centres, _ = blob_track(frames, seen, tolerance=tolerance, min_pixels=max(4, int(0.35 * np.pi * disc * disc)),
                            box=box)
    return BallTrack.from_centres([None if c is None else (c[0] / scale, c[1] / scale) for c in centres])


def fit_delay(delays: np.ndarray, distances: np.ndarray, cap: float = np.inf) -> tuple[float, np.ndarray]:
    """The moment the ball is set off, fitted: of ``delays`` (one per row of ``distances``), the one whose sightings
    lie least far on average from where the law puts them when the motion starts then (``distances``: delays ×
    sightings, each capped at ``cap`` so a few stray sightings do not decide), and that row of distances. A model
    may hold its opening picture for a while before the motion starts."""
    best = int(np.minimum(distances, cap).mean(axis=1).argmin())
    return float(delays[best]), distances[best]


def ends_within_a_frame(remaining: float, fps: float) -> bool:
    """Whether a motion with ``remaining`` s still to go at the video's last frame ends before a next frame would
    come (0 ≤ remaining ≤ 1/``fps``): a clip at a low frame rate may stop just short of the end it shows next."""
    return 0 <= remaining <= 1 / fps + 1e-6


def judge_ball_motion(verdict: Verdict, start: bool, end: bool, last_seen: bool, end_miss: str, motion: float,
                      shares: Sequence[tuple[str, float]], part: str | None = "motion") -> None:
    """Record what every scorer of a ball moved by a law records, in this order: part ``start`` (the ball starts
    where the first frame shows it), part ``end`` (the ball is found in the last frame, ``last_seen``, and is where
    the law puts it, ``end``; else ``end_miss`` says where it is), and the ``motion`` (the task's 0.05 + 0.95 ·
    its shares: a cut straight to the end keeps 0.05) as part ``part`` or, with ``part`` None, as a factor of the
    value. The motion's reason names each of ``shares`` below 1 — (template with one ``{:.0%}``, share), such as
    the share of the motion following the law and the share of checkpoints passed — formatted with its share."""
    verdict.part("start", start, unless="the ball does not start where the first frame shows it")
    verdict.part("end", last_seen and end, unless=end_miss if last_seen else "the ball is not visible at the end")
    shortfalls = [text.format(share) for text, share in shares if share < 1]
    if part is None:
        verdict.factor(motion, when=bool(shortfalls), reason="; ".join(shortfalls))
    else:
        verdict.part(part, motion, unless="; ".join(shortfalls))
