"""The operations the command line and the web app share, over one store."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from typing import TypeVar

from storyline.aliases import METHOD as ENTITIES_METHOD
from storyline.aliases import entity_from_dict, resolve
from storyline.entities import DEFAULT_EXTRACTOR, Extractor, Mention
from storyline.model import Article, Entity, Story, TimelineEntry
from storyline.offtopic import off_topic
from storyline.store import Store
from storyline.stories import build_stories, update_stories
from storyline.timeline import METHOD as TIMELINE_METHOD
from storyline.timeline import build_timeline


def refresh_stories(store: Store, *, rebuild: bool = False) -> list[Story]:
    """Bring stories up to date with the stored articles.

    New articles join existing stories or start new ones; story ids stay
    stable. ``rebuild`` clusters everything again from scratch instead
    (after a change of settings), renumbering the stories.
    """
    if rebuild:
        store.replace_stories(build_stories(list(store.canonical_articles())))
    elif store.stories_are_stale():
        update_in_place(store)
    return store.stories()


def update_in_place(store: Store) -> list[Story]:
    """Place the articles no story holds yet; existing stories keep their ids."""
    assigned = store.story_assignments()
    existing: dict[int, list[Article]] = defaultdict(list)
    new: list[Article] = []
    for article in store.canonical_articles():
        if article.id in assigned:
            existing[assigned[article.id]].append(article)
        else:
            new.append(article)
    store.save_stories(update_stories(existing, new))
    return store.stories()


def story_sources(store: Store, story: Story) -> list[str]:
    """Every outlet that published the story's articles, syndicated copies included."""
    articles = store.articles_by_ids(story.article_ids)
    copies = store.copies(story.article_ids)
    names = {a.source for a in articles} | {c.source for group in copies.values() for c in group}
    return sorted(name for name in names if name)


T = TypeVar("T")

CACHE_FORMAT = "2"
"""Bumped when what is cached changes shape (2: timeline entries carry their language)."""


def _members_key(story: Story, method: str) -> str:
    """What a derived result depends on: the story's members, the method that derived it, the cache format."""
    return hashlib.sha256("\n".join([CACHE_FORMAT, method, *sorted(story.article_ids)]).encode()).hexdigest()


def _cached(store: Store, story: Story, kind: str, method: str, compute: Callable[[], list[T]],
            load: Callable[[dict], T]) -> list[T]:
    """What ``compute`` derives for a story, computed once per set of members and kept in the store."""
    key = _members_key(story, method)
    body = store.cached(story.id, kind, key)
    if body is not None:
        return [load(row) for row in json.loads(body)]
    result = compute()
    store.cache(story.id, kind, key, json.dumps([asdict(item) for item in result], default=str))
    return result


def story_timeline(store: Store, story: Story) -> list[TimelineEntry]:
    """The story's timeline, computed once per set of members and kept in the store."""
    return _cached(store, story, "timeline", TIMELINE_METHOD,
                   lambda: build_timeline(store.articles_by_ids(story.article_ids), store.sentences),
                   lambda row: TimelineEntry(**{**row, "date": date.fromisoformat(row["date"])}))


def cached_story_entities(store: Store, story: Story) -> list[Entity]:
    """One story's entities with the built-in extractor, computed once per set of members and kept in the store."""
    return _cached(store, story, "entities", ENTITIES_METHOD, lambda: story_entities(store, [story]),
                   entity_from_dict)


def story_entities(store: Store, stories: Sequence[Story], extractor: Extractor = DEFAULT_EXTRACTOR) -> list[Entity]:
    """The entities of ``stories``, with aliases; names in off-topic segments are left out.

    Short forms resolve within each story; titles of one work are found
    across all the stories given.
    """
    articles: list[Article] = []
    mentions: dict[str, list[Mention]] = {}
    story_of: dict[str, int] = {}
    for story in stories:
        members = store.articles_by_ids(story.article_ids)
        dropped = off_topic(members, store.sentences)
        for article in members:
            articles.append(article)
            story_of[article.id] = story.id
            mentions[article.id] = [m for m in extractor.mentions(article)
                                    if (article.id, m.sentence_index) not in dropped]
    return resolve(articles, mentions, story_of)


def warm_caches(store: Store, stories: Sequence[Story]) -> None:
    """Compute and keep what story pages show (timeline, entities), so no visitor waits for it."""
    for story in stories:
        story_timeline(store, story)
        cached_story_entities(store, story)
