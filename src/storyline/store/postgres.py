"""The server store: PostgreSQL, for several ingesters and a web app at once, searched with PostgreSQL's own text
search. Opened by address: ``postgresql://user@host/db``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from storyline.model import Article
from storyline.store import schema
from storyline.store.base import Store, StoreError, redacted
from storyline.store.queries import MAX_WORDS, TextSearch
from storyline.store.records import (
    MARK_END,
    MARK_START,
    SNIPPET_WORDS,
    Snippet,
    snippet,
)
from storyline.store.rows import (
    INSERT_ARTICLE,
    QUALIFIED_COLUMNS,
    NewArticle,
    article_row,
    band_rows,
    sentence_rows,
    to_article,
)

try:
    import psycopg
except ImportError:  # pragma: no cover - the extra is not installed
    psycopg = None
try:
    from psycopg_pool import ConnectionPool
except ImportError:  # pragma: no cover - an older install of the extra
    ConnectionPool = None

SCHEMES = ("postgresql://", "postgres://")
SERVER_ERRORS: tuple[type[Exception], ...] = (psycopg.OperationalError,) if psycopg else ()
"""What a lost or failing database server raises mid-run."""


def is_postgres(address: str) -> bool:
    return address.startswith(SCHEMES)


def _words(text: str, phrase: bool) -> str:
    return " ".join(text.replace("\x00", " ").split()[:MAX_WORDS])


_MATCHING = "SELECT a.rowid AS hit, -ts_rank(a.search, q) AS score FROM articles a, {}('simple', ?) q WHERE a.search @@ q"
TSEARCH = TextSearch(found=_MATCHING.format("plainto_tsquery"), found_phrase=_MATCHING.format("phraseto_tsquery"),
                     words=_words)
"""The 'simple' configuration: words as written, lower-cased, no stemming, like SQLite's FTS5 tokenizer."""


@lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """SQLite's ``?`` parameters as psycopg's ``%s``, a ``%`` of the SQL doubled (no ``?`` is ever SQL's own)."""
    return sql.replace("%", "%%").replace("?", "%s")


class _Row(tuple):
    """A row readable by position and by column name, as ``sqlite3.Row`` is."""

    columns: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self.columns[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.columns)


def _row_factory(cursor: Any) -> Any:
    columns = {column.name: i for i, column in enumerate(cursor.description or ())}

    def make(values: Sequence[Any]) -> _Row:
        row = _Row(values)
        row.columns = columns
        return row

    return make


class _Connection:
    """A psycopg connection that takes the store's SQL as SQLite would."""

    def __init__(self, conn: Any) -> None:
        self.raw = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(_placeholders(sql), _clean(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        with self.raw.cursor() as cursor:
            cursor.executemany(_placeholders(sql), [_clean(row) for row in rows])
            return cursor

    def close(self) -> None:
        self.raw.close()


def _clean(params: Sequence[Any]) -> list[Any]:
    """PostgreSQL text holds no NUL character; SQLite's does, and ids or titles may carry one."""
    return [value.replace("\x00", "") if isinstance(value, str) else value for value in params]


CONNECTION = {"autocommit": True, "row_factory": _row_factory, "connect_timeout": 10}


def _configure(raw: Any) -> None:
    """Every Python int as BIGINT, the type of our integer columns: psycopg would pick the smallest type that fits
    each value, and a list of mixed types compared with a BIGINT column cannot use its index."""
    for dumper in (psycopg.types.numeric.Int8Dumper, psycopg.types.numeric.Int8BinaryDumper):
        raw.adapters.register_dumper(int, dumper)


class PostgresPool:
    """Connections to one server kept open between uses, for a web app whose every request needs the store:
    borrowing one costs a round trip where connecting cost 6 ms on this machine (tens of milliseconds to a server
    across a network, with TLS and password checks)."""

    def __init__(self, address: str, size: int) -> None:
        PostgresStore(address).close()  # the usual errors for a wrong address, and the schema brought up to date
        self.address = address
        self.pool = ConnectionPool(address, kwargs=CONNECTION, configure=_configure, min_size=1, max_size=size,
                                   check=ConnectionPool.check_connection, name="storyline", open=True)

    @contextmanager
    def store(self) -> Iterator[PostgresStore]:
        """The store on a borrowed connection, given back (rolled back first if a transaction was left open)."""
        with self.pool.connection() as raw:
            yield PostgresStore(self.address, raw)

    @property
    def opened(self) -> int:
        """How many connections the pool has opened so far (those it replaced included)."""
        return self.pool.get_stats()["connections_num"]

    def close(self) -> None:
        self.pool.close()


class PostgresStore(Store):
    """Articles and stories in a PostgreSQL database, shared by every process given its address."""

    SEARCH = TSEARCH
    CONFLICTS = (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure) if psycopg else ()

    def __init__(self, address: str, borrowed: Any = None) -> None:
        """The store at ``address``, on a connection of its own, or on a ``borrowed`` one (from a
        ``PostgresPool``, which has seen the schema up to date) that it leaves open."""
        self.address = address
        self.borrowed = borrowed is not None
        if borrowed is not None:
            self.conn = _Connection(borrowed)
            return
        if psycopg is None:
            raise StoreError(f"{redacted(address)}: PostgreSQL needs psycopg: pip install 'storyline[postgres]'")
        try:
            raw = psycopg.connect(address, **CONNECTION)
        except (psycopg.Error, ValueError) as exc:
            raise StoreError(f"{redacted(address)}: cannot connect ({str(exc).strip().splitlines()[0]})") from None
        _configure(raw)
        self.conn = _Connection(raw)
        try:
            self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"{redacted(address)}: not a usable Storyline database ({exc})") from None

    def close(self) -> None:
        if not self.borrowed:
            self.conn.close()

    def _version(self) -> int:
        """The schema version the database is at (0 before Storyline made its tables)."""
        if self.conn.execute("SELECT to_regclass('storyline_schema')").fetchone()[0] is None:
            return 0
        row = self.conn.execute("SELECT version FROM storyline_schema").fetchone()
        return row[0] if row else 0

    def _migrate(self) -> None:
        if self._version() == schema.SCHEMA_VERSION:  # the common case (every web request opens a store): no lock
            return
        with self.transaction():
            # One process migrates at a time; the others wait here, then find the work done.
            self.conn.execute("SELECT pg_advisory_xact_lock(4242)")
            version = self._version()
            if version > schema.SCHEMA_VERSION:
                raise StoreError(f"{redacted(self.address)}: schema version {version} is newer than this Storyline "
                                 f"({schema.SCHEMA_VERSION})")
            for number, script in sorted(schema.POSTGRES_MIGRATIONS.items()):
                if number > version:
                    self.conn.raw.execute(script)
                    if number == schema.BANDS_VERSION:
                        self.band_stored_articles()
            self.conn.execute("CREATE TABLE IF NOT EXISTS storyline_schema (version INTEGER NOT NULL)")
            self.conn.execute("DELETE FROM storyline_schema")
            self.conn.execute("INSERT INTO storyline_schema(version) VALUES (?)", (schema.SCHEMA_VERSION,))

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.conn.raw.transaction():
            yield self.conn

    def add_articles(self, rows: Sequence[NewArticle]) -> list[bool]:
        """The batch in two pipelined statements, not two round trips per article."""
        if not rows:
            return []
        inserted: set[str] = set()
        with self.conn.raw.cursor() as cursor:
            cursor.executemany(_placeholders(INSERT_ARTICLE + " RETURNING id"),
                               [_clean(article_row(article, *rest)) for article, _, *rest in rows], returning=True)
            while True:
                inserted.update(row[0] for row in cursor.fetchall())
                if not cursor.nextset():
                    break
        sentences = [one for article, spans, *_ in rows if article.id in inserted for one in sentence_rows(article, spans)]
        if sentences:
            self.conn.execute('INSERT INTO sentences(article_id, idx, start, "end") '
                              "SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::int[])",
                              [list(column) for column in zip(*sentences)])
        bands = [one for article, _, minhash, *_ in rows if article.id in inserted
                 for one in band_rows(article.id, minhash)]
        if bands:
            self.conn.execute("INSERT INTO minhash_bands(band, key, article_id) "
                              "SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::text[]) ON CONFLICT DO NOTHING",
                              [list(column) for column in zip(*bands)])
        return [article.id in inserted for article, *_ in rows]

    def line_counts(self, source: str, keys: Iterable[int]) -> dict[int, int]:
        rows = self.conn.execute("SELECT key, articles FROM line_counts WHERE source = ? AND key = ANY(?)",
                                 (source, list(keys)))
        return dict(rows.fetchall())

    def add_line_counts(self, source: str, counts: dict[int, int]) -> None:
        """One statement of two arrays, in one order of keys so two writers never deadlock."""
        keys = sorted(counts)
        self.conn.execute("INSERT INTO line_counts(source, key, articles) SELECT ?, k, n FROM unnest(?::bigint[], "
                          "?::bigint[]) AS t(k, n) ON CONFLICT(source, key) DO UPDATE "
                          "SET articles = line_counts.articles + excluded.articles",
                          (source, keys, [counts[k] for k in keys]))

    def search_articles(self, text: str, *, limit: int = 20, offset: int = 0
                        ) -> tuple[int, list[tuple[Article, Snippet]]]:
        words = _words(text, False)
        if not words:
            return 0, []
        total = self.conn.execute("SELECT COUNT(*) FROM articles WHERE search @@ plainto_tsquery('simple', ?)",
                                  (words,)).fetchone()[0]
        options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"
        rows = self.conn.execute(
            f"SELECT {QUALIFIED_COLUMNS}, ts_headline('simple', articles.text, q, ?) AS snippet "
            "FROM articles, plainto_tsquery('simple', ?) q WHERE articles.search @@ q "
            "ORDER BY ts_rank(articles.search, q) DESC, articles.rowid LIMIT ? OFFSET ?",
            (options, words, limit, offset),
        ).fetchall()
        return total, [(to_article(r), snippet(r["snippet"])) for r in rows]
