"""O-30_bookshelf specifications: the clear-cut matching of books to gaps, the scorer on near misses, shared checks."""

from __future__ import annotations

from vbvr_core.pipeline.generator import Reject
from vbvr_core.testing.contract import SampleContract
from vbvr_o30_bookshelf.generator import BookshelfGenerator, ambiguity, gap_targets, match

KEY = "O-30_bookshelf"


def test_gap_targets_are_the_neighbours_mean():
    assert gap_targets([50, None, 54, 100, None, 98]) == [52.0, 99.0]


def test_a_clear_matching_is_accepted_and_solved():
    shelf = [50, None, 54, 100, None, 98]
    assert ambiguity(shelf, [99, 51]) is None
    assert match(shelf, [99, 51]) == [1, 0]


def test_ambiguous_matchings_are_rejected():
    assert "two gaps" in ambiguity([50, None, 54, 62, None, 60], [52, 61])  # gaps 9 px apart
    assert "matches no gap" in ambiguity([50, None, 54, 100, None, 98], [52, 80])
    assert "same gap" in ambiguity([50, None, 54, 100, None, 98], [52, 53])
    assert "as many gaps" in ambiguity([50, None, 54], [52, 99])


def test_every_sample_matches_each_book_to_its_own_gap():
    for seed in (0, 4):
        try:
            solution = BookshelfGenerator(seed, {"difficulty": seed % 3}).generate().solution
        except Reject:
            continue
        targets = gap_targets(solution.heights)
        assert sorted(solution.assignment) == list(range(len(targets)))
        for height, gap in zip(solution.new_heights, solution.assignment, strict=True):
            assert abs(height - targets[gap]) <= 5
            assert solution.gaps[gap] > 0 and solution.heights[solution.gaps[gap] + 1] is not None


class TestContract(SampleContract):
    key = KEY
    params = {"new_books": 2, "books": 8, "extra_groups": 0, "move_frames": 15, "pause_frames": 0}
    near_misses = ("swapped_pair", "last_left")
    near_miss_max = 0.1
