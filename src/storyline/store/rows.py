"""Articles as the rows every store writes and reads, and the statements that write them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any

import numpy as np

from storyline.dedupe import band_keys
from storyline.model import Article

ARTICLE_COLUMNS = (
    "id, external_id, url, source, language, published, title, text, raw_text, "
    "content_hash, version, dup_of, origin, metadata"
)


INSERT_ARTICLE = (f"INSERT INTO articles({ARTICLE_COLUMNS}, minhash, ingested_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
INSERT_SENTENCE = 'INSERT INTO sentences(article_id, idx, start, "end") VALUES (?, ?, ?, ?)'
INSERT_BAND = "INSERT INTO minhash_bands(band, key, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
NewArticle = tuple[Article, Sequence[tuple[int, int]], np.ndarray, int, str | None]
"""An article to store with its sentence spans, MinHash signature, version and the article it copies."""


def band_rows(article_id: str, minhash: np.ndarray) -> list[tuple[int, int, str]]:
    """The article filed under each LSH band of its signature (``dedupe.band_keys``)."""
    return [(band, key, article_id) for band, key in enumerate(band_keys(minhash))]


def article_row(article: Article, minhash: np.ndarray, version: int, dup_of: str | None) -> tuple:
    return (article.id, article.external_id, article.url, article.source, article.language,
            article.published.isoformat() if article.published else None, article.title, article.text,
            article.raw_text, article.content_hash, version, dup_of, article.origin,
            json.dumps(article.metadata, ensure_ascii=False, default=str), minhash.astype(np.uint32).tobytes(), now())


def sentence_rows(article: Article, spans: Sequence[tuple[int, int]]) -> list[tuple[str, int, int, int]]:
    return [(article.id, index, start, end) for index, (start, end) in enumerate(spans)]


QUALIFIED_COLUMNS = ", ".join("articles." + column.strip() for column in ARTICLE_COLUMNS.split(","))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def to_article(row: Mapping[str, Any]) -> Article:
    return Article(
        id=row["id"], external_id=row["external_id"], url=row["url"], source=row["source"],
        language=row["language"], published=date.fromisoformat(row["published"]) if row["published"] else None,
        title=row["title"], text=row["text"], raw_text=row["raw_text"], content_hash=row["content_hash"],
        origin=row["origin"], metadata=json.loads(row["metadata"]),
    )


@lru_cache(maxsize=None)
def upsert(table: str, columns: str, keys: str) -> str:
    """An insert of ``columns`` into ``table`` that updates the other columns of the row ``keys`` already name."""
    names = [name.strip() for name in columns.split(",")]
    updated = ", ".join(f"{name} = excluded.{name}" for name in names if name not in keys.split(", "))
    return (f"INSERT INTO {table}({columns}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT({keys}) DO UPDATE SET {updated}")
