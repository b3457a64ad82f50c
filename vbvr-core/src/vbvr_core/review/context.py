"""``ReviewContext``: the task under review and the shared material its checks look at.

Checks share expensive material: the saved samples, a rerun in a fresh process, a few hundred cheap
draws, the baseline videos' scores. The context makes each on first use and keeps it, so every check
stays a small function and no work is done twice.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from vbvr_core.contract import FailureRecord, TaskRegistration
from vbvr_core.discovery import InstalledTask, get_task, installed_task
from vbvr_core.pipeline.produce import produce
from vbvr_core.pipeline.sample_io import sample_name
from vbvr_core.pipeline.seeds import sample_seed
from vbvr_core.review.result import NotRunnable

if TYPE_CHECKING:
    from vbvr_core.judge.certificate import TaskCertificate
    from vbvr_core.pipeline.generator import BaseGenerator
    from vbvr_core.review.diversity import DrawStats
    from vbvr_core.review.fresh_run import FreshRun
    from vbvr_core.review.scorer_checks import BaselineScores

DEFAULT_SAMPLES = 6
DEFAULT_DRAWS = 1000


@dataclass
class Production:
    """The samples saved for review, and any dead letters."""

    folders: list[Path] = field(default_factory=list)
    failures: list[FailureRecord] = field(default_factory=list)


class ReviewContext:
    """One task under review.

    ``registration`` is the task's registration (None when its plugin is broken; ``registration_error``
    then says why). ``installed`` is its entry-point view when it comes from an installed package;
    ``source`` the package folder the reviewer named, if any. ``samples`` samples are saved under
    ``work_dir``; ``draws`` cheap draws measure diversity; ``seed`` is the base seed of both.
    """

    def __init__(self, registration: TaskRegistration | None, work_dir: str | Path, *,
                 samples: int = DEFAULT_SAMPLES, draws: int = DEFAULT_DRAWS, seed: int = 0,
                 installed: InstalledTask | None = None, source: Path | None = None,
                 registration_error: str | None = None):
        if registration is None and installed is None:
            raise ValueError("ReviewContext needs a registration or an installed task")
        if samples < 2:
            raise ValueError(f"samples must be ≥ 2 (the shuffle baseline needs a second sample), got {samples}")
        self.registration = registration
        self.registration_error = registration_error
        self.installed = installed
        self.source = source
        self.key = installed.key if installed else registration.key
        self.work_dir = Path(work_dir)
        self.sample_count = samples
        self.draw_count = draws
        self.seed = seed

    @classmethod
    def for_key(cls, key: str, work_dir: str | Path, **options) -> ReviewContext:
        """The context of installed task ``key``; raises :class:`UnknownTaskError` when nothing registers it.

        A plugin that fails to load does not raise: the contract checks report it.
        """
        installed = installed_task(key)
        try:
            registration, error = get_task(key), None
        except Exception as problem:  # noqa: BLE001 - a broken plugin is a review finding
            registration, error = None, f"{type(problem).__name__}: {problem}"
        return cls(registration, work_dir, installed=installed, registration_error=error, **options)

    @property
    def task(self) -> TaskRegistration:
        """The registration; raises :class:`NotRunnable` when the plugin did not register."""
        if self.registration is None:
            raise NotRunnable(f"the plugin does not register the task ({self.registration_error})")
        return self.registration

    @cached_property
    def generator_class(self) -> type[BaseGenerator]:
        """The task's generator class, imported."""
        return self.task.load_generator()

    def seed_of(self, index: int) -> int:
        """The seed of sample ``index`` (as ``vbvr generate`` and the factory derive it)."""
        return sample_seed(self.seed, self.key, index)

    @cached_property
    def production(self) -> Production:
        """``samples`` samples saved with :func:`produce`; errors while saving become dead letters.

        Cost is measured in the fresh process instead (:attr:`fresh_run`), where nothing else runs.
        """
        made = Production()
        for index in range(self.sample_count):
            dest = self.work_dir / "samples" / self.key / sample_name(index)
            try:
                result = produce(self.task, self.seed_of(index), dest, index=index)
            except Exception as error:  # noqa: BLE001 - e.g. trajectory frames the video writer refuses
                result = FailureRecord(task_key=self.key, index=index, seed=self.seed_of(index), attempts=1,
                                       problems=[f"saving failed: {type(error).__name__}: {error}"],
                                       traceback=traceback.format_exc())
            if isinstance(result, FailureRecord):
                made.failures.append(result)
                continue
            made.folders.append(dest)
        return made

    @property
    def samples(self) -> list[Path]:
        """The saved sample folders; raises :class:`NotRunnable` when none could be made."""
        made = self.production
        if not made.folders:
            first = made.failures[0].problems[-1] if made.failures and made.failures[0].problems else "unknown"
            raise NotRunnable(f"no sample could be made in {self.sample_count} tries; last problem: {first}")
        return made.folders

    @cached_property
    def fresh_run(self) -> FreshRun:
        """Samples made again in a new Python process (different hash seed), with its CPU time and memory."""
        from vbvr_core.review.fresh_run import run_fresh

        return run_fresh(self)

    @cached_property
    def draws(self) -> DrawStats:
        """Content hashes and attempts of ``draws`` cheap draws (generate + validate, nothing encoded)."""
        from vbvr_core.review.diversity import draw_fingerprints

        return draw_fingerprints(self)

    @cached_property
    def robustness(self) -> TaskCertificate:
        """The robustness certificate of the first samples (probe videos under ``work_dir/robustness``)."""
        from vbvr_core.review.robustness import certify_samples

        return certify_samples(self)

    @property
    def robustness_if_run(self) -> TaskCertificate | None:
        """The certificate when a check has made it, else None (the gallery shows it only then)."""
        return self.__dict__.get("robustness")

    @cached_property
    def baseline_scores(self) -> BaselineScores:
        """The task's scorer run on the oracle and the baseline videos of the saved samples."""
        from vbvr_core.review.scorer_checks import score_baselines

        return score_baselines(self)
