"""Timelines: what happened when in a story, each entry cited to its sentence.

The method here is the simplest honest one (``METHOD``): one entry per
article, dated by its publication date, saying its lead sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storyline.model import Article, Sentence, TimelineEntry

METHOD = "lead-sentence-per-article"
MIN_WORDS = 6


def lead_sentence(sentences: Sequence[Sentence]) -> Sentence | None:
    """The first sentence long enough to say something."""
    for sentence in sentences:
        if len(sentence.text.split()) >= MIN_WORDS:
            return sentence
    return sentences[0] if sentences else None


def build_timeline(
    articles: Sequence[Article], sentences_of: Callable[[Article], Sequence[Sentence]]
) -> list[TimelineEntry]:
    """Entries of the dated articles, in date order."""
    entries = []
    for article in sorted((a for a in articles if a.published), key=lambda a: (a.published, a.id)):
        sentence = lead_sentence(sentences_of(article))
        if sentence is None:
            continue
        entries.append(
            TimelineEntry(
                date=article.published, precision="day", text=sentence.text, article_id=article.id,
                sentence_index=sentence.index, source=article.source, url=article.url,
            )
        )
    return entries
