"""G-47 scorer: the gridwalk family's walk score (``vbvr_core.families.gridwalk.judge.score_walk``) ending on
the door, walls forbidden, times (keys collected before the agent first reaches the door / keys)². A walk
straight to the door that skips one of two keys keeps a quarter of its score.

A key is collected when the walk enters its cell before the door — or, where the video's frames never show
the agent on it (a key at the end of a one-cell spur is stood on for about 1/12 s, which an 8 fps video or a
faster pace can fall between), when the walk reaches a neighbouring cell before the door and the key has
vanished from its cell by the end (each key vanishes as it is picked up).
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.contract.geometry import Cell
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.judge import before_goal, score_walk
from vbvr_core.families.gridwalk.visits import grid_distance
from vbvr_core.judge.masks import color_mask
from vbvr_core.media.video import JUDGE_FPS, VideoReader

from vbvr_g47_multiple_keys_for_one_door.generator import KEY_COLORS, Solution

# A key has vanished when its cell keeps under this share of the key-coloured pixels the opening frame shows.
KEY_GONE = 0.3


def vanished_keys(video: VideoReader, solution: Solution) -> set[Cell]:
    """The key cells whose key, seen in the opening frame, is gone from the last frame."""
    clip = video.clip(fps=JUDGE_FPS)
    if not clip.ok:
        return set()
    scaled = GridLayout(**solution.layout).scaled(clip.frames.shape[2] / 512)
    ends = clip.frames[[0, -1]]
    gone = set()
    for cell, name in zip(solution.keys, solution.key_colors, strict=True):
        left, top, right, bottom = scaled.cell_box(tuple(cell), max(1, scaled.cell // 8))
        opening, last = color_mask(ends[:, top:bottom, left:right], KEY_COLORS[name], 80.0).sum(axis=(1, 2))
        if opening > 0 and last < KEY_GONE * opening:
            gone.add(tuple(cell))
    return gone


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of G-47 against the sample's maze, keys and door."""
    solution = Solution.model_validate(sample.solution)

    def keys(verdict, walk):
        before_door = set(before_goal(walk, solution.door))
        gone = vanished_keys(video, solution)
        collected = sum(key in before_door or (key in gone and any(grid_distance(key, cell) == 1 for cell in before_door))
                        for key in map(tuple, solution.keys))
        missed = len(solution.keys) - collected
        verdict.part("keys", (collected / len(solution.keys)) ** 2,
                     unless=f"{missed} of {len(solution.keys)} keys not collected before the door")
        return f"all keys, then the door, in {solution.optimal_steps} steps"

    return score_walk(video, solution.layout, solution.agent_color, solution.start, solution.door,
                      solution.optimal_steps, blocked=solution.walls, parts=keys)
