"""O-61 symbol_edit: apply an edit rule to a row — insert a copy of the stated symbol right after each occurrence.

Parameters → draw → solve → render → prompt:

- a centred row of ``length`` coloured symbols (shapes, letters, digits or a mix) in which the target symbol
  (one glyph in one colour) occurs ``occurrences`` times; no other symbol has the target's colour, so the rule
  names one kind of symbol and the judge can follow the copies by colour;
- the solution is the row with a copy of the target right after each occurrence, centred again (the official
  evaluator: every original symbol kept, the target's colour gaining as many symbols as it had);
- the video (O-59's three phases, for every copy at once) moves the row apart to open a gap after each
  occurrence, fades the copies in above the gaps and slides them down into them, each phase as long as the
  official "O-61 style" animation (see TIMING); the pipeline holds the start and the end.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from vbvr_core.contract import Sample, Strata, TaskParams, TaskSolution, Uniform
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw import BACKGROUNDS, PALETTE, BackgroundIndex
from vbvr_core.families.symbol_row.draw import COLOR_NAMES, SYMBOL_SETS, Symbol, row_size, shown, slot_xs, symbol_name
from vbvr_core.families.symbol_row.insertion import InsertionScene, Timing
from vbvr_core.families.symbol_row.judge import confusable
from vbvr_core.families.symbol_row.params import SymbolSetName
from vbvr_core.pipeline.generator import BaseGenerator, Reject

from vbvr_o61_symbol_edit.plugin import TASK

# The official O-59 generator animates "O-61 style" at 16 fps: hold 5, shift 8, fade 6, slide 8 frames (0.31, 0.5,
# 0.375 and 0.5 s); at our 24 fps that is 12, 9 and 12 frames, the pipeline holding each end HOLD_ENDS frames.
TIMING = Timing(hold_start=1, shift=12, fade=9, slide=12, hold_end=0)
HOLD_ENDS = 8


class Params(TaskParams):
    """O-61's parameter space: longer rows, more occurrences and less regular symbols with the difficulty."""

    length: Annotated[int, Strata((3, 5), (4, 6), (5, 7))] = Field(
        5, ge=3, le=7, description="symbols in the row before the edit")
    occurrences: Annotated[int, Strata((1, 2), (2, 2), (2, 3))] = Field(
        2, ge=1, le=3, description="occurrences of the target symbol (copies to insert)")
    symbol_set: SymbolSetName = "shapes"
    symbol_size: Annotated[int, Uniform(44, 64)] = Field(
        56, ge=32, le=64, description="largest symbol size in pixels (shrunk to fit the longer row)")
    row_y: Annotated[int, Uniform(250, 310)] = Field(280, ge=240, le=320, description="vertical position of the row")
    background: BackgroundIndex = 0

    @model_validator(mode="after")
    def _occurrences_fit(self) -> Params:
        if self.occurrences >= self.length:
            raise ValueError(f"{self.occurrences} occurrences need a row of more than {self.occurrences} symbols")
        return self


class Solution(TaskSolution):
    """The row before and after the edit, the target symbol, and where everything stands."""

    row: list[Symbol]
    target: Symbol
    target_name: str
    targets: list[int]
    symbol_size: int
    spacing: float
    row_y: int
    above_y: int
    xs: list[float]
    final_row: list[Symbol]
    final_xs: list[float]
    copy_slots: list[int]
    tracked: int


def solve(row: list[Symbol], target: Symbol, symbol_size: int, row_y: int, name: str,
          only: list[int] | None = None, background: tuple[int, int, int] = (255, 255, 255)) -> Solution:
    """The row with a copy of ``target`` after each occurrence (or after the occurrences at ``only``, for a near
    miss), centred again; the copies' slots (0-based)."""
    targets = [k for k, symbol in enumerate(row) if symbol == target and (only is None or k in only)]
    size, spacing = row_size(symbol_size, len(row) + len(targets))
    final_row: list[Symbol] = []
    copy_slots = []
    for k, symbol in enumerate(row):
        final_row.append(symbol)
        if k in targets:
            copy_slots.append(len(final_row))
            final_row.append(target)
    xs, final_xs = slot_xs(len(row), spacing), slot_xs(len(final_row), spacing)
    kept = [k for k in range(len(final_row)) if k not in copy_slots]
    # The symbol the judge follows as the row opens: an original whose colour no other symbol has (nor one that
    # reads as part of it), moving at least 0.4 spacings, the farthest; -1 if there is none.
    colors = [color for _, color in row]
    unique = [k for k in range(len(row)) if row[k] != target and colors.count(colors[k]) == 1
              and not any(confusable(colors[k], c, background) for j, c in enumerate(colors) if j != k)]
    moving = [k for k in unique if abs(final_xs[kept[k]] - xs[k]) >= 0.4 * spacing]
    tracked = max(moving, key=lambda k: abs(final_xs[kept[k]] - xs[k])) if moving else -1
    return Solution(row=row, target=target, target_name=name, targets=targets, symbol_size=size, spacing=spacing,
                    row_y=row_y, above_y=row_y - round(1.5 * size), xs=xs, final_row=final_row, final_xs=final_xs,
                    copy_slots=copy_slots, tracked=tracked)


def edit_scene(solution: Solution, background: tuple[int, int, int], copy_slots: list[int] | None = None
               ) -> InsertionScene:
    """The scene of ``solution``, the copies going to ``copy_slots`` (default: the solution's)."""
    return InsertionScene(solution.row, solution.target, solution.symbol_size, solution.xs, solution.final_xs,
                          solution.copy_slots if copy_slots is None else copy_slots, solution.row_y, solution.above_y,
                          background)


class SymbolEditGenerator(BaseGenerator, task=TASK, params=Params, solution=Solution):
    """Draws a row with repeated target symbols and the video of duplicating each of them."""

    def generate(self) -> Sample:
        """Draw the row (target occurrences among symbols of other colours), solve the edit, render it."""
        p = self.params
        glyphs = SYMBOL_SETS[p.symbol_set]
        background = BACKGROUNDS[p.background]
        target_color = COLOR_NAMES[int(self.rng.integers(0, len(COLOR_NAMES)))]
        target = (glyphs[int(self.rng.integers(0, len(glyphs)))], PALETTE[target_color])
        others = [c for c in COLOR_NAMES if c != target_color and not confusable(PALETTE[c], target[1], background)]
        places = sorted(int(k) for k in self.rng.choice(p.length, size=p.occurrences, replace=False))
        row: list[Symbol] = []
        for k in range(p.length):
            if k in places:
                row.append(target)
            else:
                color = others[int(self.rng.integers(0, len(others)))]
                row.append((glyphs[int(self.rng.integers(0, len(glyphs)))], PALETTE[color]))
        name = f"{target_color} {symbol_name(target[0])}"
        solution = solve(row, target, p.symbol_size, p.row_y, name, background=background)
        if solution.tracked < 0:
            raise Reject("ambiguous motion: no moving symbol besides the target has a colour of its own, so the "
                         "row's opening cannot be told from a cross-fade of two rows")
        scene = edit_scene(solution, background)
        prompt = (
            f"Edit the row of symbols by this rule: right after every {name}{shown(target[0])}, insert one more "
            f"{name}. Show it step by step: the symbols move "
            "apart to open a gap right after each occurrence (the row stays centred and evenly spaced), the new "
            "symbols fade in just above the gaps, then slide down into them. Every original symbol keeps its "
            "order, shape and colour."
        )
        return scene.sample(TIMING, prompt, solution, p, hold_frames=HOLD_ENDS)

    def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
        """A copy after the first occurrence only (or, with one occurrence, after its right neighbour instead),
        shown the same way."""
        solution, p = sample.solution, self.params
        background = BACKGROUNDS[p.background]
        first = solution.targets[0]
        if len(solution.targets) > 1:
            wrong = solve(solution.row, solution.target, p.symbol_size, p.row_y, solution.target_name, only=[first],
                          background=background)
            return {"first_occurrence_only": lambda: edit_scene(wrong, background).frames(TIMING)}
        # One occurrence: the copy lands one slot further right (after the neighbour), or left of it at the end.
        slot = solution.copy_slots[0]
        moved = slot + 1 if slot + 1 < len(solution.final_row) else slot - 1
        return {"copy_one_slot_off": lambda: edit_scene(solution, background, copy_slots=[moved]).frames(TIMING)}
