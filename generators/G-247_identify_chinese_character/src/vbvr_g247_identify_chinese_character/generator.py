"""G-247 identify_chinese_character: ring the Chinese character that means a given English word.

Parameters → draw → solve → render → prompt:

- the answer is an entry of :data:`GLOSSARY` (``word``): a common character whose meaning is one plain English
  word (水 water, 火 fire, 马 horse …), each with characters that look like it (大 → 太 犬 天 夫 丈);
- ``num_glyphs`` symbols are shown: the answer, up to ``lookalikes`` of its look-alikes, up to ``foreign``
  letters of other scripts (Latin, Greek, Cyrillic, Armenian, Hebrew, Georgian: none is a Chinese
  character, the official task's "Chinese or not"), and other glossary characters (each with another
  meaning) for the rest;
- every symbol is drawn in one dark ink at ``glyph_size``, scattered so that a ring around any one of them
  stays clear of every other; crowded layouts, duplicates and a symbol that renders like the answer are
  rejected;
- the solver looks the word up in the glossary; the video draws a red ring around that character, stroke
  by stroke.

Chinese characters are set in the project's Noto Sans SC (``HAN_FAMILY``) and come from ``common_hanzi()``;
the other scripts' letters in DejaVu Sans (the default family).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from itertools import chain
from typing import Annotated

import numpy as np
from PIL import Image, ImageDraw
from pydantic import Field
from vbvr_core.contract import Point, Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, new_canvas, to_frame
from vbvr_core.draw.text import DEFAULT_FAMILY, HAN_FAMILY, common_hanzi, font
from vbvr_core.families.marking.draw import outline_sweep, ring_image, ring_sweep, scatter_discs
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_g247_identify_chinese_character.plugin import TASK

# The answers: character, its English meaning in one word (a word with another sense is qualified: "right
# (side)", not "correct"), and common characters that look like it. No
# look-alike means the word (鸟 "bird" leaves out 乌 "crow"; 刀 "knife" leaves out 刃 "blade"); no two
# entries share a meaning. Every character is one of common_hanzi() (a test checks it).
GLOSSARY: tuple[tuple[str, str, str], ...] = (
    ("大", "big", "太犬天夫丈"),
    ("人", "person", "入八个从"),
    ("日", "sun", "目白旧田"),
    ("目", "eye", "日自且百白"),
    ("木", "tree", "本术末未禾"),
    ("水", "water", "永冰木求"),
    ("火", "fire", "大灭人米"),
    ("山", "mountain", "出凶击由"),
    ("口", "mouth", "日回中曰"),
    ("马", "horse", "鸟与乌司"),
    ("鸟", "bird", "马岛与"),
    ("鱼", "fish", "角鲁色免"),
    ("牛", "cow", "午生半年失"),
    ("羊", "sheep", "半美洋兰丰"),
    ("石", "stone", "右古后名"),
    ("土", "soil", "士上工干王"),
    ("田", "field", "由甲申电日"),
    ("门", "door", "们问闪间"),
    ("手", "hand", "毛于乎千"),
    ("米", "rice", "来未半末"),
    ("车", "vehicle", "东军年库"),
    ("刀", "knife", "力万习九"),
    ("力", "strength", "刀九办方"),
    ("雨", "rain", "两而再雷"),
    ("云", "cloud", "去运会"),
    ("天", "sky", "夫大无关开"),
    ("月", "moon", "用丹舟目"),
    ("子", "child", "字了予于"),
    ("女", "woman", "安如奴要"),
    ("耳", "ear", "且目取身"),
    ("王", "king", "玉主土壬"),
    ("玉", "jade", "王主五"),
    ("白", "white", "百自日由"),
    ("上", "up", "下土止卡"),
    ("下", "down", "上不丁于"),
    ("中", "middle", "申口史虫"),
    ("千", "thousand", "干于午十"),
    ("十", "ten", "千干土七"),
    ("二", "two", "三工土"),
    ("三", "three", "二王川丰"),
    ("虫", "insect", "中虽史串"),
    ("风", "wind", "凤凡网几"),
    ("瓜", "melon", "爪抓孤"),
    ("羽", "feather", "习弱扇"),
    ("舌", "tongue", "古乱话活"),
    ("肉", "meat", "内网丙"),
    ("井", "well (for water)", "并开升"),
    ("左", "left (side)", "右在友布"),
    ("右", "right (side)", "左石有"),
    ("北", "north", "比此兆"),
    ("四", "four", "西回匹"),
    ("五", "five", "互王丑"),
    ("六", "six", "大文穴"),
    ("九", "nine", "力丸几仇"),
    ("八", "eight", "人入儿"),
    ("雪", "snow", "雷雾雨"),
    ("星", "star", "是皇早"),
    ("花", "flower", "化华苍"),
    ("猫", "cat", "描锚苗"),
    ("黑", "black", "里黄果"),
    ("红", "red", "江扛经"),
    ("心", "heart", "必忆"),
    ("牙", "tooth", "芽邪穿"),
    ("头", "head", "买实关"),
    ("西", "west", "四酉要"),
    ("衣", "clothes", "农表依"),
    ("血", "blood", "皿而面"),
    ("足", "foot", "是走定"),
    ("贝", "shell", "见负员"),
    ("弓", "bow (weapon)", "引弟号"),
)
WORDS = tuple(word for _, word, _ in GLOSSARY)
# Letters of other scripts (DejaVu Sans): none is a Chinese character and none looks like one (no I, T, X,
# Y, Λ, Ξ, Π, Ш, nor Hebrew ד that reads as 丁 …).
FOREIGN = "ABDGKMNPQRSΔΘΣΦΨΩλβБЖДИЯЮФԱԲԳԴאשქწშ"
# Dark inks for the symbols (never red, orange or pink: the mark is red; all darker than grey 100).
INKS = ((20, 20, 20), (25, 45, 110), (20, 85, 50), (85, 50, 25), (70, 30, 100))
FOREIGN_SCALE = 1.15  # a letter's ink is shorter than a character's at the same size
RING_PADDING = 9
GAP = 8
EDGE = 8


class Params(TaskParams):
    """G-247's parameter space: more symbols, more look-alikes of the answer and fewer foreign letters as the
    difficulty grows."""

    word: Annotated[int, Uniform(0, len(GLOSSARY) - 1)] = Field(
        0, ge=0, le=len(GLOSSARY) - 1, description="the answer: index of its entry in the glossary")
    num_glyphs: Annotated[int, Strata((3, 4), (4, 5), (5, 6))] = Field(
        4, ge=3, le=7, description="how many symbols are shown (one of them the answer)")
    lookalikes: Annotated[int, Strata((0, 1), (1, 2), (2, 4))] = Field(
        1, ge=0, le=5, description="at most this many look-alikes of the answer among the others")
    foreign: Annotated[int, Strata((1, 2), (0, 1), 0)] = Field(
        1, ge=0, le=6, description="at most this many letters of other scripts among the others")
    glyph_size: Annotated[int, Strata((82, 96), (70, 86), (58, 74))] = Field(
        80, ge=50, le=100, description="font size of the symbols, pixels")
    ink: Annotated[int, Uniform(0, len(INKS) - 1)] = Field(
        0, ge=0, le=len(INKS) - 1, description="ink colour index (one dark colour for every symbol)")
    background: Annotated[int, Uniform(0, len(BACKGROUNDS) - 1)] = Field(
        0, ge=0, le=len(BACKGROUNDS) - 1, description="background tint index")
    ring_width: Annotated[int, Uniform(6, 7)] = Field(6, ge=4, le=8, description="stroke width of the red ring, pixels")
    mark_frames: Annotated[int, Uniform(12, 16)] = Field(
        14, ge=8, le=30, description="video frames over which the ring is drawn")


class Solution(TaskSolution):
    """The symbols (text, kind, centre of the ink, ring radius around each), the meaning asked for, and the
    answer's index."""

    glyphs: list[str]
    kinds: list[str]  # "answer", "lookalike", "other" (another glossary character) or "foreign"
    centers: list[Point]
    ring_radii: list[float]
    word: str
    target: int


@functools.lru_cache(maxsize=512)
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


def mask_reach(mask: np.ndarray) -> float:
    """Farthest inked pixel from the centre of the ink's box, pixels."""
    ys, xs = np.nonzero(mask > 24)
    cy, cx = (mask.shape[0] - 1) / 2, (mask.shape[1] - 1) / 2
    return float(np.hypot(xs - cx, ys - cy).max()) + 0.5


def answer_of(word: str) -> str:
    """The glossary character that means ``word``; ``Reject`` when no entry or more than one does."""
    found = [char for char, meaning, _ in GLOSSARY if meaning == word]
    if len(found) != 1:
        raise Reject(f"ambiguous: {len(found)} glossary characters mean {word!r}")
    return found[0]


def scene_problems(glyphs: list[str], kinds: list[str], centers: list[Point], ring_radii: list[float],
                   word: str, target: int, size: int) -> list[str]:
    """Why a scene cannot be used: symbols overlapping (a ring around one touches another's), a symbol
    equal to the answer or drawn like it, a Chinese character outside common_hanzi() or with the answer's
    meaning, a foreign letter that is a Chinese character, or a target that is not the word's character."""
    problems = []
    answer = answer_of(word)
    if not 0 <= target < len(glyphs) or glyphs[target] != answer:
        problems.append(f"wrong answer: symbol {target} is not {answer!r} ({word})")
        return problems
    hanzi = common_hanzi()
    meanings = {char: meaning for char, meaning, _ in GLOSSARY}
    answer_ink = glyph_mask(answer, size, True)
    for k, (text, kind) in enumerate(zip(glyphs, kinds, strict=True)):
        if k == target:
            continue
        if text == answer:
            problems.append(f"duplicate: distractor {k} is the answer {answer!r}")
        elif kind == "foreign" and text in hanzi:
            problems.append(f"foreign letter {text!r} is a Chinese character")
        elif kind != "foreign" and text not in hanzi:
            problems.append(f"{text!r} is not one of the common characters the font draws")
        elif meanings.get(text) == word:
            problems.append(f"ambiguous: {text!r} also means {word!r}")
        elif np.array_equal(glyph_mask(text, size, kind != "foreign"), answer_ink):
            problems.append(f"ambiguous: {text!r} is drawn exactly like the answer")
    if len(set(glyphs)) != len(glyphs):
        problems.append("duplicate: a symbol is shown twice")
    for k in range(len(glyphs)):
        for j in range(k + 1, len(glyphs)):
            apart = math.dist(centers[k], centers[j])
            if apart < ring_radii[k] + ring_radii[j]:
                problems.append(f"occlusion: symbols {k} and {j} are {apart:.0f} px apart, their rings overlap")
    return problems


class IdentifyChineseCharacterGenerator(BaseGenerator):
    """Scatters the answer among look-alikes, other characters and foreign letters, and rings the answer."""

    info = TASK.info
    Params = Params
    Solution = Solution

    def _symbols(self) -> tuple[list[str], list[str]]:
        """The symbols shown and their kinds, the answer first (shuffled later)."""
        p, rng = self.params, self.rng
        answer, word, similar = GLOSSARY[p.word]
        others = p.num_glyphs - 1
        n_look = min(p.lookalikes, len(similar), others)
        n_foreign = min(p.foreign, others - n_look)
        looks = [similar[int(k)] for k in rng.permutation(len(similar))[:n_look]]
        foreign = [FOREIGN[int(k)] for k in rng.permutation(len(FOREIGN))[:n_foreign]]
        pool = [char for char, meaning, _ in GLOSSARY if meaning != word and char not in looks]
        rest = [pool[int(k)] for k in rng.permutation(len(pool))[:others - n_look - n_foreign]]
        glyphs = [answer, *looks, *rest, *foreign]
        kinds = ["answer"] + ["lookalike"] * len(looks) + ["other"] * len(rest) + ["foreign"] * len(foreign)
        return glyphs, kinds

    def generate(self) -> Sample:
        """Choose the symbols, scatter them, paint them in one ink, and ring the answer."""
        p, rng = self.params, self.rng
        word = GLOSSARY[p.word][1]
        glyphs, kinds = self._symbols()
        order = [int(k) for k in rng.permutation(len(glyphs))]
        glyphs, kinds = [glyphs[k] for k in order], [kinds[k] for k in order]
        target = kinds.index("answer")
        masks = [glyph_mask(text, round(p.glyph_size * FOREIGN_SCALE) if kind == "foreign" else p.glyph_size,
                            kind != "foreign") for text, kind in zip(glyphs, kinds, strict=True)]
        ring_radii = [round(mask_reach(mask) + RING_PADDING + p.ring_width / 2, 1) for mask in masks]
        area = (EDGE, EDGE, 512 - EDGE, 512 - EDGE)
        spots = next((layout for layout in (scatter_discs(rng, [r + p.ring_width / 2 for r in ring_radii], area, GAP,
                                                          300) for _ in range(6)) if layout), None)
        if spots is None:
            raise Reject("cluttered: the symbols do not fit with their rings apart")
        canvas = new_canvas(BACKGROUNDS[p.background])
        centers = []
        for mask, (x, y) in zip(masks, spots, strict=True):
            left, top = round(x - mask.shape[1] / 2), round(y - mask.shape[0] / 2)
            canvas.paste(INKS[p.ink], (left, top, left + mask.shape[1], top + mask.shape[0]), Image.fromarray(mask))
            centers.append((round(left + (mask.shape[1] - 1) / 2, 2), round(top + (mask.shape[0] - 1) / 2, 2)))
        problems = scene_problems(glyphs, kinds, centers, ring_radii, word, target, p.glyph_size)
        if problems:
            raise Reject("; ".join(problems))
        first = to_frame(canvas)
        final = ring_image(first, centers[target], ring_radii[target], width=p.ring_width)
        prompt = (
            f'Several symbols are shown. Find the Chinese character that means "{word}" and mark it by drawing '
            "a red circle around it. Mark only that character and do not change anything else in the image."
        )
        solution = Solution(glyphs=glyphs, kinds=kinds, centers=centers, ring_radii=ring_radii, word=word,
                            target=target)
        return Sample(
            first_frame=first,
            final_frame=final,
            prompt=prompt,
            trajectory=lambda: self._ring_frames(first, target, solution),
            solution=solution,
            params=p,
        )

    def validate(self, sample: Sample) -> list[str]:
        """The scene checks again on the saved solution (overlap, duplicates, the answer's meaning)."""
        s = Solution.model_validate(sample.solution)
        if not (len(s.glyphs) == len(s.kinds) == len(s.centers) == len(s.ring_radii)):
            return ["the solution's lists differ in length"]
        try:
            return scene_problems(s.glyphs, s.kinds, s.centers, s.ring_radii, s.word, s.target,
                                  self.params.glyph_size)
        except Reject as reason:
            return [str(reason)]

    def _ring_frames(self, first: np.ndarray, index: int, solution: Solution) -> Iterator[np.ndarray]:
        """The first frame, then a red ring drawn around symbol ``index`` stroke by stroke."""
        p = self.params
        return chain([first], ring_sweep(first, solution.centers[index], solution.ring_radii[index], p.mark_frames,
                                         width=p.ring_width))

    def _box_frames(self, first: np.ndarray, solution: Solution) -> Iterator[np.ndarray]:
        """The first frame, then a red square traced round the answer, corner to corner."""
        x, y = solution.centers[solution.target]
        half = solution.ring_radii[solution.target] / math.sqrt(2) + 2
        corners = [(x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half)]
        return chain([first], outline_sweep(first, corners, self.params.mark_frames, width=4))

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct mark: a red square traced round the answer instead of a ring."""
        solution = Solution.model_validate(sample.solution)
        return {"square_traced": lambda: self._box_frames(sample.first_frame, solution)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """Wrong answers ringed exactly like the right one: a look-alike of the answer (or, when none is shown,
        another Chinese character)."""
        solution = Solution.model_validate(sample.solution)
        ranked = sorted((k for k in range(len(solution.glyphs)) if k != solution.target),
                        key=lambda k: ({"lookalike": 0, "other": 1, "foreign": 2}[solution.kinds[k]], k))
        return {"lookalike_ringed": lambda: self._ring_frames(sample.first_frame, ranked[0], solution)}
