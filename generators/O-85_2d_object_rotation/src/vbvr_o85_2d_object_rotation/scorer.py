"""O-85 scorer: measure every shape's orientation frame by frame and judge the turn.

Per shape, the rotation family's :func:`~vbvr_core.families.rotation.track.judge_polygon_turn` tracks the turn
(frames showing no single solid shape, the ghosts of a cross-fade, are left out) and judges it against the stated
angle, the end fully credited within 0.2 of it and not at all beyond 0.5 (at most 5° and 20°).

Per shape: ``start`` (starts unturned), ``end`` (the turn reached equals the stated signed angle),
``steady`` (the centre stays put, within a fifth of the shape's radius), ``process`` (the turn passes
through the intermediate angles). value = mean over shapes of start · end · steady · (0.05 + 0.95 · process),
so a cut straight to the final frame keeps at most 0.05 and a turn the wrong way or by the wrong angle
scores near 0.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.rotation.judge import hold_title, turn_scorer
from vbvr_core.families.rotation.track import TurningPolygon, judge_polygon_turn
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoClip

from vbvr_o85_2d_object_rotation.generator import TITLE_BAND, Solution


@turn_scorer(Solution)
def score(sample: SampleRef, solution: Solution, clip: VideoClip) -> Score:
    """Score a model's video of O-85 against the sample's shapes and stated turn."""
    target = float(solution.signed_degrees)
    parts, reasons = [], []
    for shape in solution.objects:
        label = f"{shape.color_name} {shape.kind}"
        polygon = TurningPolygon(shape.vertices, shape.center, shape.sprite_side, shape.outline_width, shape.symmetry, shape.radius)
        judged, drift = judge_polygon_turn(clip.frames, sample.first_frame, polygon, shape.color, target, 0.2, 0.5)
        if judged is None:
            parts.append({"start": 0.0, "end": 0.0, "steady": 0.0, "process": 0.0})
            reasons.append(f"{label} not found")
            continue
        steady = float(np.mean([d <= 0.2 for d in drift if d is not None]))
        parts.append({"start": judged.start, "end": judged.end, "steady": steady, "process": judged.process})
        reasons += [text for text, bad in (
            (f"{label} turned {judged.reached:+.0f}°, expected {target:+.0f}°", judged.end < 1),
            (f"{label}: turn shown through {judged.process:.0%} of the intermediate angles", judged.process < 1),
            (f"{label} moves off its centre", steady < 1),
            (f"{label} does not start at its original orientation", not judged.start)) if bad]
    verdict = Verdict()
    hold_title(verdict, clip.frames, TITLE_BAND)
    for name in ("start", "end", "steady", "process"):
        verdict.note(name, float(np.mean([p[name] for p in parts])))
    turned = np.mean([p["start"] * p["end"] * p["steady"] * (0.05 + 0.95 * p["process"]) for p in parts])
    verdict.part("turned", float(turned), unless="; ".join(reasons) or None)
    return verdict.score(ok=f"every shape turned {target:+.0f}° steadily about its centre")
