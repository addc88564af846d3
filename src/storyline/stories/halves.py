"""Two halves of a group of articles: spherical 2-means over their word and number vectors.

The events' split step asks where an event's articles would fall apart if
they were two happenings; the clusterer's own similarity then decides
whether the halves are far enough apart to be two events. 2-means runs in
numpy over the few terms the articles use, so trying an event costs little
beside placing its articles.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from storyline.stories.vectors import Vector

ROUNDS = 5
"""Rounds of 2-means; the halves settle within two or three."""


def matrix(vectors: Sequence[Vector], number_weight: float, min_numbers: int) -> np.ndarray:
    """One unit row per article: its words and, when it cites ``min_numbers`` numbers, its numbers with their share of
    the similarity (as the clusterer mixes them)."""
    columns: dict[str, int] = {}
    rows = []
    scale = (number_weight / (1.0 - number_weight)) ** 0.5
    for vector in vectors:
        row = {columns.setdefault(term, len(columns)): weight for term, weight in vector.words.items()}
        if number_weight and len(vector.numbers) >= min_numbers:
            row.update((columns.setdefault("#" + n, len(columns)), scale * w) for n, w in vector.numbers.items())
        rows.append(row)
    x = np.zeros((len(rows), len(columns)))
    for i, row in enumerate(rows):
        x[i, list(row)] = list(row.values())
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


def partitions(x: np.ndarray, starts: int) -> Iterator[np.ndarray]:
    """Partitions of the rows of ``x``, each once, as a mask of the side holding the first row, by 2-means started
    from each of the ``starts`` rows least like the rest and, for each, the row least like it: the most unusual
    article is often a stray rather than the start of another happening."""
    whole = x.sum(axis=0)
    seen: set[bytes] = set()
    for a in np.argsort(x @ whole, kind="stable")[:starts]:
        b = int(np.argmin(x @ x[a]))
        side = np.zeros(len(x), dtype=bool)
        side[a] = True
        one, two = x[a], x[b]
        for _ in range(ROUNDS):
            settled = x @ one >= x @ two
            if settled.all() or not settled.any() or (settled == side).all():
                break
            side = settled
            one, two = _direction(x[side]), _direction(x[~side])
        side = side if side[0] else ~side
        if not side.all() and side.tobytes() not in seen:
            seen.add(side.tobytes())
            yield side


def _direction(rows: np.ndarray) -> np.ndarray:
    total = rows.sum(axis=0)
    norm = np.linalg.norm(total)
    return total / norm if norm else total
