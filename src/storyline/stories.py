"""Stories: group articles about one real-world event or development, online.

Articles arrive in publication order and are placed one at a time against
story centroids (``OnlineClusterer``); a merge step joins stories that have
converged. Adding articles later updates stories in place, keeping their ids.
"""

from __future__ import annotations

import itertools
import math
import operator
import os
import re
import sys
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from storyline.embeddings import ENV_MODEL, embed_articles
from storyline.labels import label
from storyline.model import Article, Story
from storyline.terms import (
    ENTITY_MARK,
    ENTITY_WEIGHT,
    NAME_WEIGHT,
    Terms,
    Weights,
    article_terms,
    terms_stream,
)

METHOD = "online-tfidf-centroid-revisit-merge"


@dataclass(frozen=True)
class StorySettings:
    """Every knob of the story clusterer, with the defaults used everywhere.

    Each default is a round number that says something about news. The
    numbers view (``number_weight``, ``min_numbers``) was checked on the ECB+
    development topics and the seed articles; nothing is set per data set.
    """

    threshold: float = 0.2
    """Least similarity (cosine, after time decay) for an article to join a story."""
    name_weight: float = NAME_WEIGHT
    entity_weight: float = ENTITY_WEIGHT
    """0 leaves entities out of the clustering."""
    vector_terms: int = 80
    """An article is represented by its most distinctive terms; the long tail is noise and cost."""
    number_weight: float = 0.3
    """Share of the similarity that comes from the numbers cited (amounts, scores, tolls, ages, dates),
    when both sides cite some: two events of one kind share their words far more often than their numbers."""
    number_terms: int = 20
    min_numbers: int = 2
    """Numbers count only when both sides cite this many different ones; one stray figure proves nothing."""
    centroid_terms: int = 400
    """A story keeps its heaviest words, so a long-running story does not slow every comparison."""
    query_terms: int = 20
    """Candidate stories are looked up through the article's most distinctive terms only."""
    stories_per_term: int = 64
    """The index remembers, per term, the stories that used it most recently."""
    max_candidates: int = 20
    half_life_days: float = 30.0
    """How fast a dated story's pull fades once an article falls outside its dates."""
    decay_floor: float = 0.9
    """Time takes at most a tenth off a similarity: a story can resume after months or years (a sequel, a trial)."""
    merge_threshold: float = 0.6
    """Two stories whose centroids reach this cosine have converged and become one. Centroids of many
    articles are smoother than single articles, so this sits well above ``threshold``."""
    merge_every: int = 500
    """Articles between merge steps when clustering a long stream."""
    embedding_model: str = field(default_factory=lambda: os.environ.get(ENV_MODEL, ""))
    """An installed sentence-transformers model (``STORYLINE_EMBEDDINGS``); empty: no embeddings."""
    embedding_weight: float = 0.5
    """Share of the similarity that comes from the embeddings, when a model is set."""

    @property
    def weights(self) -> Weights:
        return Weights(self.name_weight, self.entity_weight)


DEFAULTS = StorySettings()


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    common = list(filter(b.__contains__, a))  # walks the smaller side only, in C; a set intersection walks the larger
    return sum(map(operator.mul, map(a.__getitem__, common), map(b.__getitem__, common)))


def _heaviest(weights: Mapping[str, float], size: int) -> list[tuple[str, float]]:
    """The ``size`` heaviest terms, as ``heapq.nlargest`` would pick them (ties included), but sorted in C: faster."""
    return sorted(weights.items(), key=operator.itemgetter(1), reverse=True)[:size]


class _Centroid:
    """A running sum of unit vectors and its squared norm."""

    __slots__ = ("norm2", "weights")

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.norm2 = 0.0

    def add(self, vector: Mapping[str, float]) -> None:
        # |c + v|² = |c|² + 2 c·v + |v|²: the norm stays current without a pass over c.
        self.norm2 += 2 * _dot(vector, self.weights) + _dot(vector, vector)
        weights = self.weights
        for term, weight in vector.items():
            weights[term] = weights.get(term, 0.0) + weight

    def remove(self, vector: Mapping[str, float]) -> dict[str, float]:
        """Take a vector back out and return the part of it that was here (pruned terms are gone already)."""
        weights = self.weights
        present = {term: weight for term, weight in vector.items() if term in weights}
        self.norm2 = max(0.0, self.norm2 - 2 * _dot(present, weights) + _dot(present, present))
        for term, weight in present.items():
            weights[term] -= weight
        return present

    def cosine(self, vector: Mapping[str, float], norm: float = 1.0) -> float:
        return _dot(vector, self.weights) / ((math.sqrt(self.norm2) * norm) or 1.0)

    def prune(self, size: int) -> None:
        """Keep the ``size`` heaviest terms once the centroid has grown to twice that."""
        if len(self.weights) > 2 * size:
            self.weights = dict(_heaviest(self.weights, size))
            self.norm2 = _dot(self.weights, self.weights)


_NAME_WORD = re.compile(r"\w{2,}")
_ANY_STORY = ""
"""An index entry every story is filed under, so it holds the most recently active stories."""


class _Vector(NamedTuple):
    """An article's two unit vectors, or a story's centroids with their norms, and the languages they are in."""

    words: Mapping[str, float]
    numbers: Mapping[str, float]
    words_norm: float = 1.0
    numbers_norm: float = 1.0
    languages: frozenset[str] = frozenset()
    embedding: np.ndarray | None = None
    """A unit vector for an article, the sum of its articles' vectors for a story."""


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


def _names_cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of the words of whole names alone: what two articles in two languages can share."""
    a, b = _name_words(a), _name_words(b)
    norm = math.sqrt(_dot(a, a) * _dot(b, b))
    return _dot(a, b) / norm if norm else 0.0


class _Story:
    """A story as the clusterer sees it: centroids of its two views, its members, dates and languages, and the
    sum of its articles' embeddings when a model is used."""

    __slots__ = ("embedding", "first", "languages", "last", "members", "numbers", "words")

    def __init__(self) -> None:
        self.words, self.numbers = _Centroid(), _Centroid()
        self.members: list[Hashable] = []
        self.first: int | None = None
        self.last: int | None = None
        self.languages: frozenset[str] = frozenset()
        self.embedding: np.ndarray | None = None

    def add(self, vector: _Vector, first: int | None, last: int | None, size: int) -> None:
        self.languages |= vector.languages
        if vector.embedding is not None:
            self.embedding = vector.embedding if self.embedding is None else self.embedding + vector.embedding
        self.words.add(vector.words)
        self.words.prune(size)
        self.numbers.add(vector.numbers)
        if first is not None and last is not None:
            self.first = first if self.first is None else min(self.first, first)
            self.last = last if self.last is None else max(self.last, last)

    def remove(self, vector: _Vector) -> _Vector:
        """Take an article's vector back out; adding the returned part puts back exactly what was taken.

        The story's dates and languages stay as they were: they only widen
        what the story may match, and the article was part of it until now.
        """
        if vector.embedding is not None and self.embedding is not None:
            self.embedding = self.embedding - vector.embedding
        return vector._replace(words=self.words.remove(vector.words), numbers=self.numbers.remove(vector.numbers))

    def vector(self) -> _Vector:
        return _Vector(self.words.weights, self.numbers.weights, math.sqrt(self.words.norm2),
                       math.sqrt(self.numbers.norm2), self.languages, self.embedding)

    def gap(self, first: int | None, last: int | None) -> int:
        """Days between this story's dates and another span; 0 when they overlap or a date is missing."""
        if first is None or last is None or self.first is None or self.last is None:
            return 0
        return max(0, self.first - last, first - self.last)


class OnlineClusterer:
    """Single-pass clustering of a stream of articles into stories, with a merge step.

    Each article becomes two unit TF-IDF vectors, one of its words (truncated
    to the most distinctive) and one of the numbers it cites, with IDF over
    the articles seen so far. It joins the story it is most similar to, after
    a time decay, if that similarity reaches the threshold; otherwise it
    starts a new story. Candidate stories come from an inverted index that
    keeps, per word, only the most recently active stories, so the cost of
    one article does not grow with the corpus.

    Every ``merge_every`` articles comes a maintenance step: ``revisit()``
    places the articles that started a story in that stretch once more,
    against the stories as they have grown since, and ``merge()`` joins
    stories whose centroids have converged, keeping the older story's id.
    """

    def __init__(self, settings: StorySettings = DEFAULTS) -> None:
        self.settings = settings
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.stories: dict[int, _Story] = {}
        self.postings: dict[str, OrderedDict[int, None]] = {}
        self.changed: set[int] = set()
        """Stories that gained members since the last merge step."""
        self.founders: dict[Hashable, tuple[_Vector, int, int | None]] = {}
        """Articles that started a story since the last maintenance step: their vector, story and day."""
        self.next_id = 1
        self._since_step = 0
        self._logs: list[float] = []

    @property
    def members(self) -> dict[int, list[Hashable]]:
        return {story_id: story.members for story_id, story in self.stories.items()}

    def _vector(self, terms: Terms) -> _Vector:
        self.docs += 1
        self.df.update(terms.words.keys())
        self.df.update("#" + n for n in terms.numbers)  # numbers have their own document frequencies
        return _Vector(self._unit(terms.words, "", self.settings.vector_terms),
                       self._unit(terms.numbers, "#", self.settings.number_terms))

    def _unit(self, counts: Mapping[str, float], mark: str, size: int) -> dict[str, float]:
        df, logs = self.df, self._logs
        while len(logs) <= self.docs:  # log(1 + k) for every document frequency k seen so far
            logs.append(math.log1p(len(logs)))
        idf = logs[self.docs] + 1.0
        tf = {n: 1.0 + math.log(n) for n in set(counts.values())}  # counts repeat: 1, 2, 3 ...
        keys = [mark + t for t in counts] if mark else counts
        # tf * (idf - log(1 + df)) for every term, chained in C: this runs on every word of every article
        weights = dict(zip(counts, map(operator.mul, map(tf.__getitem__, counts.values()),
                                       map(idf.__sub__, map(logs.__getitem__, map(df.__getitem__, keys))))))
        if len(weights) > size:
            weights = dict(_heaviest(weights, size))
        values = weights.values()
        norm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
        # Interned, a term is the very object the centroids and the index hold: lookups end at an identity check.
        return dict(zip(map(sys.intern, weights), map(operator.truediv, values, itertools.repeat(norm))))

    def _similarity(self, vector: _Vector, story: _Story, gap: int) -> float:
        """Cosine of the words, mixed with the cosine of the numbers when both sides cite a few, times the decay.

        Across languages words are not shared, so an article is compared with
        a story in none of its languages by its whole names alone.
        """
        if vector.languages and story.languages and vector.languages.isdisjoint(story.languages):
            score = _names_cosine(vector.words, story.words.weights)
        else:
            score = story.words.cosine(vector.words, vector.words_norm)
        least = self.settings.min_numbers
        if len(vector.numbers) >= least and len(story.numbers.weights) >= least:
            share = self.settings.number_weight
            score = (1.0 - share) * score + share * story.numbers.cosine(vector.numbers, vector.numbers_norm)
        if vector.embedding is not None and story.embedding is not None:
            share = self.settings.embedding_weight
            norm = float(np.linalg.norm(vector.embedding) * np.linalg.norm(story.embedding)) or 1.0
            score = (1.0 - share) * score + share * float(vector.embedding @ story.embedding) / norm
        floor = self.settings.decay_floor
        return score * (floor + (1.0 - floor) * 0.5 ** (gap / self.settings.half_life_days))

    def _candidates(self, words: Mapping[str, float], exclude: int | None = None) -> list[int]:
        postings = self.postings
        hits = Counter(itertools.chain.from_iterable(
            postings[term] for term, _ in _heaviest(words, self.settings.query_terms) if term in postings))
        hits.pop(exclude, None)
        return [s for s, _ in _heaviest(hits, self.settings.max_candidates) if s in self.stories]

    def _best(self, vector: _Vector, day: int | None, exclude: int | None = None) -> tuple[int | None, float]:
        """The most similar story reaching the threshold (None if none does) and its similarity."""
        best, best_score = None, self.settings.threshold
        candidates = self._candidates(vector.words, exclude)
        if vector.embedding is not None:  # a translation may share no word: the latest stories are candidates too
            candidates += [s for s in reversed(self.postings.get(_ANY_STORY, {})) if s not in candidates and s != exclude]
        for story_id in candidates:
            story = self.stories[story_id]
            score = self._similarity(vector, story, story.gap(day, day))
            if score >= best_score:
                best, best_score = story_id, score
        return best, best_score

    def _index(self, story_id: int, terms: Iterable[str]) -> None:
        limit = self.settings.stories_per_term
        for term in terms:
            recent = self.postings.get(term)
            if recent is None:
                recent = self.postings[term] = OrderedDict()
            recent[story_id] = None
            recent.move_to_end(story_id)
            if len(recent) > limit:
                recent.popitem(last=False)

    def add(self, key: Hashable, article: Article, story: int | None = None, terms: Terms | None = None,
            embedding: np.ndarray | None = None) -> int:
        """Place one article and return its story id.

        With ``story`` given the article is put there (to restore stories
        already made); otherwise it joins the best story or starts one.
        ``terms`` may be given when they were extracted beforehand;
        ``embedding`` is the article's vector when an embedding model is used.
        """
        vector = self._vector(terms or article_terms(article, self.settings.weights))
        vector = vector._replace(languages=frozenset((article.language,)) if article.language else frozenset(),
                                 embedding=embedding)
        day = article.published.toordinal() if article.published else None
        restored = story is not None
        if story is None:
            story = self._best(vector, day)[0]
        if story is None:
            story = self.next_id
        target = self.stories.get(story)
        if target is None:
            target = self.stories[story] = _Story()
            self.next_id = max(self.next_id, story + 1)
        target.add(vector, day, day, self.settings.centroid_terms)
        target.members.append(key)
        self._index(story, [*vector.words, _ANY_STORY])
        if not restored:
            self.changed.add(story)
            self._since_step += 1
            if len(target.members) == 1:
                self.founders[key] = (vector, story, day)
        return story

    def maybe_maintain(self) -> None:
        """Run the maintenance step once ``merge_every`` articles have arrived since the last one."""
        if self._since_step >= self.settings.merge_every:
            self.maintain()

    def maintain(self) -> dict[int, int]:
        """Revisit the founders, then merge; returns the ids merged away, as ``merge()`` does."""
        self._since_step = 0
        self.revisit()
        return self.merge()

    def revisit(self) -> int:
        """Place once more each article that started a story since the last step, against the stories as they are now.

        Single-pass clustering depends on arrival order: an article that
        resembled no story when it came may resemble one born or grown since.
        Such a founder is taken out of its story and moves if another story
        reaches the threshold and is more similar than what remains of its
        own. Only founders are looked at (articles that joined a story were
        compared with something already) and only this stretch's, so cost and
        memory stay small, and articles of earlier batches never move. Returns how many moved.
        """
        moved = 0
        for key, (vector, story_id, day) in self.founders.items():
            story = self.stories.get(story_id)
            if story is None or key not in story.members:  # merged away by a merge step run on its own
                continue
            part = story.remove(vector)
            own = self._similarity(vector, story, story.gap(day, day))
            best, score = self._best(vector, day, exclude=story_id)
            if best is None or score <= own:
                story.add(part, None, None, self.settings.centroid_terms)
                continue
            story.members.remove(key)
            if not story.members:
                del self.stories[story_id]
            target = self.stories[best]
            target.add(vector, day, day, self.settings.centroid_terms)
            target.members.append(key)
            self._index(best, vector.words)
            self.changed.add(best)
            moved += 1
        self.founders.clear()
        return moved

    def merge(self) -> dict[int, int]:
        """Join each changed story with any story whose centroids have converged with it.

        Returns the ids merged away in this step, each with the id that
        absorbed it (always the older, smaller one).
        """
        merged: dict[int, int] = {}
        for story_id in sorted(self.changed):
            story = self.stories.get(story_id)
            if story is None:
                continue
            for other_id in self._candidates(story.words.weights, exclude=story_id):
                other = self.stories[other_id]
                similarity = self._similarity(story.vector(), other, other.gap(story.first, story.last))
                if similarity < self.settings.merge_threshold:
                    continue
                keep, drop = sorted((story_id, other_id))
                self._absorb(keep, drop)
                merged[drop] = keep
                if drop == story_id:
                    break
        self.changed.clear()
        return merged

    def _absorb(self, keep: int, drop: int) -> None:
        survivor, gone = self.stories[keep], self.stories.pop(drop)
        survivor.add(gone.vector(), gone.first, gone.last, self.settings.centroid_terms)
        survivor.members.extend(gone.members)
        self._index(keep, survivor.words.weights)

    def forget(self, keys: Iterable[Hashable]) -> None:
        """Drop these members (articles that became copies or older versions); their words stay in the centroids,
        where a newer version of the same text would put nearly the same ones."""
        gone = set(keys)
        for key in gone & self.founders.keys():
            del self.founders[key]
        for story_id, story in list(self.stories.items()):
            story.members = [key for key in story.members if key not in gone]
            if not story.members:
                del self.stories[story_id]

    def state(self) -> dict:
        """Everything the clusterer knows, as JSON-ready data, so later batches need not replay the stored ones."""
        return {
            "docs": self.docs, "next_id": self.next_id, "since_step": self._since_step, "df": dict(self.df),
            "changed": sorted(self.changed), "postings": {term: list(ids) for term, ids in self.postings.items()},
            "stories": [
                [story_id, story.members, story.first, story.last, sorted(story.languages), story.words.weights,
                 story.words.norm2, story.numbers.weights, story.numbers.norm2,
                 None if story.embedding is None else story.embedding.tolist()]
                for story_id, story in self.stories.items()
            ],
            "founders": [
                [key, story_id, day, vector.words, vector.numbers, sorted(vector.languages),
                 None if vector.embedding is None else vector.embedding.tolist()]
                for key, (vector, story_id, day) in self.founders.items()
            ],
        }

    @classmethod
    def from_state(cls, state: Mapping, settings: StorySettings = DEFAULTS) -> OnlineClusterer:
        """The clusterer ``state()`` was taken from (with the same settings).

        The state's lists and dictionaries become the clusterer's own, not
        copies (a large state would be held twice): pass one freshly loaded.
        """
        clusterer = cls(settings)
        clusterer.docs, clusterer.next_id, clusterer._since_step = state["docs"], state["next_id"], state["since_step"]
        clusterer.df = Counter(state["df"])
        clusterer.changed = set(state["changed"])
        clusterer.postings = {term: OrderedDict.fromkeys(ids) for term, ids in state["postings"].items()}
        for story_id, members, first, last, languages, words, words2, numbers, numbers2, embedding in state["stories"]:
            story = clusterer.stories[story_id] = _Story()
            story.members, story.first, story.last, story.languages = members, first, last, frozenset(languages)
            story.words.weights, story.words.norm2 = words, words2
            story.numbers.weights, story.numbers.norm2 = numbers, numbers2
            story.embedding = None if embedding is None else np.asarray(embedding)
        for key, story_id, day, words, numbers, languages, embedding in state["founders"]:
            vector = _Vector(words, numbers, languages=frozenset(languages),
                             embedding=None if embedding is None else np.asarray(embedding))
            clusterer.founders[key] = (vector, story_id, day)
        return clusterer


def _clustered(articles: Sequence[Article], settings: StorySettings) -> list[_Story]:
    """The stories of ``articles``, in order of their first article; members are indices."""
    clusterer = OnlineClusterer(settings)
    embeddings = embed_articles(articles, settings.embedding_model)
    for index, (article, terms) in enumerate(zip(articles, terms_stream(articles, settings.weights))):
        clusterer.add(index, article, terms=terms, embedding=embeddings[index])
        clusterer.maybe_maintain()
    clusterer.maintain()
    for story in clusterer.stories.values():
        story.members.sort()
    return sorted(clusterer.stories.values(), key=lambda story: story.members[0])


def cluster(articles: Sequence[Article], settings: StorySettings = DEFAULTS) -> list[list[int]]:
    """Indices of ``articles`` grouped into stories, in order of their first article."""
    return [story.members for story in _clustered(articles, settings)]


def _story(story_id: int, group: Sequence[Article], centroid: Mapping[str, float]) -> Story:
    dates = [a.published for a in group if a.published]
    return Story(
        id=story_id, label=label(group, centroid=centroid), article_ids=[a.id for a in group],
        first=min(dates, default=None), last=max(dates, default=None), method=METHOD,
    )


def build_stories(articles: Sequence[Article], settings: StorySettings = DEFAULTS) -> list[Story]:
    """Stories over ``articles`` (expected in publication order), numbered from 1."""
    return [
        _story(number, [articles[i] for i in story.members], story.words.weights)
        for number, story in enumerate(_clustered(articles, settings), start=1)
    ]


def place(clusterer: OnlineClusterer, articles: Sequence[Article]) -> set[int]:
    """Place ``articles`` (in publication order) under their ids, run the merge step, and return the ids of the
    stories that changed: new ones and old ones that gained members."""
    before = {story_id: len(story.members) for story_id, story in clusterer.stories.items()}
    settings = clusterer.settings
    embeddings = embed_articles(articles, settings.embedding_model)
    for article, terms, embedding in zip(articles, terms_stream(articles, settings.weights), embeddings):
        clusterer.add(article.id, article, terms=terms, embedding=embedding)
        clusterer.maybe_maintain()
    clusterer.maintain()
    return {story_id for story_id, story in clusterer.stories.items() if len(story.members) != before.get(story_id)}


def replayed(existing: Mapping[int, Sequence[Article]], settings: StorySettings = DEFAULTS) -> OnlineClusterer:
    """A clusterer holding the ``existing`` stories, rebuilt from their articles (when no saved state fits)."""
    clusterer = OnlineClusterer(settings)
    placed = [(story_id, article) for story_id, members in existing.items() for article in members]
    articles = [article for _, article in placed]
    embeddings = embed_articles(articles, settings.embedding_model)
    for (story_id, article), terms, embedding in zip(placed, terms_stream(articles, settings.weights), embeddings):
        clusterer.add(article.id, article, story=story_id, terms=terms, embedding=embedding)
    return clusterer


def stories_of(clusterer: OnlineClusterer, story_ids: Iterable[int],
               articles: Callable[[Sequence[Hashable]], Sequence[Article]]) -> list[Story]:
    """These stories of ``clusterer`` (members keyed by article id), whole, in id order; ``articles`` fetches
    articles by id."""
    stories = [(story_id, clusterer.stories[story_id]) for story_id in sorted(story_ids)]
    return [_story(story_id, articles(story.members), story.words.weights) for story_id, story in stories]


def update_stories(
    existing: Mapping[int, Sequence[Article]], new: Sequence[Article], settings: StorySettings = DEFAULTS
) -> list[Story]:
    """Place ``new`` articles into the ``existing`` stories or into new ones.

    Existing stories keep their ids and members, unless the merge step finds
    that two have converged: then the older id absorbs the newer one, which
    disappears. Only the stories that changed are returned, whole.
    """
    clusterer = replayed(existing, settings)
    changed = place(clusterer, new)
    by_id = {article.id: article for members in existing.values() for article in members}
    by_id.update((article.id, article) for article in new)
    return stories_of(clusterer, changed, lambda keys: [by_id[k] for k in keys])
