"""Executors: engines that run :func:`vbvr_factory.chunks.run_chunk` over many chunk specs.

The interface is deliberately small, so a cluster engine (Ray) or a queue (SQS → Lambda-style workers)
can implement it::

    class Executor(Protocol):
        def map(self, specs: Iterable[ChunkSpec]) -> Iterator[ChunkResult]: ...   # any completion order
        def close(self) -> None: ...

``map`` must call ``run_chunk`` (or an equivalent that obeys its contract) once or more per spec and
yield exactly one result per spec; it may yield in any order, because the factory's output does not
depend on it. Executors are found by name: ``local`` is built in, others register an entry point in the
group ``vbvr_factory.executors`` whose object is called as ``factory(workers=N)``.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from importlib import metadata
from typing import Any, Protocol, runtime_checkable

from vbvr_factory.chunks import ChunkResult, ChunkSpec, run_chunk

ENTRY_POINT_GROUP = "vbvr_factory.executors"
IN_FLIGHT_PER_WORKER = 4
PARENT_POLL_SECONDS = 0.5


@runtime_checkable
class Executor(Protocol):
    """Runs chunk specs and yields their results (one per spec, any order)."""

    def map(self, specs: Iterable[ChunkSpec]) -> Iterator[ChunkResult]:
        """Run every spec; yield each :class:`ChunkResult` as it completes."""
        ...

    def close(self) -> None:
        """Release workers and connections."""
        ...


def _exit_when_parent_dies(parent_pid: int) -> None:
    """Worker initializer: end this worker within ``PARENT_POLL_SECONDS`` once its coordinator is gone.

    A pool worker blocks on its task queue forever once the coordinator is killed (kill -9 gives it no
    chance to shut the pool down). A daemon thread polls ``os.getppid()``: a dead parent makes the worker
    a child of another process. (Linux's ``PR_SET_PDEATHSIG`` is not used: it fires when the *thread* that
    started the worker ends, which would kill healthy workers of a pool created from a short-lived thread.)
    """
    if os.getppid() != parent_pid:  # the parent died before the watch was set up
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="vbvr-factory-parent-watch", daemon=True).start()


class LocalExecutor:
    """A pool of ``workers`` local processes (spawned, so each starts clean), a bounded number of chunks in flight.

    Workers end when the coordinating process dies, however it dies (see :func:`_exit_when_parent_dies`).
    """

    def __init__(self, workers: int = 1):
        if workers < 1:
            raise ValueError(f"workers must be ≥ 1, got {workers}")
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_exit_when_parent_dies, initargs=(os.getpid(),))

    def map(self, specs: Iterable[ChunkSpec]) -> Iterator[ChunkResult]:
        """Submit specs as workers free up; yield results in completion order."""
        pending: set[Future[ChunkResult]] = set()
        queue = iter(specs)
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for spec in queue:
            pending.add(self._pool.submit(run_chunk, spec))
            if len(pending) >= limit:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)

    def close(self) -> None:
        """Stop the worker processes (pending chunks are cancelled)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


BUILT_IN: dict[str, Callable[..., Executor]] = {"local": LocalExecutor}


def available_executors() -> list[str]:
    """Names of every executor: built in, and registered by installed packages."""
    names = set(BUILT_IN) | {entry.name for entry in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(names)


def make_executor(name: str, workers: int, **options: Any) -> Executor:
    """The executor called ``name`` with ``workers`` workers and engine ``options`` (e.g. Ray's ``address``).

    Raises ``LookupError`` naming the known executors.
    """
    if name in BUILT_IN:
        return BUILT_IN[name](workers=workers, **options)
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == name:
            return entry.load()(workers=workers, **options)
    raise LookupError(f"unknown executor {name!r}; available: {', '.join(available_executors())}")
