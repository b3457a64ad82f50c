"""Honest run states: whether the process that wrote a ``run.json`` of status ``running`` is still at work.

A running coordinator records who it is (``owner``: host, pid and the pid's start time, so a reused pid is
not mistaken for it) and refreshes a ``heartbeat`` time at least every ``HEARTBEAT_SECONDS`` while results
arrive. :func:`run_state` reads those back:

- ``complete`` / ``submitted``: as recorded;
- ``running``: the owner process is alive on this host, or another host's heartbeat is fresh;
- ``interrupted``: the owner process is gone from this host (killed, crashed, machine rebooted);
- ``stale``: another host's heartbeat is older than ``STALE_AFTER_SECONDS`` (most likely interrupted; this
  host cannot look at that process);
- ``unknown``: a ``running`` record without an owner (written before owners were recorded).
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

HEARTBEAT_SECONDS = 30.0
STALE_AFTER_SECONDS = 5 * HEARTBEAT_SECONDS


def _start_ticks(pid: int) -> int | None:
    """The start time of process ``pid`` in clock ticks since boot (Linux), or None when unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def owner_record() -> dict[str, Any]:
    """Who this process is, for ``run.json``: host name, pid and the pid's start time."""
    return {"host": socket.gethostname(), "pid": os.getpid(), "pid_started": _start_ticks(os.getpid())}


def _alive(owner: dict[str, Any]) -> bool:
    pid = owner.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, but belongs to another user
        pass
    started = _start_ticks(pid)
    recorded = owner.get("pid_started")
    return started is None or recorded is None or started == recorded


@dataclass(frozen=True)
class RunState:
    """A run's state (``name``, one of the module docstring's) and a sentence saying why."""

    name: str
    detail: str

    def __str__(self) -> str:
        return f"{self.name} ({self.detail})" if self.detail else self.name


def run_state(document: dict[str, Any], now: datetime | None = None) -> RunState:
    """The honest state of the run that wrote ``document`` (a parsed ``run.json``)."""
    status = document.get("status")
    if status != "running":
        return RunState(str(status or "unknown"), "")
    owner = document.get("owner")
    if not isinstance(owner, dict):
        return RunState("unknown", "run.json says running but names no process; if no run is writing here, "
                                   "finish it with --resume")
    host, pid = owner.get("host"), owner.get("pid")
    if host == socket.gethostname():
        if _alive(owner):
            return RunState("running", f"pid {pid} on {host}")
        return RunState("interrupted", f"its process {pid} on {host} is gone; finish it by rerunning the same "
                                       "command with --resume")
    beat = document.get("heartbeat") or document.get("started")
    try:
        age = ((now or datetime.now(UTC)) - datetime.fromisoformat(beat)).total_seconds()
    except (TypeError, ValueError):
        age = float("inf")
    if age <= STALE_AFTER_SECONDS:
        return RunState("running", f"pid {pid} on host {host}, last heartbeat {age:.0f} s ago")
    return RunState("stale", f"no heartbeat from pid {pid} on host {host} for {age:.0f} s: probably interrupted; "
                             "finish it with --resume once that process is surely gone")
