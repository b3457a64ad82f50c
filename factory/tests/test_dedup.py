"""The dedup rounds: only certain collisions are redrawn, and the rounds reach the sequential rule in any order."""

from __future__ import annotations

import random

import pytest
from vbvr_factory.dedup import Candidate, redraws


def plan(hashes_and_attempts: dict[int, tuple[str | None, int]]) -> list[tuple[int, int, int | None]]:
    candidates = {index: Candidate(content, attempt) for index, (content, attempt) in hashes_and_attempts.items()}
    return [(item.index, item.first_attempt, item.duplicate_of) for item in redraws(candidates)]


def test_distinct_contents_need_no_redraw():
    assert plan({0: ("a", 0), 1: ("b", 0), 2: ("c", 3)}) == []


def test_later_index_repeating_a_final_one_is_redrawn_from_the_next_attempt():
    assert plan({0: ("a", 0), 1: ("b", 2), 2: ("a", 1)}) == [(2, 2, 0)]


def test_every_repeat_of_a_final_content_is_redrawn_in_one_round():
    assert plan({0: ("a", 0), 1: ("a", 0), 2: ("a", 0)}) == [(1, 1, 0), (2, 1, 0)]


def test_collision_with_an_undecided_index_waits_for_the_next_round():
    # 1 repeats 0 and will change; 3 repeats 2, but 2 is not final while 1 is undecided (1 may become "b").
    assert plan({0: ("a", 0), 1: ("a", 0), 2: ("b", 0), 3: ("b", 0)}) == [(1, 1, 0)]


def test_dead_letters_collide_with_nothing():
    assert plan({0: (None, 0), 1: ("a", 0), 2: (None, 0), 3: ("a", 0)}) == [(3, 1, 1)]


def sequential(sequences: dict[int, list[str]]) -> dict[int, int | None]:
    """The rule, one index at a time: index → position of its first draw no lower index kept (None: exhausted)."""
    kept: set[str] = set()
    final: dict[int, int | None] = {}
    for index in sorted(sequences):
        final[index] = next((position for position, content in enumerate(sequences[index]) if content not in kept),
                            None)
        if final[index] is not None:
            kept.add(sequences[index][final[index]])
    return final


def rounds(sequences: dict[int, list[str]], rng: random.Random) -> dict[int, int | None]:
    """Run the factory's rounds, applying each round's redraws in a random order."""
    position = {index: 0 for index in sequences}
    while True:
        candidates = {index: Candidate(sequences[index][pos] if pos is not None else None, pos or 0)
                      for index, pos in position.items()}
        items = redraws(candidates)
        if not items:
            return position
        rng.shuffle(items)
        for item in items:
            position[item.index] = item.first_attempt if item.first_attempt < len(sequences[item.index]) else None


@pytest.mark.parametrize("seed", range(40))
def test_rounds_equal_the_sequential_rule_whatever_the_order(seed):
    rng = random.Random(seed)
    variety = rng.randint(2, 8)
    sequences = {index: [rng.choice("abcdefgh"[:variety]) for _ in range(rng.randint(1, 6))]
                 for index in range(rng.randint(1, 12))}
    assert rounds(sequences, rng) == sequential(sequences)
