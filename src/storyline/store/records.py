"""The small records the store hands out besides articles and stories: search snippets, updates, watched
sources."""

from __future__ import annotations

from dataclasses import dataclass

SNIPPET_WORDS = 24
MARK_START, MARK_END = "\x02", "\x03"
"""Where FTS5 marks a matched word in a snippet: control characters no article text keeps."""


@dataclass(frozen=True)
class Snippet:
    """A few words of an article around what a search matched; ``matches`` are (start, end) offsets in ``text``."""

    text: str
    matches: list[tuple[int, int]]


@dataclass(frozen=True)
class Update:
    """One update of the stories: when, how many articles it placed, and whether it rebuilt them all."""

    id: int
    at: str
    articles: int
    rebuild: bool


@dataclass(frozen=True)
class SourceState:
    """What the last poll of a watched source left: its validators (ETag, Last-Modified), when and how it went,
    how many articles it has brought in all, and for a folder the newest file time read."""

    address: str
    etag: str = ""
    last_modified: str = ""
    polled_at: str = ""
    status: str = ""
    error: str = ""
    stored: int = 0
    watermark: float = 0.0


def snippet(marked: str) -> Snippet:
    """A snippet with its match markers taken out and kept as (start, end) offsets."""
    text, spans = "", []
    for piece in marked.split(MARK_START):
        if MARK_END in piece:
            word, rest = piece.split(MARK_END, 1)
            spans.append((len(text), len(text) + len(word)))
            text += word + rest
        else:
            text += piece
    return Snippet(text, spans)
