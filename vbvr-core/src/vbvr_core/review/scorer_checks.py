"""Scorer sanity: the scorer tells the right video from the videos every wrong model makes.

On the saved samples: the ground truth (oracle) scores ≥ ``ORACLE_MIN``; the first frame held (static), noise,
another sample's ground truth (shuffle) and — for tasks whose answer is a process — a cut straight
to the final frame (final) score clearly lower (a fail from ``CLEARLY_LOW``, a warning above ``SHORTCUT_MAX``);
an empty or truncated file scores exactly 0; the same video scores the same twice. The limits are the one
table of :mod:`vbvr_core.judge.thresholds`; the full robustness suite is :mod:`vbvr_core.review.robustness`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from vbvr_core.contract import Score
from vbvr_core.judge.baselines import write_baseline
from vbvr_core.judge.run import run_scorer
from vbvr_core.judge.thresholds import CLEARLY_LOW, ORACLE_MIN, SHORTCUT_MAX
from vbvr_core.media.video import VideoReader
from vbvr_core.pipeline.sample_io import VIDEO, load_sample_ref
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import Finding, check, fail, ok, warn

BASELINE_SAMPLES = 3
TRUNCATED_BYTES = 2048


@dataclass
class BaselineScores:
    """Scores per video kind as (sample folder name, score), and the CPU seconds of every scorer call."""

    by_kind: dict[str, list[tuple[str, Score]]] = field(default_factory=dict)
    core_seconds: list[float] = field(default_factory=list)


def score_baselines(context: ReviewContext) -> BaselineScores:
    """Score the oracle on every sample; a second oracle run and the baselines on the first :data:`BASELINE_SAMPLES`
    (noise on the first only)."""
    scorer = context.task.load_scorer()
    found = BaselineScores()
    videos = context.work_dir / "baselines"

    def score(kind: str, folder: Path, video: Path) -> None:
        started = time.process_time()
        result = run_scorer(scorer, load_sample_ref(folder), VideoReader(video))
        found.core_seconds.append(time.process_time() - started)
        found.by_kind.setdefault(kind, []).append((folder.name, result))

    folders = context.samples
    for folder in folders:
        score("oracle", folder, folder / VIDEO)
    for position, folder in enumerate(folders[:BASELINE_SAMPLES]):
        score("oracle_again", folder, folder / VIDEO)
        other = folders[(position + 1) % len(folders)]
        # Noise does not depend on the sample and is the dearest video to encode and decode: one is enough.
        kinds = ["static", "final"] + (["noise"] if position == 0 else []) + (["shuffle"] if other != folder else [])
        for kind in kinds:
            video = write_baseline(kind, folder, videos / f"{kind}-{folder.name}.mp4", other)
            score(kind, folder, video)
    empty = videos / "empty.mp4"
    empty.write_bytes(b"")
    truncated = videos / "truncated.mp4"
    truncated.write_bytes((folders[0] / VIDEO).read_bytes()[:TRUNCATED_BYTES])
    score("empty", folders[0], empty)
    score("empty", folders[0], truncated)
    return found


def _worst_high(context: ReviewContext, kind: str, what: str, fix: str) -> Finding:
    scores = context.baseline_scores.by_kind.get(kind, [])
    if not scores:
        return warn(f"no {what} video could be made (a single sample?)")
    name, worst = max(scores, key=lambda item: item[1].value)
    values = ", ".join(f"{score.value:.2f}" for _, score in scores)
    if worst.value >= CLEARLY_LOW:
        return fail(f"{what} scores {worst.value:.2f} on sample {name} ({worst.reason!r}); it must score "
                    f"clearly lower than the ground truth (< {CLEARLY_LOW}): {fix}")
    if worst.value > SHORTCUT_MAX:
        return warn(f"{what} scores up to {worst.value:.2f} (sample {name}: {worst.reason!r}); "
                    f"expected ≤ {SHORTCUT_MAX}: {fix}")
    return ok(f"{what}: {values}")


@check("scorer")
def check_oracle_scores_high(context: ReviewContext) -> Finding:
    """The ground-truth video of every saved sample scores ≥ 0.98."""
    scores = context.baseline_scores.by_kind["oracle"]
    name, worst = min(scores, key=lambda item: item[1].value)
    if worst.value < ORACLE_MIN:
        return fail(f"the ground truth of sample {name} scores {worst.value:.3f} < {ORACLE_MIN} "
                    f"({worst.reason!r}, parts {worst.parts}); the scorer must accept the generator's own solution")
    return ok(f"oracle ≥ {worst.value:.3f} on {len(scores)} samples")


@check("scorer")
def check_static_scores_low(context: ReviewContext) -> Finding:
    """The first frame held for the whole video (a model that does nothing) scores clearly lower."""
    return _worst_high(context, "static", "the static first frame",
                       "require the final state to be reached (compare the end of the video with the goal)")


@check("scorer")
def check_noise_scores_low(context: ReviewContext) -> Finding:
    """A video of random noise scores clearly lower."""
    return _worst_high(context, "noise", "noise", "require the scene to be recognisable before judging it")


@check("scorer")
def check_other_sample_scores_low(context: ReviewContext) -> Finding:
    """Another sample's ground truth (a plausible video of the wrong instance) scores clearly lower."""
    return _worst_high(context, "shuffle", "another sample's video",
                       "check the video starts from this sample's first frame and ends in this sample's goal")


@check("scorer")
def check_cut_to_final_scores_low(context: ReviewContext) -> Finding:
    """Where the task asks for the process, a cut straight from the first to the final frame scores clearly lower."""
    if not context.task.info.process_required:
        return ok("not required: the task's info.process_required is False")
    return _worst_high(context, "final", "a cut straight to the final frame",
                       "judge the steps in between (continuity of the motion), not only the end state")


@check("scorer")
def check_empty_file_scores_zero(context: ReviewContext) -> Finding:
    """An empty file and a truncated file score exactly 0, with a reason."""
    for name, score in context.baseline_scores.by_kind["empty"]:
        if score.value != 0 or not score.reason:
            return fail(f"an unreadable video scores {score.value} (reason {score.reason!r}) on sample {name}; "
                        "return Score.zero(reason) when the clip is not ok")
    return ok("empty and truncated files score 0")


@check("scorer")
def check_scores_repeatable(context: ReviewContext) -> Finding:
    """The same video scored twice gets the same value and parts."""
    by_kind = context.baseline_scores.by_kind
    for (name, first), (_, second) in zip(by_kind["oracle"], by_kind["oracle_again"], strict=False):
        if (first.value, first.parts) != (second.value, second.parts):
            return fail(f"sample {name}'s ground truth scored {first.value} then {second.value}; the scorer must "
                        "be deterministic (no randomness, no state kept between calls)")
    return ok(f"{len(by_kind['oracle_again'])} videos scored identically twice")


CHECKS = [check_oracle_scores_high, check_static_scores_low, check_noise_scores_low, check_other_sample_scores_low,
          check_cut_to_final_scores_low, check_empty_file_scores_zero, check_scores_repeatable]
