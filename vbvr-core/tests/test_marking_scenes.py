"""The marking family's helpers: scenes of shapes and polygons drawn in one place, the
rest-of-picture part on its own, the solution fields ``score_ringed`` reads, and rings kept apart stroke included."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import ImageDraw
from vbvr_core.contract import TaskParams
from vbvr_core.draw import PALETTE, draw_shape, new_canvas, to_frame
from vbvr_core.families.marking.draw import filled_polygons, scatter_discs, shapes_image
from vbvr_core.families.marking.judge import RingedSolution, balanced_frames
from vbvr_core.families.marking.parts import rest_unchanged, unchanged_and_progressive
from vbvr_core.families.marking.task import RingMarkGenerator, place_apart
from vbvr_core.judge.verdict import Verdict
from vbvr_core.testing.helpers import flow_instance

KINDS = ["circle", "triangle", "hexagon"]
CENTERS = [(100.0, 120.0), (300.5, 200.25), (400.0, 400.0)]
RADII = [30.0, 41.5, 25.0]
ROTATIONS = [0.0, 1.234, 2.5]
FILLS = [PALETTE["green"], PALETTE["blue"], PALETTE["purple"]]
BACKGROUND = (250, 248, 240)


def _drawn(outline=None, width: int = 0) -> np.ndarray:
    """The scene drawn shape by shape with ``draw_shape``, as the tasks did before."""
    canvas = new_canvas(BACKGROUND)
    draw = ImageDraw.Draw(canvas)
    for kind, center, radius, rotation, fill in zip(KINDS, CENTERS, RADII, ROTATIONS, FILLS, strict=True):
        draw_shape(draw, kind, center, radius, fill=fill, outline=outline, width=width, rotation=rotation)
    return to_frame(canvas)


def test_shapes_image_is_the_draw_shape_loop() -> None:
    """Byte for byte the frame of drawing each shape in turn on the background, with and without an outline."""
    image = shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS)
    assert image.shape == (512, 512, 3) and image.dtype == np.uint8
    assert np.array_equal(image, _drawn())
    outlined = shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS, outline=(0, 0, 0), width=2)
    assert np.array_equal(outlined, _drawn((0, 0, 0), 2))
    assert not np.array_equal(outlined, image)


def test_shapes_image_needs_one_entry_a_shape() -> None:
    """Lists of different lengths are refused, not silently cut short."""
    with pytest.raises(ValueError):
        shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS[:2])


def test_rest_unchanged_ramps_the_change_away_from_the_mark() -> None:
    """An untouched picture keeps full credit; one whose kept pixels all change loses credit, with the reason."""
    first = shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS)
    keep = np.ones(first.shape[:2], bool)
    still = Verdict()
    rest_unchanged(still, np.stack([first, first]), first, keep, "it changed")
    assert still.score(ok="fine").value == 1.0
    noisy = np.random.default_rng(0).integers(0, 256, first.shape, dtype=np.uint8)
    moved = Verdict()
    rest_unchanged(moved, np.stack([first, noisy]), first, keep, "it changed")
    assert moved.score(ok="fine").value < 0.9 and moved.score(ok="fine").reason == "it changed"


def test_rest_unchanged_is_the_first_half_of_unchanged_and_progressive() -> None:
    """Both give one ``unchanged`` part for the same frames."""
    first = shapes_image(BACKGROUND, KINDS, CENTERS, RADII, ROTATIONS, FILLS)
    frames = np.stack([first, np.clip(first.astype(int) + 9, 0, 255).astype(np.uint8)])
    keep = np.ones(first.shape[:2], bool)
    alone, both = Verdict(), Verdict()
    rest_unchanged(alone, frames, first, keep, "changed")
    unchanged_and_progressive(both, frames, first, keep, np.array([0, 10]), "changed", "at once")
    assert alone.parts["unchanged"] == both.parts["unchanged"]


def test_ringed_solution_reads_a_task_s_own_names_for_the_candidates_and_the_radius() -> None:
    """``vertices`` or ``dots`` are the candidates' centres, ``mark_radius`` the one ring radius; other fields are
    ignored, and a task's ``centers`` and ``ring_radius`` read as before."""
    for name in ("centers", "vertices", "dots"):
        solution = RingedSolution.model_validate({name: [(1, 2), (3, 4)], "target": 1, "ring_radius": 30, "extra": 5})
        assert solution.centers == [(1.0, 2.0), (3.0, 4.0)] and solution.ring_radius == 30.0
    solution = RingedSolution.model_validate({"centers": [(1, 2)], "target": 0, "mark_radius": 12.5})
    assert solution.ring_radius == 12.5 and solution.ring_radii is None


def test_filled_polygons_edges_them_only_when_asked() -> None:
    """Without ``outline`` the frame is the fills alone; with it, each polygon's ``draw.polygon`` edge too."""
    polygons = [[(50.0, 50.0), (200.0, 60.0), (120.0, 180.0)], [(300.0, 300.0), (450.0, 320.0), (380.0, 470.0)]]
    fills = [PALETTE["green"], PALETTE["blue"]]
    for outline, width in ((None, 1), ((40, 40, 40), 3)):
        canvas = new_canvas(BACKGROUND)
        draw = ImageDraw.Draw(canvas)
        for polygon, fill in zip(polygons, fills, strict=True):
            draw.polygon(polygon, fill=fill, outline=outline, width=width)
        kwargs = {} if outline is None else {"outline": outline, "width": width}
        assert np.array_equal(filled_polygons(BACKGROUND, polygons, fills, **kwargs), to_frame(canvas))


class _RingParams(TaskParams):
    ring_width: int = 6
    mark_frames: int = 4


def test_rings_apart_widens_each_ring_by_its_stroke() -> None:
    """The same centres, from the same draws, as ``place_apart`` with every radius plus ``ring_width``."""
    ringer = flow_instance(RingMarkGenerator, _RingParams(), np.random.default_rng(5), Params=_RingParams)
    got = ringer.rings_apart([40.0, 30.0, 50.0], 6, 8, largest_first=True)
    assert got == place_apart(np.random.default_rng(5), [46.0, 36.0, 56.0], 6, 8, largest_first=True)
    ringer.ring_width = 3  # a class's own stroke wins over the parameter
    ringer.rng = np.random.default_rng(5)
    assert ringer.rings_apart([40.0], 6, 8) == place_apart(np.random.default_rng(5), [43.0], 6, 8)


def test_balanced_frames_is_the_per_frame_median_balance() -> None:
    """Each frame's channels divided by their own median (``np.median``, exact for bytes) and scaled to 255, in
    float32: a drifted background reads white again."""
    frames = np.random.default_rng(3).integers(0, 256, (2, 16, 16, 3), dtype=np.uint8)
    frames[1] //= 2  # a darker frame
    background = np.median(frames.reshape(2, -1, 3), axis=1).astype(np.float32)[:, None, None, :]
    expected = frames.astype(np.float32) * (255.0 / np.maximum(background, 1.0))
    got = balanced_frames(frames)
    assert got.dtype == np.float32 and np.array_equal(got, expected)


def test_scatter_discs_keeps_clear_of_what_allowed_refuses_and_draws_as_without_it_when_all_is_allowed():
    area, radii = (20.0, 20.0, 492.0, 492.0), [40.0, 30.0, 25.0, 20.0]
    plain = scatter_discs(np.random.default_rng(3), radii, area, gap=10, tries=200)
    assert scatter_discs(np.random.default_rng(3), radii, area, gap=10, tries=200,
                         allowed=lambda x, y, r: True) == plain
    band = lambda x, y, r: abs(y - 256) >= 60 + r  # noqa: E731 - a row band kept free
    centres = scatter_discs(np.random.default_rng(3), radii, area, gap=10, tries=200, allowed=band)
    assert centres is not None and centres != plain
    assert all(abs(y - 256) >= 60 + r for (_, y), r in zip(centres, radii, strict=True))
    assert scatter_discs(np.random.default_rng(3), radii, area, gap=10, tries=50,
                         allowed=lambda x, y, r: False) is None
