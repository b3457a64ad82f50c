"""The plugin contract: entry point, registration hook, task info, category, parameter bounds.

DESIGN.md's names and plugin contract, checked on the installed package: one ``vbvr`` entry point named
by the task key in a dist named after it, a light plugin module implementing ``vbvr_register_task``,
complete task info in one of the five categories, and a ``Params`` model whose every field is bounded,
described, and drawn inside its bounds at every difficulty.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from vbvr_core.contract import Category, TaskInfo, TaskParams
from vbvr_core.contract.keys import dist_name, import_name
from vbvr_core.pipeline.generator import BaseGenerator
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.params import parameter_space
from vbvr_core.review.result import Finding, NotRunnable, check, fail, ok, warn

DIFFICULTIES = (0, 1, 2)
STRATUM_SEEDS = 20


@check("contract")
def check_entry_point(context: ReviewContext) -> Finding:
    """One ``vbvr`` entry point named by the task key, in the dist DESIGN.md names, pointing at ``<import>.plugin:TASK``."""
    installed = context.installed
    if installed is None:
        return warn("reviewed from a TaskRegistration, not an installed package: the entry point is not checked")
    expected_dist = dist_name(context.key)
    if installed.dist.lower().replace("_", "-") != expected_dist:
        return fail(f"the entry point {context.key} comes from dist {installed.dist!r}; name the dist "
                    f"{expected_dist!r} in pyproject.toml [project] name")
    expected = f"{import_name(context.key)}.plugin:TASK"
    if installed.entry_point.value != expected:
        return warn(f"the entry point points at {installed.entry_point.value!r}; the convention is "
                    f"{expected!r} (the object a light plugin module declares with declare_task)")
    if context.source is not None:
        location = _installed_location(context)
        if location is not None and Path(context.source).resolve() not in [location, *location.parents]:
            return warn(f"review used the installed copy at {location}, not {context.source}; "
                        f"run `pip install -e {context.source}` to review that folder")
    return ok(f"{installed.dist} {installed.version} registers {context.key} → {installed.entry_point.value}")


def _installed_location(context: ReviewContext) -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec(import_name(context.key))
    return Path(spec.origin).resolve().parent if spec and spec.origin else None


@check("contract")
def check_registers_task(context: ReviewContext) -> Finding:
    """``vbvr_register_task`` returns the task; its generator subclasses BaseGenerator and its scorer takes (sample, video)."""
    if context.registration is None:
        return fail(f"the plugin does not register the task: {context.registration_error}; declare it in "
                    f"{import_name(context.key)}.plugin as TASK = declare_task(...) and point the entry point at it")
    task = context.task
    generator = context.generator_class
    if not (inspect.isclass(generator) and issubclass(generator, BaseGenerator)):
        return fail(f"{task.generator_path} is not a BaseGenerator subclass")
    if getattr(generator, "info", None) != task.info:
        return fail(f"{task.generator_path}.info differs from the registered TaskInfo; declare the class with `task=TASK`")
    scorer = task.load_scorer()
    if not callable(scorer):
        return fail(f"{task.scorer_path} is not callable")
    try:
        inspect.signature(scorer).bind("sample", "video")
    except TypeError:
        return fail(f"{task.scorer_path} must accept (sample: SampleRef, video: VideoReader)")
    return ok(f"generator {task.generator_path}, scorer {task.scorer_path}")


@check("contract")
def check_plugin_is_light(context: ReviewContext) -> Finding:
    """Importing the plugin module does not import the generator or scorer (listing tasks stays cheap)."""
    if context.installed is None:
        return ok("no entry point to import (reviewed from a TaskRegistration)")
    fresh = context.fresh_run
    if fresh.error:
        raise NotRunnable(fresh.error)
    if fresh.plugin_imports:
        return fail(f"importing {context.installed.entry_point.value} imports {', '.join(fresh.plugin_imports)}; "
                    "name the generator and scorer by import string in declare_task instead of importing them")
    return ok(f"{context.installed.entry_point.value} imports neither the generator nor the scorer")


@check("contract")
def check_info_complete(context: ReviewContext) -> Finding:
    """TaskInfo has the task's key, a title, a description that says what the solution video shows."""
    info = context.task.info
    if not isinstance(info, TaskInfo):
        return fail(f"info is a {type(info).__name__}, expected vbvr_core.TaskInfo")
    if info.key != context.key:
        return fail(f"info.key is {info.key!r} but the entry point is {context.key!r}")
    if info.description.strip().rstrip(".").lower() == info.title.strip().lower():
        return fail("info.description repeats the title; say what the solution video shows")
    if len(info.description.split()) < 8:
        return warn(f"info.description has {len(info.description.split())} words; describe the solution video "
                    "in a sentence or two (it is shown in `vbvr list` and the bench report)")
    return ok(f"{info.title!r}; process_required={info.process_required}, goal_is_text={info.goal_is_text}")


@check("contract")
def check_category_valid(context: ReviewContext) -> Finding:
    """The category is one of the five VBVR categories."""
    category = context.task.info.category
    names = ", ".join(member.value for member in Category)
    if not isinstance(category, Category):
        return fail(f"category {category!r} is not one of: {names}")
    return ok(f"{category.value}")


@check("contract")
def check_params_bounded(context: ReviewContext) -> Finding:
    """Every Params field is bounded and described, defaults are in bounds, and every difficulty draws in bounds."""
    generator = context.generator_class
    params = generator.Params
    if not (inspect.isclass(params) and issubclass(params, TaskParams)):
        return fail("Params must subclass vbvr_core.TaskParams")
    spaces = parameter_space(params)
    unbounded = [space.name for space in spaces if not space.bounded]
    if unbounded:
        return fail(f"Params field(s) {unbounded} have no bounds: give numbers Field(ge=…, le=…) and choices a "
                    "Literal[...] type")
    undescribed = [space.name for space in spaces if not space.description]
    if undescribed:
        return fail(f"Params field(s) {undescribed} have no description: add Field(description=...)")
    try:
        params.model_validate(params().model_dump())
    except ValueError as error:
        return fail(f"a Params default is out of its own bounds: {str(error).splitlines()[0:3]}")
    for difficulty in DIFFICULTIES:
        for seed in range(STRATUM_SEEDS):
            try:
                generator(context.seed_of(seed), {"difficulty": difficulty})
            except ValueError as error:
                return fail(f"the declared draws at difficulty {difficulty} (seed {seed}) draws out of bounds: "
                            f"{' '.join(str(error).split())[:300]}; keep the strata inside the Field bounds")
    return ok(f"{len(spaces)} parameters bounded and described; difficulties 0–2 draw in bounds")


CHECKS = [check_entry_point, check_registers_task, check_plugin_is_light, check_info_complete,
          check_category_valid, check_params_bounded]
