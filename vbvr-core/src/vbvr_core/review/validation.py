"""Validation really rejects: out-of-bounds parameters are refused and ``validate()`` catches bad samples.

A generator that accepts anything lets broken samples into a data set of millions. Review tries values
just outside every bound (and an unknown choice, an unknown name) and hands ``validate()`` samples that
are broken in ways every task must notice: an empty prompt, a frame of the wrong size, a missing answer.
It also reports how often ``validate()`` sent a draw back, from the diversity draws.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from vbvr_core.contract import FailureRecord, Sample, TaskParams
from vbvr_core.pipeline.produce import Drawn, draw, sample_problems
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.params import FieldSpace, parameter_space
from vbvr_core.review.result import Finding, NotRunnable, check, fail, ok, warn

UNKNOWN_CHOICE = "__not_a_choice__"
# Fields TaskParams declares and BaseGenerator handles: their bounds are core's business, not the task's.
CORE_FIELDS = frozenset(TaskParams.model_fields)


def out_of_bounds_values(space: FieldSpace) -> list[Any]:
    """Values just outside ``space``'s bounds (or outside its choices) that the Params model must refuse."""
    if space.kind == "choice":
        return [UNKNOWN_CHOICE]
    if space.kind not in ("int", "float"):
        return []
    step = 1 if space.kind == "int" else max(1e-3, 0.01 * ((space.upper or 0) - (space.lower or 0)))
    values = []
    if space.lower is not None:
        values.append(space.lower if space.lower_open else space.lower - step)
    if space.upper is not None:
        values.append(space.upper if space.upper_open else space.upper + step)
    return [int(v) if space.kind == "int" else float(v) for v in values]


@check("validation")
def check_out_of_bounds_refused(context: ReviewContext) -> Finding:
    """The task's parameters just outside their bounds, unknown choices and unknown names are refused with an error."""
    generator = context.generator_class
    tried = 0
    unclear: list[str] = []
    for space in parameter_space(generator.Params):
        if space.name in CORE_FIELDS:
            continue
        for value in out_of_bounds_values(space):
            tried += 1
            try:
                generator(context.seed_of(0), {space.name: value})
            except ValueError:
                continue
            except Exception as error:  # noqa: BLE001 - refused, but not with an error that names the field
                unclear.append(f"{space.name}={value!r} ({type(error).__name__}: {error})")
                continue
            return fail(f"{space.name}={value!r} is outside {space.bounds_text()} but the generator accepted it; "
                        "let the Params model validate overrides (do not catch its errors or bypass it)")
    try:
        generator(context.seed_of(0), {"not_a_parameter": 1})
    except ValueError:
        tried += 1
    else:
        return fail("an unknown parameter name was accepted; keep TaskParams' extra='forbid'")
    failure = draw(context.task, context.seed_of(0), params={"not_a_parameter": 1})
    if not isinstance(failure, FailureRecord):
        return fail("produce() made a sample with an unknown parameter; keep TaskParams' extra='forbid'")
    if unclear:
        return warn(f"{tried} out-of-bounds values refused, but {'; '.join(unclear)} failed inside the generator "
                    "instead of with a validation error naming the field; validate before using a value")
    return ok(f"{tried} out-of-bounds values refused")


def _broken_variants(sample: Sample, goal_is_text: bool) -> dict[str, Sample]:
    small = np.zeros((256, 256, 3), np.uint8)
    variants = {
        "an empty prompt": dataclasses.replace(sample, prompt="  "),
        "a 256×256 first frame": dataclasses.replace(sample, first_frame=small),
        "a float first frame": dataclasses.replace(sample, first_frame=sample.first_frame.astype(np.float32)),
    }
    if not goal_is_text:
        variants["neither a final frame nor a goal text"] = dataclasses.replace(sample, final_frame=None, goal_text=None)
    return variants


@check("validation")
def check_validate_rejects_broken_samples(context: ReviewContext) -> Finding:
    """The sample checks (the task's ``validate()`` and every ``vbvr_check_sample`` plugin) refuse a sample with an
    empty prompt, a wrong-size or wrong-type frame, or no answer."""
    drawn = draw(context.task, context.seed_of(0))
    if not isinstance(drawn, Drawn):
        raise NotRunnable(f"no valid sample to break: {drawn.problems[-1:]}")
    accepted = [what for what, variant in _broken_variants(drawn.sample, context.task.info.goal_is_text).items()
                if not sample_problems(context.key, drawn.generator, variant)]
    if accepted:
        return fail(f"the sample checks accepted a sample with {', '.join(accepted)}; a plugin or the task's "
                    "validate() must not swallow core's format checks")
    return ok("the sample checks refuse empty prompts, wrong-size or wrong-type frames and missing answers")


@check("validation")
def check_validate_is_exercised(context: ReviewContext) -> Finding:
    """Some draws are sent back by ``validate()`` (it checks something), and few end as dead letters."""
    stats = context.draws
    if not stats.total:
        raise NotRunnable("no draws were made")
    if stats.dead_letters > 0.01 * stats.total:
        return fail(f"{stats.dead_letters} of {stats.total} draws found no valid sample within the attempt "
                    f"budget (last: {stats.last_problem}); draw parameters that usually give valid instances")
    if stats.redrawn == 0:
        return warn(f"validate() sent back none of {stats.total} draws: check it tests what can go wrong "
                    "(unsolvable, ambiguous, occluded, illegible), or that the generator prevents it by construction")
    return ok(f"validate() sent back {stats.redrawn} of {stats.total} draws "
              f"({stats.redrawn / stats.total:.0%}); {stats.dead_letters} dead letters")


CHECKS = [check_out_of_bounds_refused, check_validate_rejects_broken_samples, check_validate_is_exercised]
