"""Deleting one symbol from a row: the solution, the scene that shows it, and the generator O-5 and O-58 share.

The symbol at the 1-based ``position`` (its colour unique in the row, so the judge can follow it) fades out, then
the others slide from their slots to the new ones: the row centred again (O-5), or the later symbols one slot
left with the row's slots kept (O-58). :func:`~vbvr_core.families.symbol_row.judge.judge_deletion` scores it.
A task subclasses :class:`DeletionGenerator` with its ``Params``, ``colors``, ``recentre``, ``prompt`` and,
for a marked symbol, ``mark``.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import numpy as np

from vbvr_core.contract import Sample, TaskSolution
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, Sprite, ease_in_out
from vbvr_core.families.symbol_row.draw import (
    FADE_FRAMES,
    HOLD_ENDS,
    SYMBOL_SETS,
    Piece,
    RowStage,
    Symbol,
    lerp,
    neighbour,
    row_size,
    slot_xs,
    symbol_sprite,
)
from vbvr_core.pipeline.generator import BaseGenerator

CLOSE_FRAMES = 16


class DeletionSolution(TaskSolution):
    """The row before and after the deletion (glyph and colour per symbol), and where everything stands."""

    row: list[Symbol]
    position: int
    symbol_size: int
    spacing: float
    row_y: int
    xs: list[float]
    final_row: list[Symbol]
    final_xs: list[float]


def draw_row(rng: Any, glyphs: Sequence[str], colors: Sequence[str], length: int, position: int) -> list[Symbol]:
    """``length`` symbols of ``glyphs``; the one at 1-based ``position`` has a colour of ``colors`` (palette names)
    no other symbol has. Draw order: that colour, then per symbol its colour (from the rest; none for the one at
    ``position``) and its glyph."""
    unique = colors[int(rng.integers(0, len(colors)))]
    others = [c for c in colors if c != unique]
    row: list[Symbol] = []
    for k in range(length):
        color = unique if k == position - 1 else others[int(rng.integers(0, len(others)))]
        row.append((glyphs[int(rng.integers(0, len(glyphs)))], PALETTE[color]))
    return row


def solve_deletion(row: list[Symbol], position: int, symbol_size: int, row_y: int, recentre: bool) -> DeletionSolution:
    """The row without its ``position``-th symbol: centred again (``recentre``), or with the later symbols one
    slot left and the row's slots kept; ``symbol_size`` shrunk to fit the original row (:func:`row_size`)."""
    size, spacing = row_size(symbol_size, len(row))
    xs = slot_xs(len(row), spacing)
    final_row = row[:position - 1] + row[position:]
    final_xs = slot_xs(len(final_row), spacing) if recentre else xs[:-1]
    return DeletionSolution(row=row, position=position, symbol_size=size, spacing=spacing, row_y=row_y, xs=xs,
                            final_row=final_row, final_xs=final_xs)


class DeletionScene:
    """Sprites and slots of one instance; renders any moment of deleting the ``deleted``-th symbol (default: the
    solution's ``position``), with ``mark`` (a sprite around the solution's symbol) fading with it."""

    def __init__(self, solution: DeletionSolution, background: tuple[int, int, int], deleted: int | None = None,
                 mark: Sprite | None = None):
        self.stage = RowStage(background)
        self.sprites = [symbol_sprite(glyph, color, solution.symbol_size) for glyph, color in solution.row]
        self.mark, self.marked_x = mark, solution.xs[solution.position - 1]
        self.y = solution.row_y
        self.gone = (solution.position if deleted is None else deleted) - 1
        self.before = solution.xs
        self.after = solution.final_xs[:self.gone] + [solution.xs[self.gone]] + solution.final_xs[self.gone:]

    @property
    def moves(self) -> bool:
        """Whether any symbol slides once the deleted one is gone (not when the last one of a kept row goes)."""
        return self.after != self.before

    def frame(self, fade: float, close: float, lift: float = 0.0) -> np.ndarray:
        """The row with the deleted symbol (and the mark) ``fade`` (0..1) of the way out, raised ``lift`` pixels,
        and the others ``close`` of the way to their new slots."""
        pieces = [Piece(sprite, self.before[k], self.y - lift, 1.0 - fade) if k == self.gone else
                  Piece(sprite, lerp(self.before[k], self.after[k], close), self.y)
                  for k, sprite in enumerate(self.sprites)]
        if self.mark is not None:
            pieces.append(Piece(self.mark, self.marked_x, self.y - lift, 1.0 - fade))
        return self.stage.frame(pieces)

    def frames(self, close: bool = True, rise: float = 0.0) -> Iterator[np.ndarray]:
        """The solution video: the start, the symbol fading out (rising ``rise`` pixels as it goes, for the
        slide-out alternative), the rest sliding to their new slots (unless ``close`` is off or nothing moves); the
        pipeline holds both ends (``HOLD_ENDS``)."""
        yield self.frame(0.0, 0.0)
        for k in range(1, FADE_FRAMES + 1):
            yield self.frame(k / FADE_FRAMES, 0.0, rise * ease_in_out(k / FADE_FRAMES))
        if close and self.moves:
            for k in range(1, CLOSE_FRAMES + 1):
                yield self.frame(1.0, ease_in_out(k / CLOSE_FRAMES))


class DeletionGenerator(BaseGenerator):
    """Draws a row whose symbol at ``params.position`` has a colour of its own, and the video of its deletion.

    A subclass sets ``Params`` (fields ``length``, ``position``, ``symbol_set``, ``symbol_size``, ``row_y``,
    ``background``), ``colors`` (the palette names the row is drawn from), ``recentre`` (see
    :func:`solve_deletion`) and ``prompt``; ``mark`` may return a sprite drawn around the symbol to delete.
    """

    Solution = DeletionSolution
    colors: ClassVar[tuple[str, ...]]
    recentre: ClassVar[bool]

    @abstractmethod
    def prompt(self) -> str:
        """The instruction for ``self.params``."""

    def mark(self, size: int) -> Sprite | None:
        """A sprite around the symbol to delete, fading out with it, for symbols of ``size``; default none."""
        return None

    def scene(self, solution: DeletionSolution, deleted: int | None = None) -> DeletionScene:
        """The scene of ``solution`` on this instance's background (see :class:`DeletionScene`)."""
        return DeletionScene(solution, BACKGROUNDS[self.params.background], deleted, self.mark(solution.symbol_size))

    def generate(self) -> Sample:
        """Draw the row (the deleted symbol's colour unique), solve the new row, render the deletion."""
        p = self.params
        row = draw_row(self.rng, SYMBOL_SETS[p.symbol_set], self.colors, p.length, p.position)
        solution = solve_deletion(row, p.position, p.symbol_size, p.row_y, self.recentre)
        scene = self.scene(solution)
        return Sample(first_frame=scene.frame(0.0, 0.0), final_frame=scene.frame(1.0, 1.0), prompt=self.prompt(),
                      trajectory=scene.frames, solution=solution, params=p, hold_frames=HOLD_ENDS)

    def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
        """Another correct way to show it: the symbol (with its mark) slides up out of the row as it fades."""
        solution = sample.solution
        scene = self.scene(solution)
        return {"slide_out_up": lambda: scene.frames(rise=1.2 * solution.symbol_size)}

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A neighbour deleted instead (shown the same way); and, where the rest would move, the gap left open."""
        solution = sample.solution
        wrong = neighbour(solution.position, len(solution.row))
        misses: dict[str, FrameSource] = {"neighbour_deleted": self.scene(solution, deleted=wrong).frames}
        scene = self.scene(solution)
        if scene.moves:
            misses["gap_left_open"] = lambda: scene.frames(close=False)
        return misses
