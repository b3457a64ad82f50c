"""The data-scaling study: bench score against samples per in-domain task, in-domain and out-of-domain.

For each size N and seed (a *run*): draw N training samples per in-domain task (a seeded subset of
one pool), train a fresh clip U-Net until its loss on a held-out validation set stops improving
(at most a step budget that grows with N: ``epochs`` passes over the data, within
``[min_steps, max_steps]``), turn its keyframe predictions on held-out in-domain samples and on
out-of-domain tasks into videos and score them with the tasks' scorers (``vbvr_core.judge.run``).

Each finished run is written to ``<out>/runs/n<N>-s<seed>.json`` (with per-sample scores and parts)
before the next starts; a rerun skips runs whose file exists and whose config digest matches, so a
stopped study resumes where it stopped, and adding sizes or seeds reuses the finished runs. The
report (``scaling.json``, ``scaling.md``, ``scaling.png``) is rebuilt from the run files.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import platform
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path

import numpy as np
import torch

from vbvr_trainer.scaling.evaluate import SampleResult, score_prediction
from vbvr_trainer.scaling.model import ModelConfig
from vbvr_trainer.scaling.samples import drop_duplicates, ensure_many, ensure_samples
from vbvr_trainer.scaling.specs import TaskSpec
from vbvr_trainer.scaling.train import FrameSet, StopRule, load_frames, predict_deltas, train_model

SPLITS = ("in_domain", "out_of_domain")


@dataclass
class StudyConfig:
    """Everything that determines a study's numbers (written into the JSON)."""

    tasks_id: list[TaskSpec]
    tasks_ood: list[TaskSpec]
    sizes: list[int] = field(default_factory=lambda: [1, 3, 10, 30, 100])
    seeds: int = 3
    test_per_task: int = 20
    val_per_task: int = 12
    epochs: float = 60.0
    min_steps: int = 150
    max_steps: int = 1200
    batch_size: int = 8
    learning_rate: float = 2e-3
    model: ModelConfig = field(default_factory=ModelConfig)
    stop: StopRule = field(default_factory=StopRule)
    seed: int = 0
    task_note: str = ""

    def __post_init__(self) -> None:
        if not self.tasks_id or not self.tasks_ood:
            raise ValueError("a study needs at least one in-domain and one out-of-domain task")
        counts = (self.seeds, self.test_per_task, self.val_per_task, self.min_steps, self.max_steps, self.batch_size)
        if any(size < 1 for size in self.sizes) or min(counts) < 1:
            raise ValueError("sizes, seeds, test/val samples per task, steps and batch size must all be ≥ 1")
        if self.min_steps > self.max_steps:
            raise ValueError(f"min_steps ({self.min_steps}) must not exceed max_steps ({self.max_steps})")
        self.sizes = sorted(set(self.sizes))

    def step_budget(self, size: int) -> int:
        """The most steps a run on ``size`` samples per task may take: ``epochs`` passes, clamped."""
        passes = math.ceil(self.epochs * size * len(self.tasks_id) / self.batch_size)
        return min(self.max_steps, max(self.min_steps, passes))

    def to_json(self) -> dict:
        """The config as JSON-able data."""
        values = asdict(self)
        values["tasks_id"] = [spec.label for spec in self.tasks_id]
        values["tasks_ood"] = [spec.label for spec in self.tasks_ood]
        return values

    def run_digest(self) -> str:
        """A digest of what a single run's numbers depend on (not the list of sizes or the seed count)."""
        values = self.to_json()
        for name in ("sizes", "seeds", "task_note"):
            values.pop(name)
        return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:16]


def quick_config(tasks_id: list[TaskSpec], tasks_ood: list[TaskSpec], task_note: str = "") -> StudyConfig:
    """A smoke run (minutes on 2 cores): N = 3, 10, 30, 2 seeds, 5 test samples per task, ≤ 150 steps."""
    return StudyConfig(tasks_id=tasks_id, tasks_ood=tasks_ood, sizes=[3, 10, 30], seeds=2, test_per_task=5,
                       val_per_task=6, min_steps=60, max_steps=150, task_note=task_note)


@dataclass
class StudyData:
    """The training pool, the validation set and the two test splits, as model-sized frames."""

    pool: FrameSet
    validation: FrameSet
    tests: dict[str, FrameSet]
    duplicates_dropped: dict[str, int]

    def save(self, path: Path) -> None:
        """Write the frames to ``path`` (read by worker processes)."""
        def pack(frames: FrameSet) -> dict:
            return {"first": frames.first, "clip": frames.clip, "task_ids": frames.task_ids, "bags": frames.bags,
                    "folders": [str(folder) for folder in frames.folders]}
        torch.save({"pool": pack(self.pool), "validation": pack(self.validation),
                    "tests": {name: pack(frames) for name, frames in self.tests.items()},
                    "duplicates_dropped": self.duplicates_dropped}, path)

    @classmethod
    def load(cls, path: Path) -> StudyData:
        """Read what :meth:`save` wrote."""
        data = torch.load(path, weights_only=True)

        def unpack(packed: dict) -> FrameSet:
            return FrameSet(packed["first"], packed["clip"], packed["task_ids"], packed["bags"],
                            [Path(folder) for folder in packed["folders"]])
        return cls(unpack(data["pool"]), unpack(data["validation"]),
                   {name: unpack(packed) for name, packed in data["tests"].items()}, data["duplicates_dropped"])


def _task_key(folder: Path) -> str:
    return json.loads((folder / "metadata.json").read_text("utf-8"))["task_key"]


def prepare(config: StudyConfig, out: Path, jobs: int = 1) -> StudyData:
    """Make (or reuse) every sample the study needs (``jobs`` processes) and load them at the model's size.

    Test samples whose content duplicates a training or validation sample are dropped (and counted).
    """
    task_number = {spec.key: number for number, spec in enumerate(config.tasks_id, start=1)}
    if jobs > 1:
        ensure_many(out, [("train", spec, max(config.sizes)) for spec in config.tasks_id]
                    + [("val", spec, config.val_per_task) for spec in config.tasks_id]
                    + [("test-id", spec, config.test_per_task) for spec in config.tasks_id]
                    + [("test-ood", spec, config.test_per_task) for spec in config.tasks_ood], config.seed, jobs)
    pool_folders, pool_ids, val_folders, val_ids = [], [], [], []
    for spec in config.tasks_id:
        folders = ensure_samples(out, "train", spec, max(config.sizes), config.seed)
        pool_folders += folders
        pool_ids += [task_number[spec.key]] * len(folders)
        folders = ensure_samples(out, "val", spec, config.val_per_task, config.seed)
        val_folders += folders
        val_ids += [task_number[spec.key]] * len(folders)
    tests, dropped = {}, {}
    for name, split, specs, known in (("in_domain", "test-id", config.tasks_id, True),
                                      ("out_of_domain", "test-ood", config.tasks_ood, False)):
        folders = [folder for spec in specs for folder in ensure_samples(out, split, spec, config.test_per_task,
                                                                         config.seed)]
        kept, dropped[name] = drop_duplicates(folders, pool_folders + val_folders)
        ids = [task_number.get(_task_key(folder), 0) if known else 0 for folder in kept]
        tests[name] = load_frames(kept, ids, config.model)
    return StudyData(load_frames(pool_folders, pool_ids, config.model), load_frames(val_folders, val_ids, config.model),
                     tests, dropped)


def training_subset(pool: FrameSet, num_tasks: int, size: int, seed: int) -> FrameSet:
    """``size`` items per task from ``pool``, a seeded random choice (all of them when size ≥ the pool)."""
    generator = np.random.Generator(np.random.PCG64([seed, size]))
    positions = []
    for task in range(1, num_tasks + 1):
        of_task = [p for p in range(len(pool)) if int(pool.task_ids[p]) == task]
        positions += sorted(generator.choice(of_task, size=min(size, len(of_task)), replace=False).tolist())
    return pool.subset(positions)


def _sample_json(result: SampleResult, out: Path) -> dict:
    parts = {name: float(value) for name, value in result.parts.items()}
    return {"folder": os.path.relpath(result.folder, out), "task_key": result.task_key, "score": result.score,
            "partial_credit": float(np.mean(list(parts.values()))) if parts else 0.0, "parts": parts,
            "final_psnr": result.final_psnr, "change_error": result.change_error}


def score_split(frames: FrameSet, deltas: torch.Tensor, videos: Path, out: Path) -> list[dict]:
    """Score every sample of a test split given the predicted changes (N,K,3,s,s); per-sample JSON rows."""
    return [_sample_json(score_prediction(folder, videos / f"{folder.parent.name}_{folder.name}.mp4",
                                          deltas=deltas[position]), out)
            for position, folder in enumerate(frames.folders)]


def run_path(out: Path, size: int, seed: int) -> Path:
    """Where the result of the run (``size``, ``seed``) is kept."""
    return Path(out) / "runs" / f"n{size:05d}-s{seed}.json"


def load_finished(out: Path, config: StudyConfig, size: int, seed: int) -> dict | None:
    """The stored result of run (``size``, ``seed``) if it exists and was made with this config."""
    path = run_path(out, size, seed)
    try:
        run = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return run if run.get("config_digest") == config.run_digest() else None


def _write_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)


def run_one(config: StudyConfig, data: StudyData, out: Path, size: int, seed: int) -> dict:
    """Train and score run (``size``, ``seed``); write its JSON (atomically) and return it."""
    started = time.perf_counter()
    run_seed = config.seed * 1000 + seed
    subset = training_subset(data.pool, len(config.tasks_id), size, run_seed)
    budget = config.step_budget(size)
    result = train_model(subset, len(config.tasks_id), config.model, budget, config.batch_size,
                         config.learning_rate, seed=run_seed, validation=data.validation, stop=config.stop)
    run = {"config_digest": config.run_digest(), "size": size, "seed": seed, "train_samples": len(subset),
           "step_budget": budget, "steps": result.steps, "best_step": result.best_step,
           "validation_losses": [[step, loss] for step, loss in result.validation], "final_train_loss": float(np.mean(result.losses[-20:])),
           "train_cpu_seconds": result.cpu_seconds}
    for name, frames in data.tests.items():
        deltas = predict_deltas(result.model, frames, known_tasks=name == "in_domain")
        run[name] = score_split(frames, deltas, out / "videos" / f"n{size}-s{seed}" / name, out)
    run["wall_seconds"] = time.perf_counter() - started
    _write_atomic(run_path(out, size, seed), run)
    return run


def _worker(config: StudyConfig, frames_path: str, out: str, size: int, seed: int) -> dict:
    torch.set_num_threads(1)
    return run_one(config, StudyData.load(Path(frames_path)), Path(out), size, seed)


def references(config: StudyConfig, data: StudyData, out: Path) -> dict:
    """Per-sample results of ``static`` (no change) and ``oracle`` (the true keyframes at the model's size,
    the ceiling of this model) on both test splits; stored in ``<out>/references.json`` and reused."""
    path = out / "references.json"
    try:
        stored = json.loads(path.read_text("utf-8"))
        if stored.get("config_digest") == config.run_digest():
            return stored
    except (OSError, ValueError):
        pass
    found: dict = {"config_digest": config.run_digest()}
    for kind in ("static", "oracle"):
        found[kind] = {}
        for name, frames in data.tests.items():
            truth = frames.clip - frames.first.unsqueeze(1)
            deltas = truth if kind == "oracle" else torch.zeros_like(truth)
            found[kind][name] = score_split(frames, deltas, out / "videos" / kind / name, out)
    _write_atomic(path, found)
    return found


def run_study(config: StudyConfig, out: str | Path, tick: Callable[[str], None] | None = None,
              jobs: int = 1) -> dict:
    """Run (or resume) the study into ``out``; return (and write to ``out/scaling.json``) its report.

    ``jobs`` > 1 trains that many runs at once in worker processes (one torch thread each).
    """
    from vbvr_trainer.scaling.report import build_report, write_report

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    say = tick or (lambda message: None)
    say("making or reusing samples under " + str(out / "samples"))
    data = prepare(config, out, jobs)
    say(f"{len(data.pool)} training-pool samples, {len(data.validation)} validation samples, "
        + ", ".join(f"{len(frames)} {name} test samples" for name, frames in data.tests.items()))
    refs = references(config, data, out)
    runs: dict[tuple[int, int], dict] = {}
    todo = []
    # seed-major order: a study stopped early has every size at its first seeds, not the small sizes only
    for seed in range(config.seeds):
        for size in config.sizes:
            finished = load_finished(out, config, size, seed)
            if finished is not None:
                runs[size, seed] = finished
            else:
                todo.append((size, seed))
    if runs:
        say(f"resuming: {len(runs)} run(s) already finished, {len(todo)} to go")

    def report_run(run: dict) -> None:
        runs[run["size"], run["seed"]] = run
        means = {name: np.mean([row["score"] for row in run[name]]) for name in SPLITS}
        say(f"N={run['size']} seed={run['seed']}: {run['steps']} steps (best at {run['best_step']}), "
            f"in-domain {means['in_domain']:.3f}, out-of-domain {means['out_of_domain']:.3f} "
            f"[{len(runs)}/{len(config.sizes) * config.seeds}]")

    if jobs > 1 and len(todo) > 1:
        frames_path = out / f"frames-{config.run_digest()}.pt"
        data.save(frames_path)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            futures = [pool.submit(_worker, config, str(frames_path), str(out), size, seed) for size, seed in todo]
            for future in futures:
                report_run(future.result())
    else:
        for size, seed in todo:
            report_run(run_one(config, data, out, size, seed))
    report = build_report(config, [runs[key] for key in sorted(runs)], refs, data.duplicates_dropped)
    report["environment"] = {"torch": torch.__version__, "python": platform.python_version(),
                             "torch_threads": torch.get_num_threads(), "jobs": jobs}
    write_report(report, out)
    return report
