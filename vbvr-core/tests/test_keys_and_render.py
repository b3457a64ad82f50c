"""Task-key names and the shared rendering primitives."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import ImageDraw
from vbvr_core.contract.keys import InvalidTaskKey, dist_name, import_name, validate_key
from vbvr_core.draw import SHAPE_KINDS, GridLayout, Sprite, Stage, draw_shape, draw_text, new_canvas, paste, to_frame
from vbvr_core.draw.text import HAN_FAMILY, common_hangul, common_hanzi, font, kana
from vbvr_core.judge.masks import box_coverage, color_mask
from vbvr_core.judge.track import collapse
from vbvr_core.solve.search import count_shortest_paths, grid_neighbours


def test_names_derive_from_the_key():
    assert dist_name("G-15_grid_avoid_obstacles") == "vbvr-g15-grid-avoid-obstacles"
    assert import_name("O-47_sliding_puzzle") == "vbvr_o47_sliding_puzzle"


@pytest.mark.parametrize("bad", ["../../x", "G-15", "g-15_x", "G-1234_x", "G-15_Grid", "G-15_x/../y", ""])
def test_malformed_keys_are_refused(bad):
    with pytest.raises(InvalidTaskKey):
        validate_key(bad)


def test_grid_layout_is_centred_and_maps_pixels_to_cells():
    layout = GridLayout.fit(4, 8)
    left, top, right, bottom = layout.box
    assert left == 512 - right and top == 512 - bottom
    assert layout.cell_at(*layout.cell_center((2, 5))) == (2, 5)
    assert layout.cell_at(0, 0) is None


def test_every_shape_kind_draws_inside_its_radius():
    for kind in SHAPE_KINDS:
        image = new_canvas()
        draw_shape(ImageDraw.Draw(image), kind, (256, 256), 40, fill=(0, 0, 0))
        ys, xs = np.nonzero(to_frame(image)[..., 0] < 128)
        assert len(xs) > 1000 and xs.min() > 190 and xs.max() < 322, kind


def test_text_uses_the_bundled_font_for_non_ascii():
    image = new_canvas()
    draw_text(ImageDraw.Draw(image), (256, 256), "Größe 42 °", 40)
    assert (to_frame(image) < 128).any()


def test_stage_pastes_sprites_with_alpha_and_clips_at_edges():
    rgba = np.zeros((10, 10, 4), np.uint8)
    rgba[..., 0] = 255
    rgba[2:8, 2:8, 3] = 255
    stage = Stage(np.full((20, 20, 3), 255, np.uint8))
    frame = stage.frame([(Sprite(rgba), (10, 10)), (Sprite(rgba), (0, 0))])
    assert tuple(frame[10, 10]) == (255, 0, 0) and tuple(frame[19, 19]) == (255, 255, 255)


def blend(frame: np.ndarray, rgba: np.ndarray, x0: int, y0: int) -> np.ndarray:
    """The alpha blend written out pixel by pixel, for a sprite wholly inside the frame."""
    out = frame.astype(np.int64)
    for y in range(rgba.shape[0]):
        for x in range(rgba.shape[1]):
            a = int(rgba[y, x, 3])
            out[y0 + y, x0 + x] = (rgba[y, x, :3].astype(np.int64) * a + out[y0 + y, x0 + x] * (255 - a) + 127) // 255
    return out.astype(np.uint8)


@pytest.mark.parametrize("alphas", [(0, 255), (0, 90, 255)], ids=["binary alpha: copied", "partial alpha: blended"])
@pytest.mark.parametrize(("center", "corner"), [((10.5, 8.5), (7, 4)), ((1.5, 17.5), (-2, 13))],
                         ids=["inside", "clipped at two edges"])
def test_paste_gives_the_blend_exactly_whichever_way_it_takes(alphas, center, corner):
    rng = np.random.default_rng(3)
    rgba = rng.integers(0, 256, (9, 7, 4), dtype=np.uint8)
    rgba[..., 3] = rng.choice(alphas, (9, 7))
    frame = rng.integers(0, 256, (20, 20, 3), dtype=np.uint8)
    sprite = Sprite(rgba)
    assert (sprite.opaque is None) == (len(alphas) > 2)
    pasted = frame.copy()
    paste(pasted, sprite, center)
    margin = np.pad(frame, ((2, 2), (2, 2), (0, 0)))  # room for the part of the sprite that is clipped off
    expected = blend(margin, rgba, corner[0] + 2, corner[1] + 2)[2:22, 2:22]
    assert np.array_equal(pasted, expected)
    assert np.array_equal(Stage(frame).frame([(sprite, center)]), pasted)


def test_coverage_and_tracks():
    frames = np.zeros((2, 8, 8, 3), np.uint8)
    frames[0, 0:4, 0:4] = (250, 210, 20)
    frames[1, 4:8, 4:8] = (250, 210, 20)
    coverage = box_coverage(color_mask(frames, (250, 210, 20)), [(0, 0, 4, 4), (4, 4, 8, 8)])
    assert coverage.tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert collapse([None, 1, 1, None, 2, 1]) == [1, 2, 1]


def test_counting_shortest_paths_on_an_open_grid():
    assert count_shortest_paths((0, 0), (2, 2), grid_neighbours(3, 3, set())) == 6


def test_every_common_cjk_character_has_its_own_glyph_in_the_bundled_han_font():
    characters = common_hanzi() + kana() + common_hangul()
    assert len(common_hanzi()) == 3755 and common_hanzi()[:2] == "啊阿"
    assert len(kana()) == 176 and len(common_hangul()) == 2350 and common_hangul()[0] == "가"
    han = font(16, family=HAN_FAMILY)
    bitmaps = {bytes(han.getmask(character)) for character in characters}
    assert len(bitmaps) >= len(characters) - 10  # a missing glyph would draw the same empty box every time
    image = new_canvas()
    draw_text(ImageDraw.Draw(image), (256, 256), "水火", 60, family=HAN_FAMILY)
    assert (to_frame(image) < 128).sum() > 300
