"""Halves: the unit rows 2-means works on, and the partitions it finds."""

import numpy as np

from storyline.stories.halves import matrix, partitions
from storyline.stories.vectors import Vector


def test_rows_are_unit_and_numbers_count_only_when_enough_are_cited():
    cited = Vector({"fire": 0.8, "quay": 0.6}, {"23": 0.6, "2011": 0.8})
    once = Vector({"fire": 1.0}, {"23": 1.0})
    x = matrix([cited, once], number_weight=0.3, min_numbers=2)
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0)
    assert x.shape[1] == 4, "fire, quay and the two numbers"
    assert np.count_nonzero(x[1]) == 1, "one number cited is no evidence: the second article is its words alone"
    assert np.count_nonzero(matrix([cited], number_weight=0.0, min_numbers=2)) == 2


def test_two_groups_of_articles_are_the_first_partition_found():
    fire = [Vector({"fire": 1.0, "grain": 0.5 + i / 10}, {}) for i in range(4)]
    flood = [Vector({"flood": 1.0, "canal": 0.5 + i / 10, "grain": 0.1}, {}) for i in range(3)]
    x = matrix(fire + flood, number_weight=0.3, min_numbers=2)
    side = next(partitions(x, starts=3))
    assert side.tolist() in ([True] * 4 + [False] * 3, [False] * 4 + [True] * 3)
    found = list(partitions(x, starts=3))
    assert len({s.tobytes() for s in found}) == len(found), "each partition once"
