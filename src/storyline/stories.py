"""Stories: group articles about one real-world event or development.

The method here is the simplest honest one — single-pass clustering of
TF-IDF vectors against story centroids, in publication order — and is named
as such on every story it makes (``METHOD``).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence

from functools import cache

from storyline.model import Article, Story

METHOD = "single-pass-tfidf-centroid"
THRESHOLD = 0.2
_PHRASE = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*[a-z][\w'’-]*)*")
_COMMON_STARTS = {
    "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "This", "That", "But", "And", "By", "For",
    "After", "Before", "From", "With", "As", "If", "When", "Since", "Until",
}
_CALENDAR = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}
"""Capitalised but not what a story is about: dates make poor labels."""


_TOKEN = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W\d_]")
_SENTENCE_START = re.compile(r"(^|[.!?:\"“‘(]\s*)$")
NAME_WEIGHT = 2.0
"""Names (capitalised inside a sentence) count double: two events of one kind differ in who and where."""
QUERY_TERMS = 20
MAX_CANDIDATES = 50


@cache
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # importing sklearn takes most of a second

    return ENGLISH_STOP_WORDS


def _terms(article: Article) -> Counter[str]:
    """Weighted terms: stop words dropped, names boosted, numbers kept (tolls, years, scores)."""
    stop = _stop_words()
    terms: Counter[str] = Counter()
    for line in f"{article.title}\n{article.text}".split("\n"):
        for match in _TOKEN.finditer(line):
            word = match[0]
            lower = word.lower()
            if len(lower) < 2 or lower in stop:
                continue
            is_name = word[0].isupper() and not _SENTENCE_START.search(line, 0, match.start())
            terms[lower] += NAME_WEIGHT if is_name else 1.0
    return terms


class SinglePassClusterer:
    """Online clustering: each article joins the most similar story centroid
    above ``threshold`` or starts a new story.

    Similarity is the cosine of TF-IDF vectors (IDF from the documents seen
    so far). Candidate stories come from an inverted index over the
    article's most distinctive terms, so an article is never compared with
    every story.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.centroids: dict[int, dict[str, float]] = {}
        self.norms2: dict[int, float] = {}
        self.members: dict[int, list[Hashable]] = {}
        self.postings: dict[str, set[int]] = {}
        self.next_id = 1

    def _vector(self, terms: Counter[str]) -> dict[str, float]:
        self.docs += 1
        self.df.update(terms.keys())
        weights = {
            t: (1.0 + math.log(n)) * (math.log((1 + self.docs) / (1 + self.df[t])) + 1.0) for t, n in terms.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def _best(self, vector: dict[str, float]) -> int | None:
        hits: Counter[int] = Counter()
        for term in heapq.nlargest(QUERY_TERMS, vector, key=vector.__getitem__):
            hits.update(self.postings.get(term, ()))
        best, best_score = None, self.threshold
        for story, _ in hits.most_common(MAX_CANDIDATES):
            centroid = self.centroids[story]
            score = sum(w * centroid.get(t, 0.0) for t, w in vector.items()) / (math.sqrt(self.norms2[story]) or 1.0)
            if score >= best_score:
                best, best_score = story, score
        return best

    def add(self, key: Hashable, article: Article, story: int | None = None) -> int:
        """Place one article and return its story id.

        With ``story`` given the article is put there (to restore stories
        already made); otherwise it joins the best story or starts one.
        """
        vector = self._vector(_terms(article))
        if story is None:
            story = self._best(vector)
        if story is None:
            story = self.next_id
        if story not in self.centroids:
            self.centroids[story], self.norms2[story], self.members[story] = {}, 0.0, []
            self.next_id = max(self.next_id, story + 1)
        centroid = self.centroids[story]
        # |c + v|² = |c|² + 2 c·v + |v|², with |v| = 1: the norm stays current without a pass over c.
        self.norms2[story] += 2 * sum(w * centroid.get(t, 0.0) for t, w in vector.items()) + 1.0
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
            self.postings.setdefault(term, set()).add(story)
        self.members[story].append(key)
        return story


def cluster(articles: Sequence[Article], threshold: float = THRESHOLD) -> list[list[int]]:
    """Indices of ``articles`` grouped into stories, in order of their first article."""
    clusterer = SinglePassClusterer(threshold)
    for index, article in enumerate(articles):
        clusterer.add(index, article)
    return list(clusterer.members.values())


def label(articles: Sequence[Article], size: int = 3) -> str:
    """A short title from the proper-noun phrases most articles share."""
    counts: Counter[str] = Counter()
    for article in articles:
        phrases: dict[str, None] = {}  # ordered, so ties are broken the same way every run
        for match in _PHRASE.finditer(f"{article.title}\n{article.text}"):
            words = [w for w in match[0].split() if w not in _CALENDAR]
            while words and words[0] in _COMMON_STARTS:
                words = words[1:]
            if words:
                phrases.setdefault(" ".join(words))
        counts.update(phrases.keys())
    chosen: list[str] = []
    for phrase, _ in counts.most_common():
        if not any(phrase in c or c in phrase for c in chosen):
            chosen.append(phrase)
        if len(chosen) == size:
            break
    return " · ".join(chosen) or (articles[0].title if articles else "")


def _story(story_id: int, group: Sequence[Article]) -> Story:
    dates = [a.published for a in group if a.published]
    return Story(
        id=story_id, label=label(group), article_ids=[a.id for a in group],
        first=min(dates, default=None), last=max(dates, default=None), method=METHOD,
    )


def build_stories(articles: Sequence[Article], threshold: float = THRESHOLD) -> list[Story]:
    """Stories over ``articles`` (expected in publication order), numbered from 1."""
    return [
        _story(number, [articles[i] for i in indices])
        for number, indices in enumerate(cluster(articles, threshold), start=1)
    ]


def update_stories(
    existing: Mapping[int, Sequence[Article]], new: Sequence[Article], threshold: float = THRESHOLD
) -> list[Story]:
    """Place ``new`` articles into the ``existing`` stories or into new ones.

    Existing stories keep their ids and members; only the stories that
    changed are returned, whole. Nothing is recomputed from scratch except
    the clusterer's state, which is restored from the stored members.
    """
    clusterer = SinglePassClusterer(threshold)
    by_id: dict[Hashable, Article] = {}
    for story_id, members in existing.items():
        for article in members:
            by_id[article.id] = article
            clusterer.add(article.id, article, story=story_id)
    changed: set[int] = set()
    for article in new:
        by_id[article.id] = article
        changed.add(clusterer.add(article.id, article))
    return [_story(story_id, [by_id[k] for k in clusterer.members[story_id]]) for story_id in sorted(changed)]
