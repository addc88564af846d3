"""What a store keeps of its own history: the watched sources' last polls, the updates noted, the articles each
placed, and the timelines readers saw after each (what ``storyline changes`` reports)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import astuple
from typing import Any

from storyline.store.records import SourceState, Update
from storyline.store.rows import now, upsert

_SOURCE_COLUMNS = "address, etag, last_modified, polled_at, status, error, stored, watermark"
"""A watched source's state, in the order of ``SourceState``."""


class History:
    """The store's history, over the connection and the transactions of the store it is part of."""

    conn: Any
    transaction: Callable[[], AbstractContextManager[Any]]

    # --- watched sources ----------------------------------------------------

    def source(self, address: str) -> SourceState:
        """What the last poll of a watched source left (a blank state for one never polled)."""
        row = self.conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE address = ?", (address,)).fetchone()
        return SourceState(*row) if row else SourceState(address)

    def save_source(self, state: SourceState) -> None:
        with self.transaction():
            self.conn.execute(upsert("sources", _SOURCE_COLUMNS, "address"), astuple(state))

    # --- what changed -------------------------------------------------------

    def note_update(self) -> None:
        """Note an update that placed nothing (a scheduled run with nothing new), so "since the last update" is
        empty after it."""
        with self.transaction():
            self.conn.execute("INSERT INTO updates(at, articles, rebuild) VALUES (?, 0, 0)", (now(),))

    def _record_update(self, *, rebuild: bool) -> None:
        """Note this update and mark the articles it placed (inside the caller's transaction); an update that
        placed nothing new is not noted."""
        update_id = self.conn.execute("INSERT INTO updates(at, articles, rebuild) VALUES (?, 0, ?) RETURNING id",
                                      (now(), int(rebuild))).fetchone()[0]
        placed = self.conn.execute("UPDATE story_articles SET update_id = ? WHERE update_id IS NULL",
                                   (update_id,)).rowcount
        if placed:
            self.conn.execute("UPDATE updates SET articles = ? WHERE id = ?", (placed, update_id))
        else:
            self.conn.execute("DELETE FROM updates WHERE id = ?", (update_id,))

    def updates(self) -> list[Update]:
        """Every update noted, oldest first."""
        rows = self.conn.execute("SELECT id, at, articles, rebuild FROM updates ORDER BY id")
        return [Update(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def placed_after(self, update_id: int, story_id: int | None = None) -> dict[int, list[str]]:
        """Per story (or for one), the articles placed by the updates after ``update_id``."""
        placed: dict[int, list[str]] = {}
        rows = self.conn.execute("SELECT story_id, article_id FROM story_articles WHERE update_id > ? "
                                 "AND story_id = COALESCE(?, story_id) ORDER BY story_id, update_id, rowid",
                                 (update_id, story_id))
        for story_id, article_id in rows:
            placed.setdefault(story_id, []).append(article_id)
        return placed

    def placed_by_update(self, story_id: int) -> dict[int, list[str]]:
        """A story's articles by the update that placed them, oldest update first."""
        placed: dict[int, list[str]] = {}
        rows = self.conn.execute("SELECT update_id, article_id FROM story_articles WHERE story_id = ? "
                                 "ORDER BY COALESCE(update_id, 0), rowid", (story_id,))
        for update_id, article_id in rows:
            placed.setdefault(update_id or 0, []).append(article_id)
        return placed

    def timeline_version(self, story_id: int, update_id: int) -> tuple[int, str] | None:
        """The last timeline kept for a story as of ``update_id`` (the update it was made after), if any."""
        row = self.conn.execute("SELECT update_id, body FROM timeline_versions WHERE story_id = ? AND update_id <= ? "
                                "ORDER BY update_id DESC LIMIT 1", (story_id, update_id)).fetchone()
        return (row[0], row[1]) if row else None

    def keep_timeline_version(self, story_id: int, body: str) -> None:
        """Keep a story's timeline as readers see it after the latest update, so a later one never rewrites it
        silently."""
        latest = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM updates").fetchone()[0]
        with self.transaction():
            self.conn.execute(upsert("timeline_versions", "story_id, update_id, body", "story_id, update_id"),
                              (story_id, latest, body))
