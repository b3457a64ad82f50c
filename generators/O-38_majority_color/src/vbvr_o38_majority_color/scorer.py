"""O-38 scorer: at the end of the video, does every shape wear the majority colour, with nothing else changed?

The video is read at 256 px and 12 fps. Each shape's inside (its drawn outline, shrunk by a few pixels) is
known from the solution. The video's colours are mapped onto ours with the per-channel gain and offset that
fit its opening frame to the first frame (the given scene), so a brightness or colour drift is no change. Each shape's colour is
then read, in the opening frame and in the average of the last quarter second, as the nearest of the palette's
shape colours and the background's: every shape must end in the majority colour (one shape left or turned
to another colour fails the answer).

value = start · recoloured · unchanged · one_at_a_time: the video opens on the first frame, every shape in its
own colour; every shape has the majority colour at the end; the background around the shapes matches the
first frame (the marking family's gain/offset residual); the recolourings (each shape's share of the way from
its own colour to the majority colour) timed by ``vbvr_core.families.tracking.judge.one_at_a_time_part``: a cut
or a cross-fade to the end recolours every shape at once and scores 0. Never raises.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.draw import PALETTE, draw_shape
from vbvr_core.families.marking.judge import JUDGE_SIZE, TAIL_SECONDS, judged_opening
from vbvr_core.families.marking.parts import rest_unchanged
from vbvr_core.families.tracking.judge import one_at_a_time_part
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.masks import dilate, erode
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import JUDGE_FPS, VideoReader
from vbvr_core.plane import share_along

from vbvr_o38_majority_color.generator import COLORS, Solution

# A shape's colour counts as a palette colour when it is the nearest reference and within this RGB distance.
MAX_DISTANCE = 80.0
INSET = 3  # judge pixels a shape's inside is shrunk by (softened edges, a few px of offset)


def shape_masks(solution: Solution, size: int = JUDGE_SIZE) -> list[np.ndarray]:
    """Each shape's filled outline at ``size`` px (drawn at 512 and brought down)."""
    masks = []
    for kind, center, radius, rotation in zip(solution.kinds, solution.centers, solution.radii, solution.rotations,
                                              strict=True):
        image = Image.new("L", (FRAME_SIZE, FRAME_SIZE), 0)
        draw_shape(ImageDraw.Draw(image), kind, center, radius, fill=255, rotation=rotation)
        masks.append(cv2.resize(np.asarray(image), (size, size), interpolation=cv2.INTER_AREA) >= 128)
    return masks


def read_colours(frame: np.ndarray, insides: list[np.ndarray], background: tuple[int, int, int]) -> list[str]:
    """The colour name each shape's inside shows in ``frame`` (already mapped to our palette): the nearest of the
    shape colours and the background ("background"), or "other" when none is within :data:`MAX_DISTANCE`."""
    names = [*COLORS, "background", "black", "white"]
    refs = np.asarray([*(PALETTE[c] for c in COLORS), background, PALETTE["black"], PALETTE["white"]], np.float64)
    out = []
    for inside in insides:
        if not inside.any():
            out.append("other")
            continue
        colour = np.median(frame[inside].reshape(-1, 3), axis=0)
        distances = np.linalg.norm(refs - colour, axis=1)
        best = int(np.argmin(distances))
        out.append(names[best] if distances[best] <= MAX_DISTANCE else "other")
    return out


def progress_along(frames: np.ndarray, insides: list[np.ndarray], starts: list[tuple[int, int, int]],
                   end: tuple[int, int, int]) -> np.ndarray:
    """Per frame and shape (its inside, its first colour), how far its colour has gone from its first colour
    towards ``end``: 0 at the start, 1 when there (frames × shapes)."""
    out = np.zeros((len(frames), len(insides)))
    for k, (inside, start) in enumerate(zip(insides, starts, strict=True)):
        out[:, k] = share_along(np.median(frames[:, inside].astype(np.float64), axis=1), start, end)
    return out


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-38 against the sample's shapes and their majority colour."""
    solution = Solution.model_validate(sample.solution)
    first = resize_frame(sample.first_frame, JUDGE_SIZE)
    masks = shape_masks(solution)
    insides = [erode(mask, INSET) for mask in masks]
    around = ~dilate(np.any(masks, axis=0), 4)
    background = tuple(int(v) for v in np.median(first[around], axis=0))
    # The video's colours mapped onto ours by its opening frame, which must show the given scene.
    opened = judged_opening(video, sample.first_frame, "the video does not open on the first frame's shapes and colours",
                            lambda clip: read_colours(match_colours(clip.frames[0], *colour_fit(clip.frames[0], first)),
                                                      insides, background) == solution.colors)
    if isinstance(opened, Score):
        return opened
    clip, verdict = opened
    gain, offset = colour_fit(clip.frames[0], first)
    frames = match_colours(clip.frames, gain, offset)
    tail = frames[-max(1, round(TAIL_SECONDS * JUDGE_FPS)):]
    last = read_colours(np.rint(tail.astype(np.float32).mean(axis=0)).astype(np.uint8), insides, background)
    wrong = [k for k, name in enumerate(last) if name != solution.majority]
    verdict.part("recoloured", float(not wrong),
                 unless=f"{len(wrong)} of {len(last)} shapes do not show the majority colour {solution.majority} "
                        f"at the end (they read {sorted({last[k] for k in wrong})})")
    rest_unchanged(verdict, clip.frames, first, around, "the picture around the shapes changes")
    # One by one: each shape that changes arrives at the majority colour after the one before it.
    order = solution.recolor_order
    progress = progress_along(frames, [insides[k] for k in order], [PALETTE[solution.colors[k]] for k in order],
                              PALETTE[solution.majority])
    one_at_a_time_part(verdict, list(progress.T), "recolourings")
    return verdict.score(ok="every shape turns to the majority colour, one after another; nothing else changed")
