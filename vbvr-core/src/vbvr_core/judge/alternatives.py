"""Task-declared alternatives and near misses: other renderings of one instance, made by the task itself.

Only the task knows its other valid solutions (another shortest path, another valid order, the answer
aligned on a baseline instead of by centre, its text in other fonts, objects a few pixels off) and its
near misses (a wrong answer drawn the same way, a step skipped). A task declares them once, on its
generator class; every part is optional and ``BaseGenerator`` need not define it::

    class MyGenerator(BaseGenerator):
        pace_fixed = True  # the prompt fixes the pace: the re-timing variants (1.5×, mid pause, ease) do not apply

        def alternatives(self, sample: Sample) -> dict[str, FrameSource]:
            \"\"\"Other correct solutions of ``sample``'s instance, by name.\"\"\"
            return {**font_alternatives(sample.trajectory), "baseline_aligned": lambda: self._frames(aligned=True)}

        def near_misses(self, sample: Sample) -> dict[str, FrameSource]:
            \"\"\"Wrong answers drawn exactly like the right one, by name.\"\"\"
            return {"one_step_skipped": lambda: self._frames(skip=1)}

Contract: both methods are called on the generator that made ``sample`` (so ``self.params`` and the
instance built by ``generate()`` are at hand) and return ``{name: FrameSource}``, a callable giving a fresh
iterator of 512×512 RGB uint8 frames at 24 fps, from the first frame to the end state (the suite holds
both ends ``sample.hold_frames`` longer, as the ground truth is saved). Names are short snake_case words. A scorer must give every
alternative ≥ 0.9 and every near miss strictly less than the ground truth
(:mod:`vbvr_core.judge.thresholds`).

The suite re-creates the instance from the saved sample (task key, seed, attempt, params; checked against
the sample's content hash) with :func:`recreate`. :func:`nudged_positions` and :func:`font_alternatives` are
the shared helpers for the two alternatives most tasks have.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vbvr_core.contract import FailureRecord, Sample
from vbvr_core.contract.sample import FrameSource
from vbvr_core.draw.text import ALTERNATIVE_TYPEFACES, typeface
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.pipeline.sample_io import content_hash, load_record

NUDGE_PIXELS = 6
NUDGE_SHARE = 0.10


@dataclass
class Recreated:
    """The generator that made a saved sample, and the sample it made again (same content hash)."""

    generator: BaseGenerator
    sample: Sample


def recreate(sample_dir: str | Path, overrides: dict[str, Any] | None = None) -> Recreated:
    """Draw the saved sample in ``sample_dir`` again: its task, seed and attempt, with the overrides it was made with.

    The overrides are not recorded (``metadata.json`` holds every parameter, drawn or fixed), so the likely ones
    are tried in turn — ``overrides`` when the caller knows them (a test class's ``params``), none, the difficulty
    alone, every parameter — and the first draw whose content hash matches the record's wins. Raises LookupError
    when none matches (the task package changed since).
    """
    from vbvr_core.pipeline.produce import draw

    record = load_record(Path(sample_dir))
    candidates: list[dict[str, Any] | None] = [None, {"difficulty": record.params.get("difficulty")}, record.params]
    if overrides:
        candidates.insert(0, overrides)
    for candidate in candidates:
        if candidate is not None and None in candidate.values():
            continue
        drawn = draw(record.task_key, record.seed, index=record.index, params=candidate,
                     first_attempt=record.attempt, max_attempts=1, report=False)
        if not isinstance(drawn, FailureRecord) and content_hash(drawn.sample) == record.content_hash:
            return Recreated(drawn.generator, drawn.sample)
    raise LookupError(f"{sample_dir}: the installed {record.task_key} no longer draws this sample from seed "
                      f"{record.seed} (attempt {record.attempt}); regenerate the samples with the installed package")


def declared(generator: BaseGenerator, sample: Sample, hook: str) -> dict[str, FrameSource]:
    """The ``{name: FrameSource}`` the generator declares through ``hook`` (``alternatives`` / ``near_misses``)."""
    method = getattr(generator, hook, None)
    if method is None:
        return {}
    found = method(sample)
    if not isinstance(found, dict) or not all(isinstance(name, str) and callable(source) for name, source in found.items()):
        raise TypeError(f"{type(generator).__name__}.{hook} must return a dict of name -> FrameSource, got {found!r}")
    return found


def pace_fixed(generator_class: type[BaseGenerator]) -> bool:
    """True when the task declares that its prompt fixes the pace (no 1.5× slower / faster variants)."""
    return bool(getattr(generator_class, "pace_fixed", False))


def nudged_positions(extent: float) -> dict[str, tuple[int, int]]:
    """Offsets (dx, dy) in pixels at which to draw an answer object of size ``extent`` px, by name.

    ±:data:`NUDGE_PIXELS` px diagonally and ±:data:`NUDGE_SHARE` of the object's size along each axis: a
    model places objects about right, not to our pixel. Use the ones your rule allows.
    """
    share = max(1, round(NUDGE_SHARE * extent))
    return {
        "nudged_6px_down_right": (NUDGE_PIXELS, NUDGE_PIXELS),
        "nudged_6px_up_left": (-NUDGE_PIXELS, -NUDGE_PIXELS),
        "nudged_10pct_right": (share, 0),
        "nudged_10pct_up": (0, -share),
    }


def in_typeface(source: FrameSource, family: str, scale: float) -> FrameSource:
    """``source`` with every text drawn while its frames are made set in ``family`` at ``scale`` × the size."""

    def frames() -> Iterator:
        with typeface(family, scale):
            yield from source()

    return frames


def font_alternatives(source: FrameSource) -> dict[str, FrameSource]:
    """``source`` re-rendered in each of :data:`~vbvr_core.draw.text.ALTERNATIVE_TYPEFACES` (three families,
    0.7–1.3× the size), named ``font_<family>_<scale>``.

    Only text drawn while the frames are made changes: a task draws the answer text inside its trajectory
    (not into a background prepared by ``generate()``) for this to show another font.
    """
    return {f"font_{family.replace('-', '_')}_{scale:g}": in_typeface(source, family, scale)
            for family, scale in ALTERNATIVE_TYPEFACES}
