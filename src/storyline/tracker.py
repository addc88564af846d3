"""The operations the command line and the web app share, over one store."""

from __future__ import annotations

from storyline.model import Story, TimelineEntry
from storyline.stories import build_stories
from storyline.store import Store
from storyline.timeline import build_timeline


def refresh_stories(store: Store, *, force: bool = False) -> list[Story]:
    """Rebuild the stories when articles arrived since they were made."""
    if force or store.stories_are_stale():
        store.replace_stories(build_stories(list(store.canonical_articles())))
    return store.stories()


def story_sources(store: Store, story: Story) -> list[str]:
    """Every outlet that published the story's articles, syndicated copies included."""
    articles = store.articles_by_ids(story.article_ids)
    copies = store.copies(story.article_ids)
    names = {a.source for a in articles} | {c.source for group in copies.values() for c in group}
    return sorted(name for name in names if name)


def story_timeline(store: Store, story: Story) -> list[TimelineEntry]:
    return build_timeline(store.articles_by_ids(story.article_ids), store.sentences)
