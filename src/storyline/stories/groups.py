"""Groups of articles (events and stories), the index that finds candidate groups, and how similar an article is
to a group.

Both levels of the clusterer use these: an event and a story are each a
group of unit article vectors, compared with an article by the cosine of
its words, mixed with the cosine of the numbers it cites and, with a model,
of its embedding, then faded by the days between them.
"""

from __future__ import annotations

import itertools
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from storyline.stories.vectors import Centroid, Vector, heaviest, names_cosine


class Group:
    """An event or a story as the clusterer sees it: centroids of its articles' words and numbers, its members, the
    days it spans, its languages and the sum of its articles' embeddings when a model is used."""

    __slots__ = ("count", "embedding", "first", "last", "languages", "members", "numbers", "words")

    def __init__(self) -> None:
        self.words, self.numbers = Centroid(), Centroid()
        self.members: list = []
        self.first: int | None = None
        self.last: int | None = None
        self.languages: frozenset[str] = frozenset()
        self.embedding: np.ndarray | None = None
        self.count = 0
        """How many article vectors the centroids sum."""

    def add(self, vector: Vector, first: int | None, last: int | None, size: int) -> None:
        self.languages |= vector.languages
        self.count += vector.count
        if vector.embedding is not None:
            self.embedding = vector.embedding if self.embedding is None else self.embedding + vector.embedding
        self.words.add(vector.words)
        self.words.prune(size)
        self.numbers.add(vector.numbers)
        if first is not None and last is not None:
            self.first = first if self.first is None else min(self.first, first)
            self.last = last if self.last is None else max(self.last, last)

    def absorb(self, other: Group, size: int) -> None:
        self.add(other.vector(), other.first, other.last, size)
        self.members.extend(other.members)

    def remove(self, vector: Vector) -> Vector:
        """Take an article's vector back out; adding the returned part puts back exactly what was taken.

        The dates and languages stay as they were: they only widen what the
        group may match, and the article was part of it until now.
        """
        self.count -= vector.count
        if vector.embedding is not None and self.embedding is not None:
            self.embedding = self.embedding - vector.embedding
        return vector._replace(words=self.words.remove(vector.words), numbers=self.numbers.remove(vector.numbers))

    def vector(self) -> Vector:
        return Vector(self.words.weights, self.numbers.weights, self.words.norm, self.numbers.norm, self.languages,
                      self.embedding, self.count)

    def gap(self, first: int | None, last: int | None) -> int:
        """Days between this group's dates and another span; 0 when they overlap or a date is missing."""
        if first is None or last is None or self.first is None or self.last is None:
            return 0
        return max(0, self.first - last, first - self.last)

    def state(self) -> list:
        return [self.members, self.first, self.last, sorted(self.languages), self.words.weights, self.words.norm2,
                self.numbers.weights, self.numbers.norm2, None if self.embedding is None else self.embedding.tolist(),
                self.count]

    @classmethod
    def from_state(cls, state: list) -> Group:
        group = cls()
        members, group.first, group.last, languages, words, words2, numbers, numbers2, embedding, group.count = state
        group.members, group.languages = members, frozenset(languages)
        group.words, group.numbers = Centroid(words, words2), Centroid(numbers, numbers2)
        group.embedding = None if embedding is None else np.asarray(embedding)
        return group


ANY = ""
"""An index entry every group is filed under, so it holds the most recently active groups."""


class Index:
    """Per term, the groups that used it most recently: candidates for an article cost the same however many groups
    there are.

    A group is filed under the terms of each article that joins it (as many
    as an article's vector keeps) and under the heaviest of a merged group's
    centroid, so that an article's heaviest terms find the groups that used
    them at all.
    """

    def __init__(self, per_term: int, terms: int, postings: dict[str, OrderedDict[int, None]] | None = None) -> None:
        self.per_term = per_term
        self.terms = terms
        self.postings: dict[str, OrderedDict[int, None]] = postings if postings is not None else {}

    def add(self, group: int, weights: Mapping[str, float]) -> None:
        postings, limit = self.postings, self.per_term
        terms = weights if len(weights) <= self.terms else dict(heaviest(weights, self.terms))
        for term in itertools.chain(terms, (ANY,)):
            recent = postings.get(term)
            if recent is None:
                recent = postings[term] = OrderedDict()
            recent[group] = None
            recent.move_to_end(group)
            if len(recent) > limit:
                recent.popitem(last=False)

    def candidates(self, words: Mapping[str, float], query_terms: int, size: int, alive: Callable[[int], bool],
                   exclude: int | None = None, recent: bool = False) -> list[int]:
        """The groups sharing most of the heaviest ``words``; with ``recent``, the latest active groups as well (an
        embedding can match a translation that shares no word)."""
        postings = self.postings
        hits = Counter(itertools.chain.from_iterable(
            postings[term] for term, _ in heaviest(words, query_terms) if term in postings))
        hits.pop(exclude, None)
        found = [group for group, _ in heaviest(hits, size) if alive(group)]
        if recent:
            seen = set(found)
            found += [g for g in reversed(postings.get(ANY, {})) if g not in seen and g != exclude and alive(g)]
        return found

    def state(self) -> dict[str, list[int]]:
        return {term: list(groups) for term, groups in self.postings.items()}

    @classmethod
    def from_state(cls, per_term: int, terms: int, state: Mapping[str, list[int]]) -> Index:
        return cls(per_term, terms, {term: OrderedDict.fromkeys(groups) for term, groups in state.items()})


@dataclass(frozen=True)
class Similarity:
    """How an article is compared with a group: the views mixed and how fast time fades the result."""

    number_weight: float
    min_numbers: int
    embedding_weight: float
    half_life_days: float
    decay_floor: float

    def __call__(self, vector: Vector, group: Group, first: int | None, last: int | None,
                 centre: np.ndarray | None = None) -> float:
        """Cosine of the words, mixed with the cosine of the numbers when both sides cite a few and with the
        embedding score, then faded by the days between them.

        Across languages words are not shared, so an article is compared with
        a group in none of its languages by its whole names alone.
        """
        if vector.languages and group.languages and vector.languages.isdisjoint(group.languages):
            score = names_cosine(vector.words, group.words.weights)
        else:
            score = group.words.cosine(vector.words, vector.words_norm)
        share, least = self.number_weight, self.min_numbers
        if share and len(vector.numbers) >= least and len(group.numbers.weights) >= least:
            score = (1.0 - share) * score + share * group.numbers.cosine(vector.numbers, vector.numbers_norm)
        if vector.embedding is not None and group.embedding is not None and centre is not None:
            share = self.embedding_weight
            score = (1.0 - share) * score + share * _centred_cosine(vector.embedding, vector.count, group.embedding,
                                                                      group.count, centre)
        gap = group.gap(first, last)
        if not gap:
            return score
        floor = self.decay_floor
        return score * (floor + (1.0 - floor) * 0.5 ** (gap / self.half_life_days))


def _centred_cosine(a: np.ndarray, a_count: int, b: np.ndarray, b_count: int, centre: np.ndarray) -> float:
    """The embedding score of two sums of embeddings, on the scale of a word cosine.

    Each sum first loses its share of the centre (the mean of every
    embedding seen), so that unrelated texts score about 0 as their words
    do. The cosine is then squared, keeping its sign: dense vectors score
    related texts two to three times higher than sparse word vectors do
    (same-story pairs 0.3-0.7 against 0.1-0.3), and a plain mix would let
    the embedding decide alone.
    """
    a, b = a - a_count * centre, b - b_count * centre
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    cosine = float(a @ b) / norm if norm else 0.0
    return cosine * abs(cosine)
