"""``vbvr-factory verify``: check every sample a run should hold, and regenerate the missing or corrupt ones.

The expected samples come from the plan stored in ``run.json``; dead letters listed in ``failures.jsonl``
are not expected. A sample is *corrupt* when its metadata is malformed, a file is missing, a checksum or
format is wrong, or it is not the sample this plan makes (other seed, split, params, package commit).
Repair redraws exactly the attempt recorded in ``manifest.jsonl`` (``WorkItem(exact=True)``), so a
repaired sample is byte-identical to the original; a missing sample that the manifest does not list
belongs to an unfinished run, which ``vbvr-factory run ... --resume`` completes.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pydantic
from vbvr_core.discovery import UnknownTaskError, get_task
from vbvr_core.pipeline.produce import task_package
from vbvr_core.pipeline.seeds import sample_seed

from vbvr_factory.checks import check_sample, plan_mismatches
from vbvr_factory.chunks import ChunkSpec, WorkItem
from vbvr_factory.executors import Executor
from vbvr_factory.layout import sample_dir
from vbvr_factory.plan import RunPlan, TaskPlan
from vbvr_factory.runner import FAILURES, MANIFEST, CorruptRunError, read_jsonl, read_run_json
from vbvr_factory.storage import OutputRoot

CHECK_THREADS = 8


class NotARunError(LookupError):
    """The root holds no ``run.json``, so there is nothing to verify."""


@dataclass(frozen=True)
class SampleProblem:
    """A missing or corrupt sample: which, where and why."""

    task_key: str
    index: int
    path: str
    problems: tuple[str, ...]


@dataclass
class VerifyReport:
    """The verdict on a root: how many samples were checked, which are missing or corrupt."""

    checked: int = 0
    intact: int = 0
    missing: list[SampleProblem] = field(default_factory=list)
    corrupt: list[SampleProblem] = field(default_factory=list)
    repaired: list[SampleProblem] = field(default_factory=list)
    unrepairable: list[SampleProblem] = field(default_factory=list)

    @property
    def outstanding(self) -> int:
        """Missing or corrupt samples not (yet) repaired."""
        return len(self.missing) + len(self.corrupt) - len(self.repaired)


def load_plan(root: OutputRoot) -> RunPlan:
    """The plan of the run stored in ``root``; raises :class:`NotARunError` when there is none."""
    document = read_run_json(root)
    if document is None or "plan" not in document:
        raise NotARunError(f"{root.url} holds no run.json: it is not the output of `vbvr-factory run`")
    try:
        return RunPlan.model_validate(document["plan"])
    except pydantic.ValidationError as error:
        raise CorruptRunError(f"{root.url}/run.json: its plan is not valid ({error.error_count()} problem(s), first: "
                              f"{error.errors()[0]['msg']}); restore run.json from a copy, or run into a new --out"
                              ) from None


def _check(root: OutputRoot, plan: RunPlan, task: TaskPlan, index: int) -> tuple[str, SampleProblem | None]:
    """``("intact", None)``, or ``("missing" | "corrupt", problem)`` for one expected sample."""
    relative = sample_dir(plan.layout, task.key, task.split, index)
    verdict = check_sample(root, relative)
    if verdict.missing:
        return "missing", SampleProblem(task.key, index, relative, ("metadata.json is missing",))
    problems = list(verdict.problems)
    if verdict.record is not None and not problems:
        try:
            package = task_package(get_task(task.key))
        except UnknownTaskError:
            package = None  # the task is not installed here: checksums and formats are all we can check
        problems = plan_mismatches(verdict.record, key=task.key, index=index,
                                   seed=sample_seed(plan.seed, task.key, index), split=task.split,
                                   params=task.params, package=package)
    return ("corrupt", SampleProblem(task.key, index, relative, tuple(problems))) if problems else ("intact", None)


def verify_root(root: OutputRoot) -> VerifyReport:
    """Check every expected sample of the run in ``root`` (checksums, formats, plan membership)."""
    plan = load_plan(root)
    failed = {(line["task_key"], line["index"]) for line in read_jsonl(root, FAILURES)}
    expected = [(task, index) for task in plan.tasks for index in range(task.count)
                if (task.key, index) not in failed]
    report = VerifyReport(checked=len(expected))
    with ThreadPoolExecutor(CHECK_THREADS) as pool:
        for kind, problem in pool.map(lambda pair: _check(root, plan, *pair), expected):
            if problem is None:
                report.intact += 1
            else:
                (report.missing if kind == "missing" else report.corrupt).append(problem)
    return report


def repair_root(root: OutputRoot, report: VerifyReport, executor: Executor) -> VerifyReport:
    """Regenerate the missing and corrupt samples of ``report`` that the manifest lists, byte-identically."""
    plan = load_plan(root)
    tasks = {task.key: task for task in plan.tasks}
    listed = {(line["task_key"], line["index"]): line for line in read_jsonl(root, MANIFEST)}
    wanted: dict[str, list[tuple[WorkItem, SampleProblem]]] = {}
    for problem in report.missing + report.corrupt:
        line = listed.get((problem.task_key, problem.index))
        if line is None:
            report.unrepairable.append(SampleProblem(problem.task_key, problem.index, problem.path, (
                "not in manifest.jsonl: the run never finished this sample; complete it with "
                "`vbvr-factory run REGISTRY ... --resume`",)))
            continue
        item = WorkItem(index=problem.index, first_attempt=line["attempt"], exact=True)
        wanted.setdefault(problem.task_key, []).append((item, problem))
    specs = [ChunkSpec(out=root.url, storage_options=root.storage_options, layout=plan.layout, task_key=key,
                       split=tasks[key].split, params=tasks[key].params, base_seed=plan.seed, reuse_existing=False,
                       items=[item]) for key, pairs in wanted.items() for item, _ in pairs]
    problems = {(key, item.index): problem for key, pairs in wanted.items() for item, problem in pairs}
    for result in executor.map(specs):
        for outcome in result.outcomes:
            problem = problems[(result.task_key, outcome.index)]
            expected_hash = listed[(result.task_key, outcome.index)]["content_hash"]
            if outcome.status == "written" and outcome.content_hash == expected_hash:
                report.repaired.append(problem)
            else:
                reason = (outcome.failure.problems[-1] if outcome.failure else
                          f"regenerated content hash {str(outcome.content_hash)[:12]} differs from the manifest's "
                          f"{expected_hash[:12]} (was the task package changed?)")
                report.unrepairable.append(SampleProblem(problem.task_key, problem.index, problem.path, (reason,)))
    return report
