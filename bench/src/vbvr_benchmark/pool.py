"""A process pool in which every job has a time limit: a hung job's worker is killed and replaced.

``concurrent.futures`` cannot stop a running job, and a model's video can hang a decoder or a scorer.
Here each worker owns one pipe; the parent hands it one job at a time and knows when that job started,
so it can kill exactly that worker (SIGKILL by its pid) when the limit passes, or notice that the worker
died (a segfault in a codec), and record the job as failed instead of waiting forever.

Workers are forked from a forkserver that has already imported the preload modules, so starting or
replacing one is cheap and never inherits the parent's threads.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

PRELOAD = ["vbvr_benchmark.worker", "vbvr_benchmark.baselines"]


def forkserver_context() -> multiprocessing.context.BaseContext:
    """The forkserver context every bench pool uses, with the heavy modules preloaded into the server.

    The server is started once per process, so the preload list must be set before its first use:
    every pool of the bench takes its context from here.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _worker_main(function: Callable[[Any], Any], connection: Connection) -> None:
    """Run ``function`` on each job received until the pipe closes or a None arrives."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job_id, job = message
        try:
            outcome = ("ok", function(job))
        except Exception as error:  # noqa: BLE001 - reported to the parent as this job's failure
            outcome = ("error", f"{type(error).__name__}: {error}")
        connection.send((job_id, outcome))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    job_id: int | None = None
    deadline: float = 0.0


class TimedPool:
    """Run ``function(job)`` for many jobs in ``workers`` processes, each job limited to ``timeout`` seconds.

    ``function`` must be importable (a module-level function). A job whose worker overruns, dies or
    raises gets ``on_failure(job, status, reason)`` as its result, with status ``timeout``, ``crashed``
    or ``error``. Results come back in job order, whatever order the workers finish in.
    """

    def __init__(self, function: Callable[[Any], Any], workers: int, timeout: float,
                 on_failure: Callable[[Any, str, str], Any]):
        if workers < 1:
            raise ValueError(f"workers must be ≥ 1, got {workers}")
        if timeout <= 0:
            raise ValueError(f"timeout must be > 0 seconds, got {timeout}")
        self.function, self.workers, self.timeout, self.on_failure = function, workers, timeout, on_failure
        self.context = forkserver_context()

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(target=_worker_main, args=(self.function, child_end), daemon=True)
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    @staticmethod
    def _stop(worker: _Worker, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.connection.send(None)
            except OSError:
                worker.process.kill()
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.connection.close()

    def map(self, jobs: Sequence[Any], on_done: Callable[[int, Any], None] | None = None) -> list[Any]:
        """Results of every job, in order; ``on_done(job_id, result)`` is called as each finishes."""
        results: list[Any] = [None] * len(jobs)
        pending = list(range(len(jobs)))[::-1]
        pool = [self._start() for _ in range(min(self.workers, len(jobs)))]
        resent: set[int] = set()

        def finish(job_id: int, result: Any) -> None:
            results[job_id] = result
            if on_done is not None:
                on_done(job_id, result)

        try:
            while pending or any(worker.job_id is not None for worker in pool):
                for position, worker in enumerate(pool):
                    if worker.job_id is None and pending:
                        job_id = pending.pop()
                        try:
                            worker.connection.send((job_id, jobs[job_id]))
                        except OSError as error:
                            # The worker died while idle: the job never started, so it gets one more worker.
                            self._stop(worker, kill=True)
                            pool[position] = self._start()
                            if job_id in resent:
                                finish(job_id, self.on_failure(jobs[job_id], "crashed",
                                                               f"no worker process could take the job ({error})"))
                            else:
                                resent.add(job_id)
                                pending.append(job_id)
                            continue
                        worker.job_id, worker.deadline = job_id, time.monotonic() + self.timeout
                busy = [worker for worker in pool if worker.job_id is not None]
                if not busy:
                    continue
                next_deadline = min(worker.deadline for worker in busy)
                ready = wait([worker.connection for worker in busy], timeout=max(0.0, next_deadline - time.monotonic()))
                for position, worker in enumerate(pool):
                    if worker.job_id is None:
                        continue
                    job_id = worker.job_id
                    if worker.connection in ready:
                        try:
                            _, (kind, payload) = worker.connection.recv()
                        except (EOFError, OSError):
                            worker.process.join(timeout=1.0)
                            code = worker.process.exitcode
                            finish(job_id, self.on_failure(jobs[job_id], "crashed",
                                                           f"worker process died (exit code {code})"))
                            self._stop(worker, kill=True)
                            pool[position] = self._start()
                            continue
                        worker.job_id = None
                        finish(job_id, payload if kind == "ok" else self.on_failure(jobs[job_id], "error", payload))
                    elif time.monotonic() >= worker.deadline:
                        self._stop(worker, kill=True)
                        pool[position] = self._start()
                        finish(job_id, self.on_failure(jobs[job_id], "timeout",
                                                       f"no result within the {self.timeout:g} s limit; worker killed"))
        finally:
            for worker in pool:
                self._stop(worker, kill=worker.job_id is not None)
        return results
