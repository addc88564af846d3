"""HTML pages: main text with trafilatura, publication date with htmldate."""

from __future__ import annotations

from collections.abc import Iterator

import htmldate
import trafilatura

from storyline.model import Article
from storyline.readers.base import ReadError, normalize_text, parse_date

MIN_WORDS = 12


def read_html(text: str, origin: str) -> Iterator[Article]:
    """Yield the page's article, or refuse a page with no article on it."""
    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = normalize_text(doc.text or "") if doc is not None else ""
    if len(body.split()) < MIN_WORDS:
        raise ReadError("no article text found in the HTML page")
    title = normalize_text(doc.title or "")
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest.strip()
    found = htmldate.find_date(text, original_date=True, extensive_search=False)
    yield Article(
        raw_text=body,
        title=title,
        published=parse_date(found),
        url=doc.url or "",
        source=doc.sitename or doc.hostname or "",
        language=(doc.language or "").lower(),
        origin=origin,
        metadata={k: v for k, v in (("author", doc.author), ("description", doc.description)) if v},
    )
