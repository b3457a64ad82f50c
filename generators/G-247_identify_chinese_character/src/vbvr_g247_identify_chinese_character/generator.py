"""G-247 identify_chinese_character: ring the one Chinese character among symbols of other scripts.

Parameters → draw → solve → render → prompt:

- the answer is one of :data:`ANSWERS` (``answer``): the common Chinese characters (``common_hanzi()``) less
  the few that a katakana duplicates (口 ロ, 力 カ, 工 エ, 二 ニ, 八 ハ, 夕 タ, 卜 ト, 匕 ヒ …);
- the ``num_glyphs - 1`` other symbols come from the ``distractors`` pool: 0 letters of other alphabets
  (Latin, Greek, Cyrillic, Armenian, Hebrew, Georgian, DejaVu Sans), 1 Japanese kana and Korean hangul
  syllables, 2 kana and hangul that look most like Chinese characters (hanzi-derived katakana, boxy hangul);
- every symbol is drawn in one dark ink at ``glyph_size``, scattered so that a ring around any one of them
  stays clear of every other; a distractor that is a Chinese character, or whose shape matches one of
  ``common_hanzi()`` (:func:`hanzi_twin`, rendered bitmaps compared), is rejected, as are crowded layouts;
- the solver is the script of each symbol (the one in ``common_hanzi()``); the video draws a red ring
  around it, stroke by stroke.

Chinese characters, kana and hangul are set in the project's Noto Sans SC (``HAN_FAMILY``); letters in
DejaVu Sans (the default family).
"""

from __future__ import annotations

import functools
import math
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.draw import BACKGROUNDS, BackgroundIndex, new_canvas, to_frame
from vbvr_core.draw.text import DEFAULT_FAMILY, HAN_FAMILY, common_hangul, common_hanzi, font, kana
from vbvr_core.families.marking.task import RingMarkGenerator, place_apart
from vbvr_core.families.outline.draw import square_polygon
from vbvr_core.pipeline.generator import Reject

from vbvr_g247_identify_chinese_character.plugin import TASK

# Common Chinese characters that a katakana duplicates almost stroke for stroke (ロ 口, カ 力, エ 工, ニ 二,
# ハ 八, タ 夕, ト 卜, チ 千, オ 才, ー 一; ヒ's 匕 is not a common character): never the answer, so a kana
# shown beside it is never its twin.
KANA_TWIN_HANZI = "口力工二八夕卜千才一"
ANSWERS = "".join(char for char in common_hanzi() if char not in KANA_TWIN_HANZI)
# Letters of other alphabets (DejaVu Sans): none is a Chinese character and none looks like one (no I, T, X,
# Y, Λ, λ, Ξ, Π, Ш, nor Hebrew ד that reads as 丁 …).
LETTERS = "ABDGKMNPQRSΔΘΣΦΨΩβБЖДИЯЮФԱԲԳԴאשქწშ"
# Kana and hangul shaped most like Chinese characters: katakana taken from parts of characters (ム 厶, ヌ 又,
# サ 散, セ 世, ホ 保, ル 流 …) and hangul syllables built as blocks of box and bar strokes (몸 품 름 …). Those
# whose shape matches a common character (ロ カ エ ニ ト オ チ ク ヨ …) are left out — hanzi_twin() would
# reject them (a test checks every one passes).
HANZI_LIKE_KANA = "ハリヒムヘミナサヌウキケスセソテネホメモヤユワヲルレン"
HANZI_LIKE_HANGUL = "몸품므프표곰금뭄흠트크를름"
# Each stratum's scripts: every distractor picks one of them at random, then a symbol of it.
POOLS = ((LETTERS,), (kana(), common_hangul()), (HANZI_LIKE_KANA, HANZI_LIKE_HANGUL))
POOL_NAMES = ("letters", "kana and hangul", "hanzi-like kana and hangul")
# Dark inks for the symbols (never red, orange or pink: the mark is red; all darker than grey 100).
INKS = ((20, 20, 20), (25, 45, 110), (20, 85, 50), (85, 50, 25), (70, 30, 100))
LETTER_SCALE = 1.15  # a letter's ink is shorter than a character's at the same size
RING_PADDING = 9
GAP = 8
TWIN_SIZE = 28  # the size the shapes are compared at (hanzi_twin)
TWIN_GRID = 16  # ... after cropping to the ink and resizing to this square
# A shape correlating this well with a common character's is its twin (ロ 口 0.97, カ 力 0.98, ニ 二 0.93,
# タ 夕 0.88, ト 卜 0.99, λ 入 0.92 are; セ 七 0.86, ハ 八 0.78, ク 夕 0.85 are not).
TWIN_LIKENESS = 0.87


class Params(TaskParams):
    """G-247's parameter space: more symbols, and other symbols shaped more like Chinese characters, as the
    difficulty grows."""

    answer: Annotated[int, Uniform(0, len(ANSWERS) - 1)] = Field(
        0, ge=0, le=len(ANSWERS) - 1, description="the Chinese character: index into ANSWERS")
    num_glyphs: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=7, description="how many symbols are shown (one of them the Chinese character)")
    distractors: Annotated[int, Strata(0, 1, 2)] = Field(
        1, ge=0, le=2, description="the other symbols: 0 letters, 1 kana and hangul, 2 hanzi-like kana and hangul")
    glyph_size: Annotated[int, Strata((82, 96), (70, 86), (58, 74))] = Field(
        80, ge=50, le=100, description="font size of the symbols, pixels")
    ink: Annotated[int, Uniform(0, len(INKS) - 1)] = Field(
        0, ge=0, le=len(INKS) - 1, description="ink colour index (one dark colour for every symbol)")
    background: BackgroundIndex = 0
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(12, 16)] = Field(
        14, ge=8, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The symbols (text, kind, centre of the ink, ring radius around each) and the Chinese character's index."""

    glyphs: list[str]
    kinds: list[str]  # "hanzi" (the answer), "letter", "kana" or "hangul"
    centers: list[Point]
    ring_radii: list[float]
    target: int


def kind_of(text: str) -> str:
    """The script of one symbol: "hanzi" (common Chinese character), "kana", "hangul" or "letter"."""
    if text in common_hanzi():
        return "hanzi"
    if text in kana():
        return "kana"
    if text in common_hangul():
        return "hangul"
    return "letter"


@functools.lru_cache(maxsize=1024)
def glyph_mask(text: str, size: int, han: bool) -> np.ndarray:
    """The ink of one symbol (uint8 coverage, cropped to the ink), set in Noto Sans SC or DejaVu Sans."""
    family = HAN_FAMILY if han else DEFAULT_FAMILY
    face = font(size, family=family)
    image = Image.new("L", (3 * size, 3 * size), 0)
    ImageDraw.Draw(image).text((size, size), text, fill=255, font=face)
    ink = np.asarray(image)
    ys, xs = np.nonzero(ink > 24)
    if len(xs) == 0:
        raise Reject(f"illegible: {text!r} draws no ink")
    cropped = ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1].copy()
    cropped.setflags(write=False)
    return cropped


def _shape(text: str, han: bool) -> np.ndarray:
    """A symbol's shape for comparison: its ink at TWIN_SIZE cropped, scaled to a TWIN_GRID square, blurred by
    a pixel, centred and normalised (so a dot product of two shapes is their correlation)."""
    mask = glyph_mask(text, TWIN_SIZE, han)
    small = Image.fromarray(mask).resize((TWIN_GRID, TWIN_GRID), Image.BILINEAR).filter(ImageFilter.BoxBlur(1))
    shape = np.asarray(small, dtype=np.float32).ravel()
    shape = shape - shape.mean()
    return shape / max(float(np.linalg.norm(shape)), 1e-6)


@functools.cache
def _hanzi_shapes() -> np.ndarray:
    """The shapes of every common Chinese character (built once, about a second)."""
    return np.stack([_shape(char, True) for char in common_hanzi()])


@functools.lru_cache(maxsize=4096)
def hanzi_twin(text: str, han: bool = True) -> tuple[str, float]:
    """The common Chinese character whose rendered shape is closest to ``text``'s, and the correlation of
    the two shapes (ink bitmaps cropped, scaled to one square and slightly blurred; 1 = the same drawing)."""
    likeness = _hanzi_shapes() @ _shape(text, han)
    best = int(likeness.argmax())
    return common_hanzi()[best], float(likeness[best])


def mask_reach(mask: np.ndarray) -> float:
    """Farthest inked pixel from the centre of the ink's box, pixels."""
    ys, xs = np.nonzero(mask > 24)
    cy, cx = (mask.shape[0] - 1) / 2, (mask.shape[1] - 1) / 2
    return float(np.hypot(xs - cx, ys - cy).max()) + 0.5


def answer_of(glyphs: list[str]) -> int:
    """The solver: the index of the one symbol that is a Chinese character; ``Reject`` when not exactly one."""
    found = [k for k, text in enumerate(glyphs) if kind_of(text) == "hanzi"]
    if len(found) != 1:
        raise Reject(f"ambiguous: {len(found)} Chinese characters among the symbols")
    return found[0]


def scene_problems(glyphs: list[str], kinds: list[str], centers: list[Point], ring_radii: list[float],
                   target: int) -> list[str]:
    """Why a scene cannot be used: not exactly one Chinese character, or the target not it; an answer that a
    katakana duplicates; a distractor of the wrong kind or whose drawn shape matches a common Chinese
    character; a symbol shown twice; symbols so close that a ring around one touches another's."""
    problems = []
    hanzi = [k for k, text in enumerate(glyphs) if kind_of(text) == "hanzi"]
    if hanzi != [target]:
        problems.append(f"ambiguous: Chinese characters at {hanzi}, target {target}")
        return problems
    if glyphs[target] in KANA_TWIN_HANZI:
        problems.append(f"ambiguous: the answer {glyphs[target]!r} has a katakana twin")
    for k, (text, kind) in enumerate(zip(glyphs, kinds, strict=True)):
        if k == target:
            continue
        if kind != kind_of(text):
            problems.append(f"{text!r} is not a {kind} symbol")
            continue
        twin, likeness = hanzi_twin(text, kind != "letter")
        if likeness >= TWIN_LIKENESS:
            problems.append(f"ambiguous: {text!r} is drawn like the Chinese character {twin!r} ({likeness:.2f})")
    if len(set(glyphs)) != len(glyphs):
        problems.append("duplicate: a symbol is shown twice")
    for k in range(len(glyphs)):
        for j in range(k + 1, len(glyphs)):
            apart = math.dist(centers[k], centers[j])
            if apart < ring_radii[k] + ring_radii[j]:
                problems.append(f"occlusion: symbols {k} and {j} are {apart:.0f} px apart, their rings overlap")
    return problems


PROMPT = (
    "Several symbols are shown, and exactly one of them is a Chinese character. Identify the Chinese "
    "character and mark it by drawing a red circle around it. Mark only that symbol and do not change "
    "anything else in the image."
)


class IdentifyChineseCharacterGenerator(RingMarkGenerator, task=TASK, params=Params, solution=Solution):
    """Scatters one Chinese character among letters, kana or hangul, and rings the Chinese character."""

    trace_width = 4
    trace_name = "square_traced"

    def generate(self) -> Sample:
        """Choose the symbols, scatter them, paint them in one ink, and ring the Chinese character."""
        p, rng = self.params, self.rng
        others: list[str] = []
        while len(others) < p.num_glyphs - 1:
            script = POOLS[p.distractors][int(rng.integers(len(POOLS[p.distractors])))]
            symbol = script[int(rng.integers(len(script)))]
            if symbol not in others:
                others.append(symbol)
        glyphs = [ANSWERS[p.answer], *others]
        order = [int(k) for k in rng.permutation(len(glyphs))]
        glyphs = [glyphs[k] for k in order]
        kinds = [kind_of(text) for text in glyphs]
        target = answer_of(glyphs)
        masks = [glyph_mask(text, round(p.glyph_size * LETTER_SCALE) if kind == "letter" else p.glyph_size,
                            kind != "letter") for text, kind in zip(glyphs, kinds, strict=True)]
        ring_radii = [round(mask_reach(mask) + RING_PADDING + p.ring_width / 2, 1) for mask in masks]
        spots = place_apart(rng, [r + p.ring_width / 2 for r in ring_radii], GAP, 6, digits=None, what="symbols")
        canvas = new_canvas(BACKGROUNDS[p.background])
        centers = []
        for mask, (x, y) in zip(masks, spots, strict=True):
            left, top = round(x - mask.shape[1] / 2), round(y - mask.shape[0] / 2)
            canvas.paste(INKS[p.ink], (left, top, left + mask.shape[1], top + mask.shape[0]), Image.fromarray(mask))
            centers.append((round(left + (mask.shape[1] - 1) / 2, 2), round(top + (mask.shape[0] - 1) / 2, 2)))
        problems = scene_problems(glyphs, kinds, centers, ring_radii, target)
        if problems:
            raise Reject("; ".join(problems))
        solution = Solution(glyphs=glyphs, kinds=kinds, centers=centers, ring_radii=ring_radii, target=target)
        return self.ringed_sample(to_frame(canvas), PROMPT, solution)

    def validate(self, sample: Sample) -> list[str]:
        """The scene checks again on the saved solution (one Chinese character, no look-alike twin, overlap)."""
        s = Solution.model_validate(sample.solution)
        if not (len(s.glyphs) == len(s.kinds) == len(s.centers) == len(s.ring_radii)):
            return ["the solution's lists differ in length"]
        try:
            return scene_problems(s.glyphs, s.kinds, s.centers, s.ring_radii, s.target)
        except Reject as reason:
            return [str(reason)]

    def target_outline(self, solution: Solution) -> list[Point]:
        """A red square round the answer, traced corner to corner instead of a ring."""
        return square_polygon(solution.centers[solution.target], solution.ring_radii[solution.target] / math.sqrt(2) + 2)

    def decoys(self, solution: Solution) -> dict[str, int]:
        """The most Chinese-looking other symbol (a kana or hangul before a letter)."""
        ranked = sorted((k for k in range(len(solution.glyphs)) if k != solution.target),
                        key=lambda k: ({"kana": 0, "hangul": 1, "letter": 2}[solution.kinds[k]], k))
        return {"distractor_ringed": ranked[0]}
