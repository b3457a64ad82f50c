"""G-51 scorer: the empty box must end filled with the colour that continues the cycle, the rest unchanged.

The fill-in family's judge (:func:`vbvr_core.families.fill_in.judge.judge_completion`) with the empty box as the
target and the shown blocks as kept boxes (the first frame mirrored left-right moves the first block into the
answer box, where it is often the right colour, and empties only that one block's place).

The family's opening check is a loose PSNR, and rows of blocks look much alike from sample to sample, so the
scorer also asks that the opening frame shows *this* row: every shown block's centre, colour-mapped, within
:data:`BLOCK_TOLERANCE` of the block's colour (another sample's video, with other colours, fails it).
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import FRAME_SIZE, SampleRef, Score
from vbvr_core.draw import PALETTE
from vbvr_core.families.fill_in.judge import judge_completion
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.media.frames import resize_frame
from vbvr_core.media.video import VideoReader

from vbvr_g51_predict_next_color.generator import Solution

BLOCK_TOLERANCE = 60.0  # RGB distance; the row's colours are at least 100 apart
CHECK_SIZE = 256


def row_shown(opening: np.ndarray, first_frame: np.ndarray, solution: Solution) -> list[int]:
    """Indices of the shown blocks whose centre (the middle half of the box) in ``opening`` (square, any size),
    after a colour fit to ``first_frame``, is not the block's colour."""
    size = opening.shape[0]
    mapped = match_colours(opening, *colour_fit(opening, resize_frame(first_frame, size))).astype(np.float32)
    factor = size / FRAME_SIZE
    wrong = []
    for index, (name, (left, top, right, bottom)) in enumerate(zip(solution.colors, solution.boxes, strict=True)):
        x0, x1 = int((left * 3 + right) / 4 * factor), int((left + right * 3) / 4 * factor) + 1
        y0, y1 = int((top * 3 + bottom) / 4 * factor), int((top + bottom * 3) / 4 * factor) + 1
        mean = mapped[y0:y1, x0:x1].reshape(-1, 3).mean(axis=0)
        if float(np.linalg.norm(mean - np.asarray(PALETTE[name], np.float32))) > BLOCK_TOLERANCE:
            wrong.append(index)
    return wrong


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-51 against the sample's first and final frames and the answer box."""
    solution = Solution.model_validate(sample.solution)
    completed = judge_completion(video, sample.first_frame, sample.final_frame, [solution.target_box],
                                 kept_boxes=solution.boxes)
    if completed.value <= 0.0:
        return completed
    clip = video.clip(size=CHECK_SIZE)
    if not clip.ok:
        return Score.zero(clip.error or "video has no frames")
    wrong = row_shown(clip.frames[0], sample.first_frame, solution)
    if wrong:
        return Score.zero(f"the video opens on another row: blocks {wrong} are not this sample's colours",
                          **completed.parts, same_row=0.0)
    return completed
