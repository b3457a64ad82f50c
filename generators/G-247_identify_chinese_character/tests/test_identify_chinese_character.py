"""G-247 specifications: the glossary, the scene checks (overlap, duplicates, meanings), the generator's
draws, and the scorer on right, wrong and several marks."""

from __future__ import annotations

import numpy as np
from vbvr_core.draw.text import DEFAULT_FAMILY, common_hanzi, font
from vbvr_core.families.marking.draw import ring_image, ring_sweep
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_g247_identify_chinese_character.generator import (
    FOREIGN,
    GLOSSARY,
    IdentifyChineseCharacterGenerator,
    Solution,
    answer_of,
    scene_problems,
)

KEY = "G-247_identify_chinese_character"


def _generated(seed: int, params: dict | None = None):
    """A sample from ``seed``, or from the next seeds when the draw is rejected (as the pipeline redraws)."""
    for attempt in range(seed, seed + 50):
        try:
            return IdentifyChineseCharacterGenerator(attempt, params).generate()
        except Reject:
            continue
    raise AssertionError(f"50 draws from seed {seed} were all rejected")


def test_glossary_uses_common_characters_with_one_meaning_each():
    hanzi = common_hanzi()
    assert len({word for _, word, _ in GLOSSARY}) == len(GLOSSARY) == len({char for char, _, _ in GLOSSARY})
    for char, word, similar in GLOSSARY:
        assert char in hanzi and all(c in hanzi for c in similar), char
        assert char not in similar and len(set(similar)) == len(similar) >= 2, char
        assert answer_of(word) == char


def test_foreign_letters_are_drawn_and_are_not_chinese():
    face = font(60, family=DEFAULT_FAMILY)
    missing = np.asarray(face.getmask("\uffff"))
    hanzi = common_hanzi()
    for letter in FOREIGN:
        assert letter not in hanzi
        assert not np.array_equal(np.asarray(face.getmask(letter)), missing), letter


def _scene(**change):
    scene = {"glyphs": ["大", "太", "A"], "kinds": ["answer", "lookalike", "foreign"],
             "centers": [(100.0, 100.0), (300.0, 100.0), (100.0, 300.0)], "ring_radii": [60.0, 60.0, 50.0],
             "word": "big", "target": 0, "size": 80}
    scene.update(change)
    return scene


def test_a_clear_scene_passes():
    assert scene_problems(**_scene()) == []


def test_overlapping_symbols_are_refused():
    problems = scene_problems(**_scene(centers=[(100.0, 100.0), (180.0, 110.0), (100.0, 300.0)]))
    assert any("occlusion" in p for p in problems)


def test_a_distractor_equal_to_the_answer_is_refused():
    problems = scene_problems(**_scene(glyphs=["大", "大", "A"]))
    assert any("duplicate" in p for p in problems)


def test_a_wrong_target_a_chinese_foreign_letter_and_a_rare_character_are_refused():
    assert any("wrong answer" in p for p in scene_problems(**_scene(target=1)))
    assert any("is a Chinese character" in p for p in scene_problems(**_scene(glyphs=["大", "太", "山"])))
    assert any("common characters" in p for p in scene_problems(**_scene(glyphs=["大", "太", "A"],
                                                                        kinds=["answer", "lookalike", "other"])))


def test_every_draw_has_one_answer_meaning_the_word_and_rings_apart():
    meanings = {char: word for char, word, _ in GLOSSARY}
    for seed in range(9):
        sample = _generated(40 * seed, {"difficulty": seed % 3})
        s = sample.solution
        assert s.glyphs[s.target] == answer_of(s.word) and s.kinds.count("answer") == 1
        assert f'"{s.word}"' in sample.prompt
        assert all(meanings.get(g) != s.word for k, g in enumerate(s.glyphs) if k != s.target)
        assert scene_problems(s.glyphs, s.kinds, s.centers, s.ring_radii, s.word, s.target,
                              sample.params.glyph_size) == []


def test_hard_draws_show_lookalikes_and_no_foreign_letters():
    s = _generated(5, {"difficulty": 2, "lookalikes": 3}).solution
    assert s.kinds.count("lookalike") >= 2 and "foreign" not in s.kinds


def _ringed(folder, center, radius, frames=8):
    """The first frame held 0.25 s, a ring drawn around ``center``, then held 0.25 s (short videos: cheap tests)."""
    first = read_png(folder / "first_frame.png")
    sweep = list(ring_sweep(first, center, radius, frames))
    return [first] * 6 + sweep + sweep[-1:] * 6


class TestContract(SampleContract):
    key = KEY
    near_misses = True  # a look-alike ringed like the answer: the wrong symbol marked scores 0

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
