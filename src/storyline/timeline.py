"""Timelines: what happened when in a story, each entry cited to its sentence.

Date-wise timeline summarisation, after news-tls DATEWISE (Ghalandari &
Ifrim 2020), without its supervised date ranker or topic keywords:

1. Every sentence is dated: by the days it names ("on Saturday", "three
   weeks ago", resolved against its article's publication date), or, for
   the lead sentences of an article that name none, by the publication day
   and the day before (news reports what happened the day before).
2. Dates are ranked by how many sentences (and articles) refer to them,
   and by how many articles were published on them.
3. A sentence off the story's topic never becomes an entry: segments of an
   article about something else are dropped (``offtopic.py``), and each
   sentence must resemble the *other* articles of the story.
4. For each date, the sentences most central to that date's candidates
   are chosen, skipping any that repeat an entry already chosen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from storyline.model import Article, Sentence, TimelineEntry
from storyline.offtopic import off_topic
from storyline.temporal import find_dates

METHOD = "datewise-mention-centroid"
RELEVANCE_POWER = 1.0
NAMED_BOOST = 1.0
NOVELTY_POWER = 1.0
DATE_SCORE = "all"


@dataclass(frozen=True)
class TimelineSettings:
    dates: int | None = None
    """How many dates; ``None`` lets the story decide, up to ``max_dates``."""
    max_dates: int = 30
    sentences_per_date: int = 2
    lead_sentences: int = 5
    """Sentences from the top of an article that stand for its publication day when they name none."""
    small_story: int = 10
    """In a story of at most this many articles every sentence, not just the lead, may stand for its day."""
    days_reported: int = 2
    """A lead sentence may report the publication day or the day before."""
    min_words: int = 6
    max_words: int = 60
    min_relevance: float = 0.05
    """Least cosine between a sentence and the rest of the story for it to be an entry."""
    max_overlap: float = 0.5
    """Most cosine between a new entry and one already chosen."""
    precisions: tuple[str, ...] = ("day", "week")
    """How precise a date named in a sentence must be to date an entry ("three weeks ago" is a week)."""


DEFAULTS = TimelineSettings()


@dataclass
class _Candidate:
    article: Article
    sentence: Sentence
    row: int
    named: bool
    """True when the sentence names the date; False when it stands for its article's publication day."""
    precision: str = "day"


def _vectors(texts: Sequence[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:  # nothing but stop words
        return None


def _relevance(matrix, owners: np.ndarray) -> np.ndarray:
    """Cosine of each sentence with the sentences of the other articles (all of them, if only one)."""
    total = np.asarray(matrix.sum(axis=0)).ravel()
    relevance = np.zeros(matrix.shape[0])
    for owner in np.unique(owners):
        rows = np.flatnonzero(owners == owner)
        rest = total - np.asarray(matrix[rows].sum(axis=0)).ravel()
        if not rest.any():
            rest = total
        norm = np.linalg.norm(rest)
        relevance[rows] = (matrix[rows] @ rest) / norm if norm else 0.0
    return relevance


def build_timeline(
    articles: Sequence[Article],
    sentences_of: Callable[[Article], Sequence[Sentence]],
    settings: TimelineSettings = DEFAULTS,
    span: tuple[date, date] | None = None,
) -> list[TimelineEntry]:
    """The story's timeline, in date order; ``span`` limits the dates it may use."""
    articles = [a for a in articles if a.published]
    sentences = {a.id: list(sentences_of(a)) for a in articles}
    dropped = off_topic(articles, lambda a: sentences[a.id])
    texts: list[str] = []
    owners: list[int] = []
    by_day: dict[date, list[_Candidate]] = defaultdict(list)
    published: dict[date, set[str]] = defaultdict(set)
    named_by: dict[date, set[str]] = defaultdict(set)
    for number, article in enumerate(articles):
        published[article.published].add(article.id)
        for position, sentence in enumerate(sentences[article.id]):
            words = len(sentence.text.split())
            if not settings.min_words <= words <= settings.max_words or (article.id, sentence.index) in dropped:
                continue
            row = len(texts)
            texts.append(sentence.text)
            owners.append(number)
            days = {t.value: t.precision for t in find_dates(sentence.text, article.published)
                    if t.precision in settings.precisions}
            for day, precision in days.items():
                by_day[day].append(_Candidate(article, sentence, row, True, precision))
                named_by[day].add(article.id)
            lead = position < settings.lead_sentences
            if not days and (lead or len(articles) <= settings.small_story):
                for back in range(settings.days_reported if lead else 1):
                    by_day[article.published - timedelta(days=back)].append(_Candidate(article, sentence, row, False))
    if span:
        by_day = {d: c for d, c in by_day.items() if span[0] <= d <= span[1]}
    matrix = _vectors(texts) if texts else None
    if matrix is None:
        return []
    relevance = _relevance(matrix, np.array(owners))
    days_of_rows = np.array([articles[o].published.toordinal() for o in owners])
    def date_score(d):
        if DATE_SCORE == "mentions":
            return sum(c.named for c in by_day[d])
        if DATE_SCORE == "retro":
            return sum(c.named and c.article.published >= d for c in by_day[d]) + len(named_by[d]) + len(published.get(d, ()))
        return sum(c.named for c in by_day[d]) + len(named_by[d]) + len(published.get(d, ()))
    ranked = sorted(by_day, key=lambda d: (date_score(d), d), reverse=True)
    wanted = settings.dates if settings.dates is not None else settings.max_dates
    chosen_rows: list[int] = []
    entries: list[TimelineEntry] = []
    filled = 0
    for day in ranked:
        if filled >= wanted:
            break
        earlier = np.flatnonzero(days_of_rows < day.toordinal())
        known = np.asarray(matrix[earlier].sum(axis=0)).ravel() if len(earlier) else None
        picked = _summarise(by_day[day], matrix, relevance, chosen_rows, settings, known)
        if not picked:
            continue
        filled += 1
        for candidate in picked:
            chosen_rows.append(candidate.row)
            entries.append(TimelineEntry(
                date=day, precision=candidate.precision, text=candidate.sentence.text, article_id=candidate.article.id,
                sentence_index=candidate.sentence.index, source=candidate.article.source, url=candidate.article.url,
            ))
    return sorted(entries, key=lambda e: (e.date, e.article_id, e.sentence_index))


def _summarise(candidates: list[_Candidate], matrix, relevance: np.ndarray, chosen: list[int],
               settings: TimelineSettings, known: np.ndarray | None = None) -> list[_Candidate]:
    """The candidates closest to the centroid of the day's candidates, relevant and not repeating an entry."""
    unique = {c.row: c for c in candidates if relevance[c.row] >= settings.min_relevance}
    if not unique:
        return []
    rows = list(unique)
    vectors = matrix[rows]
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    scores = (vectors @ centroid) * relevance[rows] ** RELEVANCE_POWER * np.array([NAMED_BOOST if unique[r].named else 1.0 for r in rows])
    if known is not None and NOVELTY_POWER:
        norm = np.linalg.norm(known)
        if norm:
            scores = scores * (1.0 - vectors @ known / norm) ** NOVELTY_POWER
    picked: list[_Candidate] = []
    taken = list(chosen)
    for index in np.argsort(-scores, kind="stable"):
        row = rows[index]
        if taken and (matrix[taken] @ matrix[row].T).max() > settings.max_overlap:
            continue
        picked.append(unique[row])
        taken.append(row)
        if len(picked) == settings.sentences_per_date:
            break
    return picked
