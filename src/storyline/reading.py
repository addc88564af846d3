"""What a timeline reads of one article: its statements and the dates each names.

Reading depends on the article alone, not on the story it is in, so it is done once per article and kept
(``tracker.py``): a grown story's timeline reads only its new articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storyline.clean import language_at
from storyline.model import Article, Sentence
from storyline.statements import statements, update_stamp
from storyline.temporal import TemporalExpression, find_dates, stamp_days

Reading = list[tuple[Sentence, list[TemporalExpression]]]
"""What a story's timeline needs of one article, whatever the story: its statements (sentences, a stamp, a dateline
or a glued headline cut off) and the dates each one names."""
READING_METHOD = "statements-dates-17"
"""Bumped when what ``read_article`` finds changes (the statement rules, the date rules), so kept readings are
made again."""


def read_article(article: Article, sentences: Sequence[Sentence]) -> Reading:
    """The article's statements and the dates each names (see ``Reading``), read from the day it was posted on."""
    posted = _posted(article, sentences)
    return [(sentence, find_dates(sentence.text, posted.get(sentence.index, article.published),
                                  language_at(article, sentence.start)))
            for sentence in statements(list(sentences))]


def _posted(article: Article, sentences: Sequence[Sentence]) -> dict[int, date]:
    """The day each sentence of a live blog was posted, by the index of the sentence: from an update stamp
    ("Update 8:02 a.m. Friday", or "Update 1:17 p.m." after it) to the next stamp, the stamp's day (``stamp_days``),
    not the page's date, is "Friday morning"'s reference. Empty for any other article."""
    if article.published is None:
        return {}
    stamped = [(sentence, stamp) for sentence in sentences if (stamp := update_stamp(sentence.text)) is not None]
    if not stamped:
        return {}
    language = language_at(article, stamped[0][0].start)
    days = dict(zip((sentence.index for sentence, _ in stamped),
                    stamp_days([stamp for _, stamp in stamped], article.published, language)))
    posted: dict[int, date] = {}
    day = article.published
    for sentence in sentences:
        day = days.get(sentence.index, day)
        if day != article.published:
            posted[sentence.index] = day
    return posted
