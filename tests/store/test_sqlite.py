import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date

import numpy as np
import pytest
from conftest import fictional_records, write_jsonl

from storyline.ingest import ingest
from storyline.model import Article
from storyline.sentences import split_spans
from storyline.store import SCHEMA_VERSION, StoreError
from storyline.store import SQLiteStore as Store


def _article(text: str, url: str = "", source: str = "Orlen Courier") -> Article:
    return Article(raw_text=text, text=text, url=url, source=source, published=date(2023, 1, 1)).identify()


def test_new_store_is_wal_and_at_the_current_schema(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.count_articles() == 0


def test_reopening_keeps_data_and_newer_schemas_are_refused(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store, store.transaction():
        a = _article("The Orlen ferry sank.")
        store.add_article(a, split_spans(a.text), np.zeros(128, np.uint32), 1, None)
    with Store(path) as store:
        assert store.article(a.id).text == "The Orlen ferry sank."
        store.conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this Storyline"):
        Store(path)


def test_search_finds_each_article_once_after_the_index_trigger_is_gone(tmp_path, monkeypatch):
    """Stores from before migration 10 indexed each article by a trigger; from then on a batch is indexed at once."""
    import storyline.store.schema as schema
    from storyline.store.base import Store as AnyStore

    path = tmp_path / "s.db"
    with monkeypatch.context() as old:
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:9])
        old.setattr(schema, "SCHEMA_VERSION", 9)
        old.setattr(Store, "add_articles", AnyStore.add_articles)  # the trigger indexes each row, as it did then
        with Store(path) as before:
            ingest(before, [_article("The Orlen ferry sank off Varrow.")])
    with Store(path) as store:
        assert not store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = "
                                      "'article_search_insert'").fetchall()
        ingest(store, [_article(f"A second Orlen ferry, number {n}, reached Varrow.") for n in range(3)])
        store.conn.execute("INSERT INTO article_search(article_search) VALUES ('integrity-check')")
        total, hits = store.search_articles("ferry")
        assert total == 4 and len({a.id for a, _ in hits}) == 4
        assert store.search_articles("sank")[0] == 1


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable Storyline database"):
        Store(path)


CHILD = """
import sys
from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
with open_store(sys.argv[1]) as store:
    ingest(store, read_paths([sys.argv[2]]), batch_size=50)
"""


@pytest.mark.slow
def test_kill_9_during_ingest_loses_nothing_stored_and_leaves_nothing_half_written(tmp_path):
    corpus = write_jsonl(tmp_path / "big.jsonl", fictional_records(4000))
    db = tmp_path / "crash.db"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(corpus)])
    deadline = time.time() + 60
    count = 0
    while time.time() < deadline and count < 200:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            continue
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert count >= 200, "the child never stored a batch"

    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = store.count_articles()
        assert stored >= count and stored % 50 == 0, "only whole batches land"
        orphans = store.conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        assert orphans == 0
        from storyline.readers import read_paths

        report = ingest(store, read_paths([str(corpus)]))
        assert report.unchanged == stored
        assert store.count_articles() == 4000


def test_keyset_pages_use_the_article_order_index(tmp_path):
    with Store(tmp_path / "s.db") as store:
        plan = " ".join(str(tuple(r)) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE (COALESCE(published, '~'), rowid) > ('2024', 1) "
            "ORDER BY COALESCE(published, '~'), rowid LIMIT 5"))
    assert "articles_order" in plan
