"""Sparse vectors, the running IDF weighting that makes them, and centroids.

Both levels of the clusterer (events and stories) compare articles with
running sums of unit vectors; everything here is plain dictionaries, so a
vector is as long as the terms it holds and no vocabulary is fixed ahead.
"""

from __future__ import annotations

import math
import operator
import re
import sys
from collections import Counter
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from storyline.terms import ENTITY_MARK


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    common = list(filter(b.__contains__, a))  # walks the smaller side only, in C; a set intersection walks the larger
    return sum(map(operator.mul, map(a.__getitem__, common), map(b.__getitem__, common)))


def heaviest(weights: Mapping, size: int) -> list[tuple]:
    """The ``size`` heaviest items, as ``heapq.nlargest`` would pick them (ties included), but sorted in C: faster."""
    return sorted(weights.items(), key=operator.itemgetter(1), reverse=True)[:size]


class Centroid:
    """A running sum of unit vectors and its squared norm."""

    __slots__ = ("norm2", "weights")

    def __init__(self, weights: dict[str, float] | None = None, norm2: float | None = None) -> None:
        self.weights: dict[str, float] = weights if weights is not None else {}
        self.norm2 = dot(self.weights, self.weights) if norm2 is None else norm2

    def add(self, vector: Mapping[str, float]) -> None:
        # |c + v|² = |c|² + 2 c·v + |v|²: the norm stays current without a pass over c.
        self.norm2 += 2 * dot(vector, self.weights) + dot(vector, vector)
        weights = self.weights
        for term, weight in vector.items():
            weights[term] = weights.get(term, 0.0) + weight

    def remove(self, vector: Mapping[str, float]) -> dict[str, float]:
        """Take a vector back out and return the part of it that was here (pruned terms are gone already)."""
        weights = self.weights
        present = {term: weight for term, weight in vector.items() if term in weights}
        self.norm2 = max(0.0, self.norm2 - 2 * dot(present, weights) + dot(present, present))
        for term, weight in present.items():
            weights[term] -= weight
        return present

    def cosine(self, vector: Mapping[str, float], norm: float = 1.0) -> float:
        return dot(vector, self.weights) / ((math.sqrt(self.norm2) * norm) or 1.0)

    @property
    def norm(self) -> float:
        return math.sqrt(self.norm2)

    def prune(self, size: int) -> None:
        """Keep the ``size`` heaviest terms once the centroid has grown to twice that."""
        if len(self.weights) > 2 * size:
            self.weights = dict(heaviest(self.weights, size))
            self.norm2 = dot(self.weights, self.weights)


class Vector(NamedTuple):
    """What one article (or a group, as centroids with their norms) is compared by: words, numbers, languages and,
    with a model, an embedding."""

    words: Mapping[str, float]
    numbers: Mapping[str, float]
    words_norm: float = 1.0
    numbers_norm: float = 1.0
    languages: frozenset[str] = frozenset()
    embedding: np.ndarray | None = None
    """One article's unit embedding, or the sum of a group's."""
    count: int = 1
    """How many articles the vector sums."""


class Weighting:
    """TF-IDF with document frequencies over the articles seen so far: the online clusterer's view of rarity."""

    def __init__(self, df: Counter[str] | None = None, docs: int = 0) -> None:
        self.df: Counter[str] = df if df is not None else Counter()
        self.docs = docs
        self._logs: list[float] = []

    def vector(self, words: Mapping[str, float], numbers: Mapping[str, float], word_terms: int,
               number_terms: int) -> tuple[dict[str, float], dict[str, float]]:
        """Count one more document and return its two unit vectors, each cut to its most distinctive terms."""
        self.docs += 1
        self.df.update(words.keys())
        self.df.update("#" + n for n in numbers)  # numbers have their own document frequencies
        return self._unit(words, "", word_terms), self._unit(numbers, "#", number_terms)

    def _unit(self, counts: Mapping[str, float], mark: str, size: int) -> dict[str, float]:
        df, logs = self.df, self._logs
        while len(logs) <= self.docs:  # log(1 + k) for every document frequency k seen so far
            logs.append(math.log1p(len(logs)))
        n = len(counts)
        if not n:
            return {}
        keys = [mark + t for t in counts] if mark else counts
        tf = np.fromiter(counts.values(), dtype=float, count=n)
        frequencies = np.fromiter(map(df.__getitem__, keys), dtype=float, count=n)
        # tf * idf for every term in numpy: this runs on every word of every article
        weights = (1.0 + np.log(tf)) * (logs[self.docs] + 1.0 - np.log1p(frequencies))
        terms = list(counts)
        if n > size:
            heaviest_terms = np.argpartition(-weights, size - 1)[:size]
            terms, weights = [terms[i] for i in heaviest_terms], weights[heaviest_terms]
        weights /= math.sqrt(float(weights @ weights)) or 1.0
        # Interned, a term is the very object the centroids and the index hold: lookups end at an identity check.
        return dict(zip(map(sys.intern, terms), weights.tolist()))


_NAME_WORD = re.compile(r"\w{2,}")


def _name_words(weights: Mapping[str, float]) -> dict[str, float]:
    """The words of the whole names, each with the weight of the names it is in.

    Words, not whole names, because languages wrap names differently: "the
    Harlan Street Bridge", "el puente Harlan", "die Harlan-Brücke".
    """
    words: dict[str, float] = {}
    for term, weight in weights.items():
        if term.startswith(ENTITY_MARK):
            for word in _NAME_WORD.findall(term[len(ENTITY_MARK):].lower()):
                words[word] = words.get(word, 0.0) + weight
    return words


def names_cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of the words of whole names alone: what two articles in two languages can share."""
    a, b = _name_words(a), _name_words(b)
    norm = math.sqrt(dot(a, a) * dot(b, b))
    return dot(a, b) / norm if norm else 0.0

