"""The data-scaling study: score against samples per in-domain task, in-domain and out-of-domain.

For each size N and seed: draw N training samples per in-domain task (a seeded subset of one pool),
train a fresh clip U-Net for a fixed number of steps (the same compute at every N), turn its
keyframe predictions on held-out in-domain and on out-of-domain samples into videos, and score them with the
tasks' scorers (``vbvr_core.judge.run``). Results go to ``<out>/scaling.json`` and ``<out>/scaling.png``.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch

from vbvr_trainer.scaling.evaluate import SampleResult, oracle_keyframes, score_prediction, summarise
from vbvr_trainer.scaling.model import ModelConfig
from vbvr_trainer.scaling.samples import drop_duplicates, ensure_samples
from vbvr_trainer.scaling.specs import TaskSpec
from vbvr_trainer.scaling.train import FrameSet, load_frames, predict_deltas, train_model

SPLITS = ("in_domain", "out_of_domain")


@dataclass
class StudyConfig:
    """Everything that determines a study's numbers (written into the JSON)."""

    tasks_id: list[TaskSpec]
    tasks_ood: list[TaskSpec]
    sizes: list[int] = field(default_factory=lambda: [10, 30, 100, 300])
    seeds: int = 3
    test_per_task: int = 30
    steps: int = 1500
    batch_size: int = 8
    learning_rate: float = 2e-3
    model: ModelConfig = field(default_factory=ModelConfig)
    seed: int = 0
    task_note: str = ""

    def __post_init__(self) -> None:
        if not self.tasks_id or not self.tasks_ood:
            raise ValueError("a study needs at least one in-domain and one out-of-domain task")
        if any(size < 1 for size in self.sizes) or self.seeds < 1 or self.test_per_task < 1 or self.steps < 1:
            raise ValueError("sizes, seeds, test_per_task and steps must all be ≥ 1")
        self.sizes = sorted(set(self.sizes))

    def to_json(self) -> dict:
        """The config as JSON-able data."""
        values = asdict(self)
        values["tasks_id"] = [spec.label for spec in self.tasks_id]
        values["tasks_ood"] = [spec.label for spec in self.tasks_ood]
        return values


def quick_config(tasks_id: list[TaskSpec], tasks_ood: list[TaskSpec], task_note: str = "") -> StudyConfig:
    """A study that finishes within minutes on 2 cores: 10/30/100 samples, 3 seeds, 150 steps."""
    return StudyConfig(tasks_id=tasks_id, tasks_ood=tasks_ood, sizes=[10, 30, 100], seeds=3, test_per_task=8,
                       steps=150, task_note=task_note)


@dataclass
class TestSet:
    """A held-out split's frames and whether its tasks were seen in training."""

    name: str
    frames: FrameSet
    known_tasks: bool
    duplicates_dropped: int


def _prepare(config: StudyConfig, out: Path, tick: Callable[[], None]) -> tuple[FrameSet, dict[str, TestSet]]:
    pool_size = max(config.sizes)
    train_folders, train_ids = [], []
    for number, spec in enumerate(config.tasks_id, start=1):
        folders = ensure_samples(out, "train", spec, pool_size, config.seed, tick)
        train_folders += folders
        train_ids += [number] * len(folders)
    task_number = {spec.key: number for number, spec in enumerate(config.tasks_id, start=1)}
    tests = {}
    for name, split, specs, known in (("in_domain", "test-id", config.tasks_id, True),
                                      ("out_of_domain", "test-ood", config.tasks_ood, False)):
        folders = []
        for spec in specs:
            folders += ensure_samples(out, split, spec, config.test_per_task, config.seed, tick)
        kept, dropped = drop_duplicates(folders, train_folders)
        ids = [task_number.get(_task_key(folder), 0) if known else 0 for folder in kept]
        tests[name] = TestSet(name, load_frames(kept, ids, config.model), known, dropped)
    return load_frames(train_folders, train_ids, config.model), tests


def _task_key(folder: Path) -> str:
    return json.loads((folder / "metadata.json").read_text("utf-8"))["task_key"]


def training_subset(pool: FrameSet, num_tasks: int, size: int, seed: int) -> FrameSet:
    """``size`` items per task from ``pool``, a seeded random choice (all of them when size ≥ the pool)."""
    generator = np.random.Generator(np.random.PCG64([seed, size]))
    positions = []
    for task in range(1, num_tasks + 1):
        of_task = [p for p in range(len(pool)) if int(pool.task_ids[p]) == task]
        positions += sorted(generator.choice(of_task, size=min(size, len(of_task)), replace=False).tolist())
    return pool.subset(positions)


def _evaluate(test: TestSet, deltas: torch.Tensor | None, videos: Path, oracle: bool = False) -> list[SampleResult]:
    """Score every test sample: with ``deltas`` (N,K,3,s,s), the true keyframes (``oracle``), or no change."""
    results = []
    for position, folder in enumerate(test.frames.folders):
        video_path = videos / f"{folder.parent.name}_{folder.name}.mp4"
        if oracle:
            results.append(score_prediction(folder, video_path,
                                            keyframes=oracle_keyframes(folder, test.frames.clip.shape[1])))
        else:
            delta = deltas[position] if deltas is not None else torch.zeros_like(test.frames.clip[position])
            results.append(score_prediction(folder, video_path, deltas=delta))
    return results


def run_study(config: StudyConfig, out: str | Path, tick: Callable[[str], None] | None = None) -> dict:
    """Run the study into ``out``; return (and write to ``out/scaling.json``) its results."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    say = tick or (lambda message: None)
    say("making or reusing samples under " + str(out / "samples"))
    pool, tests = _prepare(config, out, lambda: None)
    say(f"{len(pool)} training samples, "
        + ", ".join(f"{len(test.frames)} {name} test samples" for name, test in tests.items()))
    references = {}
    for kind in ("static", "oracle"):
        references[kind] = {
            name: summarise(_evaluate(test, None, out / "videos" / kind / name, oracle=kind == "oracle"))
            for name, test in tests.items()
        }
        say(f"reference {kind}: " + ", ".join(f"{n} {r['score']:.3f}" for n, r in references[kind].items()))
    runs = []
    for size in config.sizes:
        for seed in range(config.seeds):
            subset = training_subset(pool, len(config.tasks_id), size, config.seed * 1000 + seed)
            result = train_model(subset, len(config.tasks_id), config.model, config.steps, config.batch_size,
                                 config.learning_rate, seed=config.seed * 1000 + seed)
            run = {"size": size, "seed": seed, "train_samples": len(subset), "train_cpu_seconds": result.cpu_seconds,
                   "final_loss": float(np.mean(result.losses[-20:]))}
            for name, test in tests.items():
                deltas = predict_deltas(result.model, test.frames, test.known_tasks)
                run[name] = summarise(_evaluate(test, deltas, out / "videos" / f"n{size}_s{seed}" / name))
            runs.append(run)
            say(f"N={size} seed={seed}: in-domain {run['in_domain']['score']:.3f} "
                f"(partial {run['in_domain']['partial_credit']:.3f}), out-of-domain "
                f"{run['out_of_domain']['score']:.3f} (partial {run['out_of_domain']['partial_credit']:.3f})")
    report = {
        "config": config.to_json(),
        "environment": {"torch": torch.__version__, "python": platform.python_version(),
                        "torch_threads": torch.get_num_threads()},
        "test_duplicates_dropped": {name: test.duplicates_dropped for name, test in tests.items()},
        "references": references,
        "runs": runs,
        "curve": curve(runs, config.sizes),
    }
    (out / "scaling.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    from vbvr_trainer.scaling.plot import plot_curve

    plot_curve(report, out / "scaling.png")
    return report


METRICS = ("score", "partial_credit", "change_error", "final_psnr")


def curve(runs: list[dict], sizes: list[int]) -> list[dict]:
    """Per size: mean and standard deviation over seeds of each metric, in-domain and out-of-domain."""
    points = []
    for size in sizes:
        at_size = [run for run in runs if run["size"] == size]
        point: dict = {"size": size, "seeds": len(at_size)}
        for split in SPLITS:
            for metric in METRICS:
                values = [run[split][metric] for run in at_size if run[split][metric] is not None]
                point[f"{split}_{metric}_mean"] = float(np.mean(values)) if values else None
                point[f"{split}_{metric}_std"] = float(np.std(values)) if values else None
        points.append(point)
    return points
