"""The embedded store: one SQLite file in WAL mode, searched with FTS5; the default."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from storyline.model import Article
from storyline.store import schema
from storyline.store.base import Store, StoreError, default_path
from storyline.store.queries import TextSearch, fts_query
from storyline.store.records import (
    MARK_END,
    MARK_START,
    SNIPPET_WORDS,
    Snippet,
    snippet,
)
from storyline.store.rows import QUALIFIED_COLUMNS, NewArticle, to_article

_MATCHING = "SELECT rowid AS hit, bm25(article_search) AS score FROM article_search WHERE article_search MATCH ?"
FTS5 = TextSearch(found=_MATCHING, found_phrase=_MATCHING, words=lambda text, phrase: fts_query(text, phrase=phrase))
"""FTS5 writes a phrase in its query text ("a b" in quotes), so both searches are one SQL."""


class SQLiteStore(Store):
    """Articles and stories in one SQLite file: nothing to install or run."""

    SEARCH = FTS5

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = self.address = str(path or default_path())
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # One user at a time, not always the thread that opened it (a web request hops threads).
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable Storyline database ({exc})") from None

    def close(self) -> None:
        self.conn.close()

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > schema.SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this Storyline "
                             f"({schema.SCHEMA_VERSION})")
        for number in range(version, schema.SCHEMA_VERSION):
            with self.transaction():
                for statement in schema.statements(schema.MIGRATIONS[number]):
                    self.conn.execute(statement)
                if number + 1 == schema.BANDS_VERSION:
                    self.band_stored_articles()
                self.conn.execute(f"PRAGMA user_version={number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def add_articles(self, rows: Sequence[NewArticle]) -> list[bool]:
        """Insert the batch, then index its articles for search in one statement. Inside the caller's transaction,
        which holds the write lock (``BEGIN IMMEDIATE``): the rows past the largest rowid before are the batch's."""
        last = self.conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0]
        inserted = super().add_articles(rows)
        if any(inserted):
            self.conn.execute("INSERT INTO article_search(rowid, title, text) "
                              "SELECT rowid, title, text FROM articles WHERE rowid > ?", (last,))
        return inserted

    def search_articles(self, text: str, *, limit: int = 20, offset: int = 0
                        ) -> tuple[int, list[tuple[Article, Snippet]]]:
        query = fts_query(text)
        if not query:
            return 0, []
        total = self.conn.execute("SELECT COUNT(*) FROM article_search WHERE article_search MATCH ?", (query,)).fetchone()[0]
        rows = self.conn.execute(
            f"SELECT {QUALIFIED_COLUMNS}, snippet(article_search, 1, ?, ?, '…', {SNIPPET_WORDS}) AS snippet "
            "FROM article_search JOIN articles ON articles.rowid = article_search.rowid "
            "WHERE article_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?", (MARK_START, MARK_END, query, limit, offset),
        ).fetchall()
        return total, [(to_article(r), snippet(r["snippet"])) for r in rows]
