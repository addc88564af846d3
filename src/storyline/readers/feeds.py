"""RSS and Atom feed files: one article per entry, via feedparser."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from datetime import date

import feedparser

from storyline.model import Article
from storyline.readers.base import Problem, ReadError, normalize_text, parse_date

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|li|h\d)>|<br\s*/?>", re.IGNORECASE)


def _strip_markup(fragment: str) -> str:
    return html_lib.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", fragment)))


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := entry.get(key):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return parse_date(entry.get("published") or entry.get("updated"))


def read_feed(text: str, origin: str) -> Iterator[Article | Problem]:
    """Yield each entry; entries with no text are reported, not dropped silently."""
    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise ReadError(f"feed has no entries{reason}")
    source = feed.feed.get("title", "")
    language = (feed.feed.get("language") or "").split("-")[0].lower()
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#{number}"
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = normalize_text(_strip_markup(max(contents, key=len) if contents else entry.get("summary", "")))
        if not body:
            yield Problem(where, "feed entry has no text")
            continue
        yield Article(
            raw_text=body,
            title=normalize_text(_strip_markup(entry.get("title", ""))),
            published=_entry_date(entry),
            url=entry.get("link", ""),
            source=source,
            language=language,
            external_id=entry.get("id", ""),
            origin=where,
        )
