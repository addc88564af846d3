"""HTML pages: main text with trafilatura, publication date with htmldate."""

from __future__ import annotations

import re
from collections.abc import Iterator

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError

from storyline.model import Article
from storyline.readers.base import ReadError, normalize_text, parse_date

MIN_WORDS = 12
_SUFFIX = re.compile(r"\s+[|–—·:-]\s+([^|–—·:]{2,60})$")
"""A title's last part after a separator: " | Wired", " - The Lune Gazette"."""


_MODIFIED_META = {
    "name": {"last-modified", "lastmod", "lastmodified", "modified", "utime"},
    "http-equiv": {"last-modified"},
    "property": {"article:modified_time", "og:updated_time", "og:modified_time", "modified_time", "updated_time",
                 "dcterms.modified", "dc.modified", "datemodified"},
    "itemprop": {"datemodified", "dateupdate"},
}
_UPDATED_CLASSES = {"updated", "modified"}
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")


def page_date(text: str) -> str | None:
    """The page's publication date: from its markup and metadata, else from a date written in its text
    ("publiziert am 25. September 2018", "14.06.2019"). Some dates on a page are not its publication: a stamp of
    its last change only bounds it from above, and a date inside a link to another page (a teaser of a related,
    mostly newer, article) is that page's. htmldate may take one of them (it falls back on a Last-Modified meta or
    an hAtom "updated" element before it reads the date shown under the headline), so where the page dates
    itself earlier without them, that date is taken."""
    found = _find_date(text)
    without = _without_other_dates(text) if found else None
    earlier = _find_date(without) if without else None
    return earlier if earlier and earlier < found else found


def _find_date(text: str) -> str | None:
    """htmldate's original date, quick search first. A first of January found only by the extensive search
    is most often a year alone (a copyright line), so it is not taken."""
    found = htmldate.find_date(text, original_date=True, extensive_search=False)
    if found:
        return found
    found = htmldate.find_date(text, original_date=True, extensive_search=True)
    return found if found and not found.endswith("-01-01") else None


def _is_other_date(element: lxml.html.HtmlElement) -> bool:
    """A stamp of the last modification, or a link to another page that holds a date (a teaser)."""
    if element.tag == "a":
        link = element.get("href") or ""
        return bool(link) and not link.startswith("#") and any(
            isinstance(inner.tag, str) and (inner.tag == "time" or "date" in (inner.get("class") or "").lower())
            for inner in element.iter())
    return _is_update_stamp(element)


def _is_update_stamp(element: lxml.html.HtmlElement) -> bool:
    """A meta tag naming the last modification, or an element marked (hAtom) as updated and not also as the
    post's date ("date updated" on themes that show one date)."""
    if element.tag == "meta":
        return any((element.get(kind) or "").lower() in names for kind, names in _MODIFIED_META.items())
    if (element.get("itemprop") or "").lower() in _MODIFIED_META["itemprop"]:
        return True
    classes = set((element.get("class") or "").lower().split())
    return bool(classes & _UPDATED_CLASSES) and not any(
        "date" in name or "publish" in name for name in classes - _UPDATED_CLASSES)


def _without_other_dates(text: str) -> str | None:
    """The page without its stamps of last modification and its dated links to other pages; None where it has
    neither."""
    try:
        tree = lxml.html.fromstring(text.encode("utf-8"), parser=_UTF8)
    except (ParserError, ValueError):
        return None
    others = [element for element in tree.iter() if isinstance(element.tag, str) and _is_other_date(element)]
    if not others:
        return None
    for element in others:
        if element.getparent() is not None:  # not inside one dropped already
            element.drop_tree()
    return lxml.html.tostring(tree, encoding="unicode")


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
