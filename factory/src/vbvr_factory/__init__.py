"""vbvr-factory: run a registry of VBVR tasks into a verified, deduplicated, reproducible dataset.

The pieces an execution engine needs (see :mod:`vbvr_factory.executors`)::

    from vbvr_factory import ChunkSpec, ChunkResult, WorkItem, run_chunk, Executor
"""

from vbvr_factory.chunks import ChunkResult, ChunkSpec, SampleOutcome, WorkItem, run_chunk
from vbvr_factory.executors import Executor, LocalExecutor, make_executor

__all__ = ["ChunkResult", "ChunkSpec", "Executor", "LocalExecutor", "SampleOutcome", "WorkItem", "make_executor",
           "run_chunk"]
