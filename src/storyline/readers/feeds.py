"""RSS, Atom (via feedparser) and JSON Feed files: one article per entry.

An entry with little or no body (a headline feed, an aggregator's "Comments" link) is an article too: its
title leads its text, so entries that share a boilerplate body stay apart. Links are made absolute against
the feed's address and unwrapped from redirect services.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import feedparser

from storyline.model import Article
from storyline.readers.base import Problem, ReadError, normalize_text, parse_date

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|li|h\d)>|<br\s*/?>", re.IGNORECASE)
SHORT_BODY = 25
"""Words below which an entry's body is no article on its own, and its title leads the text."""
_WRAPPED = ("url", "u", "q", "target", "dest")
"""Query parameters redirect services put the real address in (google.com/url?...&url=...)."""


def _strip_markup(fragment: str) -> str:
    return html_lib.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", fragment)))


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := entry.get(key):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return parse_date(entry.get("published") or entry.get("updated"))


def real_link(link: str, base: str = "") -> str:
    """An entry's link made absolute against ``base`` and taken out of a redirect wrapper."""
    link = urljoin(base, link.strip()) if base.lower().startswith(("http://", "https://")) else link.strip()
    query = parse_qs(urlsplit(link).query)
    for key in _WRAPPED:
        for value in query.get(key, ()):
            if value.lower().startswith(("http://", "https://")):
                return value
    return link


def entry_text(title: str, body: str) -> str:
    """The text of an entry: its body, led by its title when the body is short or missing."""
    if len(body.split()) >= SHORT_BODY or not title:
        return body
    return f"{title}\n\n{body}".strip() if body and body != title else title


_DECLARED_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_PROLOG_CHARS = 65_536
"""Where a document type declaration can be: before the root element, near the start."""


def read_feed(text: str, origin: str) -> Iterator[Article | Problem]:
    """Yield each entry; entries with neither title nor text are reported, not dropped silently."""
    if text.lstrip().startswith("{"):
        yield from _json_feed(text, origin)
        return
    if _DECLARED_ENTITY.search(text[:_PROLOG_CHARS]):
        raise ReadError("the feed declares XML entities (<!ENTITY>), which can expand without bound; refused")
    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise ReadError(f"feed has no entries{reason}")
    base = _base(origin, feed.feed)
    source = feed.feed.get("title", "")
    language = (feed.feed.get("language") or "").split("-")[0].lower()
    for number, entry in enumerate(feed.entries, start=1):
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = normalize_text(_strip_markup(max(contents, key=len) if contents else entry.get("summary", "")))
        yield _article(f"{origin}#{number}", entry.get("title", ""), body, _entry_date(entry),
                       real_link(entry.get("link", ""), base), source, language, entry.get("id", ""))


def _base(origin: str, channel: Mapping[str, Any]) -> str:
    """The address relative links are read against: where the feed was fetched from, else the first absolute
    address it gives for itself (its "self" link, its link, its id)."""
    candidates = [origin, *(link.get("href", "") for link in channel.get("links", []) if link.get("rel") == "self"),
                  channel.get("link", ""), channel.get("id", "")]
    return next((c for c in candidates if str(c).lower().startswith(("http://", "https://"))), "")


def _json_feed(text: str, origin: str) -> Iterator[Article | Problem]:
    """A JSON Feed (jsonfeed.org, version 1 and 1.1)."""
    try:
        feed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"not valid JSON Feed ({exc.msg} at line {exc.lineno})") from None
    items = feed.get("items") if isinstance(feed, Mapping) else None
    if not isinstance(items, list) or not items:
        raise ReadError("JSON Feed has no items")
    base = _base(origin, {"link": feed.get("home_page_url", ""), "id": feed.get("feed_url", "")})
    language = str(feed.get("language") or "").split("-")[0].lower()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            yield Problem(f"{origin}#{number}", "JSON Feed item is not an object")
            continue
        body = normalize_text(str(item.get("content_text") or "")
                              or _strip_markup(str(item.get("content_html") or item.get("summary") or "")))
        yield _article(f"{origin}#{number}", str(item.get("title") or ""), body,
                       parse_date(item.get("date_published") or item.get("date_modified")),
                       real_link(str(item.get("url") or item.get("external_url") or ""), base),
                       str(feed.get("title") or ""), str(item.get("language") or language), str(item.get("id") or ""))


def _article(where: str, title: str, body: str, published: date | None, url: str, source: str, language: str,
             external_id: Any) -> Article | Problem:
    title = normalize_text(_strip_markup(title))
    text = entry_text(title, body)
    if not text:
        return Problem(where, "feed entry has neither a title nor text")
    return Article(raw_text=text, title=title, published=published, url=url, source=source, language=language,
                   external_id=str(external_id or ""), origin=where)
