"""Sequence rules: build a sequence of a kind, and find which rules a shown prefix fits.

Numbers follow one of four progressions; figures (shapes, colours, arrow directions, coloured shapes)
repeat a cycle of distinct elements (:mod:`vbvr_core.families.fill_in.sequence` builds the cycle and reads its
period back). ``fitting_predictions`` lists the next element every rule family
fitting the shown numbers predicts, so ``validate`` can reject a prefix whose continuation is not
determined.
"""

from __future__ import annotations

NUMBER_KINDS = ("arithmetic", "geometric", "square", "fibonacci")
CYCLE_KINDS = ("shape_cycle", "color_cycle", "direction_cycle", "mixed_cycle")


def number_sequence(kind: str, first: int, step: int, length: int) -> list[int]:
    """``length`` numbers of a progression: ``step`` is the difference, the ratio, or (Fibonacci) the second term.

    ``square``: (first + k)²; ``fibonacci``: first, step, then each term the sum of the two before.
    """
    if kind == "arithmetic":
        return [first + k * step for k in range(length)]
    if kind == "geometric":
        return [first * step**k for k in range(length)]
    if kind == "square":
        return [(first + k) ** 2 for k in range(length)]
    if kind == "fibonacci":
        terms = [first, step]
        while len(terms) < length:
            terms.append(terms[-1] + terms[-2])
        return terms[:length]
    raise ValueError(f"unknown number sequence kind {kind!r}; known: {', '.join(NUMBER_KINDS)}")


def fitting_predictions(shown: list[int]) -> dict[str, int]:
    """The next number predicted by each rule family that fits every shown number (needs ≥ 3 shown)."""
    predictions: dict[str, int] = {}
    pairs = list(zip(shown, shown[1:], strict=False))
    differences = {b - a for a, b in pairs}
    if len(differences) == 1:
        predictions["arithmetic"] = shown[-1] + differences.pop()
    if all(a != 0 and b % a == 0 for a, b in pairs) and len(ratios := {b // a for a, b in pairs}) == 1:
        predictions["geometric"] = shown[-1] * ratios.pop()
    roots = [round(abs(value) ** 0.5) for value in shown]
    if [root * root for root in roots] == shown and roots == list(range(roots[0], roots[0] + len(roots))):
        predictions["square"] = (roots[-1] + 1) ** 2
    if all(c == a + b for a, b, c in zip(shown, shown[1:], shown[2:], strict=False)):
        predictions["fibonacci"] = shown[-1] + shown[-2]
    return predictions

