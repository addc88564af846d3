"""The public Python API (``Tracker``) and the operations the command line and the web app share."""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import zlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import asdict, replace
from datetime import date
from typing import Any, TypeVar

import msgpack

from storyline import __version__
from storyline.aliases import METHOD as ENTITIES_METHOD
from storyline.aliases import entity_from_dict, resolve
from storyline.entities import DEFAULT_EXTRACTOR, Extractor, Mention
from storyline.ingest import IngestReport, ingest
from storyline.model import Article, Entity, Sentence, Story, TimelineEntry
from storyline.offtopic import off_topic
from storyline.readers import read_paths
from storyline.readers.records import record_to_article
from storyline.reading import READING_METHOD, Reading, read_article
from storyline.render import story_detail_dict, story_dict
from storyline.spacy_entities import SpacyTypedExtractor, installed_pipeline
from storyline.store import Store, StoryQuery, open_store
from storyline.stories import (
    DEFAULTS,
    OnlineClusterer,
    StorySettings,
    place,
    replayed,
    stories_of,
)
from storyline.stories import METHOD as STORIES_METHOD
from storyline.temporal import TemporalExpression
from storyline.timeline import DEFAULTS as TIMELINE_DEFAULTS
from storyline.timeline import METHOD as TIMELINE_METHOD
from storyline.timeline import (
    TimelineSettings,
    TimelineState,
    build_timeline,
    build_timeline_state,
    timeline_entry,
)
from storyline.timeline_update import Material, can_grow, grow_timeline

Progress = Callable[[int, int], None]
"""Told how many of how many articles are placed, while stories are updated."""


def refresh_stories(store: Store, *, rebuild: bool = False, settings: StorySettings = DEFAULTS,
                    progress: Progress = lambda done, total: None) -> list[Story]:
    """Bring stories up to date with the stored articles.

    New articles join existing stories or start new ones; story ids stay
    stable. ``rebuild`` clusters everything again from scratch instead
    (after a change of settings), renumbering the stories.
    """
    if rebuild:
        clusterer = OnlineClusterer(settings)
        place(clusterer, list(store.canonical_articles()), progress)
        store.replace_stories(stories_of(clusterer, clusterer.stories.groups, store.articles_by_ids))
        _save_clusterer(store, clusterer)
    elif store.stories_are_stale():
        update_in_place(store, settings, progress)
    return store.stories()


def update_in_place(store: Store, settings: StorySettings = DEFAULTS,
                    progress: Progress = lambda done, total: None) -> list[Story]:
    """Place the articles no story holds yet; existing events and stories keep their ids.

    The clusterer resumes from the state saved after the last update, so
    the cost is that of the new articles alone; without a state that fits
    the stored stories, it is rebuilt by placing their articles again.
    """
    clusterer = _saved_clusterer(store, settings)
    replay = clusterer is None
    if replay:
        clusterer = replayed(_placed(store), settings)
    else:
        clusterer.forget(store.misplaced())
    changed = place(clusterer, store.unplaced_articles(), progress)
    if replay:  # every story is written again, with the events it was given
        changed = set(clusterer.stories.groups)
    store.save_stories(stories_of(clusterer, changed, store.articles_by_ids))
    _save_clusterer(store, clusterer)
    return store.stories()


def _placed(store: Store) -> Iterator[tuple[Article, int, int]]:
    """Stored articles with their event and story, in publication order. A story stored before events existed
    becomes one event, under a new id."""
    assigned = store.story_assignments()
    if not assigned:  # a first update: nothing to replay, and no article need be read for it
        return
    next_event = 1 + max((event or 0 for event, _ in assigned.values()), default=0)
    events_of_old: dict[int, int] = {}
    for article in store.canonical_articles():
        if article.id in assigned:
            event, story = assigned[article.id]
            if event is None:
                event = events_of_old.setdefault(story, next_event + len(events_of_old))
            yield article, event, story


STATE_FORMAT = "4"
"""Bumped when the clusterer's saved state changes shape (3: events and stories; 4: the vectors kept to split
events)."""


def _fingerprint(assignments: Iterable[tuple[Hashable, tuple[int | None, int]]], settings: StorySettings) -> str:
    """What a saved clusterer state fits: the code and settings that made it and the events and stories it holds."""
    digest = hashlib.sha256(f"{STATE_FORMAT}\n{__version__}\n{STORIES_METHOD}\n{settings!r}\n".encode())
    for article_id, (event_id, story_id) in sorted(assignments):
        digest.update(f"{article_id}\t{event_id}\t{story_id}\n".encode())
    return digest.hexdigest()


def _saved_clusterer(store: Store, settings: StorySettings) -> OnlineClusterer | None:
    """The clusterer as the last update left it, if the stored stories are still the ones it holds."""
    saved = store.clusterer_state()
    if saved is None or saved[0] != _fingerprint(store.story_assignments().items(), settings):
        return None
    with _collector_paused():
        return OnlineClusterer.from_state(_unpacked(saved[1]), settings)


def _save_clusterer(store: Store, clusterer: OnlineClusterer) -> None:
    assignments = [(key, (event, clusterer.stories.of[event]))
                   for event, members in clusterer.event_members.items() for key in members]
    with _collector_paused():
        body = msgpack.packb(clusterer.state())
    store.save_clusterer_state(_fingerprint(assignments, clusterer.settings), body)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the clusterer's state (millions of plain lists, dicts and
    numbers, no cycles) is built or unpacked: every full collection its growth triggers walks every object made so
    far, which was a third of an update of a store of 4,500 articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _unpacked(body: bytes) -> dict:
    """A saved clusterer state: MessagePack, which packs the state of a store of 4,500 articles (13 MB of JSON) in
    0.05 s where JSON took 0.4 s and its compression 0.2 s; or zlib-compressed JSON, as stores saved it before."""
    if body[:1] == b"x":  # zlib's header: MessagePack never starts a map with it
        return json.loads(zlib.decompress(body))
    return msgpack.unpackb(body, strict_map_key=False)


def story_detail(store: Store, story: Story) -> dict:
    """A story with its events and its articles (each with its event and syndicated copies): what ``show`` and the
    API print."""
    return story_detail_dict(story, story_sources(store, story), store.articles_by_ids(story.article_ids),
                             store.copies(story.article_ids))


def story_rows(store: Store, stories: Sequence[Story]) -> list[dict]:
    """Stories as lists show them, with their sources (syndicated copies included) and how many events."""
    events = store.event_counts()
    return [story_dict(story, story_sources(store, story), events.get(story.id, 0)) for story in stories]


def story_sources(store: Store, story: Story) -> list[str]:
    """Every outlet that published the story's articles, syndicated copies included."""
    return sorted(name for name in store.sources(story.article_ids) if name)


T = TypeVar("T")

CACHE_FORMAT = "2"
"""Bumped when what is cached changes shape (2: timeline entries carry their language)."""


def members_key(story: Story, method: str) -> str:
    """What a derived result depends on: the story's members, the method that derived it, the cache format."""
    return hashlib.sha256("\n".join([CACHE_FORMAT, method, *sorted(story.article_ids)]).encode()).hexdigest()


def per_story(store: Store, story: Story, kind: str, method: str, compute: Callable[[], list[T]],
              load: Callable[[dict], T], computed: Callable[[str], None] = lambda body: None) -> list[T]:
    """What ``compute`` derives for a story, computed once per set of members and kept in the store; ``computed``
    hears each new result."""
    key = members_key(story, method)
    body = store.cached(story.id, kind, key)
    if body is not None:
        return [load(row) for row in json.loads(body)]
    result = compute()
    body = json.dumps([asdict(item) for item in result], default=str)
    store.cache(story.id, kind, key, body)
    computed(body)
    return result


def _timeline_cache(dates: int | None, settings: TimelineSettings) -> tuple[str, str]:
    """The cache kind and method of a story's timeline of ``dates`` dates (None: as many as its span calls for); the
    method names how articles are read too, so a timeline kept before the reading rules changed is made again."""
    kind = "timeline" if dates is None else f"timeline:{dates}"
    method = f"{TIMELINE_METHOD}+{READING_METHOD}"
    return kind, method if settings == TIMELINE_DEFAULTS else f"{method}:{settings!r}"


def story_timeline(store: Store, story: Story, dates: int | None = None, since: date | None = None,
                   until: date | None = None, settings: TimelineSettings = TIMELINE_DEFAULTS) -> list[TimelineEntry]:
    """The story's timeline: ``dates`` of them (by default as many as the story's span calls for) between
    ``since`` and ``until``. A timeline of the whole span is computed once per set of members and number of
    dates, and kept in the store with what it was chosen from: when the story has grown a little, the timeline
    grows from its new articles (``timeline_update.py``)."""
    chosen = settings if dates is None else replace(settings, dates=dates)
    if since or until:
        articles, sentences, read = _material(store, story.article_ids)
        return build_timeline(articles, lambda a: sentences[a.id], chosen, span=(since or date.min, until or date.max),
                              aliases=other_names(store, story), read=read)
    kind, method = _timeline_cache(dates, settings)

    def compute() -> list[TimelineEntry]:
        kept = store.cached(story.id, f"{kind}/state", method)
        state = TimelineState.from_json(kept) if kept else None
        if state and can_grow(state, story.article_ids):
            new = set(story.article_ids) - set(state.members)
            entries, state = grow_timeline(state, new, lambda ids: _material(store, ids), chosen,
                                           lambda: other_names(store, story))
        else:
            articles, sentences, read = _material(store, story.article_ids)
            entries, state = build_timeline_state(articles, lambda a: sentences[a.id], chosen,
                                                  aliases=other_names(store, story), read=read)
        store.cache(story.id, f"{kind}/state", method, state.to_json())
        return entries

    keep = (lambda body: store.keep_timeline_version(story.id, body)) if kind == "timeline" else (lambda body: None)
    return per_story(store, story, kind, method, compute, timeline_entry, keep)


def _material(store: Store, article_ids: Iterable[str]) -> Material:
    """The articles of these ids, and the sentences of the dated ones with their readings kept in the store."""
    articles = store.articles_by_ids(list(article_ids))
    sentences = {a.id: store.sentences(a) for a in articles if a.published}
    return articles, sentences, kept_readings(store, articles, sentences)


def kept_readings(store: Store, articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
                  ) -> Callable[[Article, Sequence[Sentence]], Reading]:
    """``reading.read_article`` for these (dated) articles, kept in the store: an article is read once, so the
    timeline of a story that grew reads only its new articles."""
    def unpack(article_id: str, body: str) -> Reading:
        return [(Sentence(article_id, index, start, end, text),
                 [TemporalExpression(*found[:3], date.fromisoformat(found[3]), *found[4:]) for found in dates])
                for index, start, end, text, dates in json.loads(body)]

    readings = {article_id: unpack(article_id, body)
                for article_id, body in store.readings([a.id for a in articles], READING_METHOD).items()}
    fresh: dict[str, str] = {}
    for article in articles:
        if article.id not in readings and article.id in sentences:
            reading = readings[article.id] = read_article(article, sentences[article.id])
            fresh[article.id] = json.dumps([[x.index, x.start, x.end, x.text,
                                             [[t.text, t.start, t.end, t.value.isoformat(), t.precision, t.background]
                                              for t in found]] for x, found in reading])
    if fresh:
        store.keep_readings(fresh, READING_METHOD)
    return lambda article, given: readings[article.id] if article.id in readings else read_article(article, given)


def other_names(store: Store, story: Story) -> dict[str, str]:
    """Each entity's other names (a title in translation: "Rescue" for "Extraction") mapped to its name;
    short forms ("Russo" for "Joe Russo") are left alone, as they may name someone else. The entities found
    last serve, even if the newest articles came after them: other names change slowly, and finding entities
    again would cost an update of a large story more than its timeline."""
    last = store.cached(story.id, "entities")
    names = ([(row["name"], row["aliases"]) for row in json.loads(last)] if last
             else [(entity.name, entity.aliases) for entity in cached_story_entities(store, story)])
    return {alias: name for name, aliases in names for alias in aliases if not set(alias.split()) & set(name.split())}


@functools.cache
def default_extractor() -> Extractor:
    """The rules, with their names typed by an installed spaCy pipeline when there is one (``STORYLINE_SPACY``)."""
    pipeline = installed_pipeline()
    return SpacyTypedExtractor(pipeline) if pipeline else DEFAULT_EXTRACTOR


def _entities_method() -> str:
    pipeline = installed_pipeline()
    return f"{ENTITIES_METHOD}+spacy:{pipeline}" if pipeline else ENTITIES_METHOD


def cached_story_entities(store: Store, story: Story) -> list[Entity]:
    """One story's entities with the default extractor, computed once per set of members and kept in the store."""
    return per_story(store, story, "entities", _entities_method(),
                     lambda: story_entities(store, [story], default_extractor()), entity_from_dict)


def top_story_entities(store: Store, story: Story, count: int) -> tuple[list[Entity], bool]:
    """The ``count`` most mentioned of a story's entities, and whether there are more: kept apart, so a page
    showing a few of a large story's thousands reads those few."""
    kept = per_story(store, story, f"entities:{count}", _entities_method(),
                     lambda: cached_story_entities(store, story)[:count + 1], entity_from_dict)
    return kept[:count], len(kept) > count


def story_entities(store: Store, stories: Sequence[Story], extractor: Extractor = DEFAULT_EXTRACTOR,
                   progress: Callable[[int], None] = lambda done: None) -> list[Entity]:
    """The entities of ``stories``, with aliases; names in off-topic segments are left out.

    Short forms resolve within each story; titles of one work are found
    across all the stories given.
    """
    articles: list[Article] = []
    mentions: dict[str, list[Mention]] = {}
    story_of: dict[str, int] = {}
    for done, story in enumerate(stories, 1):
        members = store.articles_by_ids(story.article_ids)
        dropped = off_topic(members, store.sentences)
        for article in members:
            articles.append(article)
            story_of[article.id] = story.id
            mentions[article.id] = [m for m in extractor.mentions(article)
                                    if (article.id, m.sentence_index) not in dropped]
        progress(done)
    return resolve(articles, mentions, story_of)


def warm_caches(store: Store, stories: Sequence[Story], settings: TimelineSettings = TIMELINE_DEFAULTS) -> None:
    """Compute and keep what story pages show (timeline, entities), so no visitor waits for it; a story whose
    caches fit its members is passed over without reading them."""
    kind, method = _timeline_cache(None, settings)
    for story in stories:
        if store.cached(story.id, kind, members_key(story, method)) is None:
            story_timeline(store, story, settings=settings)
        if store.cached(story.id, "entities", members_key(story, _entities_method())) is None:
            cached_story_entities(store, story)


def warm_on(executor: Executor, address: str, stories: Sequence[Story], settings: TimelineSettings = TIMELINE_DEFAULTS,
            progress: Callable[[int], None] = lambda done: None, chunk: int = 8) -> None:
    """``warm_caches`` spread over an engine's workers (see ``engine``), a few stories a task, largest first so no
    worker is left with the biggest at the end. Each worker opens the store at ``address`` itself: a PostgreSQL
    server, or a SQLite file on a disk the workers share."""
    ids = [story.id for story in sorted(stories, key=lambda s: -len(s.article_ids))]
    chunks = [ids[start:start + chunk] for start in range(0, len(ids), chunk)]
    done = 0
    for warmed in executor.map(_warm_chunk, [address] * len(chunks), chunks, [settings] * len(chunks)):
        done += warmed
        progress(done)


def _warm_chunk(address: str, story_ids: list[int], settings: TimelineSettings) -> int:
    with open_store(address) as store:
        warm_caches(store, [story for story in map(store.story, story_ids) if story], settings)
    return len(story_ids)


class Tracker:
    """Storyline from Python: a store of articles, the stories they form, their timelines and entities.

    ::

        from storyline import Tracker

        with Tracker("news.db") as tracker:
            tracker.ingest(["feeds/", "archive.jsonl"])
            tracker.ingest_records([{"date": "2024-03-04", "title": "...", "text": "..."}])
            for story in tracker.stories():
                print(story.label, [entry.text for entry in tracker.timeline(story)])

    The same store works with the ``storyline`` command and web app.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, settings: StorySettings = DEFAULTS,
                 timeline_settings: TimelineSettings = TIMELINE_DEFAULTS) -> None:
        self.store = open_store(path)
        self.settings = settings
        self.timeline_settings = timeline_settings

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, fmt: str | None = None,
               encoding: str | None = None, language: str | None = None,
               allow_undated: bool = False) -> IngestReport:
        """Read files and folders (any format ``storyline ingest`` reads) and store their articles; what cannot
        be read is in the report's ``problems``, and the rest is stored."""
        names = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        items = read_paths([os.fspath(name) for name in names], fmt, encoding)
        return ingest(self.store, items, language=language, allow_undated=allow_undated)

    def ingest_records(self, records: Iterable[Mapping[str, Any]], *, language: str | None = None,
                       allow_undated: bool = False) -> IngestReport:
        """Store articles given as mappings with the fields of a JSON Lines record (date, title, text, ...)."""
        items = (record_to_article(record, f"record {number}") for number, record in enumerate(records, 1))
        return ingest(self.store, items, language=language, allow_undated=allow_undated)

    def update(self, rebuild: bool = False) -> list[Story]:
        """Place new articles into events and stories (``rebuild``: cluster everything again) and list them."""
        return refresh_stories(self.store, rebuild=rebuild, settings=self.settings)

    def stories(self, query: StoryQuery | None = None, **filters: Any) -> list[Story]:
        """Stories, up to date with the stored articles: every one, most recently active first, or those a
        ``StoryQuery`` (or its fields as keywords: ``text``, ``entity``, ``min_articles``, ``since``, ``until``,
        ``source``, ``language``, ``sort``, ``limit``, ``offset``) asks for."""
        self.update()
        return self.store.find_stories(query or StoryQuery(**filters))

    def story(self, story_id: int) -> Story | None:
        if self.store.stories_are_stale():
            self.update()
        return self.store.story(story_id)

    def timeline(self, story: Story | int, dates: int | None = None, since: date | None = None,
                 until: date | None = None) -> list[TimelineEntry]:
        """The story's timeline; ``dates``, ``since`` and ``until`` as for ``storyline timeline``."""
        return story_timeline(self.store, self._story(story), dates, since, until, self.timeline_settings)

    def entities(self, story: Story | int) -> list[Entity]:
        """The people, organisations, places and works of the story, with their aliases."""
        return cached_story_entities(self.store, self._story(story))

    def changes(self, since: date | str = "last", story: Story | int | None = None) -> Any:
        """What is new since ``since`` (a day, or "last": what the last update brought), in every story or in
        one: a ``storyline.changes.Changes``."""
        from storyline.changes import changes

        self.update()
        story_id = story.id if isinstance(story, Story) else story
        return changes(self.store, since, story_id, self.timeline_settings)

    def _story(self, story: Story | int) -> Story:
        found = self.story(story) if isinstance(story, int) else story
        if found is None:
            raise KeyError(f"no story {story}")
        return found
