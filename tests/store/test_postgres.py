"""What only the PostgreSQL store does: addresses, errors that hide passwords, several writers at once. The rest of
the suite runs against PostgreSQL too when $STORYLINE_TEST_POSTGRES names a server (see conftest.py)."""

import subprocess
import sys

import pytest
from conftest import POSTGRES, fictional_records, new_store_address, write_jsonl

from storyline.store import (
    PostgresStore,
    SQLiteStore,
    StoreError,
    is_postgres,
    open_store,
    redacted,
)

needs_postgres = pytest.mark.skipif(not POSTGRES, reason="STORYLINE_TEST_POSTGRES names no PostgreSQL server")


def test_an_address_chooses_the_store():
    assert is_postgres("postgresql://news@db.example/storyline") and is_postgres("postgres://db/x")
    assert not is_postgres("storyline.db") and not is_postgres("/srv/postgresql/storyline.db")
    assert redacted("postgresql://news:s3cret@db.example:5432/storyline") == "postgresql://news:***@db.example:5432/storyline"
    assert redacted("postgresql://news@db.example/storyline") == "postgresql://news@db.example/storyline"


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password():
    with pytest.raises(StoreError) as error:
        open_store("postgresql://news:s3cret@127.0.0.1:1/storyline?connect_timeout=2")
    message = str(error.value)
    assert "cannot connect" in message and "s3cret" not in message and "\n" not in message


@needs_postgres
def test_the_schema_is_made_once_and_reopening_keeps_what_was_stored(tmp_path):
    address = new_store_address(tmp_path, "reopen")
    with open_store(address) as store:
        assert isinstance(store, PostgresStore)
        from storyline.ingest import ingest
        from storyline.readers import read_paths

        ingest(store, read_paths([str(write_jsonl(tmp_path / "a.jsonl", fictional_records(5)))]), workers=1)
    with open_store(address) as again:
        assert again.count_articles() == 5
        assert again.search_articles("Orlen")[0] >= 1


CHILD = """
import sys
from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
with open_store(sys.argv[1]) as store:
    ingest(store, read_paths([sys.argv[2]]), batch_size=25, workers=1)
"""


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=needs_postgres)])
def test_two_ingesters_at_once_store_every_article_once(tmp_path, kind):
    """Two processes ingest overlapping files into one store at the same moment, the overlap in opposite orders:
    the database's unique keys and transactions keep each article once, whichever writer got there first, and a
    writer that loses a deadlock runs its batch again."""
    address = new_store_address(tmp_path, "two", POSTGRES if kind == "postgresql" else "")
    records = fictional_records(600)
    first = write_jsonl(tmp_path / "first.jsonl", records[:400])
    second = write_jsonl(tmp_path / "second.jsonl", records[200:][::-1])
    with open_store(address) as store:
        assert isinstance(store, SQLiteStore if kind == "sqlite" else PostgresStore)
    children = [subprocess.Popen([sys.executable, "-c", CHILD, address, str(path)]) for path in (first, second)]
    assert [child.wait(timeout=300) for child in children] == [0, 0]
    with open_store(address) as store:
        stored = store.articles()
        assert len(stored) == 600
        assert sorted(a.external_id for a in stored) == sorted(r["id"] for r in records)
        assert all(store.sentences(a) for a in stored)


@needs_postgres
def test_a_pool_lends_its_connections_again_and_replaces_those_the_server_dropped(tmp_path):
    import psycopg

    from storyline.store import PostgresPool

    pool = PostgresPool(new_store_address(tmp_path, "pool"), size=2)
    try:
        for _ in range(10):
            with pool.store() as store:
                assert store.count_articles() == 0
                with pytest.raises(ZeroDivisionError), store.transaction():
                    store.conn.execute("SELECT 1")
                    raise ZeroDivisionError  # a request failing inside a transaction gives its connection back clean
        assert pool.opened <= 2
        with pool.store() as one, pool.store() as other:
            backends = [s.conn.execute("SELECT pg_backend_pid()").fetchone()[0] for s in (one, other)]
        with psycopg.connect(POSTGRES, autocommit=True) as admin:
            for backend in backends:
                admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        with pool.store() as store:  # a server restart: the pool checks a connection before lending it
            assert store.count_articles() == 0
            assert store.conn.execute("SELECT pg_backend_pid()").fetchone()[0] not in backends
    finally:
        pool.close()
