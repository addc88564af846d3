"""HTML pages: main text with trafilatura, publication date with htmldate."""

from __future__ import annotations

import re
from collections.abc import Iterator

import htmldate
import trafilatura

from storyline.model import Article
from storyline.readers.base import ReadError, normalize_text, parse_date

MIN_WORDS = 12
_SUFFIX = re.compile(r"\s+[|–—·:-]\s+([^|–—·:]{2,60})$")
"""A title's last part after a separator: " | Wired", " - The Lune Gazette"."""


def page_date(text: str) -> str | None:
    """The page's publication date: from its markup and metadata, else from a date written in its text
    ("publiziert am 25. September 2018", "14.06.2019"). A first of January found that way is most often a
    year alone (a copyright line), so it is not taken."""
    found = htmldate.find_date(text, original_date=True, extensive_search=False)
    if found:
        return found
    found = htmldate.find_date(text, original_date=True, extensive_search=True)
    return found if found and not found.endswith("-01-01") else None


def page_title(title: str, site: str) -> str:
    """The title without the site's name after it ("Bridge reopens | Lune Gazette"): the site's name when it
    is known, else a last part of at most four words."""
    match = _SUFFIX.search(title)
    if not match:
        return title
    suffix = match[1].strip().lower()
    known = site.lower().removeprefix("www.")
    if (known and (suffix in known or known.split(".")[0] in suffix.replace(" ", ""))) or len(suffix.split()) <= 4:
        return title[:match.start()].strip() or title
    return title


def read_html(text: str, origin: str) -> Iterator[Article]:
    """Yield the page's article, or refuse a page with no article on it."""
    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = normalize_text(doc.text or "") if doc is not None else ""
    if len(body.split()) < MIN_WORDS:
        raise ReadError("no article text found in the HTML page")
    title = page_title(normalize_text(doc.title or ""), doc.sitename or doc.hostname or "")
    first, _, rest = body.partition("\n")
    if title and first.strip() == title:
        body = rest.strip()
    found = page_date(text)
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
