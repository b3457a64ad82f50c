"""O-46 scorer: the stacking family's judge — each card, followed by its colour, carried into its own outline.

value (``judge_carried``) = start · placed · complete · whole · one_at_a_time · order · (0.05 + 0.95 · continuity):

- ``start``: the video opens on the first frame;
- ``placed``: mean over cards of arrive · intact — the card's centre ends within 8 px of its own outline's centre
  (none from 24 px, 512-canvas pixels), at 0.5–1.6 × its size in the final frame;
- ``complete``: 0.2 unless every card is placed (a card in another card's outline, or left behind: the prompt asks
  for every outline filled, so half the cards placed and the rest left scores ≤ 0.07, not 0.13);
- ``whole``: every card is whole in ≥ 90 % of frames (no card passes over, merges with or hides another);
- ``one_at_a_time``: two cards' moves (10 % to 90 % of the way) overlap by at most a third of the shorter one in
  full, down to 0.5 from 80 % (the prompt asks for one card at a time);
- ``order``: 1 when the cards start moving in the order the prompt names, else 0.7;
- ``continuity``: no step of a slide exceeds 55 % of its way (a cut straight to the end scores ≤ 0.05).

The closest two card colours (red and orange) are 62 apart in RGB; the family's colour reach, 38, keeps each
card's pixels apart from the other's.
"""

from __future__ import annotations

from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.stacking.judge import judge_carried
from vbvr_core.media.video import VideoReader

from vbvr_o46_shape_sorter.generator import Solution

SIZE = 256
# The factor left when not every card is placed (the family's default, 0.5, let a clip frozen after the first of two
# cards score 0.13, above a shortcut's 0.1).
INCOMPLETE = 0.2


def score(sample: SampleRef, video: VideoReader) -> Score:
    """Score a model's video of O-46 against the sample's cards and outlines."""
    solution = Solution.model_validate(sample.solution)
    labels = [f"{name} {kind} card" for name, kind in zip(solution.names, solution.kinds, strict=True)]
    return judge_carried(video.clip(size=SIZE), sample.first_frame, sample.final_frame, solution.colors,
                         solution.starts, solution.targets, solution.order, labels, incomplete=INCOMPLETE)
