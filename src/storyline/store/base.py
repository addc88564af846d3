"""What every store does, in the SQL SQLite and PostgreSQL share; each store adds its connection, its schema and
its full-text search.

Every write goes through ``transaction()`` so a batch lands whole or not at all; a crash or ``kill -9`` loses only
the batch in flight. Concurrent writers are kept apart by the database (unique keys, ``ON CONFLICT``), not by locks
in Python.
"""

from __future__ import annotations

import os
import re
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

import numpy as np

from storyline.dedupe import band_keys
from storyline.model import Article, Event, Sentence, Story
from storyline.store.history import History
from storyline.store.queries import NO_LIMIT, StoryQuery, TextSearch, story_list_sql
from storyline.store.records import Snippet
from storyline.store.rows import (
    ARTICLE_COLUMNS,
    INSERT_ARTICLE,
    INSERT_BAND,
    INSERT_SENTENCE,
    NewArticle,
    article_row,
    band_rows,
    day,
    now,
    sentence_rows,
    to_article,
    upsert,
)

DEFAULT_DB = "storyline.db"
ENV_DB = "STORYLINE_DB"

_ORDER = "COALESCE(published, '~'), rowid"
"""Articles oldest first, undated ones last ("~" sorts after every ISO date); an index follows it."""

_OLDEST_FIRST = "a.published IS NULL, a.published, a.rowid"
"""Articles (as ``a``) in publication order, undated last: how a story's articles and the articles to place come."""

_CANONICAL = (
    "dup_of IS NULL AND NOT EXISTS "
    "(SELECT 1 FROM articles b WHERE a.url != '' AND b.url = a.url AND b.version > a.version)"
)
"""Articles that stand for themselves: not a copy of another, not an older version of a URL."""
_UNPLACED = (
    f"FROM articles a WHERE {_CANONICAL} AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)"
)
"""Canonical articles that no story holds yet."""
_MISPLACED = f"FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE NOT ({_CANONICAL})"
"""Story members that stopped being canonical (now a copy, or an older version)."""


class StoreError(Exception):
    """The store cannot be opened, or is of an unknown schema."""


def redacted(address: str) -> str:
    """An address fit for an error message: its password hidden."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", address)


def default_path() -> str:
    return os.environ.get(ENV_DB) or DEFAULT_DB


class Store(History, ABC):
    """Articles, their sentences, learned boilerplate, stories and what changed in them (``History``).

    ``conn`` runs SQL written with ``?`` parameters and hands back rows readable by position and by column name.
    """

    SEARCH: TextSearch

    address: str
    conn: Any
    CONFLICTS: tuple[type[Exception], ...] = ()
    """What a transaction that lost to another writer raises (it was rolled back: running it again is safe)."""

    @property
    def name(self) -> str:
        """The store as messages name it (a password in its address hidden)."""
        return redacted(self.address)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Any]:
        """All-or-nothing: commit on success, roll back on any exception."""

    @abstractmethod
    def search_articles(self, text: str, *, limit: int = 20, offset: int = 0
                        ) -> tuple[int, list[tuple[Article, Snippet]]]:
        """Articles whose title or text holds every word of ``text``, best match first, each with a snippet of its
        text around the words; and how many there are."""

    # --- articles -----------------------------------------------------------

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        return {row[0] for row in self._select_in("SELECT id FROM articles WHERE id IN (?*)", ids)}

    def latest_versions(self, urls: Iterable[str]) -> dict[str, int]:
        return dict(self._select_in("SELECT url, MAX(version) FROM articles WHERE url IN (?*) GROUP BY url",
                                    [u for u in set(urls) if u]))

    def line_counts(self, source: str, keys: Iterable[int]) -> dict[int, int]:
        return dict(self._select_in("SELECT key, articles FROM line_counts WHERE source = ? AND key IN (?*)", keys,
                                    before=[source]))

    def add_line_counts(self, source: str, counts: dict[int, int]) -> None:
        """Add to the learned line counts (inside the caller's transaction)."""
        self.conn.executemany(
            "INSERT INTO line_counts(source, key, articles) VALUES (?, ?, ?) "
            "ON CONFLICT(source, key) DO UPDATE SET articles = line_counts.articles + excluded.articles",
            [(source, key, counts[key]) for key in sorted(counts)],  # one order, so two writers never deadlock
        )

    def add_article(
        self, article: Article, spans: Sequence[tuple[int, int]], minhash: np.ndarray, version: int, dup_of: str | None
    ) -> bool:
        """Insert one article with its sentence spans (inside the caller's transaction); False when another writer
        stored it first (two ingests of overlapping input at once), which is not an error."""
        return self.add_articles([(article, spans, minhash, version, dup_of)])[0]

    def add_articles(self, rows: Sequence[NewArticle]) -> list[bool]:
        """``add_article`` for a batch: whether each was inserted. The sentences and bands of the batch go in one
        statement each, not one per article."""
        inserted = [self.conn.execute(INSERT_ARTICLE, article_row(article, minhash, version, dup_of)).rowcount > 0
                    for article, _, minhash, version, dup_of in rows]
        new = [row for row, fresh in zip(rows, inserted) if fresh]
        self.conn.executemany(INSERT_SENTENCE, [one for article, spans, *_ in new
                                                for one in sentence_rows(article, spans)])
        self.conn.executemany(INSERT_BAND, [one for article, _, minhash, *_ in new
                                            for one in band_rows(article.id, minhash)])
        return inserted

    def outlet_languages(self, sources: Iterable[str]) -> dict[str, str]:
        """The language most of each outlet's stored articles are in."""
        counts: dict[str, tuple[int, str]] = {}
        for source, language, n in self._select_in("SELECT source, language, COUNT(*) FROM articles WHERE source "
                                                   "IN (?*) AND language != '' GROUP BY source, language",
                                                   sorted(sources)):
            if n > counts.get(source, (0, ""))[0]:
                counts[source] = (n, language)
        return {source: language for source, (_, language) in counts.items()}

    def signatures(self) -> Iterator[tuple[str, np.ndarray, str, str, str | None]]:
        """Every stored signature, in the order stored."""
        for row in self.conn.execute(f"SELECT {_SIGNATURE_COLUMNS} FROM articles ORDER BY rowid"):
            yield _signature_row(row)

    def duplicate_candidates(self, signatures: Sequence[np.ndarray], hashes: Iterable[str]
                             ) -> list[tuple[str, np.ndarray, str, str, str | None]]:
        """The stored articles a batch may copy, as ``signatures`` yields them: those filed under one of the
        batch's LSH bands or holding one of its exact texts (``hashes``), and the articles they copy. Read from
        indexes, so a batch costs the same however many articles are stored."""
        keys: dict[int, set[int]] = defaultdict(set)
        for sig in signatures:
            for band, key in enumerate(band_keys(sig)):
                keys[band].add(key)
        ids: set[str] = set()
        # one band at a time, a search of the primary key: "(band, key) IN (VALUES ...)" scans the whole table
        for band in sorted(keys):
            ids.update(row[0] for row in self._select_in(
                "SELECT article_id FROM minhash_bands WHERE band = ? AND key IN (?*)", sorted(keys[band]), before=[band]))
        ids.update(row[0] for row in self._select_in("SELECT id FROM articles WHERE content_hash IN (?*)",
                                                     sorted(set(hashes))))
        found = self._signature_rows(ids)
        return found + self._signature_rows({row[4] for row in found if row[4]} - ids)

    def _signature_rows(self, ids: Iterable[str]) -> list[tuple[str, np.ndarray, str, str, str | None]]:
        return list(map(_signature_row, self._select_in(f"SELECT {_SIGNATURE_COLUMNS} FROM articles WHERE id IN (?*)",
                                                        sorted(ids))))

    def _select_in(self, sql: str, values: Iterable[Any], before: Sequence[Any] = ()) -> Iterator[Any]:
        """The rows of ``sql`` for ``values``, 500 at a time (within every database's limit on parameters): each
        ``(?*)`` in it stands for one chunk's placeholders, after the ``before`` parameters."""
        times = sql.count("(?*)")
        for chunk in _chunks(values, 500):
            marks = "(" + ",".join("?" * len(chunk)) + ")"
            yield from self.conn.execute(sql.replace("(?*)", marks), [*before, *list(chunk) * times])

    def band_stored_articles(self) -> None:
        """File every stored article under its LSH bands (inside the caller's transaction): a store from before
        bands were kept gets them as it migrates."""
        rows = self.conn.execute("SELECT id, minhash FROM articles").fetchall()
        for chunk in _chunks(rows, 5000):
            self.conn.executemany(INSERT_BAND, [band for article_id, minhash in chunk
                                                for band in band_rows(article_id, np.frombuffer(minhash, np.uint32))])

    def count_articles(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def article(self, key: str) -> Article | None:
        """An article by id, unique id prefix, or the id it had in its input. The id alone is asked first: it is
        what pages and the API ask for, and the other ways read the whole table."""
        rows = self.conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (key,)).fetchall() or \
            self.conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE external_id = ? OR id LIKE ? LIMIT 2",
                              (key, f"{key}%" if len(key) >= 4 else key)).fetchall()
        return to_article(rows[0]) if len(rows) == 1 else None

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Articles oldest first (undated last)."""
        rows = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY {_ORDER} LIMIT ? OFFSET ?",
            (NO_LIMIT if limit is None else limit, offset),
        )
        return [to_article(r) for r in rows]

    def articles_after(self, cursor: str, limit: int) -> tuple[list[Article], str | None]:
        """The ``limit`` articles after ``cursor`` ("" for the first) in the order of ``articles``, and the
        cursor of the next page (None at the end): each page costs the same however deep it is."""
        day, _, rowid = cursor.rpartition("|")
        rows = self.conn.execute(
            f"SELECT rowid, {ARTICLE_COLUMNS} FROM articles WHERE ({_ORDER}) > (?, ?) ORDER BY {_ORDER} LIMIT ?",
            (day if cursor else "", int(rowid) if rowid.isdigit() else -1, limit),
        ).fetchall()
        return [to_article(r) for r in rows], self.cursor_of(rows[-1]["id"]) if len(rows) == limit else None

    def cursor_of(self, article_id: str) -> str | None:
        """Where an article stands in the order of ``articles``, for ``articles_after``."""
        row = self.conn.execute("SELECT COALESCE(published, '~'), rowid FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return f"{row[0]}|{row[1]}" if row else None

    def canonical_articles(self) -> Iterator[Article]:
        """One article per duplicate group and URL: what stories are made of."""
        rows = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE {_CANONICAL} ORDER BY {_OLDEST_FIRST}"
        )
        return (to_article(r) for r in rows)

    def unplaced_articles(self) -> list[Article]:
        """Canonical articles no story holds yet, in publication order (undated last)."""
        rows = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} {_UNPLACED} ORDER BY {_OLDEST_FIRST}"
        )
        return [to_article(r) for r in rows]

    def articles_by_ids(self, article_ids: Sequence[str]) -> list[Article]:
        """These articles, in the order given."""
        found = {row["id"]: to_article(row)
                 for row in self._select_in(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN (?*)", article_ids)}
        return [found[i] for i in article_ids if i in found]

    def story_of(self, article_id: str) -> int | None:
        """The story an article belongs to, or that its canonical copy belongs to."""
        row = self.conn.execute(
            "SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = COALESCE(a.dup_of, a.id) "
            "WHERE a.id = ?", (article_id,),
        ).fetchone()
        return row[0] if row else None

    def copies(self, article_ids: Sequence[str]) -> dict[str, list[Article]]:
        """The duplicates grouped under each of these canonical articles."""
        result: dict[str, list[Article]] = {}
        for row in self._select_in(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE dup_of IN (?*)", article_ids):
            result.setdefault(row["dup_of"], []).append(to_article(row))
        return result

    def sources(self, article_ids: Sequence[str]) -> set[str]:
        """The outlets of these articles and of their syndicated copies, read without their texts."""
        return {row[0] for row in self._select_in(
            "SELECT DISTINCT source FROM articles WHERE id IN (?*) OR dup_of IN (?*)", article_ids)}

    def sentences(self, article: Article) -> list[Sentence]:
        rows = self.conn.execute(
            'SELECT idx, start, "end" FROM sentences WHERE article_id = ? ORDER BY idx', (article.id,)
        )
        return [Sentence(article.id, i, s, e, article.text[s:e]) for i, s, e in rows]

    # --- stories ------------------------------------------------------------

    def replace_stories(self, stories: Sequence[Story]) -> None:
        """Store a new set of stories in place of all others, in one transaction."""
        with self.transaction():
            self.conn.execute("DELETE FROM story_articles")
            self.conn.execute("DELETE FROM events")
            self.conn.execute("DELETE FROM stories")
            self._write_stories(stories)
            self._record_update(rebuild=True)

    def stories(self) -> list[Story]:
        """Stories, most recently active first."""
        return self._stories("")

    def story(self, story_id: int) -> Story | None:
        """A story with its events (none for an id no store can hold: a 64-bit integer ends at 2**63 - 1)."""
        if not 0 < story_id < 2**63:
            return None
        found = self._stories("WHERE s.id = ?", (story_id,))
        if not found:
            return None
        story = found[0]
        rows = self.conn.execute(
            "SELECT e.id, e.label, sa.article_id, a.published FROM events e JOIN story_articles sa ON sa.event_id = e.id "
            f"JOIN articles a ON a.id = sa.article_id WHERE e.story_id = ? ORDER BY {_OLDEST_FIRST}", (story_id,),
        )
        events: dict[int, Event] = {}
        for event_id, label, article_id, published in rows:  # articles oldest first, so events too
            event = events.setdefault(event_id, Event(event_id, label, []))
            event.article_ids.append(article_id)
            if published:
                day = date.fromisoformat(published)
                event.first, event.last = event.first or day, day
        story.events = list(events.values())
        return story

    def _stories(self, where: str, params: tuple = ()) -> list[Story]:
        rows = self.conn.execute(
            "SELECT s.id, s.label, s.method, MIN(a.published), MAX(a.published) "
            "FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id "
            f"{where} GROUP BY s.id ORDER BY MAX(a.published) IS NULL, MAX(a.published) DESC, s.id",
            params,
        ).fetchall()
        members = self._members([r[0] for r in rows], every=not where)
        return [Story(id=r[0], label=r[1], method=r[2], article_ids=members[r[0]], first=day(r[3]), last=day(r[4]))
                for r in rows]

    def _members(self, story_ids: Sequence[int], every: bool = False) -> dict[int, list[str]]:
        """The articles of these stories (``every`` one: all stories), oldest first: one order in every store, so
        what is made of a story's articles in order is made the same way."""
        members: dict[int, list[str]] = {story_id: [] for story_id in story_ids}
        order = f"ORDER BY {_OLDEST_FIRST}"
        select = "SELECT sa.story_id, sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
        rows = self.conn.execute(f"{select} {order}") if every else self._select_in(
            f"{select} WHERE sa.story_id IN (?*) {order}", story_ids)
        for story_id, article_id in rows:
            members[story_id].append(article_id)
        return members

    def event_counts(self) -> dict[int, int]:
        """How many events each story has."""
        return dict(self.conn.execute("SELECT story_id, COUNT(*) FROM events GROUP BY story_id").fetchall())

    def find_stories(self, query: StoryQuery) -> list[Story]:
        """One page of the stories ``query`` asks for, in its order."""
        sql, params = story_list_sql(query, self.SEARCH)
        rows = self.conn.execute(sql, params).fetchall()
        members = self._members([row[0] for row in rows])
        names = self._names(list(members))
        return [Story(id=r[0], label=names[r[0]][0], method=names[r[0]][1], article_ids=members[r[0]],
                      first=day(r[2]), last=day(r[3])) for r in rows]

    def count_stories(self, query: StoryQuery, *, folded: bool = False) -> int:
        """How many stories ``query`` finds in all (its limit and offset aside), or, ``folded``, how many it leaves
        out for being smaller than its ``min_articles``."""
        sql, params = story_list_sql(query, self.SEARCH, count=True, folded=folded)
        return self.conn.execute(sql, params).fetchone()[0]

    def _names(self, story_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """The label and method of each of these stories."""
        return {story_id: (label, method) for story_id, label, method in
                self._select_in("SELECT id, label, method FROM stories WHERE id IN (?*)", story_ids)}

    def cached(self, story_id: int, kind: str, key: str | None = None) -> str | None:
        """What was derived for a story (its timeline, its entities) while its members were ``key``; without a
        key, what was derived last, whatever its members were then."""
        row = self.conn.execute(
            "SELECT body FROM story_cache WHERE story_id = ? AND kind = ? AND key = COALESCE(?, key)",
            (story_id, kind, key),
        ).fetchone()
        return row[0] if row else None

    def cache(self, story_id: int, kind: str, key: str, body: str) -> None:
        with self.transaction():
            self.conn.execute(upsert("story_cache", "story_id, kind, key, body", "story_id, kind"),
                              (story_id, kind, key, body))

    def stories_are_stale(self) -> bool:
        """True when a canonical article belongs to no story, or a story holds a non-canonical one."""
        row = self.conn.execute(f"SELECT EXISTS (SELECT 1 {_UNPLACED}) OR EXISTS (SELECT 1 {_MISPLACED})").fetchone()
        return bool(row[0])

    def misplaced(self) -> set[str]:
        """Articles a story holds that are no longer canonical."""
        return {row[0] for row in self.conn.execute(f"SELECT sa.article_id {_MISPLACED}")}

    def clusterer_state(self) -> tuple[str, bytes] | None:
        """The saved state of the story clusterer and the fingerprint of what it was saved for."""
        row = self.conn.execute("SELECT fingerprint, body FROM clusterer_state").fetchone()
        return (row[0], row[1]) if row else None

    def save_clusterer_state(self, fingerprint: str, body: bytes) -> None:
        with self.transaction():
            self.conn.execute(upsert("clusterer_state", "id, fingerprint, body", "id"), (1, fingerprint, body))

    def story_assignments(self) -> dict[str, tuple[int | None, int]]:
        """Event id (None in a store older than events) and story id of every article that has them."""
        rows = self.conn.execute("SELECT article_id, event_id, story_id FROM story_articles")
        return {article_id: (event_id, story_id) for article_id, event_id, story_id in rows}

    def save_stories(self, stories: Sequence[Story]) -> None:
        """Insert or update these stories, keeping every other story as it is.

        Articles that stopped being canonical (now a copy, or an older
        version) leave their stories, and stories left empty are removed.
        """
        with self.transaction():
            self._write_stories(stories)
            self.conn.execute(
                f"DELETE FROM story_articles WHERE article_id IN (SELECT id FROM articles a WHERE NOT ({_CANONICAL}))"
            )
            self.conn.execute("DELETE FROM events WHERE id NOT IN "
                              "(SELECT event_id FROM story_articles WHERE event_id IS NOT NULL)")
            self.conn.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)")
            self._record_update(rebuild=False)

    def readings(self, article_ids: Sequence[str], method: str) -> dict[str, str]:
        """What was kept of these articles for timelines (see ``reading.Reading``) under ``method``."""
        return dict(self._select_in("SELECT article_id, body FROM article_readings WHERE method = ? AND "
                                    "article_id IN (?*)", article_ids, before=[method]))

    def keep_readings(self, bodies: dict[str, str], method: str) -> None:
        with self.transaction():
            self.conn.executemany(upsert("article_readings", "article_id, method, body", "article_id"),
                                  [(article_id, method, body) for article_id, body in bodies.items()])

    def _write_stories(self, stories: Sequence[Story]) -> None:
        """Upsert stories, their events and their members (inside the caller's transaction)."""
        stamp = now()
        for story in stories:
            self.conn.execute(upsert("stories", "id, label, method, updated_at", "id"),
                              (story.id, story.label, story.method, stamp))
            self.conn.executemany(upsert("events", "id, story_id, label", "id"),
                                  [(event.id, story.id, event.label) for event in story.events])
            event_of = {article_id: event.id for event in story.events for article_id in event.article_ids}
            self.conn.executemany(upsert("story_articles", "article_id, story_id, event_id", "article_id"),
                                  [(a, story.id, event_of.get(a)) for a in story.article_ids])


_SIGNATURE_COLUMNS = "id, minhash, content_hash, url, dup_of"


def _signature_row(row: Sequence) -> tuple[str, np.ndarray, str, str, str | None]:
    return row[0], np.frombuffer(row[1], dtype=np.uint32), row[2], row[3], row[4]


def _chunks(items: Iterable, size: int) -> Iterator[Sequence]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]
