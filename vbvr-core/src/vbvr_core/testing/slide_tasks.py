"""Two fake tasks for testing the robustness suite: one scorer that judges the rule, one that judges our pixels.

Both tasks slide a red disc from the left to the right edge of a white frame at a seeded height, and declare
an alternative (the disc ending :func:`~vbvr_core.judge.alternatives.nudged_positions` off its spot) and a near
miss (the disc stopping three quarters of the way). They differ only in the scorer:

- ``O-981_slide_robust`` finds the disc by its distance from the frame's own background, in fractions of the
  frame, on the video resampled to 8 fps: start and end within 6 % of the frame of the reference spots, one
  disc-sized blob in every frame, no jump of more than a third of the frame between samples;
- ``O-982_slide_fragile`` counts pixels within ±8 grey levels of the exact red at the goal in the last frame, and
  wants the ground truth's frame count: the absolute colour window and frame counting issue 15 forbids.

``install_slide_tasks(root)`` writes both as distributions under ``root`` (put it on ``sys.path`` or
``PYTHONPATH``); :func:`vbvr_core.testing.helpers.forget_plugins` after changing ``sys.path`` in-process.
"""

from __future__ import annotations

from pathlib import Path

from vbvr_core.testing.helpers import write_task_distribution

ROBUST_KEY = "O-981_slide_robust"
FRAGILE_KEY = "O-982_slide_fragile"

SLIDE_TASK = '''
"""A red disc slides from the left to the right edge (see vbvr_core.testing.slide_tasks)."""
from typing import Annotated

import numpy as np
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import (Category, Sample, Score, TaskInfo, TaskParams, TaskRegistration, TaskSolution,
                                Uniform, hookimpl)
from vbvr_core.draw import draw_disc, new_canvas, to_frame
from vbvr_core.judge.alternatives import nudged_positions
from vbvr_core.pipeline.generator import BaseGenerator

RED = (220, 30, 30)
RADIUS = 20
START_X, END_X, STEPS = 64, 448, 16
INFO = TaskInfo(key="O-981_slide_robust", title="Slide robustly", category=Category.TRANSFORMATION,
                description="A red disc slides to the right edge of the frame.")


class Params(TaskParams):
    y: Annotated[int, Uniform(96, 416)] = Field(256, ge=96, le=416)


class Solution(TaskSolution):
    y: int


class SlideGenerator(BaseGenerator):
    info = INFO
    Params = Params

    def frame(self, x, y):
        image = new_canvas()
        draw_disc(ImageDraw.Draw(image), (x, y), RADIUS, fill=RED)
        return to_frame(image)

    def path(self, end_x, end_y):
        y = self.params.y
        return [(START_X + (end_x - START_X) * k / STEPS, y + (end_y - y) * k / STEPS) for k in range(STEPS + 1)]

    def generate(self):
        y = self.params.y
        frames = lambda: (self.frame(x, py) for x, py in self.path(END_X, y))
        return Sample(first_frame=self.frame(START_X, y), final_frame=self.frame(END_X, y), prompt="Slide the disc right.",
                      trajectory=frames, solution=Solution(y=y), params=self.params, hold_frames=6)

    def alternatives(self, sample):
        y = self.params.y
        return {name: (lambda dx=dx, dy=dy: (self.frame(x, py) for x, py in self.path(END_X + dx, y + dy)))
                for name, (dx, dy) in nudged_positions(2 * RADIUS).items()}

    def near_misses(self, sample):
        stop = START_X + (END_X - START_X) * 3 // 4
        return {"stops_short": lambda: (self.frame(x, py) for x, py in self.path(stop, self.params.y))}


def blobs(frames):
    """Per frame: (share of the frame the disc covers, centre x and y as fractions of the frame)."""
    border = np.concatenate([frames[:, 0], frames[:, -1], frames[:, :, 0], frames[:, :, -1]], axis=1)
    background = np.median(border, axis=1).astype(np.float32)
    distance = np.linalg.norm(frames.astype(np.float32) - background[:, None, None, :], axis=-1)
    mask = distance > 80
    height, width = mask.shape[1:]
    found = []
    for frame_mask in mask:
        ys, xs = np.nonzero(frame_mask)
        area = len(xs) / (height * width)
        found.append((area, xs.mean() / width if len(xs) else -1.0, ys.mean() / height if len(ys) else -1.0))
    return found


def score(sample, video):
    import cv2

    clip = video.clip(size=128, fps=8)
    if not clip.ok:
        return Score.zero(clip.error or "no frames")
    small = lambda image: cv2.resize(image, (128, 128), interpolation=cv2.INTER_AREA)[None]
    (area, x0, y0), = blobs(small(sample.first_frame))
    (_, x1, y1), = blobs(small(sample.final_frame))
    track = blobs(clip.frames)
    if any(not 0.5 * area <= found <= 1.8 * area for found, _, _ in track):
        return Score.zero("the disc is not one disc-sized blob in every frame")
    start = float(np.hypot(track[0][1] - x0, track[0][2] - y0) <= 0.06)
    end = float(np.hypot(track[-1][1] - x1, track[-1][2] - y1) <= 0.06)
    steps = [np.hypot(b[1] - a[1], b[2] - a[2]) for a, b in zip(track, track[1:])]
    smooth = float(max(steps, default=0.0) <= 1 / 3)
    return Score(value=start * end * smooth, parts={"start": start, "end": end, "smooth": smooth},
                 reason="judged in fractions of the frame at 8 fps")


@hookimpl
def vbvr_register_task():
    return TaskRegistration(info=INFO, generator_path="slide_robust:SlideGenerator", scorer_path="slide_robust:score")
'''

FRAGILE_TASK = '''
"""The slide task with a scorer that judges our pixels (see vbvr_core.testing.slide_tasks)."""
import numpy as np
from vbvr_core.contract import Category, Score, TaskInfo, TaskRegistration, hookimpl
from slide_robust import END_X, RADIUS, RED, SlideGenerator

INFO = TaskInfo(key="O-982_slide_fragile", title="Slide fragilely", category=Category.TRANSFORMATION,
                description="A red disc slides to the right edge of the frame.")


class FragileGenerator(SlideGenerator):
    info = INFO


def score(sample, video):
    clip = video.clip(size=512)
    if not clip.ok:
        return Score.zero(clip.error or "no frames")
    y = sample.solution["y"]
    goal = clip.frames[-1, y - RADIUS:y + RADIUS, END_X - RADIUS:END_X + RADIUS].astype(int)
    red = (np.abs(goal - np.array(RED)).max(axis=-1) <= 8).mean()
    same_length = len(clip.frames) == sample.record.video.frames
    value = float(red > 0.5 and same_length)
    return Score(value=value, parts={"red": float(red)}, reason="exact red at the goal, exact frame count")


@hookimpl
def vbvr_register_task():
    return TaskRegistration(info=INFO, generator_path="slide_fragile:FragileGenerator", scorer_path="slide_fragile:score")
'''


def install_slide_tasks(root: str | Path) -> Path:
    """Write both slide tasks as distributions under ``root`` and return it (add it to the import path)."""
    write_task_distribution(root, ROBUST_KEY, "slide_robust", SLIDE_TASK)
    write_task_distribution(root, FRAGILE_KEY, "slide_fragile", FRAGILE_TASK)
    return Path(root)
