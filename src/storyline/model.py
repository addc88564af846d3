"""The small data model every pipeline stage passes along.

Stages take and return these plain dataclasses so that each can be tested
alone, without a store or a command line.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "week", "month", "year"]


def content_hash(title: str, text: str) -> str:
    """Hash of what an article says, ignoring layout, so re-reads are recognised."""
    canonical = " ".join(title.split()) + "\n" + " ".join(text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    """One version of one news article.

    ``raw_text`` is the body as read (Unicode and whitespace normalised);
    ``text`` is the cleaned body that sentences and provenance point into.
    """

    raw_text: str
    title: str = ""
    published: date | None = None
    url: str = ""
    source: str = ""
    language: str = ""
    external_id: str = ""
    origin: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    content_hash: str = ""
    id: str = ""
    language_confidence: float = 1.0
    """How sure language detection was (0 to 1); 1 when the language was given. Not stored."""

    def identify(self) -> Article:
        """Fill ``content_hash`` and ``id``.

        The id depends on where the article lives (URL, else outlet) and on
        its content, so re-ingesting it is a no-op while a changed text at
        the same URL becomes a second version.
        """
        self.content_hash = content_hash(self.title, self.raw_text)
        where = self.url or self.source
        self.id = hashlib.sha256(f"{where}\n{self.content_hash}".encode()).hexdigest()[:16]
        return self


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence of an article's cleaned text, addressable for provenance."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """One happening inside a story, told by the articles that report it at about the same time."""

    id: int
    label: str
    article_ids: list[str]
    first: date | None = None
    last: date | None = None


@dataclass(slots=True)
class Story:
    """A development a reader follows for months: a chain of events told by one or more articles."""

    id: int
    label: str
    article_ids: list[str]
    first: date | None = None
    last: date | None = None
    method: str = ""
    events: list[Event] = field(default_factory=list)
    """Oldest first; every article of the story is in exactly one of them."""


@dataclass(slots=True, frozen=True)
class TimelineEntry:
    """A dated statement of a story, cited back to its article and sentence."""

    date: date
    precision: Precision
    text: str
    article_id: str
    sentence_index: int
    source: str = ""
    url: str = ""
    language: str = ""
    """The language of the article the entry is quoted from: entries are never translated."""


@dataclass(slots=True, frozen=True)
class AliasLink:
    """Why one name is taken for another: the rule, what it saw, and how sure it is (0 to 1)."""

    alias: str
    name: str
    rule: str
    confidence: float
    evidence: str


@dataclass(slots=True)
class Entity:
    """A person, organisation, place or work, with every name it goes by in the articles."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    first: date | None = None
    last: date | None = None
    article_ids: list[str] = field(default_factory=list)
    links: list[AliasLink] = field(default_factory=list)
