"""The placement family: pieces and outlines laid out so nothing crosses, turn-then-slide poses, and the judge's
per-frame pose tracker on rendered frames."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.draw import Stage
from vbvr_core.families.placement.draw import (
    Piece,
    background,
    layout,
    make_pieces,
    piece_vertices,
    polygons_apart,
    render,
    solution_poses,
    targets_clear,
)
from vbvr_core.families.placement.judge import judge_piece, piece_poses, residue
from vbvr_core.judge.masks import color_mask


def _square(center, half=20.0):
    cx, cy = center
    return np.array([(cx - half, cy - half), (cx + half, cy - half), (cx + half, cy + half), (cx - half, cy + half)])


def test_polygons_apart_measures_the_gap():
    assert polygons_apart(_square((100, 100)), _square((145, 100)), 4.0)
    assert not polygons_apart(_square((100, 100)), _square((142, 100)), 4.0)
    assert not polygons_apart(_square((100, 100)), _square((130, 110)), 0.0)


def test_pieces_on_overlapping_rows_must_keep_their_order():
    shape = _square((0, 0))
    starts, crossed, kept = [(60.0, 200.0), (110.0, 210.0)], [(400.0, 200.0), (330.0, 210.0)], [(330.0, 200.0), (400.0, 210.0)]
    assert not targets_clear(starts, crossed, [shape, shape], [shape, shape])
    assert targets_clear(starts, kept, [shape, shape], [shape, shape])


def test_layouts_keep_pieces_apart_and_on_their_rows():
    rng = np.random.default_rng(4)
    vertices = [piece_vertices(kind, 26) for kind in ("square", "hexagon", "trapezoid")]
    for turns in ([0.0, 0.0, 0.0], [30.0, -20.0, 90.0]):
        placed = next(filter(None, (layout(vertices, turns, rng, 2.0) for _ in range(10))), None)
        assert placed is not None
        starts, targets = placed
        assert all(s[1] == t[1] and t[0] > s[0] for s, t in zip(starts, targets, strict=True))
        shapes = [np.asarray(v) for v in vertices]
        for a in range(3):
            for b in range(a + 1, 3):
                assert polygons_apart(shapes[a] + starts[a], shapes[b] + starts[b], 1.0)


def test_residue_is_taken_modulo_the_symmetry():
    assert residue(95.0, 5.0, 4) == pytest.approx(0.0)
    assert residue(-30.0, 30.0, 3) == pytest.approx(60.0)
    assert residue(170.0, -10.0, 1) == pytest.approx(180.0)


def test_tracker_follows_turn_then_slide_and_the_judge_accepts_it():
    rng = np.random.default_rng(2)
    pieces = make_pieces(rng, ["rectangle", "triangle"], ["red", "blue"], 30, [40.0, -25.0], 2.0)
    assert pieces is not None
    poses = solution_poses(pieces, 12, 14)
    assert poses[0][0] == (pieces[0].start, 0.0) and poses[-1][1] == (pieces[1].target, pieces[1].turn)
    stage = Stage(background((255, 255, 255), pieces))
    frames = np.stack([frame[::2, ::2] for frame in render(stage, pieces, poses)])
    final = frames[-1]
    for piece in pieces:
        expected = int(color_mask(final, piece.color, 38).sum())
        tracked = piece_poses(frames, piece, piece.color, expected)
        judged = judge_piece(tracked, piece, 0.5, turn_first=True)
        assert judged.value == pytest.approx(1.0) and judged.process == pytest.approx(1.0)
        unturned = judge_piece(tracked, piece, 0.5, turn_first=False)
        assert unturned.orientation < 0.5


def test_pieces_round_trip_through_json():
    rng = np.random.default_rng(0)
    pieces = make_pieces(rng, ["circle", "pentagon"], ["green", "pink"], 28, [0.0, 0.0], 2.0)
    assert pieces is not None
    assert [Piece.model_validate_json(piece.model_dump_json()) for piece in pieces] == pieces
