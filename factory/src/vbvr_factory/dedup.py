"""Deterministic deduplication by content hash within a task, independent of worker count and order.

The rule, stated sequentially: walk the indices in increasing order; sample ``i`` is the first valid draw
of its attempt sequence whose content hash no lower index's final sample has. So the lower index always
keeps its content, and a later index that repeats it is redrawn from the next attempt
(``draw(..., first_attempt=attempt + 1)``).

The factory draws every index in parallel first and then calls :func:`redraws` on the current
candidates, runs the redraws it asks for (in parallel), and repeats until it asks for none. Each round
redraws only indices that *certainly* collide — with a lower index whose sample is already final — so no
index ever advances past its final attempt, and every round makes the lowest undecided index progress.
The result equals the sequential rule whatever the order in which draws complete, and an interrupted
run resumes from whatever candidates are on disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vbvr_factory.chunks import WorkItem


@dataclass(frozen=True)
class Candidate:
    """The current sample of one index: its content hash (None for a dead letter) and its attempt."""

    content_hash: str | None
    attempt: int


def redraws(candidates: Mapping[int, Candidate]) -> list[WorkItem]:
    """The indices that must be redrawn now (ascending), each from the attempt after its current one."""
    final: dict[str, int] = {}  # content hash → index, for indices whose sample is final
    pending: set[str] = set()  # hashes of lower indices that may still change
    prefix_final = True
    items = []
    for index in sorted(candidates):
        candidate = candidates[index]
        content = candidate.content_hash
        if content is None:
            continue  # a dead letter holds no content: it collides with nothing
        if content in final:
            items.append(WorkItem(index=index, first_attempt=candidate.attempt + 1, duplicate_of=final[content]))
            prefix_final = False
        elif content in pending or not prefix_final:
            prefix_final = False
            pending.add(content)
        else:
            final[content] = index
    return items
