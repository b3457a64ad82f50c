"""O-44 scorer: follow every tile's elbow frame by frame and judge whether the tiles turn into the closed loop.

Per tile, the rotation family's tracker (:func:`~vbvr_core.families.rotation.track.polygon_turn`) follows the blue
elbow about the tile's centre (its colour as the video's opening frame shows it) and gives its turn so far;
frames showing no single solid elbow (a cross-fade's ghosts) are left out. A tile is in its place in the loop when
its turn is its needed turn plus any whole number of full turns — a quarter turn clockwise is as good as three
quarters anticlockwise, a half turn either way — so the turn is judged (:func:`judge_turn`) against the right
turn nearest to the one the video made.

Per tile: ``start`` (starts as given), ``end`` (ends in its place: full credit within 6°, none from 25°; a tile
that needs no turn must stay); the tracker's templates sit on the tile's centre, so an elbow moved off its tile
is not seen. ``process`` (the moving tiles pass through the angles in between) is averaged over the tiles that
must turn. value = Π start · end ·
(0.05 + 0.95 · process): one tile out of place leaves the loop open and scores 0; a cut to the end keeps ≤ 0.05.
"""

from __future__ import annotations

import numpy as np
from vbvr_core.contract import SampleRef, Score
from vbvr_core.families.rotation.judge import judge_turn, turn_scorer
from vbvr_core.families.rotation.track import ANGLE_STEP, TurningPolygon, colour_seen, polygon_turn
from vbvr_core.judge.credit import ramp
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoClip

from vbvr_o44_rotation_puzzle.generator import TILE, Solution, elbow, tile_center

END_FULL, END_ZERO = 6.0, 25.0


def nearest_right_turn(needed: int, reached: float) -> float:
    """The turn that puts the tile in its place (``needed`` plus whole turns) nearest to the ``reached`` one."""
    candidates = [needed + 360.0 * k for k in (-1, 0, 1)]
    return min(candidates, key=lambda value: abs(value - reached))


@turn_scorer(Solution)
def score(sample: SampleRef, solution: Solution, clip: VideoClip) -> Score:
    """Score a model's video of O-44 against the sample's tiles."""
    color = colour_seen(clip.frames, sample.first_frame, solution.pipe_color)
    verdict = Verdict()
    held, processes, reasons = [], [], []
    # One tracker for every tile: each tile is brought onto the top-left tile's place, the elbow drawn unturned.
    polygon = TurningPolygon(tuple(elbow(solution.pipe_width, 0)), tile_center(0, 0), solution.sprite_side,
                             solution.outline_width, 1, TILE / 2)
    size = clip.frames.shape[2]
    for tile in solution.tiles:
        label = f"the tile at row {tile.row + 1}, column {tile.col + 1}"
        dx, dy = (round((b - a) * size / 512) for a, b in zip(tile_center(0, 0), tile.center, strict=True))
        frames = np.roll(clip.frames, (-dy, -dx), axis=(1, 2)) if dx or dy else clip.frames
        raw, _ = polygon_turn(frames, polygon, color)
        measured = [value for value in raw if value is not None]
        offset = 90.0 * tile.start_orientation
        if measured:
            offset += 360.0 * round((measured[0] - offset) / 360.0)
        turn = [None if value is None else value - offset for value in raw]
        known = [value for value in turn if value is not None]
        if len(known) < 2:
            held.append(0.0)
            reasons.append(f"{label}: its pipe is not seen")
            continue
        target = nearest_right_turn(tile.turn, known[-1])
        start = 1.0 if abs(known[0]) <= 10.0 else 0.0
        if target == 0:
            end = ramp(abs(known[-1]), END_FULL, END_ZERO)
        else:
            judged = judge_turn(turn, target, END_FULL, END_ZERO, resolution=1.5 * ANGLE_STEP, checkpoints=7,
                                start_tolerance=10.0)
            end = judged.end
            processes.append(judged.process)
        held.append(start * end)
        reasons += [text for text, bad in (
            (f"{label} turned {known[-1]:+.0f}°, its place in the loop needs {tile.turn:+d}° (or a full turn more)",
             end < 1),
            (f"{label} does not start as given", not start)) if bad]
    process = float(np.mean(processes)) if processes else 0.0
    verdict.part("in_loop", float(np.prod(held)), unless="; ".join(reasons) or None)
    verdict.part("process", 0.05 + 0.95 * process, unless=f"the turning tiles are shown through {process:.0%} of their turns")
    return verdict.score(ok="every tile turned into its place: the pipes form one closed loop")
