"""The symbol-row family's shared pieces (issue 14): the process part every symbol-row scorer ends with
(judge_process), the verdict opening on the end row (RowEnd.verdict) and independent random symbols."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.symbol_row.draw import COLOR_NAMES, Piece, RowStage, random_symbols, symbol_sprite
from vbvr_core.families.symbol_row.judge import DISSOLVED, Clip, RowEnd, judge_process
from vbvr_core.judge.motion import unlike_dissolve
from vbvr_core.judge.verdict import Verdict

BLUE, GREEN = (40, 90, 220), (40, 170, 60)


def _slide(count=12):
    stage = RowStage((255, 255, 255))
    sprite = symbol_sprite("■", BLUE, 40)
    return np.stack([stage.frame([Piece(sprite, 150 + 200 * k / (count - 1), 256)]) for k in range(count)])


def test_judge_process_notes_scores_and_explains_in_order():
    frames = _slide()
    clip = Clip(frames, frames[-1], 1.0)
    verdict = Verdict()
    judge_process(verdict, clip, [("a", 1.0, "a short"), (None, 0.5, "b short"), ("c", 0.0, "c short")])
    assert verdict.parts == {"a": 1.0, "c": 0.0, "steps": unlike_dissolve(frames), "process": 0.05}
    assert verdict.reasons == ["b short", "c short"]
    verdict = Verdict()
    judge_process(verdict, clip, [("a", 0.5, "a short")], steps=0.0)
    assert verdict.parts["process"] == 0.05 and verdict.reasons == [DISSOLVED, "a short"]
    verdict = Verdict()
    judge_process(verdict, clip, [("a", 0.5, "a short"), ("b", 0.5, "b short")], steps=1.0)
    assert verdict.parts["process"] == 0.05 + 0.95 * 0.5 * 0.5 * 1.0


def test_row_end_verdict_opens_with_end_slots_and_stray():
    ending = RowEnd([True, False, True], 0.01)
    verdict = ending.verdict(0.25)
    assert verdict.parts == {"end": 0.25, "slots": 2 / 3, "stray": 0.01}
    assert verdict.reasons == [ending.reason()] and "position(s) [2]" in ending.reason()
    assert RowEnd([True], 0.0).verdict(1.0).reasons == []


def test_random_symbols_draw_glyph_then_colour_per_symbol():
    glyphs = ("A", "B", "C")
    drawn = random_symbols(np.random.default_rng(4), glyphs, 5)
    rng = np.random.default_rng(4)
    expected = []
    for _ in range(5):
        glyph = glyphs[int(rng.integers(0, 3))]
        expected.append((glyph, COLOR_NAMES[int(rng.integers(0, len(COLOR_NAMES)))]))
    assert drawn == expected
