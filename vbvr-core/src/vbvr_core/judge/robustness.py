"""The robustness suite: from one saved sample, write every probe video and score it with the task's scorer.

Probes, by group (what each group must score: :mod:`vbvr_core.judge.thresholds`; judged per task by
:mod:`vbvr_core.judge.certificate`):

- ``oracle``: the ground truth;
- ``variant``: the legitimate variants of :mod:`vbvr_core.judge.variants` (size, rate, pace, blur, colour …);
- ``alternative``: the task's other valid solutions (:mod:`vbvr_core.judge.alternatives`);
- ``shortcut``: the shortcuts of :mod:`vbvr_core.judge.baselines` (``shuffle`` only with a second sample;
  ``freeze`` not where the ground truth shows nothing new after half-way);
- ``near_miss``: the task's declared near misses.

Callable from any test (``run_suite(sample_dir, work_dir, other_dir)``), from ``vbvr review`` and from
``vbvr-bench validate-scorers --robustness`` (one call per sample in a worker process). Everything is
deterministic: the same sample gives the same videos and scores.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from vbvr_core.discovery import get_task
from vbvr_core.judge.alternatives import declared, pace_fixed, recreate
from vbvr_core.judge.baselines import SHORTCUTS, decode_truth, freeze_frame, is_dissolve, settled_from, write_baseline
from vbvr_core.judge.run import run_scorer
from vbvr_core.judge.variants import legitimate_variants
from vbvr_core.media.video import VideoReader, held, write_video
from vbvr_core.pipeline.sample_io import VIDEO, load_record, load_sample_ref
from vbvr_core.pipeline.seeds import derive_seed

GROUPS = ("oracle", "variant", "alternative", "shortcut", "near_miss")
TASK_HOOKS = {"alternative": "alternatives", "near_miss": "near_misses"}


@dataclass(frozen=True)
class ProbeScore:
    """One probe video of one sample and what the scorer gave it (``video``: its path, relative to the work dir)."""

    group: str
    name: str
    value: float
    reason: str
    video: str


@dataclass
class SampleRobustness:
    """Every probe score of one sample; ``notes`` say what could not be made and why."""

    task_key: str
    sample: str
    process_required: bool
    scores: list[ProbeScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-able form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> SampleRobustness:
        """Inverse of :meth:`to_dict`."""
        return cls(**{**data, "scores": [ProbeScore(**score) for score in data["scores"]]})


def write_probes(sample_dir: str | Path, work_dir: str | Path,
                 other_sample_dir: str | Path | None = None) -> tuple[list[tuple[str, str, Path]], list[str]]:
    """Write every probe video of the sample into ``work_dir/<group>/<name>.mp4``.

    Returns ``[(group, name, path)]`` and notes on what was skipped (shuffle without a second sample, task hooks
    that failed). Raises ValueError when the ground truth itself cannot be decoded.
    """
    sample_dir, work_dir = Path(sample_dir), Path(work_dir)
    record = load_record(sample_dir)
    registration = get_task(record.task_key)
    generator_class = registration.load_generator()
    truth = decode_truth(sample_dir)
    seed = derive_seed("robustness", record.task_key, record.index)
    probes: list[tuple[str, str, Path]] = []
    notes: list[str] = []

    def target(group: str, name: str) -> Path:
        path = work_dir / group / f"{name}.mp4"
        path.parent.mkdir(parents=True, exist_ok=True)
        probes.append((group, name, path))
        return path

    write_baseline("oracle", sample_dir, target("oracle", "oracle"))
    for name, rendering in legitimate_variants(truth, record.video.fps, seed, pace_fixed(generator_class)).items():
        kwargs = {"crf": rendering.crf} if rendering.crf is not None else {}
        write_video(target("variant", name), rendering.frames(), fps=rendering.fps, **kwargs)
    for kind in SHORTCUTS:
        if kind == "shuffle" and other_sample_dir is None:
            notes.append("shuffle: needs a second sample of the task")
            continue
        if kind == "freeze" and settled_from(truth, freeze_frame(len(truth))):
            notes.append("freeze: left out, the ground truth shows nothing new after half-way (held there, it is "
                         "the whole answer)")
            continue
        if kind == "crossfade" and is_dissolve(truth):
            notes.append("crossfade: left out, the ground truth is itself a dissolve of its first frame into its "
                         "last (a symbol fading out, nothing moving): the cross-fade is the answer")
            continue
        write_baseline(kind, sample_dir, target("shortcut", kind), other_sample_dir, truth=truth)
    if any(hasattr(generator_class, hook) for hook in TASK_HOOKS.values()):
        try:
            made = recreate(sample_dir)
            for group, hook in TASK_HOOKS.items():
                for name, source in declared(made.generator, made.sample, hook).items():
                    write_video(target(group, name), held(source(), made.sample.hold_frames))
        except Exception as error:  # noqa: BLE001 - a task hook's bug is a finding, not a crash of the suite
            notes.append(f"task alternatives / near misses not made: {type(error).__name__}: {error}")
    return probes, notes


def run_suite(sample_dir: str | Path, work_dir: str | Path,
              other_sample_dir: str | Path | None = None) -> SampleRobustness:
    """Write the sample's probes into ``work_dir`` and score each with the task's scorer (never raises for a
    scorer's failure: :func:`vbvr_core.judge.run.run_scorer` turns it into 0 with the reason)."""
    sample_dir, work_dir = Path(sample_dir), Path(work_dir)
    sample = load_sample_ref(sample_dir)
    registration = get_task(sample.record.task_key)
    result = SampleRobustness(sample.record.task_key, sample_dir.name, registration.info.process_required)
    if not (sample_dir / VIDEO).is_file():
        result.notes.append(f"{VIDEO} is missing")
        return result
    probes, result.notes = write_probes(sample_dir, work_dir, other_sample_dir)
    scorer = registration.load_scorer()
    for group, name, path in probes:
        score = run_scorer(scorer, sample, VideoReader(path))
        result.scores.append(ProbeScore(group, name, float(score.value), score.reason, str(path.relative_to(work_dir))))
    return result
