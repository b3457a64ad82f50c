"""O-29 scorer: did red cluster A visit and absorb every other cluster, one at a time, in the only legal order,
keeping every ball (the absorbed ones red)?

Every cluster is followed by its colour as the video's opening frame shows it, counted over the whole frame (a
model may move or pack the balls its own way). A cluster is *absorbed* when its colour has gone
(``vbvr_core.judge.order.change_span``: from 25 % gone to staying ≥ 75 % gone). Per absorption, in the order seen:

- ``order``: the clusters go in the only order the rule allows (A absorbs only a smaller cluster); any other
  order means A absorbed a larger one — 0.1;
- ``complete``: every cluster is absorbed, else 0.1 × the share absorbed (a video frozen half way keeps ≤ 0.1);
- ``one_at_a_time``: consecutive absorptions run one after another (a cut or cross-fade to the answer makes them
  all happen together) — the share of consecutive pairs that do;
- ``kept``: after each absorption the red area is A's count so far over its first count times its opening area
  (45 % off in full — a blur shrinks a few balls more than a big blob —, none from a factor 2: balls that vanish
  instead of turning red leave A at half its due size by the second absorption);
- ``contact``: when a cluster starts to go, the red blob's centre is within touching distance of it
  (A's and the cluster's blob radii; 20 px more in full, none from 50 px): A goes to it, it is not recoloured
  from afar;
- ``process``: 0.05 + 0.95 × the mean travel continuity — on each way to a cluster the red centre's largest step is
  ≤ 0.55 of the way in full, none from 0.95 (a jump), and the way is at least 30 px.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.arrangement.judge import process_part, step_continuity
from vbvr_core.families.stacking.judge import Opened, clip_scorer
from vbvr_core.families.tracking.judge import arrivals_in_turn_part
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.masks import centroid
from vbvr_core.judge.order import change_span
from vbvr_core.plane import share_along

from vbvr_o29_ballcolor.generator import Solution, blob_radius

SIZE = 256
# Euclidean RGB reach of a cluster's colour: under half the distance between the closest two (≈ 100).
COLOR_TOLERANCE = 40.0
WRONG_ORDER, INCOMPLETE = 0.1, 0.1
# A blur shrinks a few balls more than a big blob (up to ≈ 1.35× apart); a lost cluster halves A by the second one.
KEPT_FULL, KEPT_ZERO = np.log(1.45), np.log(2.0)
CONTACT_FULL, CONTACT_ZERO = 20.0, 50.0  # canvas px beyond touching distance
MIN_WAY = 30.0


def _travel(centres: list[np.ndarray | None], begin: int, end: int, scale: float) -> float:
    """Continuity of the red centre's way from frame ``begin`` to frame ``end``."""
    seen = [c for c in centres[begin:end + 1] if c is not None]
    if len(seen) < 2:
        return 0.0
    a, b = seen[0], seen[-1]
    if float(np.hypot(*(b - a))) / scale < MIN_WAY:
        return 0.0
    return step_continuity([share_along(c, a, b) for c in seen])


@clip_scorer(SIZE)
def score(sample: SampleRef, opened: Opened) -> Score:
    """Score a model's video of O-29 against the sample's clusters and their forced absorbing order."""
    solution = Solution.model_validate(sample.solution)
    frames, scale, verdict = opened.frames, opened.scale, opened.verdict
    red = opened.masks(solution.colors[0], COLOR_TOLERANCE)
    red_counts = red.sum(axis=(1, 2)).astype(np.float64)
    red_centres = [None if np.count_nonzero(m) < 4 else np.asarray(centroid(m)) for m in red]
    spans: dict[int, tuple[int, int]] = {}
    for k in solution.order:
        counts = opened.masks(solution.colors[k], COLOR_TOLERANCE).sum(axis=(1, 2)).astype(np.float64)
        share = 1.0 - counts / max(1.0, counts[0])
        begin, end = change_span(share)
        if end is not None:
            spans[k] = (begin, end)
    seen = sorted(spans, key=lambda k: (spans[k][1], spans[k][0]))
    expected = solution.order
    verdict.part("order", 1.0 if seen == expected[:len(seen)] else WRONG_ORDER,
                 unless="A absorbs a cluster larger than itself (the clusters go in an illegal order)")
    share_done = len(seen) / len(expected)
    verdict.part("complete", 1.0 if share_done == 1 else INCOMPLETE * share_done,
                 unless=f"only {len(seen)} of {len(expected)} clusters are absorbed")
    if not seen:
        return verdict.score(ok="")
    arrivals_in_turn_part(verdict, [spans[k] for k in seen], "clusters are absorbed")
    a_count, kept, contact, travel, previous_end = solution.counts[0], [], [], [], 0
    for rank, k in enumerate(seen):
        begin, end = spans[k]
        index = expected.index(k)
        # Touching distance: A's blob as it was before this absorption (from the legal order's counts) and k's blob.
        a_radius = solution.radii[0] if index == 0 else _blob_reach(solution, index)
        centre = red_centres[max(0, begin - 1)] if begin > 0 else red_centres[0]
        if centre is None:
            contact.append(0.0)
        else:
            gap = float(np.hypot(*(centre / scale - np.asarray(solution.centers[k])))) - a_radius - solution.radii[k]
            contact.append(ramp(gap, CONTACT_FULL, CONTACT_ZERO))
        travel.append(_travel(red_centres, previous_end, max(previous_end, begin - 1), scale))
        a_count += solution.counts[k]
        later = spans[seen[rank + 1]][0] if rank + 1 < len(seen) else len(frames)
        after = red_counts[end:max(end + 1, min(later, end + 4))]
        ratio = float(np.median(after)) / max(1.0, red_counts[0] * a_count / solution.counts[0])
        kept.append(ramp(abs(float(np.log(max(ratio, 1e-3)))), KEPT_FULL, KEPT_ZERO))
        previous_end = end
    verdict.part("kept", min(kept), unless="absorbed balls do not all join A as red balls")
    verdict.part("contact", float(np.mean(contact)), unless="A does not touch every cluster it absorbs")
    process_part(verdict, float(np.mean(travel)), "A jumps instead of moving to the clusters")
    return verdict.score(ok="A absorbed every cluster, one at a time, in the only legal order, keeping every ball")


def _blob_reach(solution: Solution, index: int) -> float:
    """How far A's packed blob reaches after absorbing the first ``index`` clusters of the legal order."""
    size = solution.counts[0] + sum(solution.counts[k] for k in solution.order[:index])
    return blob_radius(size, solution.ball_radius)
