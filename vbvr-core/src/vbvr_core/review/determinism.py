"""Determinism: the same seed gives the same bytes, in this process and in a fresh one.

DESIGN.md: same package commit + same seed ⇒ identical PNG bytes, prompt, metadata and video. Two
reruns catch the usual causes: a second run in the reviewer's process catches state that outlives a
sample (a module-level RNG, a cache that changes the drawing); a run in a new process with another
hash seed catches unseeded randomness, ``hash()`` of strings, set ordering and time-dependent values.
"""

from __future__ import annotations

from pathlib import Path

from vbvr_core.contract import FailureRecord
from vbvr_core.pipeline.produce import produce
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import Finding, check, fail, ok
from vbvr_core.testing.helpers import folder_digest

FIX_HINT = ("draw every random choice from self.rng (seeded by the generator), never from random, "
            "np.random.* or time; do not iterate over sets or use hash() of strings")


def _differing_files(first: Path, second: Path) -> list[str]:
    names = sorted({p.name for p in first.iterdir()} | {p.name for p in second.iterdir()})
    return [name for name in names
            if not (first / name).is_file() or not (second / name).is_file()
            or (first / name).read_bytes() != (second / name).read_bytes()]


@check("determinism")
def check_same_seed_same_bytes(context: ReviewContext) -> Finding:
    """The same seed gives byte-identical sample folders: twice in this process and once in a new one."""
    original = context.samples[0]
    index = int(original.name)
    rerun = context.work_dir / "rerun" / context.key / original.name
    result = produce(context.task, context.seed_of(index), rerun, index=index)
    if isinstance(result, FailureRecord):
        return fail(f"sample {index} was made once but its rerun failed: {result.problems[-1:]}; {FIX_HINT}")
    if folder_digest(original) != folder_digest(rerun):
        return fail(f"rerunning sample {index} in the same process changed {', '.join(_differing_files(original, rerun))}"
                    f"; state leaks between samples: {FIX_HINT}")
    fresh = context.fresh_run
    if fresh.error:
        return fail(fresh.error)
    for fresh_folder in fresh.folders:
        mine = context.work_dir / "samples" / context.key / fresh_folder.name
        if mine.is_dir() and folder_digest(mine) != folder_digest(fresh_folder):
            changed = ", ".join(_differing_files(mine, fresh_folder))
            return fail(f"sample {int(fresh_folder.name)} made in a new process differs in {changed}; {FIX_HINT}")
    return ok(f"identical bytes for {1 + len(fresh.folders)} rerun(s): same process and a new process "
              "with another hash seed")


CHECKS = [check_same_seed_same_bytes]
