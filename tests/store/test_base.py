"""What every store does, run on SQLite (and on PostgreSQL when $STORYLINE_TEST_POSTGRES is set)."""

from datetime import date

import numpy as np
import pytest
from conftest import fictional_records

from storyline.ingest import ingest
from storyline.model import Article, Story
from storyline.sentences import split_spans
from storyline.store import open_store


def _article(text: str, url: str = "", source: str = "Orlen Courier") -> Article:
    return Article(raw_text=text, text=text, url=url, source=source, published=date(2023, 1, 1)).identify()


def test_failed_transaction_leaves_nothing(store):
    a = _article("Half written.")
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(a, split_spans(a.text), np.zeros(128, np.uint32), 1, None)
        raise RuntimeError("boom")
    assert store.count_articles() == 0
    assert store.conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 0


def test_article_lookup_by_id_prefix_and_external_id(store):
    a = _article("Lookup me.")
    a.external_id = "ext-7"
    with store.transaction():
        store.add_article(a, [], np.zeros(128, np.uint32), 1, None)
    assert store.article(a.id).id == a.id
    assert store.article(a.id[:6]).id == a.id
    assert store.article("ext-7").id == a.id
    assert store.article("nope") is None


def test_stories_round_trip_and_staleness(store):
    items = [Article(raw_text=r["text"], published=date.fromisoformat(r["date"]), source=r["source"])
             for r in fictional_records(3)]
    ingest(store, items)
    assert store.stories_are_stale()
    ids = [a.id for a in store.canonical_articles()]
    store.replace_stories([Story(id=1, label="A", article_ids=ids[:2]), Story(id=2, label="B", article_ids=ids[2:])])
    assert not store.stories_are_stale()
    stories = store.stories()
    assert [s.id for s in stories] == [2, 1]  # most recent activity first
    assert store.story(1).article_ids == ids[:2]


def test_an_article_another_writer_stored_first_is_not_an_error(new_db):
    path = new_db("two")
    a = _article("The Orlen ferry sailed on Tuesday with forty passengers aboard.")
    with open_store(path) as first, open_store(path) as second:
        with first.transaction():
            assert first.add_article(a, split_spans(a.text), np.zeros(128, np.uint32), 1, None)
        with second.transaction():
            assert not second.add_article(a, split_spans(a.text), np.zeros(128, np.uint32), 1, None)
        assert second.count_articles() == 1 and len(second.sentences(a)) == 1


def test_keyset_pages_follow_the_article_order_at_any_depth(store):
    from datetime import timedelta

    from storyline.ingest import ingest

    articles = [Article(raw_text=f"The Orlen ferry made crossing number {n} of the spring season on time.",
                        published=date(2024, 1, 1) + timedelta(days=n % 7), source="Orlen Courier") for n in range(23)]
    ingest(store, articles + [Article(raw_text="An undated note about the Orlen ferry and its crew.")],
           allow_undated=True, workers=1)
    expected = [a.id for a in store.articles()]
    seen, cursor = [], ""
    while cursor is not None:
        page, cursor = store.articles_after(cursor, 5)
        seen += [a.id for a in page]
    assert seen == expected and store.articles()[-1].published is None
