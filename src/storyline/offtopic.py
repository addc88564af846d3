"""Off-topic segments: the promo for another film at the end of an article.

Articles often end with a section about something else, under a heading
of its own ("Countdown to ..."). Such a section names people and things the
rest of the story never mentions. A segment (the text after a heading-like
line) is off-topic when most of the names in it appear in no other article
of the story, or, for a story of one article, nowhere else in that article.
The first segment of an article is never off-topic: it is what the article
is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from storyline.model import Article, Sentence

HEADING_WORDS = 8
"""A line this short, ending without punctuation, starts a new segment."""
MIN_NAMES = 3
NOVEL_SHARE = 0.6
"""A segment is off-topic when at least this share of its names is new to the rest of the story."""

_NAME = re.compile(r"(?<=[\w,;:)] )[A-ZÀ-ÖØ-Þ][\w'’-]*[^\W_]")
_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]*[^\W_]")
_POSSESSIVE = re.compile(r"['’]s$")


def _names(text: str, pattern: re.Pattern[str] = _NAME) -> set[str]:
    return {_POSSESSIVE.sub("", name) for name in pattern.findall(text)}


def is_heading(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    return 0 < len(text.split()) <= HEADING_WORDS and not text.endswith((".", "!", "?", "…", '"', "”", "’", "'", ":"))


def segments(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """Runs of sentences, each starting at a heading-like line (the first run may have none)."""
    runs: list[list[Sentence]] = [[]]
    for sentence in sentences:
        if is_heading(sentence) and runs[-1]:
            runs.append([])
        runs[-1].append(sentence)
    return [run for run in runs if run]


def off_topic(
    articles: Sequence[Article], sentences_of: Callable[[Article], Sequence[Sentence]]
) -> set[tuple[str, int]]:
    """(article id, sentence index) of every sentence in an off-topic segment of the story."""
    runs = {article.id: segments(sentences_of(article)) for article in articles}
    mentioned = {a.id: _names("\n".join(s.text for run in runs[a.id] for s in run), _CAPITALISED) for a in articles}
    articles_naming = Counter(name for names in mentioned.values() for name in names)
    dropped: set[tuple[str, int]] = set()
    for article in articles:
        own = mentioned[article.id]
        for number, run in enumerate(runs[article.id]):
            if number == 0:
                continue
            names = _names("\n".join(s.text for s in run))
            if len(names) < MIN_NAMES:
                continue
            if len(articles) > 1:
                novel = {name for name in names if articles_naming[name] == (name in own)}
            else:
                rest = "\n".join(s.text for i, r in enumerate(runs[article.id]) if i != number for s in r)
                novel = names - _names(rest, _CAPITALISED)
            if len(novel) >= NOVEL_SHARE * len(names):
                dropped.update((article.id, s.index) for s in run)
    return dropped
