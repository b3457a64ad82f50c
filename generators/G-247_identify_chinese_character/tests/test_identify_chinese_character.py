"""G-247 specifications: the answers and distractor pools, the twin check on rendered shapes, the scene
checks (one Chinese character, overlap, duplicates), the generator's draws, and the scorer on right, wrong
and several marks."""

from __future__ import annotations

import numpy as np
from vbvr_core.draw.text import DEFAULT_FAMILY, common_hanzi, font
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import first_accepted_sample, score_frames
from vbvr_g247_identify_chinese_character.generator import (
    ANSWERS,
    HANZI_LIKE_HANGUL,
    HANZI_LIKE_KANA,
    KANA_TWIN_HANZI,
    LETTERS,
    TWIN_LIKENESS,
    IdentifyChineseCharacterGenerator,
    Solution,
    answer_of,
    hanzi_twin,
    kind_of,
    scene_problems,
)

KEY = "G-247_identify_chinese_character"


def test_answers_are_common_characters_without_a_katakana_twin():
    assert set(ANSWERS) <= set(common_hanzi()) and not set(ANSWERS) & set(KANA_TWIN_HANZI)
    assert all(kind_of(c) == "hanzi" for c in KANA_TWIN_HANZI)


def test_distractor_pools_are_drawn_not_chinese_and_not_shaped_like_a_character():
    face = font(60, family=DEFAULT_FAMILY)
    missing = np.asarray(face.getmask("\uffff"))
    for letter in LETTERS:
        assert kind_of(letter) == "letter"
        assert not np.array_equal(np.asarray(face.getmask(letter)), missing), letter
        assert hanzi_twin(letter, False)[1] < TWIN_LIKENESS, letter
    for symbol in HANZI_LIKE_KANA + HANZI_LIKE_HANGUL:
        assert kind_of(symbol) in ("kana", "hangul")
        assert hanzi_twin(symbol)[1] < TWIN_LIKENESS, symbol


def test_katakana_twins_of_characters_are_recognised_by_their_drawing():
    for kata, han in zip("ロカエニトオタ", "口力工二卜才夕", strict=True):
        twin, likeness = hanzi_twin(kata)
        assert likeness >= TWIN_LIKENESS and han in KANA_TWIN_HANZI, (kata, twin, likeness)
    assert hanzi_twin("口") == ("口", hanzi_twin("口")[1]) and hanzi_twin("口")[1] > 0.99


def _scene(**change):
    scene = {"glyphs": ["猫", "ム", "A"], "kinds": ["hanzi", "kana", "letter"],
             "centers": [(100.0, 100.0), (300.0, 100.0), (100.0, 300.0)], "ring_radii": [60.0, 60.0, 50.0],
             "target": 0}
    scene.update(change)
    return scene


def test_a_clear_scene_passes():
    assert scene_problems(**_scene()) == []


def test_overlapping_symbols_are_refused():
    problems = scene_problems(**_scene(centers=[(100.0, 100.0), (180.0, 110.0), (100.0, 300.0)]))
    assert any("occlusion" in p for p in problems)


def test_two_chinese_characters_a_wrong_target_and_a_twin_are_refused():
    assert any("ambiguous" in p for p in scene_problems(**_scene(glyphs=["猫", "山", "A"])))
    assert any("ambiguous" in p for p in scene_problems(**_scene(target=1)))
    assert any("drawn like" in p for p in scene_problems(**_scene(glyphs=["猫", "ロ", "A"])))
    assert any("katakana twin" in p for p in scene_problems(**_scene(glyphs=["口", "ム", "A"])))
    assert any("duplicate" in p for p in scene_problems(**_scene(glyphs=["猫", "ム", "ム"],
                                                                   kinds=["hanzi", "kana", "kana"])))


def test_every_draw_has_exactly_one_chinese_character_from_its_strata_pool():
    for difficulty in range(3):
        sample = first_accepted_sample(IdentifyChineseCharacterGenerator,
                                       40 * difficulty, {"difficulty": difficulty, "num_glyphs": 3 + difficulty})
        s = sample.solution
        assert answer_of(s.glyphs) == s.target and s.kinds.count("hanzi") == 1
        others = {kind for k, kind in enumerate(s.kinds) if k != s.target}
        assert others <= ({"letter"} if difficulty == 0 else {"kana", "hangul"}), others
        if difficulty == 2:
            assert all(g in HANZI_LIKE_KANA + HANZI_LIKE_HANGUL for k, g in enumerate(s.glyphs) if k != s.target)
        assert "Chinese character" in sample.prompt
        assert scene_problems(s.glyphs, s.kinds, s.centers, s.ring_radii, s.target) == []


def _ringed(folder, center, radius, frames=8):
    """The first frame held 0.25 s, a ring drawn around ``center``, then held 0.25 s (short videos: cheap tests)."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 6 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    near_misses = True  # a kana/hangul ringed like the answer: the wrong symbol marked scores 0

    def solution(self, folder) -> Solution:
        return Solution.model_validate(load_record(folder).solution)

    def test_two_symbols_marked_at_once_score_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        other = (solution.target + 1) % len(solution.glyphs)
        frames = _ringed(samples[0], solution.centers[solution.target], solution.ring_radii[solution.target])
        both = ring_image(frames[-1], solution.centers[other], solution.ring_radii[other])
        assert score_frames(samples[0], frames + [both] * 8, tmp_path).value == 0

    def test_a_dot_on_the_answer_scores_high_and_a_last_frame_mark_scores_zero(self, samples, tmp_path):
        solution = self.solution(samples[0])
        center, radius = solution.centers[solution.target], solution.ring_radii[solution.target]
        first = read_png(samples[0] / "first_frame.png")
        dot = ring_image(first, center, radius * 0.2, width=int(radius * 0.2) + 1)
        assert score_frames(samples[0], [first] * 6 + [dot] * 8, tmp_path, "dot.mp4").value >= 0.85
        ring = ring_image(first, center, radius)
        assert score_frames(samples[0], [first] * 13 + [ring], tmp_path, "last.mp4").value <= 0.1
