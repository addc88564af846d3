"""Plain-text articles, optionally led by the seed header `` date YYYY-MM-DD``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.model import Article
from storyline.readers.base import ReadError, normalize_text, parse_date

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")


def has_header(text: str) -> bool:
    return bool(_HEADER.match(text[:64]))


def read_text(text: str, origin: str) -> Iterator[Article]:
    """Yield the one article of a text file; its date comes from the header."""
    published = None
    if match := _HEADER.match(text):
        published = parse_date(match[1])
        if published is None:
            raise ReadError(f"invalid date {match[1]!r} in the header")
        text = text[match.end():]
    body = normalize_text(text)
    if not body:
        raise ReadError("no article text after the date header")
    yield Article(raw_text=body, published=published, origin=origin)
