"""The online clusterer: each article joins an event, each event belongs to a story.

Articles arrive in publication order. Each becomes two unit TF-IDF vectors
(words, numbers; IDF over the articles seen so far) and, with a model, an
embedding. ``Events`` places it in an event; a new event is linked to a
story by ``Stories``. Every ``merge_every`` articles, and at the end of each
update, a maintenance step re-places the pending articles, merges converged
events (and so their stories), splits events whose articles fall apart, and
compares new events and stories once more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

import numpy as np

from storyline.model import Article
from storyline.stories.events import Events
from storyline.stories.linking import Stories
from storyline.stories.settings import DEFAULTS, StorySettings
from storyline.stories.vectors import Vector, Weighting
from storyline.terms import Terms, article_terms


def article_day(article: Article) -> int | None:
    return article.published.toordinal() if article.published else None


class OnlineClusterer:
    """Two-level single-pass clustering of a stream of articles into events and stories."""

    def __init__(self, settings: StorySettings = DEFAULTS) -> None:
        self.settings = settings
        self.weighting = Weighting()
        self.events = Events(settings)
        self.stories = Stories(settings, self.events.index)
        self.embedding_sum: np.ndarray | None = None
        self.embedded = 0
        self._since_step = 0

    @property
    def centre(self) -> np.ndarray | None:
        """The mean of every embedding seen: what unrelated texts have in common, taken out before comparing."""
        return None if self.embedding_sum is None else self.embedding_sum / self.embedded

    @property
    def members(self) -> dict[int, list[Hashable]]:
        """The articles of each story, event by event."""
        events = self.events.groups
        return {story: [key for event in group.members for key in events[event].members]
                for story, group in self.stories.groups.items()}

    @property
    def event_members(self) -> dict[int, list[Hashable]]:
        return {event: group.members for event, group in self.events.groups.items()}

    def vector(self, article: Article, terms: Terms | None = None, embedding: np.ndarray | None = None) -> Vector:
        settings = self.settings
        terms = terms or article_terms(article, settings.weights)
        words, numbers = self.weighting.vector(terms.words, terms.numbers, settings.vector_terms, settings.number_terms)
        return Vector(words, numbers, languages=frozenset((article.language,)) if article.language else frozenset(),
                      embedding=embedding)

    def add(self, key: Hashable, article: Article, event: int | None = None, story: int | None = None,
            terms: Terms | None = None, embedding: np.ndarray | None = None) -> tuple[int, int]:
        """Place one article; returns its event and story.

        With ``event`` and ``story`` given the article is put there (to
        restore stored stories); otherwise it joins the best event or starts
        one, and a new event joins the best story or starts one. ``terms`` may
        be given when they were extracted beforehand; ``embedding`` is the
        article's vector when an embedding model is used.
        """
        restored = event is not None
        vector = self.vector(article, terms, embedding)
        if embedding is not None:
            self.embedding_sum = embedding.copy() if self.embedding_sum is None else self.embedding_sum + embedding
            self.embedded += 1
        day = article_day(article)
        centre = self.centre
        event = self.events.add(key, vector, day, centre, event)
        story = self.stories.add(event, vector, day, centre, story)
        if not restored:
            self._since_step += 1
        return event, story

    def maybe_maintain(self) -> None:
        """Run the maintenance step once ``merge_every`` articles have arrived since the last one."""
        if self._since_step >= self.settings.merge_every:
            self.maintain()

    def maintain(self) -> dict[int, int]:
        """Re-place pending articles, merge converged events, split events in two, relink new events and stories.

        Returns the story ids joined away in this step, each with the id that
        took them (always the older one).
        """
        self._since_step = 0
        centre, events, stories = self.centre, self.events, self.stories
        for key in list(events.pending):
            move = events.recheck(key, centre)
            if move is None:
                continue
            source = stories.of[move.source]
            target = stories.of.get(move.target)
            if target is None:
                stories.attach(move.target, source)
            else:
                stories.move(move.vector, move.day, move.day, source, target)
            if move.emptied:
                stories.detach(move.source)
        events.pending.clear()
        grown = set(events.changed)
        for drop, (keep, gone) in events.merge(centre).items():
            # The merged event stays in the older event's story; the other story only loses that event.
            source = stories.of[drop]
            stories.move(gone.vector(), gone.first, gone.last, source, stories.of[keep])
            stories.detach(drop)
        grown &= events.groups.keys()
        for split in events.split(grown, centre):
            stories.attach(split.target, stories.of[split.source])
        stories.recheck(events.groups, grown, centre)
        joined = stories.relink(centre)

        return {story: _final(joined, story) for story in joined}

    def forget(self, keys: set[Hashable]) -> None:
        """Drop these members (articles that became copies or older versions); their words stay in the centroids,
        where a newer version of the same text would put nearly the same ones."""
        for event in self.events.forget(set(keys)):
            self.stories.detach(event)

    def state(self) -> dict:
        """Everything the clusterer knows, as JSON-ready data, so later batches need not replay the stored ones."""
        return {
            "docs": self.weighting.docs, "df": dict(self.weighting.df), "since_step": self._since_step,
            "embedding_sum": None if self.embedding_sum is None else self.embedding_sum.tolist(),
            "embedded": self.embedded, "events": self.events.state(), "stories": self.stories.state(),
        }

    @classmethod
    def from_state(cls, state: Mapping, settings: StorySettings = DEFAULTS) -> OnlineClusterer:
        """The clusterer ``state()`` was taken from (with the same settings).

        The state's lists and dictionaries become the clusterer's own, not
        copies (a large state would be held twice): pass one freshly loaded.
        """
        clusterer = cls(settings)
        clusterer.weighting = Weighting(Counter(state["df"]), state["docs"])
        clusterer._since_step = state["since_step"]
        if state["embedding_sum"] is not None:
            clusterer.embedding_sum = np.asarray(state["embedding_sum"])
        clusterer.embedded = state["embedded"]
        clusterer.events = Events.from_state(state["events"], settings)
        clusterer.stories = Stories.from_state(state["stories"], settings, clusterer.events.index)
        return clusterer


def _final(joined: Mapping[int, int], story: int) -> int:
    while story in joined:
        story = joined[story]
    return story
