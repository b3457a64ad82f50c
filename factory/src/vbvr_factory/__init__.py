"""vbvr-factory: run a registry of VBVR tasks into a verified, deduplicated, reproducible dataset.

Run a registry from Python::

    from vbvr_factory import FactoryRun, LocalExecutor, OutputRoot, build_plan, load_registry
    plan = build_plan(load_registry("registry.yaml"), preset="demo")
    executor = LocalExecutor(workers=2)
    report = FactoryRun(plan, OutputRoot("out/demo"), executor, resume=True, registry={"source": "registry.yaml"}).execute()
    executor.close()

What an execution engine needs (see :mod:`vbvr_factory.executors`): ``ChunkSpec``, ``ChunkResult``,
``WorkItem``, ``run_chunk`` and the ``Executor`` protocol.
"""

from vbvr_factory.chunks import ChunkResult, ChunkSpec, SampleOutcome, WorkItem, run_chunk
from vbvr_factory.executors import Executor, LocalExecutor, make_executor
from vbvr_factory.plan import RunPlan, TaskPlan, build_plan
from vbvr_factory.registry import RegistryError, load_registry
from vbvr_factory.runner import FactoryRun, RunReport
from vbvr_factory.storage import OutputRoot

__all__ = ["ChunkResult", "ChunkSpec", "Executor", "FactoryRun", "LocalExecutor", "OutputRoot", "RegistryError",
           "RunPlan", "RunReport", "SampleOutcome", "TaskPlan", "WorkItem", "build_plan", "load_registry",
           "make_executor", "run_chunk"]
