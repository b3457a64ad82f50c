"""The marking family's judge: a ring in the accepted colours on the target scores, elsewhere it does not."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pytest
from PIL import ImageDraw
from pydantic import Field
from vbvr_core.contract import Category, Point, TaskInfo, TaskParams, TaskSolution
from vbvr_core.draw import PALETTE, new_canvas, to_frame
from vbvr_core.families.marking.draw import MARK_RED, ring_image, ring_sweep
from vbvr_core.families.marking.judge import dark_mask, judge_mark, red_mask, red_or_dark_mask
from vbvr_core.families.marking.parts import away_from, rest_change, unchanged_and_progressive
from vbvr_core.families.marking.task import RingMarkGenerator
from vbvr_core.judge.masks import dilate
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.video import VideoReader, held, write_video

CENTRES = [(128.0, 256.0), (384.0, 256.0)]
RADIUS = 40.0
BLACK = PALETTE["black"]


@pytest.fixture(scope="module")
def first() -> np.ndarray:
    """Two filled discs, grey and brown: mid-tones that must not read as a black mark."""
    canvas = new_canvas((250, 248, 240))
    draw = ImageDraw.Draw(canvas)
    for (x, y), colour in zip(CENTRES, (PALETTE["gray"], PALETTE["brown"]), strict=True):
        draw.ellipse((x - 28, y - 28, x + 28, y + 28), fill=colour)
    return to_frame(canvas)


def _ringed(tmp_path, first, target: int, colour) -> VideoReader:
    path = tmp_path / f"ring-{target}-{colour}.mp4"
    write_video(path, held(chain([first], ring_sweep(first, CENTRES[target], RADIUS, 12, color=colour)), 12))
    return VideoReader(path)


def test_dark_mask_finds_black_and_not_the_palette_mid_tones(first):
    frame = first.copy()
    frame[:10, :10] = BLACK
    assert dark_mask(frame)[:10, :10].all()
    assert not dark_mask(first).any()  # grey 128 and brown stay out
    assert not red_mask(frame)[:10, :10].any() and red_or_dark_mask(frame)[:10, :10].all()


@pytest.mark.parametrize("colour", [BLACK, MARK_RED])
def test_a_black_or_red_ring_on_the_target_scores_full_and_elsewhere_nothing(tmp_path, first, colour):
    right = judge_mark(_ringed(tmp_path, first, 0, colour), first, CENTRES, 0, RADIUS, ink=red_or_dark_mask)
    wrong = judge_mark(_ringed(tmp_path, first, 1, colour), first, CENTRES, 0, RADIUS, ink=red_or_dark_mask)
    assert right.value == 1.0, right.reason
    assert wrong.value == 0.0 and "takes in candidates [1]" in wrong.reason


def test_the_default_ink_is_red_only(tmp_path, first):
    black = judge_mark(_ringed(tmp_path, first, 0, BLACK), first, CENTRES, 0, RADIUS)
    assert black.value == 0.0 and "no clear mark" in black.reason


def test_dilate_grows_a_mask_by_a_square_and_away_from_leaves_8_canvas_px_round_a_mark():
    dot = np.zeros((64, 64), bool)
    dot[32, 32] = True
    grown = dilate(dot, 2)
    assert grown.sum() == 25 and grown[30:35, 30:35].all()
    assert (~away_from(dot, 0.5)).sum() == 81  # 8 canvas px at half size: 4 px on every side
    assert (~away_from(dot, 0.25)).sum() == 49  # never less than 3 px


def _held_frames(first: np.ndarray, count: int) -> np.ndarray:
    return np.repeat(first[None], count, axis=0)


def test_unchanged_and_progressive_gives_full_credit_to_a_still_scene_and_a_growing_mark():
    first = np.full((64, 64, 3), 240, np.uint8)
    first[20:40, 20:40] = (40, 90, 160)
    keep = np.ones((64, 64), bool)
    verdict = Verdict()
    unchanged_and_progressive(verdict, _held_frames(first, 12), first, keep, np.arange(12) * 10,
                              changed="moved", at_once="cut")
    score = verdict.score(ok="fine")
    assert score.value == 1.0 and score.parts == {"unchanged": 1.0, "progressive": 1.0} and score.reason == "fine"


def test_unchanged_and_progressive_fails_a_changed_scene_and_docks_a_cut():
    first = np.full((64, 64, 3), 240, np.uint8)
    frames = _held_frames(first, 12)
    frames[:, 20:40, 20:40] = (40, 90, 160)  # a square the first frame does not hold
    keep = np.ones((64, 64), bool)
    counts = np.array([0] * 6 + [100] * 6)  # the mark appears from one frame to the next
    verdict = Verdict()
    unchanged_and_progressive(verdict, frames, first, keep, counts, changed="moved", at_once="cut")
    score = verdict.score(ok="fine")
    assert score.parts["unchanged"] == 0.0 and score.parts["progressive"] == 0.0
    assert score.value == 0.0 and score.reason == "moved; cut"
    # The 0.9 factor alone, when the rest is unchanged.
    verdict = Verdict()
    unchanged_and_progressive(verdict, _held_frames(first, 12), first, keep, counts, changed="moved", at_once="cut")
    assert verdict.score(ok="").value == pytest.approx(0.9)


def test_a_mark_seen_part_drawn_on_a_single_judged_frame_is_progressive():
    # Our quickest sweep (10 frames at 24 fps) played 1.5x fast or eased shows one or two judged frames part-drawn;
    # with the old rule (1/6 s part-drawn) the ease and fast variants of G-138, G-158, G-169 and G-222 lost 0.1.
    first = np.full((64, 64, 3), 240, np.uint8)
    keep = np.ones((64, 64), bool)
    for counts, value in (([0, 0, 50, 100, 100, 100], 1.0), ([0, 0, 5, 100, 100, 100], 0.9),
                          ([0, 0, 95, 100, 100, 100], 0.9)):
        verdict = Verdict()
        unchanged_and_progressive(verdict, _held_frames(first, 6), first, keep, np.array(counts), changed="",
                                  at_once="cut")
        assert verdict.score(ok="").value == pytest.approx(value), counts


def _rest_change_by_pixel_rows(frames: np.ndarray, first: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """rest_change as first written (pixels × channels, numpy's sums over axis 0): the values it must keep (to
    rounding: the sums now run in another order)."""
    import cv2

    soft_first = cv2.GaussianBlur(first.astype(np.float32), (0, 0), 1.5)[keep].astype(np.float64)
    x_mean = soft_first.mean(axis=0)
    x_centred = soft_first - x_mean
    x_variance = (x_centred * x_centred).sum(axis=0)
    flat = np.ptp(soft_first, axis=0) <= 1
    out = []
    for frame in frames:
        soft = cv2.GaussianBlur(frame.astype(np.float32), (0, 0), 1.5)[keep].astype(np.float64)
        y_mean = soft.mean(axis=0)
        gain = np.where(flat, 1.0, (x_centred * (soft - y_mean)).sum(axis=0) / np.where(flat, 1.0, x_variance))
        offset = y_mean - gain * x_mean
        out.append(float((np.abs(soft - (gain * soft_first + offset)).mean(axis=0) / 3).sum()))
    return np.asarray(out)


def test_rest_change_keeps_its_values_and_ignores_a_drift():
    rng = np.random.default_rng(3)
    first = rng.integers(0, 256, (96, 96, 3), dtype=np.uint8)
    first[..., 2] = 200  # a flat channel: fitted by an offset only
    drift = np.clip(first.astype(np.int16) * 0.9 + 12, 0, 255).astype(np.uint8)  # brightness and colour drift
    moved = drift.copy()
    moved[10:40, 50:90] = rng.integers(0, 256, (30, 40, 3), dtype=np.uint8)
    noisy = np.clip(first + rng.normal(0, 3, first.shape), 0, 255).astype(np.uint8)
    frames = np.stack([first, drift, moved, noisy])
    keep = np.ones((96, 96), bool)
    keep[40:60, 10:30] = False
    change = rest_change(frames, first, keep)
    assert change.dtype == np.float64 and change.shape == (4,)
    np.testing.assert_allclose(change, _rest_change_by_pixel_rows(frames, first, keep), rtol=0, atol=1e-9)
    assert change[0] < 1e-9 and change[1] < 0.5 < 5 < change[2]
    with pytest.raises(ValueError, match="no pixel"):  # no pixel to compare
        rest_change(frames, first, np.zeros((96, 96), bool))


class _RingParams(TaskParams):
    ring_width: int = Field(6, ge=4, le=8)
    mark_frames: int = Field(10, ge=8, le=30)


class _RingSolution(TaskSolution):
    centers: list[Point]
    ring_radii: list[float]
    target: int


class _TwoDiscs(RingMarkGenerator):
    """Rings the second of the two discs of the ``first`` fixture."""

    info = TaskInfo(key="O-990_ring_demo", title="Ring demo", category=Category.PERCEPTION,
                    description="A red ring is drawn round the brown disc.")
    Params = _RingParams
    Solution = _RingSolution
    scene: np.ndarray

    def generate(self):
        solution = _RingSolution(centers=CENTRES, ring_radii=[RADIUS, RADIUS + 4], target=1)
        return self.ringed_sample(self.scene, "Ring the brown disc.", solution)


def test_a_ring_mark_generator_rings_the_target_over_mark_frames(first):
    generator = _TwoDiscs(0)
    generator.scene = first
    sample = generator.generate()
    expected = ring_image(first, CENTRES[1], RADIUS + 4, width=6)
    assert np.array_equal(sample.final_frame, expected) and sample.prompt == "Ring the brown disc."
    frames = list(sample.trajectory())
    assert len(frames) == 11 and np.array_equal(frames[0], first) and np.array_equal(frames[-1], expected)
    other = list(generator.ring_frames(first, 0, sample.solution))
    assert np.array_equal(other[-1], ring_image(first, CENTRES[0], RADIUS, width=6))
