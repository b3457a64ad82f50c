"""RayExecutor's contract against a stand-in ``ray`` module: bounded in-flight tasks, retries, address handling."""

from __future__ import annotations

import sys
import types

import pytest
from vbvr_factory.chunks import ChunkSpec, WorkItem
from vbvr_factory.ray_executor import RayExecutor


class FakeRay(types.ModuleType):
    """Records init/remote options and runs 'tasks' only when waited on, tracking how many are in flight."""

    def __init__(self, cluster_cpus: int = 8):
        super().__init__("ray")
        self.initialized, self.init_kwargs, self.remote_options = False, None, None
        self.in_flight, self.max_in_flight, self.shutdowns, self.cluster_cpus = 0, 0, 0, cluster_cpus

    def is_initialized(self):
        return self.initialized

    def init(self, **kwargs):
        self.initialized, self.init_kwargs = True, kwargs

    def shutdown(self):
        self.initialized, self.shutdowns = False, self.shutdowns + 1

    def cluster_resources(self):
        return {"CPU": float(self.cluster_cpus)}

    def remote(self, **options):
        self.remote_options = options

        def wrap(function):
            fake = self

            class Remote:
                @staticmethod
                def remote(spec):
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                    return spec

            return Remote

        return wrap

    def wait(self, pending, num_returns):
        self.in_flight -= num_returns
        return pending[:num_returns], pending[num_returns:]

    def get(self, done):
        return [spec.items[0].index for spec in done]


@pytest.fixture
def fake_ray(monkeypatch):
    fake = FakeRay()
    monkeypatch.setitem(sys.modules, "ray", fake)
    return fake


def specs(count: int):
    return (ChunkSpec(out="/tmp/unused", task_key="G-15_grid_avoid_obstacles", split="train", base_seed=1,
                      items=[WorkItem(index=index)]) for index in range(count))


def test_at_most_workers_times_two_chunks_are_in_flight_and_each_yields_once(fake_ray):
    executor = RayExecutor(workers=3)
    assert sorted(executor.map(specs(25))) == list(range(25))
    assert fake_ray.max_in_flight == 6
    assert fake_ray.remote_options == {"num_cpus": 1, "max_retries": 3, "retry_exceptions": [OSError]}
    assert fake_ray.init_kwargs["address"] == "local" and fake_ray.init_kwargs["num_cpus"] == 3
    assert fake_ray.init_kwargs["_node_ip_address"] == "127.0.0.1"
    executor.close()
    assert fake_ray.shutdowns == 1


def test_joining_a_cluster_uses_its_cpus_and_leaves_it_running(fake_ray):
    executor = RayExecutor(workers=1, address="auto")
    assert fake_ray.init_kwargs["address"] == "auto" and "num_cpus" not in fake_ray.init_kwargs
    assert executor.in_flight == 16
    executor.close()
    assert fake_ray.shutdowns == 0
