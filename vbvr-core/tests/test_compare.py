"""judge.compare's opening check: a model's rendering of our first frame passes, another sample's drawing does not."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from vbvr_core.judge.compare import same_drawing, spread_fit, starts_like
from vbvr_core.media.video import VideoClip

BACKGROUND = (245, 245, 245)


def _shapes(colours, shift=(0, 0), triangle=((150, 400), (360, 400), (250, 130)), rims=True):
    """A sparse scene: a row of five discs in ``colours`` (outlined when ``rims``) and a thin triangle, on a light
    canvas."""
    frame = np.full((512, 512, 3), BACKGROUND, np.uint8)
    dx, dy = shift
    for k, colour in enumerate(colours):
        centre = (70 + 90 * k + dx, 70 + dy)
        cv2.circle(frame, centre, 26, colour, -1, cv2.LINE_AA)
        if rims:
            cv2.circle(frame, centre, 26, (20, 20, 20), 2, cv2.LINE_AA)
    points = np.array([(x + dx, y + dy) for x, y in triangle], np.int32)
    cv2.polylines(frame, [points], True, (20, 20, 20), 3, cv2.LINE_AA)
    return frame


OURS = [(230, 120, 20), (40, 90, 220), (40, 90, 220), (220, 30, 30), (230, 120, 20)]


def _clip(frame, size=256):
    return VideoClip(frames=np.stack([cv2.resize(frame, (size, size), interpolation=cv2.INTER_AREA)] * 2), fps=12.0)


def _drawn_alike(frame, reference, size=256):
    small = [cv2.resize(f, (size, size), interpolation=cv2.INTER_AREA) for f in (frame, reference)]
    return same_drawing(*small)


@pytest.mark.parametrize("rendering", [
    lambda f: f,
    lambda f: cv2.GaussianBlur(f, (0, 0), 1.5),
    lambda f: np.clip(np.rint(f * np.array([1.15, 1.12, 1.05])), 0, 255).astype(np.uint8),
    lambda f: np.clip(f + np.random.default_rng(0).normal(0, 6, f.shape), 0, 255).astype(np.uint8),
    lambda f: cv2.resize(cv2.resize(f, (832, 480), interpolation=cv2.INTER_AREA), (512, 512)),
])
def test_our_first_frame_rendered_another_way_opens_like_it(rendering):
    ours = _shapes(OURS)
    assert _drawn_alike(rendering(ours), ours)
    assert starts_like(_clip(rendering(ours)), ours) == 1.0


@pytest.mark.parametrize("shift", [(3, -2), (4, 0), (0, 5)])
def test_a_few_pixels_off_is_still_our_drawing(shift):
    ours = _shapes(OURS)
    assert _drawn_alike(_shapes(OURS, shift=shift), ours)


def test_outlines_left_out_are_a_matter_of_style():
    ours = _shapes(OURS)
    assert _drawn_alike(_shapes(OURS, rims=False), ours) and _drawn_alike(ours, _shapes(OURS, rims=False))


def test_the_spread_fit_ignores_where_pixels_are():
    ours = _shapes(OURS)
    drifted = np.clip(np.rint(np.roll(ours, 9, axis=1) * 0.9 + 12), 0, 255).astype(np.uint8)
    gain, offset = spread_fit(drifted, ours)
    assert gain == pytest.approx([1 / 0.9] * 3, rel=0.02) and offset == pytest.approx([-12 / 0.9] * 3, abs=1.5)


def test_the_same_layout_in_other_colours_is_another_drawing():
    ours, other = _shapes(OURS), _shapes([(40, 170, 60), (240, 110, 170), (140, 60, 190), (240, 110, 170), (40, 170, 60)])
    assert not _drawn_alike(other, ours)
    assert starts_like(_clip(other), ours) == 0.0


def test_another_triangle_is_another_drawing_though_few_pixels_differ():
    ours = _shapes(OURS)
    other = _shapes(OURS, triangle=((150, 400), (360, 400), (330, 150)))
    assert np.mean(np.any(ours != other, axis=2)) < 0.03
    assert not _drawn_alike(other, ours)
    assert starts_like(_clip(other), ours) == 0.0


def test_an_empty_reference_is_matched_by_any_opening():
    blank = np.full((256, 256, 3), BACKGROUND, np.uint8)
    assert same_drawing(_shapes(OURS)[:256, :256], blank)
