"""Text in bundled fonts (Pillow's default font is ASCII only), and a switch to set it in another typeface.

Samples are drawn in DejaVu Sans (:data:`DEFAULT_FAMILY`); Chinese text in Noto Sans SC (:data:`HAN_FAMILY`, a
subset holding ASCII, CJK punctuation, the 3,755 level-1 characters of GB 2312 (:func:`common_hanzi`), Japanese
kana (:func:`kana`) and the 2,350 Korean syllables of KS X 1001 (:func:`common_hangul`), cut from Noto Sans CJK SC
Regular under the SIL OFL; it has one weight, so bold is the regular face). The other families (:data:`FAMILIES`, licences
beside the files in ``vbvr_core/fonts``) exist so a task can show that its scorer reads text the way a
model writes it: inside ``with typeface("liberation-serif", scale=0.8):`` every :func:`font`,
:func:`text_size` and :func:`draw_text` call that names no family uses that family at 0.8× the size.
:func:`vbvr_core.judge.alternatives.font_alternatives` renders a solution in :data:`ALTERNATIVE_TYPEFACES`.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator
from importlib import resources

from PIL import ImageDraw, ImageFont

DEFAULT_FAMILY = "dejavu-sans"
# family -> (regular file, bold file)
FAMILIES = {
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "liberation-sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "liberation-serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "liberation-mono": ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"),
    "noto-sans-sc": ("NotoSansSC-Regular.otf", "NotoSansSC-Regular.otf"),
}
HAN_FAMILY = "noto-sans-sc"
# Other families and sizes a model might write in: what a scorer that reads text must accept.
ALTERNATIVE_TYPEFACES = (("liberation-serif", 0.7), ("liberation-sans", 1.3), ("liberation-mono", 1.0))

_TYPEFACE: contextvars.ContextVar[tuple[str, float]] = contextvars.ContextVar("typeface", default=(DEFAULT_FAMILY, 1.0))


@contextlib.contextmanager
def typeface(family: str, scale: float = 1.0) -> Iterator[None]:
    """Within the block, text that names no family is set in ``family`` at ``scale`` × the asked size.

    Raises ValueError for an unknown family (the error lists the bundled ones) or a scale ≤ 0.
    """
    if family not in FAMILIES:
        raise ValueError(f"unknown font family {family!r}; bundled: {', '.join(FAMILIES)}")
    if scale <= 0:
        raise ValueError(f"typeface scale must be > 0, got {scale}")
    token = _TYPEFACE.set((family, scale))
    try:
        yield
    finally:
        _TYPEFACE.reset(token)


@functools.lru_cache(maxsize=128)
def _load(family: str, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    path = resources.files("vbvr_core").joinpath("fonts", FAMILIES[family][int(bold)])
    with resources.as_file(path) as font_path:
        return ImageFont.truetype(str(font_path), size)


def font(size: int, bold: bool = False, family: str | None = None) -> ImageFont.FreeTypeFont:
    """A bundled font at ``size`` pixels (cached): ``family``, or the current :func:`typeface`'s (scaled)."""
    if family is not None:
        if family not in FAMILIES:
            raise ValueError(f"unknown font family {family!r}; bundled: {', '.join(FAMILIES)}")
        return _load(family, size, bold)
    current, scale = _TYPEFACE.get()
    return _load(current, max(1, round(size * scale)), bold)


def text_size(text: str, size: int, bold: bool = False, family: str | None = None) -> tuple[int, int]:
    """Width and height in pixels of ``text`` set in a bundled font (see :func:`font`)."""
    left, top, right, bottom = font(size, bold, family).getbbox(text)
    return right - left, bottom - top


@functools.cache
def common_hanzi() -> str:
    """The 3,755 common Chinese characters (GB 2312 level 1, in its pinyin order) that :data:`HAN_FAMILY` draws."""
    found = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                found.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:  # the unused tail of row 0xD7
                continue
    return "".join(found)


def kana() -> str:
    """The 176 Japanese hiragana and katakana (U+3041–U+3096, U+30A1–U+30FA) that :data:`HAN_FAMILY` draws."""
    return "".join(chr(code) for code in [*range(0x3041, 0x3097), *range(0x30A1, 0x30FB)])


@functools.cache
def common_hangul() -> str:
    """The 2,350 common Korean syllables (KS X 1001, in its order) that :data:`HAN_FAMILY` draws."""
    found = []
    for high in range(0xB0, 0xC9):
        for low in range(0xA1, 0xFF):
            found.append(bytes((high, low)).decode("euc_kr"))
    return "".join(found)


def draw_text(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill=(0, 0, 0),
              bold: bool = False, anchor: str = "mm", family: str | None = None) -> None:
    """Draw ``text`` at ``xy``; ``anchor`` is Pillow's (``mm`` centres it on the point)."""
    draw.text(xy, text, fill=fill, font=font(size, bold, family), anchor=anchor)
