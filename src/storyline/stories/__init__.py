"""Stories: what a reader follows, made of events, clustered online.

An *event* is one happening (an arrest, an earthquake, a deal signed),
reported by articles published close together. A *story* is a chain of
events followed for months (a war, a trial, a film's making), linked through
what persists across them. Articles arrive in publication order and are
placed one at a time (``OnlineClusterer``); adding articles later updates
events and stories in place, keeping their ids.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

from storyline.embeddings import embed_articles
from storyline.labels import label
from storyline.model import Article, Event, Story
from storyline.stories.clusterer import OnlineClusterer
from storyline.stories.settings import DEFAULTS, StorySettings
from storyline.terms import terms_stream

METHOD = "online-events-stories"

__all__ = ["DEFAULTS", "METHOD", "OnlineClusterer", "StorySettings", "build_stories", "cluster", "place",
           "replayed", "stories_of", "update_stories"]


def _clustered(articles: Sequence[Article], settings: StorySettings) -> OnlineClusterer:
    """A clusterer that placed ``articles`` (in the order given) under their indices."""
    clusterer = OnlineClusterer(settings)
    embeddings = embed_articles(articles, settings.embedding_model)
    for index, (article, terms) in enumerate(zip(articles, terms_stream(articles, settings.weights))):
        clusterer.add(index, article, terms=terms, embedding=embeddings[index])
        clusterer.maybe_maintain()
    clusterer.maintain()
    return clusterer


def cluster(articles: Sequence[Article], settings: StorySettings = DEFAULTS, level: str = "story") -> list[list[int]]:
    """Indices of ``articles`` grouped into stories (or, with ``level="event"``, events), in order of their first
    article."""
    clusterer = _clustered(articles, settings)
    groups = clusterer.members if level == "story" else clusterer.event_members
    return sorted((sorted(members) for members in groups.values()), key=lambda members: members[0])


def cluster_both(articles: Sequence[Article], settings: StorySettings = DEFAULTS) -> tuple[list[int], list[int]]:
    """The event and the story of each article (as numbers), from one clustering: what evaluation compares."""
    clusterer = _clustered(articles, settings)
    events, stories = [0] * len(articles), [0] * len(articles)
    for event, members in clusterer.event_members.items():
        story = clusterer.stories.of[event]
        for index in members:
            events[index], stories[index] = event, story
    return events, stories


def build_stories(articles: Sequence[Article], settings: StorySettings = DEFAULTS) -> list[Story]:
    """Stories over ``articles`` (expected in publication order), numbered from 1 in order of their first article,
    as are their events."""
    clusterer = _clustered(articles, settings)
    stories = stories_of(clusterer, clusterer.stories.groups, lambda keys: [articles[k] for k in keys])
    stories.sort(key=lambda story: min(story.article_ids))
    events = sorted((event for story in stories for event in story.events), key=lambda event: min(event.article_ids))
    numbers = {id(event): number for number, event in enumerate(events, start=1)}
    for number, story in enumerate(stories, start=1):
        story.id = number
        story.article_ids = [articles[k].id for k in story.article_ids]
        for event in story.events:
            event.id = numbers[id(event)]
            event.article_ids = [articles[k].id for k in event.article_ids]
    return stories


PROGRESS_EVERY = 100
"""Articles between two progress reports while placing."""


def place(clusterer: OnlineClusterer, articles: Sequence[Article],
          progress: Callable[[int, int], None] = lambda done, total: None) -> set[int]:
    """Place ``articles`` (in publication order) under their ids, run the maintenance step, and return the ids of
    the stories that changed: new ones, and old ones whose articles or events changed. ``progress`` hears how many
    of how many are placed, every ``PROGRESS_EVERY`` articles and at the end."""
    before = _shape(clusterer)
    settings = clusterer.settings
    embeddings = embed_articles(articles, settings.embedding_model)
    for done, (article, terms, embedding) in enumerate(
        zip(articles, terms_stream(articles, settings.weights), embeddings), 1
    ):
        clusterer.add(article.id, article, terms=terms, embedding=embedding)
        clusterer.maybe_maintain()
        if done % PROGRESS_EVERY == 0:
            progress(done, len(articles))
    clusterer.maintain()
    progress(len(articles), len(articles))
    after = _shape(clusterer)
    return {story for story, shape in after.items() if shape != before.get(story)}


def _shape(clusterer: OnlineClusterer) -> dict[int, list[tuple[int, int]]]:
    """Each story's events and their sizes: what changes when articles arrive or move."""
    events = clusterer.events.groups
    return {story: sorted((event, len(events[event].members)) for event in group.members)
            for story, group in clusterer.stories.groups.items()}


def replayed(placed: Iterable[tuple[Article, int, int]], settings: StorySettings = DEFAULTS) -> OnlineClusterer:
    """A clusterer holding stored events and stories, rebuilt from their articles as (article, event, story) in
    publication order (when no saved state fits)."""
    clusterer = OnlineClusterer(settings)
    placed = list(placed)
    articles = [article for article, _, _ in placed]
    embeddings = embed_articles(articles, settings.embedding_model)
    for (article, event, story), terms, embedding in zip(placed, terms_stream(articles, settings.weights), embeddings):
        clusterer.add(article.id, article, event=event, story=story, terms=terms, embedding=embedding)
    return clusterer


def stories_of(clusterer: OnlineClusterer, story_ids: Iterable[int],
               articles: Callable[[Sequence[Hashable]], Sequence[Article]]) -> list[Story]:
    """These stories of ``clusterer``, whole and with their events, in id order; ``articles`` fetches articles by
    key."""
    result = []
    for story_id in sorted(story_ids):
        group = clusterer.stories.groups[story_id]
        keys = [key for event_id in group.members for key in clusterer.events.groups[event_id].members]
        by_key = _fetched(keys, articles)
        events = []
        for event_id in group.members:
            event = clusterer.events.groups[event_id]
            members = [by_key[key] for key in event.members if key in by_key]
            events.append(Event(event_id, label(members, centroid=event.words.weights), list(event.members),
                                *_span(members)))
        events.sort(key=lambda e: (e.first is None, e.first or 0, e.id))
        keys = [key for event in events for key in event.article_ids]
        members = [by_key[key] for key in keys if key in by_key]
        result.append(Story(story_id, label(members, centroid=group.words.weights), keys, *_span(members), METHOD,
                            events))
    return result


def _fetched(keys: Sequence[Hashable], articles: Callable[[Sequence[Hashable]], Sequence[Article]]
             ) -> dict[Hashable, Article]:
    """A story's articles by key, fetched once for its events and itself. A store's keys are article ids, and it
    leaves out an id it no longer holds."""
    found = articles(keys)
    return dict(zip(keys, found)) if len(found) == len(keys) else {a.id: a for a in found}


def _span(articles: Sequence[Article]) -> tuple:
    dates = [a.published for a in articles if a.published]
    return min(dates, default=None), max(dates, default=None)


def update_stories(existing: Iterable[tuple[Article, int, int]], new: Sequence[Article],
                   settings: StorySettings = DEFAULTS) -> list[Story]:
    """Place ``new`` articles into the ``existing`` events and stories, given as (article, event, story), or into new
    ones.

    Existing events and stories keep their ids and members, unless the
    maintenance step finds that two have converged: then the older id absorbs
    the newer one, which disappears. Only the stories that changed are
    returned, whole.
    """
    existing = list(existing)
    clusterer = replayed(existing, settings)
    changed = place(clusterer, new)
    by_id = {article.id: article for article, _, _ in existing}
    by_id.update((article.id, article) for article in new)
    return stories_of(clusterer, changed, lambda keys: [by_id[k] for k in keys])
