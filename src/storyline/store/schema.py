"""The store's schema as numbered migrations: a store at version N runs migrations N+1.. on opening."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

MIGRATIONS: list[str] = [
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        external_id TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        published TEXT,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        dup_of TEXT REFERENCES articles(id),
        origin TEXT NOT NULL DEFAULT '',
        metadata TEXT NOT NULL DEFAULT '{}',
        minhash BLOB NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_url ON articles(url) WHERE url != '';
    CREATE INDEX articles_dup_of ON articles(dup_of) WHERE dup_of IS NOT NULL;
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_external_id ON articles(external_id) WHERE external_id != '';
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE TABLE line_counts (
        source TEXT NOT NULL,
        key INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (source, key)
    ) WITHOUT ROWID;
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id INTEGER NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    """,
    """
    CREATE VIRTUAL TABLE article_search USING fts5(title, text, content='articles', content_rowid='rowid');
    INSERT INTO article_search(article_search) VALUES ('rebuild');
    CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_search(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
        INSERT INTO article_search(article_search, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TABLE story_cache (
        story_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (story_id, kind)
    ) WITHOUT ROWID;
    """,
    """
    CREATE TABLE clusterer_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT NOT NULL,
        body BLOB NOT NULL
    );
    """,
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        label TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX events_story ON events(story_id);
    ALTER TABLE story_articles ADD COLUMN event_id INTEGER REFERENCES events(id);
    CREATE INDEX story_articles_event ON story_articles(event_id);
    """,
    """
    CREATE TABLE updates (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        articles INTEGER NOT NULL,
        rebuild INTEGER NOT NULL DEFAULT 0
    );
    ALTER TABLE story_articles ADD COLUMN update_id INTEGER REFERENCES updates(id);
    CREATE INDEX story_articles_update ON story_articles(update_id);
    INSERT INTO updates(id, at, articles, rebuild)
        SELECT 0, '', COUNT(*), 0 FROM story_articles HAVING COUNT(*) > 0;
    UPDATE story_articles SET update_id = 0;
    CREATE TABLE timeline_versions (
        story_id INTEGER NOT NULL,
        update_id INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (story_id, update_id)
    ) WITHOUT ROWID;
    """,
    """
    CREATE TABLE sources (
        address TEXT PRIMARY KEY,
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        polled_at TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        stored INTEGER NOT NULL DEFAULT 0,
        watermark REAL NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    """,
    """
    CREATE INDEX articles_order ON articles(COALESCE(published, '~'));
    """,
    """
    CREATE TABLE article_readings (
        article_id TEXT PRIMARY KEY,
        method TEXT NOT NULL,
        body TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    """
    CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        key INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (band, key, article_id)
    ) WITHOUT ROWID;
    """,
    # SQLite's search index is filled a batch at a time by the store from here on (SQLiteStore.add_articles): one
    # statement over a batch's rows costs half what the trigger did, a row at a time.
    """
    DROP TRIGGER IF EXISTS article_search_insert;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
BANDS_VERSION = 9
"""The migration that brings the ``minhash_bands`` table: stored articles get their bands then, in Python."""


def statements(script: str) -> Iterator[str]:
    """The SQL statements of a script; a trigger's body keeps its inner semicolons."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


POSTGRES_MIGRATIONS: dict[int, str] = {
    8: """
    CREATE TABLE articles (
        rowid BIGSERIAL UNIQUE,
        id TEXT COLLATE "C" PRIMARY KEY,
        external_id TEXT COLLATE "C" NOT NULL DEFAULT '',
        url TEXT COLLATE "C" NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        published TEXT COLLATE "C",
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        content_hash TEXT COLLATE "C" NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        dup_of TEXT COLLATE "C" REFERENCES articles(id),
        origin TEXT NOT NULL DEFAULT '',
        metadata TEXT NOT NULL DEFAULT '{}',
        minhash BYTEA NOT NULL,
        ingested_at TEXT NOT NULL,
        search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', left(title || ' ' || text, 200000))) STORED
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_url ON articles(url) WHERE url != '';
    CREATE INDEX articles_dup_of ON articles(dup_of) WHERE dup_of IS NOT NULL;
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_external_id ON articles(external_id) WHERE external_id != '';
    CREATE INDEX articles_order ON articles((COALESCE(published, '~')), rowid);
    CREATE INDEX articles_search ON articles USING GIN (search);
    CREATE TABLE sentences (
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE line_counts (
        source TEXT NOT NULL,
        key BIGINT NOT NULL,
        articles BIGINT NOT NULL,
        PRIMARY KEY (source, key)
    );
    CREATE TABLE stories (
        id BIGINT PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE events (
        id BIGINT PRIMARY KEY,
        story_id BIGINT NOT NULL REFERENCES stories(id),
        label TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX events_story ON events(story_id);
    CREATE TABLE updates (
        id BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL,
        articles BIGINT NOT NULL,
        rebuild INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE story_articles (
        rowid BIGSERIAL UNIQUE,
        article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
        story_id BIGINT NOT NULL REFERENCES stories(id),
        event_id BIGINT REFERENCES events(id),
        update_id BIGINT REFERENCES updates(id)
    );
    CREATE INDEX story_articles_story ON story_articles(story_id);
    CREATE INDEX story_articles_event ON story_articles(event_id);
    CREATE INDEX story_articles_update ON story_articles(update_id);
    CREATE TABLE story_cache (
        story_id BIGINT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (story_id, kind)
    );
    CREATE TABLE clusterer_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT NOT NULL,
        body BYTEA NOT NULL
    );
    CREATE TABLE timeline_versions (
        story_id BIGINT NOT NULL,
        update_id BIGINT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (story_id, update_id)
    );
    CREATE TABLE sources (
        address TEXT PRIMARY KEY,
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        polled_at TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        stored BIGINT NOT NULL DEFAULT 0,
        watermark DOUBLE PRECISION NOT NULL DEFAULT 0
    );
    CREATE TABLE article_readings (
        article_id TEXT COLLATE "C" PRIMARY KEY,
        method TEXT NOT NULL,
        body TEXT NOT NULL
    );
    """,
    9: """
    CREATE TABLE minhash_bands (
        band SMALLINT NOT NULL,
        key BIGINT NOT NULL,
        article_id TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (band, key, article_id)
    );
    """,
}
"""PostgreSQL's schema by the version each script brings a store to; it began at SQLite's version 8, in one
script. A later migration adds a script here and to ``MIGRATIONS`` under the same number."""
