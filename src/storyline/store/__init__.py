"""Where articles and stories live: an embedded SQLite file by default, or a PostgreSQL server by address."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager

from storyline.store.base import (
    DEFAULT_DB,
    ENV_DB,
    Store,
    StoreError,
    default_path,
    redacted,
)
from storyline.store.postgres import (
    SERVER_ERRORS,
    ConnectionPool,
    PostgresPool,
    PostgresStore,
    is_postgres,
)
from storyline.store.queries import FOLDED, SORTS, StoryQuery
from storyline.store.records import Snippet, SourceState, Update
from storyline.store.schema import SCHEMA_VERSION
from storyline.store.sqlite import SQLiteStore


def open_store(address: str | os.PathLike[str] | None = None) -> Store:
    """The store at ``address``: a ``postgresql://`` URL, or the path of a SQLite file (``$STORYLINE_DB`` or
    ./storyline.db when none is given)."""
    text = str(address or default_path())
    return PostgresStore(text) if is_postgres(text) else SQLiteStore(text)


class Stores:
    """The store at one address, opened again and again (a web app's requests): a PostgreSQL server's on pooled
    connections (with psycopg_pool, which the postgres extra installs), a SQLite file's each time on a connection of
    its own, which costs little."""

    def __init__(self, address: str, pool_size: int) -> None:
        self.address = address
        self.pool = PostgresPool(address, pool_size) if is_postgres(address) and ConnectionPool else None

    def open(self) -> AbstractContextManager[Store]:
        return self.pool.store() if self.pool else open_store(self.address)

    def close(self) -> None:
        if self.pool:
            self.pool.close()


__all__ = ["DEFAULT_DB", "ENV_DB", "FOLDED", "SCHEMA_VERSION", "SERVER_ERRORS", "SORTS", "PostgresStore", "SQLiteStore", "Snippet",
           "SourceState", "Store", "StoreError", "Stores", "StoryQuery", "Update", "default_path", "is_postgres", "open_store",
           "redacted"]
