"""Judging an edited symbol row: the slots at the end, stray ink, the row closing a gap, a symbol fading.

:func:`prepare` reads a model's video at 256 px (or its own smaller size), maps its colours onto ours by the fit
of its opening frame to the sample's first frame, and brings the reference final frame to the same size.
Positions in the helpers below are on the 512-pixel canvas; ``scale`` converts them to the clip. A scorer opens
with :func:`opened`: its solution and that clip.

- :func:`slot_matches`: for each expected slot, whether the frame holds the reference's symbol there — the
  soft IoU of how much of that symbol's colour each pixel holds over its background
  (:mod:`vbvr_core.judge.ink`), both slightly blurred, reaches ``SLOT_IOU`` (a thin glyph resized, blurred or
  a little off still matches; another glyph, another colour or an empty slot does not);
- :func:`stray_ink`: ink in the row's band where the reference row has none (a deleted symbol left behind);
- :func:`row_end`: both at once for the last frame (:class:`RowEnd`: the slots that match, the stray ink, the
  reason to give when the row is not the expected one);
- :func:`edge_track`: the row's leftmost or rightmost ink per frame (the outer edge moving as a gap closes);
- :func:`descent_coverage`: a new symbol's ink sliding down into the row (an insertion's last phase);
- :func:`ink_levels`: the ink of one colour inside one box per frame, relative to a reference level (a symbol
  fading out or in, or sliding away: anything that empties its box gradually);
- :func:`mixed_levels`: the ink of an old and a new colour in one box per frame, a pixel mixing them counted for
  both (which of two symbols in one slot is there, and whether both are at once);
- :func:`symbol_track`: one symbol of a colour of its own followed along the row, never read between two ghosts of
  a cross-fade; :func:`glyph_ranking`: which glyph of a set a slot shows; :func:`confusable`: two colours whose
  ink the judge would mix up;
- :func:`judge_process`: the process part every symbol-row scorer ends with (its moves shown, and no dissolve:
  :func:`vbvr_core.judge.motion.unlike_dissolve`, a frame that is no blend of the first and last; a task whose
  process is itself such a blend passes its own ``steps``);
- :func:`judge_deletion`: the whole verdict of a deletion (one symbol fades out of the row, the rest closes up).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from pydantic import BaseModel

from vbvr_core.contract import SampleRef, Score
from vbvr_core.judge.compare import colour_fit, match_colours
from vbvr_core.judge.ink import background_of, ink_centres, ink_map, ink_overlap
from vbvr_core.judge.motion import progress_coverage, unlike_dissolve
from vbvr_core.judge.verdict import Verdict
from vbvr_core.media.frames import channel_sum, resize_frame
from vbvr_core.media.video import VideoReader

if TYPE_CHECKING:
    from vbvr_core.families.symbol_row.deletion import DeletionSolution

S = TypeVar("S", bound=BaseModel)
SLOT_IOU = 0.5
# A pixel is ink when its channels differ from the background by this much in total.
INK = 60.0
# Slot images are blurred by this share of the symbol size before they are compared.
BLUR_SHARE = 0.06
# Stray ink: the reference's ink is widened by this share of the symbol size before the frame's is compared.
STRAY_GROW = 0.25
# A pixel holding at least this share of a colour is solid ink of it (a followed symbol's own pixels).
SOLID = 0.5
# Stray ink tolerated in the row's band, as a share of the reference row's ink.
STRAY_MAX = 0.08
DISSOLVED = "the video dissolves its first frame into its last instead of showing the steps"


@dataclass
class Clip:
    """A model's frames with our colours, the reference final frame at their size, and the canvas → clip scale."""

    frames: np.ndarray
    final: np.ndarray
    scale: float


def prepare(sample: SampleRef, video: VideoReader) -> Clip:
    """The video's frames (colours mapped onto ours) and the reference final frame, at the clip's size."""
    frames = video.clip().frames
    size = frames.shape[2]
    frames = match_colours(frames, *colour_fit(frames[0], resize_frame(sample.first_frame, size)))
    return Clip(frames, resize_frame(sample.final_frame, size), size / 512)


def opened(sample: SampleRef, video: VideoReader, solution_type: type[S]) -> tuple[S, Clip]:
    """The opening every symbol-row scorer shares: ``sample``'s solution read as ``solution_type``, and the clip
    of ``video`` as :func:`prepare` reads it."""
    return solution_type.model_validate(sample.solution), prepare(sample, video)


def _box(x: float, y: float, half_w: float, half_h: float, scale: float, shape: tuple[int, ...]) -> tuple[slice, slice]:
    top, bottom = max(0, int((y - half_h) * scale)), min(shape[0], int((y + half_h) * scale))
    left, right = max(0, int((x - half_w) * scale)), min(shape[1], int((x + half_w) * scale))
    return slice(top, bottom), slice(left, right)


def slot_matches(frame: np.ndarray, reference: np.ndarray, xs: Sequence[float], colors: Sequence[Sequence[int]],
                 row_y: float, spacing: float, size: int, scale: float) -> list[bool]:
    """For each slot (centre ``xs[k]``, symbol colour ``colors[k]``), whether ``frame`` shows the reference's
    symbol there: the soft IoU of the two slots' ink of that colour reaches ``SLOT_IOU``."""
    sigma = max(0.8, BLUR_SHARE * size * scale)
    frame_background, reference_background = background_of(frame), background_of(reference)
    half = spacing / 2
    matches = []
    for x, color in zip(xs, colors, strict=True):
        box = _box(x, row_y, half, 1.6 * half, scale, frame.shape)
        want = ink_map(reference[box], color, reference_background)
        got = ink_map(frame[box], color, frame_background)
        matches.append(ink_overlap(want, got, sigma) >= SLOT_IOU)
    return matches


def _ink_mask(region: np.ndarray, background: np.ndarray) -> np.ndarray:
    return channel_sum(np.abs(region.astype(np.float32) - background)) > INK


def stray_ink(frame: np.ndarray, reference: np.ndarray, row_y: float, size: int, scale: float,
              span: tuple[float, float] = (0.0, 512.0)) -> float:
    """Ink in the row's band (``span`` of x, canvas pixels) of ``frame`` that lies farther than ``STRAY_GROW``
    symbol sizes from any ink of ``reference``, as a share of the reference's ink there (0 when they agree)."""
    import cv2

    half = 0.9 * size
    box = _box((span[0] + span[1]) / 2, row_y, (span[1] - span[0]) / 2, half, scale, frame.shape)
    got = _ink_mask(frame[box], background_of(frame))
    want = _ink_mask(reference[box], background_of(reference)).astype(np.uint8)
    grow = max(1, int(STRAY_GROW * size * scale))
    near = cv2.dilate(want, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * grow + 1, 2 * grow + 1))) > 0
    return float((got & ~near).sum()) / max(1.0, float(want.sum()))


@dataclass(frozen=True)
class RowEnd:
    """The last frame's row against the reference's: which expected slots match, and the stray ink's share."""

    matches: list[bool]
    stray: float

    @property
    def share(self) -> float:
        return sum(self.matches) / len(self.matches)

    @property
    def clean(self) -> bool:
        return self.stray <= STRAY_MAX

    @property
    def complete(self) -> bool:
        """Every slot matches and nothing strays."""
        return all(self.matches) and self.clean

    def reason(self) -> str:
        """Why the row is not the expected one (the slots that differ, else the stray ink)."""
        wrong = [k + 1 for k, ok in enumerate(self.matches) if not ok]
        if wrong:
            return f"the final row differs from the expected one at position(s) {wrong}"
        return f"ink is left in the row where the expected row has none ({self.stray:.0%})"

    def verdict(self, end: float) -> Verdict:
        """A new :class:`Verdict` opening with part ``end`` (the task's credit for this row, with :meth:`reason`
        when it falls short) and notes ``slots`` (the share that match) and ``stray``."""
        verdict = Verdict()
        verdict.part("end", end, unless=self.reason())
        verdict.note("slots", self.share)
        verdict.note("stray", self.stray)
        return verdict


def row_end(clip: Clip, xs: Sequence[float], row: Sequence[tuple[str, Sequence[int]]], row_y: float, spacing: float,
            size: int) -> RowEnd:
    """:func:`slot_matches` and :func:`stray_ink` of the clip's last frame for the expected ``row`` (glyph, colour)
    at ``xs``."""
    last = clip.frames[-1]
    matches = slot_matches(last, clip.final, xs, [color for _, color in row], row_y, spacing, size, clip.scale)
    return RowEnd(matches, stray_ink(last, clip.final, row_y, size, clip.scale))


def edge_track(frames: np.ndarray, row_y: float, size: int, side: str, scale: float) -> list[float | None]:
    """Per frame, the x (canvas pixels) of the leftmost or rightmost ink in the row's band (None if no ink)."""
    half = size * 0.45
    y0, y1 = max(0, int((row_y - half) * scale)), int((row_y + half) * scale)
    band = frames[:, y0:y1].astype(np.int16)
    background = np.median(band[0].reshape(-1, 3), axis=0)
    ink = (channel_sum(np.abs(band - background)) > INK).sum(axis=1) >= 2  # T × W columns with ink
    out: list[float | None] = []
    for columns in ink:
        found = np.flatnonzero(columns)
        out.append(None if found.size == 0 else float(found[-1] if side == "right" else found[0]) / scale)
    return out


def closing_coverage(clip: Clip, row_y: float, size: int, side: str, distance: float) -> float:
    """How much of the outer edge's move on ``side`` by ``distance`` canvas pixels (negative: to the left) the
    video shows: two intermediate positions, each within a quarter of the way (an eased slide at 8 fps)."""
    edges = edge_track(clip.frames, row_y, size, side, clip.scale)
    if edges[0] is None:
        return 0.0
    return progress_coverage(edges, edges[0], edges[0] + distance, checkpoints=2,
                             resolution=max(1.0 / clip.scale, abs(distance) / 4))


def descent_coverage(clip: Clip, color: Sequence[int], x: float, half_width: float, size: int, row_y: float,
                     drop: float, settle: bool = False) -> float:
    """How much of a symbol's slide down into the row the video shows: the ink-weighted height of ``color`` in the
    full-height column of half-width ``half_width`` around ``x`` (canvas pixels) passes two intermediate heights
    between ``drop`` pixels above its end and its end, each within a quarter of the way (an eased slide at 8 fps);
    frames where the column holds under 3 % of a glyph's ink give no reading. The end is ``row_y``, or with
    ``settle`` the height of that ink in the reference final frame (a V's ink sits above its centre)."""
    scale = clip.scale
    centre = x * scale
    column = (int(max(0, centre - half_width * scale)), 0, int(centre + half_width * scale), clip.frames.shape[1])
    centres = ink_centres(clip.frames, tuple(color), column, min_ink=max(2.0, (size * scale) ** 2 * 0.03))
    end_y = row_y
    if settle:
        rest = ink_centres(clip.final[None], tuple(color), column, min_ink=1.0)[0]
        end_y = rest[1] / scale if rest else row_y
    return progress_coverage([None if c is None else c[1] / scale for c in centres], end_y - drop, end_y,
                             checkpoints=2, resolution=drop / 4)


def ink_levels(frames: np.ndarray, color: Sequence[int], x: float, y: float, half: float, scale: float,
               full: float | None = None) -> list[float]:
    """Per frame, the ink of ``color`` in the box of half-side ``half`` around ``(x, y)`` (canvas pixels), over
    ``full`` (default: the first frame's ink there)."""
    box = _box(x, y, half, half, scale, frames.shape[1:])
    background = background_of(frames[0])
    totals = [float(ink_map(frame[box], color, background).sum()) for frame in frames]
    reference = totals[0] if full is None else full
    return [total / max(reference, 1e-6) for total in totals]


def mixed_levels(frames: np.ndarray, old: Sequence[int], new: Sequence[int], x: float, y: float, half: float,
                 scale: float) -> tuple[list[float], list[float]]:
    """Per frame, the ink of two colours in the box of half-side ``half`` around ``(x, y)`` (canvas pixels), each
    pixel split between them: its step from the background written as ``a·(old − background) + b·(new −
    background)`` (least squares, ``a`` and ``b`` clipped to [0, 1]) and the box's ``a`` and ``b`` summed.

    :func:`ink_levels` reads a pixel that mixes the two colours (both symbols half there, as in a cross-fade) as
    neither, which makes the old symbol seem gone before the new one comes; here it counts for both. The two
    colours must not be confusable (:func:`confusable`), or the split is ill-defined."""
    box = _box(x, y, half, half, scale, frames.shape[1:])
    background = background_of(frames[0])
    basis = np.stack([np.asarray(old, np.float32) - background, np.asarray(new, np.float32) - background], axis=1)
    solve = np.linalg.pinv(basis)  # 2 × 3: a pixel's step → (a, b)
    olds, news = [], []
    for frame in frames:
        step = frame[box].reshape(-1, 3).astype(np.float32) - background
        shares = np.clip(step @ solve.T, 0.0, 1.0)
        olds.append(float(shares[:, 0].sum()))
        news.append(float(shares[:, 1].sum()))
    return olds, news


def box_ink(frame: np.ndarray, color: Sequence[int], x: float, y: float, half: float, scale: float) -> float:
    """The ink of ``color`` in one box of ``frame`` (pixels' worth of full colour)."""
    box = _box(x, y, half, half, scale, frame.shape)
    return float(ink_map(frame[box], color, background_of(frame)).sum())


def fade_coverage(levels: Sequence[float], start: float, end: float) -> float:
    """1 when some frame shows the level half-way between ``start`` and ``end`` (within a quarter of the way):
    a symbol fading or sliding out of its box; a cut shows only the two ends."""
    return progress_coverage(levels, start, end, checkpoints=1, resolution=abs(end - start) / 4)


def glyph_ranking(frame: np.ndarray, x: float, y: float, color: Sequence[int], glyphs: Sequence[str], size: int,
                  spacing: float, scale: float, background: Sequence[int]) -> list[float]:
    """For each candidate glyph, the soft IoU of ``frame``'s ink of ``color`` in the slot at ``(x, y)`` with that
    glyph drawn there (our font, our colour, on ``background``, brought to the frame's size): the glyph shown is
    the best-scoring one. Tells a circle from a square of the same colour, which one IoU threshold does not."""
    from vbvr_core.families.symbol_row.draw import Piece, RowStage, symbol_sprite

    sigma = max(0.8, BLUR_SHARE * size * scale)
    half = spacing / 2
    box = _box(x, y, half, 1.6 * half, scale, frame.shape)
    got = ink_map(frame[box], color, background_of(frame))
    stage = RowStage(tuple(int(c) for c in background))
    out = []
    for glyph in glyphs:
        drawn = resize_frame(stage.frame([Piece(symbol_sprite(glyph, tuple(color), size), x, y)]), frame.shape[1])
        want = ink_map(drawn[box], color, np.asarray(background, np.float32))
        out.append(ink_overlap(want, got, sigma))
    return out


def confusable(a: Sequence[int], b: Sequence[int], background: Sequence[int], limit: float = 0.12) -> bool:
    """Whether a pixel of colour ``a`` reads as more than ``limit`` of colour ``b``'s ink over ``background``, or
    the other way round (orange holds a third of red's ink on white): two such colours in one box blur the
    judge's reading of which symbol is there."""
    back = np.asarray(background, np.float32)
    pa, pb = np.asarray(a, np.float32).reshape(1, 1, 3), np.asarray(b, np.float32).reshape(1, 1, 3)
    return float(ink_map(pa, b, back)[0, 0]) > limit or float(ink_map(pb, a, back)[0, 0]) > limit


def symbol_track(frames: np.ndarray, color: Sequence[int], row_y: float, size: int, scale: float,
                 max_spread: float) -> list[float | None]:
    """Per frame, the x (canvas pixels) of the solid ink (≥ ``SOLID``) of ``color`` in the row's band — one symbol of a colour unique
    in the row, followed as it moves; None where it holds under 3 % of a full glyph, or where that ink spreads
    (horizontal standard deviation) beyond ``max_spread`` canvas pixels: two ghosts of it at once, as in a
    cross-fade, are not one symbol between them."""
    half = 0.6 * size
    y0, y1 = max(0, int((row_y - half) * scale)), int((row_y + half) * scale)
    background = background_of(frames[0])
    xs = np.arange(frames.shape[2], dtype=np.float64)
    out: list[float | None] = []
    for frame in frames:
        ink = ink_map(frame[y0:y1], color, background)
        # Solid pixels only: another colour's faint read as this one (cyan holds a little of blue) stays out.
        column_ink = np.where(ink >= SOLID, ink, 0.0).sum(axis=0).astype(np.float64)
        total = float(column_ink.sum())
        if total < max(2.0, 0.03 * (size * scale) ** 2):
            out.append(None)
            continue
        mean = float(column_ink @ xs / total)
        spread = float(np.sqrt(max(0.0, column_ink @ (xs - mean) ** 2 / total)))
        out.append(None if spread > max_spread * scale else mean / scale)
    return out


def judge_process(verdict: Verdict, clip: Clip, moves: Sequence[tuple[str | None, float, str]],
                  steps: float | None = None) -> None:
    """The process part of a symbol-row verdict: ``moves`` are the task's measures (0–1) of its moves being shown,
    each as (name to note it under, or None; measure; reason when it falls short). Notes each named measure and
    ``steps`` (by default :func:`~vbvr_core.judge.motion.unlike_dissolve` of its frames; a task passes 1 where nothing moves), records part ``process``
    = 0.05 + 0.95 × the measures' product × ``steps`` (a cut to the end keeps 0.05), then gives
    :data:`DISSOLVED` when ``steps`` < 1 and each move's reason when its measure < 1, in that order."""
    for name, measure, _ in moves:
        if name is not None:
            verdict.note(name, measure)
    steps = unlike_dissolve(clip.frames) if steps is None else steps
    verdict.note("steps", steps)
    shown = 0.95
    for _, measure, _ in moves:
        shown *= measure
    verdict.part("process", 0.05 + shown * steps)
    if steps < 1:
        verdict.fail(DISSOLVED)
    for _, measure, reason in moves:
        if measure < 1:
            verdict.fail(reason)


def judge_deletion(clip: Clip, solution: DeletionSolution, close: float, close_name: str, symbol: str, closing: str,
                   ok: str) -> Score:
    """The verdict on a deletion: ``solution`` has the original ``row``/``xs``, the 1-based ``position`` that goes,
    the expected ``final_row``/``final_xs``, ``row_y``, ``spacing`` and ``symbol_size``; ``close`` is the task's
    measure (0–1) of the rest closing up, noted as ``close_name``.

    ``end`` = 1 when the last frame shows the expected row and nothing strays, else 0.25 × the share of slots that
    match, and 0 if ink strays (the symbol to delete, or part of it, is still there); ``fade``: the deleted symbol's ink in its own box (its colour is unique in
    the row) passes half-way from full to none; ``steps``: :func:`unlike_dissolve` — where the rest of the row
    moves, a dissolve of the first frame into the last shows the fade but no symbol ever between its slots (1
    where nothing moves: the fade is then the whole process). value = end · (0.05 + 0.95 · fade · close · steps).
    ``symbol`` and ``closing`` name the symbol and the closing move in the reasons; ``ok`` is the reason when all
    is right.
    """
    size, spacing, y = solution.symbol_size, solution.spacing, solution.row_y
    ending = row_end(clip, solution.final_xs, solution.final_row, y, spacing, size)
    end = 1.0 if ending.complete else 0.25 * ending.share * float(ending.clean)
    gone = solution.position - 1
    fade = fade_coverage(ink_levels(clip.frames, solution.row[gone][1], solution.xs[gone], y, spacing / 2, clip.scale),
                         1.0, 0.0)
    verdict = ending.verdict(end)
    kept = [x for k, x in enumerate(solution.xs) if k != gone]
    judge_process(verdict, clip, [("fade", fade, f"{symbol} does not fade (or move) out of its place gradually"),
                                  (close_name, close, f"{closing} is shown through {close:.0%} of its path")],
                  steps=None if solution.final_xs != kept else 1.0)
    return verdict.score(ok=ok)
