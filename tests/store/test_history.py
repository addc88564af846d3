"""A store's history: watched sources' last polls, the updates noted, what each placed, the timelines kept."""

from datetime import date

from storyline.ingest import ingest
from storyline.model import Article
from storyline.store.records import SourceState
from storyline.tracker import refresh_stories

BRIDGE = ["The Harlan Street Bridge in Varrow closed after engineers found cracks in its piers.",
          "Inspectors say the cracked piers of the Harlan Street Bridge in Varrow cannot be repaired.",
          "Varrow council votes to replace the cracked Harlan Street Bridge with a new crossing."]


def _add(store, texts, day):
    ingest(store, [Article(raw_text=text, published=date(2024, 3, day), source="Lune Gazette") for text in texts],
           workers=1)
    return refresh_stories(store)


def test_a_source_never_polled_is_blank_and_a_poll_is_kept_whole(store):
    assert store.source("https://feeds.example/lune.rss") == SourceState("https://feeds.example/lune.rss")
    polled = SourceState("https://feeds.example/lune.rss", etag='"v2"', last_modified="Tue, 05 Mar 2024 08:00:00 GMT",
                         polled_at="2024-03-05T08:00:00", status="stored", stored=3, watermark=1709625600.5)
    store.save_source(polled)
    store.save_source(polled)
    assert store.source(polled.address) == polled


def test_each_update_knows_what_it_placed_and_an_empty_one_is_noted(store):
    [story] = _add(store, BRIDGE[:2], 4)
    [first] = store.updates()
    assert first.articles == 2 and not first.rebuild
    [story] = _add(store, BRIDGE[2:], 20)
    store.note_update()
    first, second, empty = store.updates()
    assert (second.articles, empty.articles) == (1, 0)
    assert [len(ids) for ids in store.placed_after(first.id).values()] == [1]
    assert store.placed_after(empty.id) == {}
    by_update = store.placed_by_update(story.id)
    assert [len(by_update[u.id]) for u in (first, second)] == [2, 1]


def test_a_timeline_kept_after_an_update_is_the_one_seen_as_of_it(store):
    [story] = _add(store, BRIDGE[:2], 4)
    [update] = store.updates()
    store.keep_timeline_version(story.id, '{"entries": 2}')
    assert store.timeline_version(story.id, update.id) == (update.id, '{"entries": 2}')
    assert store.timeline_version(story.id, update.id - 1) is None
