"""``--executor ray``: run chunks as Ray tasks on a local or existing Ray cluster.

Each chunk is one Ray task calling :func:`vbvr_factory.chunks.run_chunk` (pure and idempotent), so the
samples are byte-identical to the local executor's. Contract:

- ``address``: ``None`` or ``"local"`` starts a private Ray instance on this machine with ``workers``
  CPUs (bound to 127.0.0.1, no dashboard) and stops it on :meth:`RayExecutor.close`; ``"auto"`` or
  ``HOST:PORT`` joins an existing cluster (started with ``ray start``) and leaves it running. Every node
  must have the same task packages installed as the coordinator (same image or venv).
- retries: a task whose worker process dies is retried by Ray (``max_retries``); a chunk that raises
  ``OSError`` (storage trouble) is retried too. Task bugs never raise: ``run_chunk`` records them as
  dead letters.
- back-pressure: at most ``workers × in_flight_per_worker`` chunks are submitted at once; the next is
  submitted only when one finishes (``ray.wait``), so a million-sample plan never floods the object store.

Ray is optional: ``pip install 'vbvr-factory[ray]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from vbvr_factory.chunks import ChunkResult, ChunkSpec, run_chunk

IN_FLIGHT_PER_WORKER = 2
MAX_RETRIES = 3
LOCAL_ADDRESSES = (None, "", "local")


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ImportError("the ray executor needs Ray: pip install 'vbvr-factory[ray]'") from None
    return ray


class RayExecutor:
    """Runs chunk specs as Ray tasks (see the module docstring for addresses, retries and back-pressure)."""

    def __init__(self, workers: int = 1, address: str | None = None, *, max_retries: int = MAX_RETRIES,
                 in_flight_per_worker: int = IN_FLIGHT_PER_WORKER):
        if workers < 1:
            raise ValueError(f"workers must be ≥ 1, got {workers}")
        ray = _import_ray()
        self._ray = ray
        self._owns_cluster = address in LOCAL_ADDRESSES
        if ray.is_initialized():
            self._owns_cluster = False
        elif self._owns_cluster:
            ray.init(address="local", num_cpus=workers, include_dashboard=False, _node_ip_address="127.0.0.1",
                     configure_logging=False, log_to_driver=True)
        else:
            ray.init(address=address, configure_logging=False)
        cluster_cpus = int(ray.cluster_resources().get("CPU", workers))
        self.workers = workers if self._owns_cluster else max(1, cluster_cpus)
        self.in_flight = self.workers * in_flight_per_worker
        self._run_chunk = ray.remote(num_cpus=1, max_retries=max_retries, retry_exceptions=[OSError])(run_chunk)

    def map(self, specs: Iterable[ChunkSpec]) -> Iterator[ChunkResult]:
        """Submit specs while fewer than ``in_flight`` are running; yield results as they complete."""
        pending: list[Any] = []
        for spec in specs:
            pending.append(self._run_chunk.remote(spec))
            if len(pending) >= self.in_flight:
                done, pending = self._ray.wait(pending, num_returns=1)
                yield from self._ray.get(done)
        while pending:
            done, pending = self._ray.wait(pending, num_returns=1)
            yield from self._ray.get(done)

    def close(self) -> None:
        """Stop the private Ray instance (a joined cluster keeps running)."""
        if self._owns_cluster and self._ray.is_initialized():
            self._ray.shutdown()
