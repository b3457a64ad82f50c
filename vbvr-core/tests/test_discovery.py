"""Discovery and the plugin contract: entry points through pluggy, declared tasks, lifecycle hooks, drawn params."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from typing import Annotated, Literal

import numpy as np
import pydantic
import pytest
from pydantic import Field
from vbvr_core import discovery
from vbvr_core.contract import Category, Strata, TaskParams, Uniform, declare_task, hookimpl
from vbvr_core.pipeline.produce import produce
from vbvr_core.testing.helpers import forget_plugins, write_task_distribution

DECLARED = '''
from vbvr_core.contract import Category, declare_task

TASK = declare_task(key="{key}", title="Dummy task {n}", category=Category.PERCEPTION,
                    description="A dummy task declared to measure discovery.", generator="x:Y", scorer="x:z")
'''


@pytest.fixture
def many_tasks(tmp_path):
    """150 installed dummy tasks, each its own dist with one declared entry point."""
    roots = []
    for n in range(150):
        key = f"O-{n + 300}_dummy_{n}"
        root = write_task_distribution(tmp_path / f"d{n}", key, f"dummy_plugin_{n}", DECLARED.format(key=key, n=n))
        entry_points = next(root.glob("*.dist-info")) / "entry_points.txt"
        entry_points.write_text(f"[vbvr]\n{key} = dummy_plugin_{n}:TASK\n", encoding="utf-8")
        roots.append(str(root))
    sys.path[:0] = roots
    forget_plugins()
    yield [f"O-{n + 300}_dummy_{n}" for n in range(150)]
    del sys.path[:len(roots)]
    forget_plugins()


def test_listing_150_tasks_stays_under_a_second_and_imports_none(many_tasks):
    started = time.process_time()  # CPU time: the work done, whatever the load
    keys = {task.key for task in discovery.list_tasks()}
    assert time.process_time() - started < 1.0
    assert set(many_tasks) <= keys
    assert not any(name.startswith("dummy_plugin_") for name in sys.modules)


def test_lookup_registers_only_that_task_in_the_plugin_manager(many_tasks):
    registration = discovery.get_task(many_tasks[7])
    assert registration.key == many_tasks[7] and registration.info.title == "Dummy task 7"
    manager = discovery.plugin_manager()
    assert manager.get_plugin(many_tasks[7]) is registration
    assert manager.get_plugin(many_tasks[8]) is None


def test_a_task_plugin_module_imports_the_contract_only():
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import vbvr_g15_grid_avoid_obstacles.plugin"],
                            capture_output=True, text=True, check=True)
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "pydantic" in imported
    assert not imported & {"numpy", "av", "cv2", "PIL"}


def test_declare_task_refuses_a_bad_category():
    with pytest.raises(pydantic.ValidationError, match="category"):
        declare_task(key="O-1_x_task", title="A task", category="colour", description="Something happens here.",
                     generator="a:B", scorer="a:c")


def test_core_format_checks_and_third_party_checks_run_through_the_hook(tiny_task, tmp_path):
    class RejectsTheFirstSample:
        def __init__(self):
            self.calls: list[str] = []

        @hookimpl
        def vbvr_check_sample(self, task_key, sample):
            self.calls.append(task_key)
            return ["third-party check: refused"] if len(self.calls) == 1 else []

    checker = RejectsTheFirstSample()
    manager = discovery.plugin_manager()
    manager.register(checker, name="test-checker")
    try:
        record = produce(tiny_task, 2, tmp_path / "s")
    finally:
        manager.unregister(checker)
    assert checker.calls[0] == tiny_task and record.attempt >= 1
    assert manager.get_plugin("vbvr_core.lifecycle") is not None


def test_a_dead_letter_is_logged_through_the_hook(tiny_task, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="vbvr_core.pipeline"):
        produce(tiny_task, 5, tmp_path / "dead", params={"always_fail": True})
    assert any("O-901_tiny_dot sample 0 (seed 5) failed after 3 attempts" in message for message in caplog.messages)


class DrawnParams(TaskParams):
    side: Annotated[int, Strata((3, 4), (5, 6), (7, 8))] = Field(5, ge=3, le=8, description="side")
    share: Annotated[float, Uniform(0.1, 0.2, digits=2)] = Field(0.1, ge=0, le=1, description="share")
    mode: Annotated[Literal["a", "b", "c"], Uniform()] = Field("a", description="mode")
    kind: Annotated[str, Strata(("x",), ("x", "y"), ("z",))] = Field("x", description="kind")
    tricky: Annotated[bool, Strata(0.0, 0.5, 1.0)] = Field(False, description="trap")
    reach: int = Field(1, ge=1, le=20, description="derived: twice the side")

    @classmethod
    def complete(cls, values, rng, fixed):
        return {"reach": 2 * values["side"], **values}


def test_params_are_drawn_from_their_stratum():
    for seed in range(30):
        hard = DrawnParams.draw(np.random.default_rng(seed), 2)
        assert 7 <= hard.side <= 8 and hard.kind == "z" and hard.tricky and hard.reach == 2 * hard.side
        easy = DrawnParams.draw(np.random.default_rng(seed), 0)
        assert 3 <= easy.side <= 4 and easy.kind == "x" and not easy.tricky
        assert 0.1 <= easy.share <= 0.2 and round(easy.share, 2) == easy.share and easy.mode in "abc"


def test_fixed_values_are_used_before_derived_ones_are_drawn():
    drawn = DrawnParams.draw(np.random.default_rng(0), 0, fixed={"side": 8})
    assert drawn.side == 8 and drawn.reach == 16
    assert DrawnParams.draw(np.random.default_rng(0), 0, fixed={"side": 8, "reach": 3}).reach == 3
    with pytest.raises(pydantic.ValidationError, match="side"):
        DrawnParams.draw(np.random.default_rng(0), 0, fixed={"side": 99})


def test_a_category_stays_one_of_the_five():
    assert {member.value for member in Category} == {"perception", "transformation", "spatiality", "abstraction",
                                                     "knowledge"}


def test_threads_looking_up_one_task_at_once_all_get_it(tiny_task, monkeypatch):
    import threading
    from concurrent.futures import ThreadPoolExecutor
    from importlib.metadata import EntryPoint

    forget_plugins()
    arrived = threading.Barrier(4)
    load = EntryPoint.load

    def slow_load(self):  # without a lock, every thread is past the "not registered yet" check before any registers
        try:
            arrived.wait(timeout=0.5)
        except threading.BrokenBarrierError:  # with the lock only one thread loads: nobody to wait for
            pass
        return load(self)

    monkeypatch.setattr(EntryPoint, "load", slow_load)
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda _: discovery.get_task(tiny_task).key, range(4)))
    assert found == [tiny_task] * 4


def test_the_plugin_manager_takes_hook_implementations_from_vbvr_names_only():
    class Plugin:
        @hookimpl
        def vbvr_check_sample(self, task_key, sample):
            return []

        @hookimpl
        def check_sample(self, task_key, sample):  # marked, but not a vbvr_ name: not a hook of ours
            return ["never called"]

    manager = discovery.TaskPluginManager("vbvr")
    manager.register(Plugin(), name="marked-twice")
    assert [impl.function.__name__ for impl in manager.hook.vbvr_check_sample.get_hookimpls()] == ["vbvr_check_sample"]
    assert not hasattr(manager.hook, "check_sample")
