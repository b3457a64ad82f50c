"""judge.sequence: the longest common subsequence of a shown and an expected sequence."""

from vbvr_core.judge.sequence import longest_common_subsequence


def test_longest_common_subsequence_keeps_order_not_adjacency():
    assert longest_common_subsequence("abcde", "ace") == 3
    assert longest_common_subsequence("abc", "cba") == 1
    assert longest_common_subsequence("abcbdab", "bdcaba") == 4


def test_longest_common_subsequence_of_tuples_and_empty_sequences():
    states = [("red", 3), ("red", 2), ("green", None)]
    assert longest_common_subsequence(states, [("red", 3), ("green", None)]) == 2
    assert longest_common_subsequence(states, states) == 3
    assert longest_common_subsequence([], states) == longest_common_subsequence(states, []) == 0
