"""Ingest: read → clean → dedupe → store, batch by batch.

Each batch is cleaned with boilerplate learned from everything stored so far
plus the batch itself, and lands in the store in one transaction.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import numpy as np

from storyline.clean import clean_article, line_keys, repeated_keys, settle_languages
from storyline.dedupe import DuplicateIndex, signature
from storyline.lexicon import warm_stop_words
from storyline.model import Article
from storyline.processes import die_with_parent
from storyline.readers import Problem
from storyline.sentences import split_spans
from storyline.store import Store

BATCH_SIZE = 500
PARALLEL_MIN = 64
"""Batches smaller than this are prepared in-process: a pool would cost more than it saves."""
WRITE_ATTEMPTS = 3
"""Times a batch's transaction is run when the database chose it to lose a deadlock with another writer (two
ingests of overlapping files in other orders)."""
CHUNK = 16
"""Articles a task of the pool (or cluster) prepares: fewer tasks, less overhead, still an even spread."""
EARLIEST = 1800
"""The earliest publication year taken: an article "from" 0001 or 9999 is a typo or an attack, and dates that far
out break the arithmetic of timelines. The latest is next year."""


def undated(origin: str) -> str:
    """Why an article without a date is skipped, and what to do about it in its format."""
    name = origin.split("#")[0].lower()
    if name.endswith((".html", ".htm", ".xhtml")) or name.startswith(("http://", "https://")):
        how = "the page shows none that can be read; pass --allow-undated to keep it undated"
    elif name.endswith((".rss", ".atom", ".xml", ".json")) and "#" in origin:
        how = "the feed entry has no date; pass --allow-undated to keep it undated"
    elif name.endswith((".jsonl", ".ndjson", ".json", ".csv", ".tsv")):
        how = "give the record a 'date' field (YYYY-MM-DD), or pass --allow-undated"
    else:
        how = "give one, e.g. a first line ' date YYYY-MM-DD', or pass --allow-undated"
    return f"no publication date ({how})"


@dataclass
class IngestReport:
    """What an ingest run did, for the command line and the tests."""

    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    """Articles stored, by language."""

    @property
    def seen(self) -> int:
        return self.stored + self.unchanged + len(self.problems)

    def as_dict(self) -> dict[str, object]:
        return {"stored": self.stored, "duplicates": self.duplicates, "unchanged": self.unchanged,
                "skipped": [{"where": p.where, "problem": p.message} for p in self.problems],
                "languages": dict(self.languages)}


class _ReadAhead:
    """Batches of input that can be read ahead while the workers are busy.

    Reading (parsing, normalising) needs no store, so the next batch can be
    read during the current one's preparation without changing any result.
    """

    def __init__(self, items: Iterable[Article | Problem], size: int) -> None:
        self._items = iter(items)
        self._size = size
        self._next: list[Article | Problem] | None = None

    def fill(self) -> None:
        if self._next is None:
            self._next = list(islice(self._items, self._size))

    def __iter__(self) -> Iterator[list[Article | Problem]]:
        while True:
            self.fill()
            batch, self._next = self._next, None
            if not batch:
                return
            yield batch


def ingest(
    store: Store,
    items: Iterable[Article | Problem],
    *,
    allow_undated: bool = False,
    language: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
) -> IngestReport:
    """Store every readable article; report the rest. Safe to run twice.

    Cleaning, language detection, sentence splitting and MinHash run in
    ``workers`` processes (default: one per core), or on ``executor`` (a
    Dask cluster's, see ``engine``); deduplication and the store stay in
    this process, so batches still land in order.
    """
    report = IngestReport()
    workers = workers or os.cpu_count() or 1
    warm_stop_words()  # load the word lists once, before the workers fork, not once per worker
    pool = executor or (ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                            initializer=die_with_parent) if workers > 1 else None)
    try:
        batches = _ReadAhead(items, batch_size)
        for batch in batches:
            fresh = _select_new(store, batch, report, allow_undated)
            if language:
                for article in fresh:
                    article.language = language
            _store_batch(store, fresh, report, pool, batches.fill)
            if progress:
                progress(len(batch))
    finally:
        if pool and pool is not executor:
            pool.shutdown(cancel_futures=True)
    return report


Prepared = tuple[str, str, float, list[tuple[int, int]], np.ndarray, dict]


def prepare(article: Article, repeated: set[int]) -> Prepared:
    """The per-article work of a batch: pure, so it can run in another process.

    Returns only what it computed (clean text, language and how sure it is,
    sentence spans, signature, metadata with paragraph languages) to keep
    what crosses process boundaries small.
    """
    clean_article(article, repeated)
    return (article.text, article.language, article.language_confidence, split_spans(article.text),
            signature(article.text), article.metadata)


def prepare_chunk(articles: list[Article], learned: list[set[int]]) -> list[Prepared]:
    """``prepare`` for a few articles at once: one task per chunk keeps a pool's or a cluster's overhead small."""
    return list(map(prepare, articles, learned))


def _select_new(store: Store, batch: list[Article | Problem], report: IngestReport, allow_undated: bool) -> list[Article]:
    articles: list[Article] = []
    for item in batch:
        if isinstance(item, Problem):
            report.problems.append(item)
        elif item.published is None and not allow_undated:
            report.problems.append(Problem(item.origin, undated(item.origin)))
        elif item.published is not None and not EARLIEST <= item.published.year <= date.today().year + 1:
            report.problems.append(Problem(item.origin, f"publication date {item.published.isoformat()} is outside "
                                                        f"{EARLIEST}–{date.today().year + 1}; is it a typo?"))
        else:
            articles.append(item.identify())
    stored = store.existing_ids([a.id for a in articles])
    fresh: dict[str, Article] = {}
    for article in articles:
        if article.id in stored or article.id in fresh:
            report.unchanged += 1
        else:
            fresh[article.id] = article
    return list(fresh.values())


def _store_batch(
    store: Store,
    articles: list[Article],
    report: IngestReport,
    pool: Executor | None,
    meanwhile: Callable[[], None],
) -> None:
    keys = {a.id: line_keys(a.raw_text) for a in articles}
    batch_counts: dict[str, Counter[int]] = defaultdict(Counter)
    for article in articles:
        batch_counts[article.source].update(keys[article.id])
    repeated: dict[str, set[int]] = {}
    for source, counts in batch_counts.items():
        known = store.line_counts(source, counts)
        repeated[source] = repeated_keys({k: known.get(k, 0) + n for k, n in counts.items()}, counts)

    latest = store.latest_versions(a.url for a in articles)
    learned = [repeated[a.source] for a in articles]
    if pool and len(articles) >= PARALLEL_MIN:
        starts = range(0, len(articles), CHUNK)
        running = pool.map(prepare_chunk, [articles[i:i + CHUNK] for i in starts], [learned[i:i + CHUNK] for i in starts])
        meanwhile()
        prepared = [one for chunk in running for one in chunk]
    else:
        prepared = list(map(prepare, articles, learned))
    for article, (text, language, confidence, *_, metadata) in zip(articles, prepared):
        article.text, article.language, article.language_confidence, article.metadata = text, language, confidence, \
            metadata
    settle_languages(articles, store.outlet_languages({a.source for a in articles if a.source}))
    # The stored articles this batch may copy, then the batch itself. An article of the batch that another writer
    # stored meanwhile is no candidate: its insert below finds it stored.
    ours = {a.id for a in articles}
    index = DuplicateIndex()
    index.extend(row for row in store.duplicate_candidates([sig for *_, sig, _metadata in prepared],
                                                           {a.content_hash for a in articles}) if row[0] not in ours)
    rows = []
    for article, (*_, spans, sig, _metadata) in zip(articles, prepared):
        report.languages[article.language] += 1
        dup_of = index.find(sig, article.content_hash, article.url)
        version = latest.get(article.url, 0) + 1 if article.url else 1
        if article.url:
            latest[article.url] = version
        index.add(article.id, sig, article.content_hash, article.url, dup_of)
        rows.append((article, spans, sig, version, dup_of))

    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with store.transaction():
                for source in sorted(batch_counts):  # sources and keys in one order, as another writer takes them
                    store.add_line_counts(source, batch_counts[source])
                inserted = [row for row, new in zip(rows, store.add_articles(rows)) if new]
            break
        except store.CONFLICTS:
            if attempt == WRITE_ATTEMPTS:
                raise
    report.stored += len(inserted)
    report.unchanged += len(rows) - len(inserted)  # stored by another writer meanwhile
    report.duplicates += sum(1 for row in inserted if row[4])
