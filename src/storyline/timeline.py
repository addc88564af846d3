"""Timelines: what happened when in a story, each entry cited to its sentence.

Date-wise timeline summarisation, after news-tls DATEWISE (Ghalandari &
Ifrim 2020), without its supervised date ranker or topic keywords:

1. Every sentence is dated: by the days it names ("on Saturday", "three
   weeks ago", resolved against its article's publication date; not by a
   date in a clause about another time when it names one of its own), or,
   for the lead sentences of an article that name none, by the publication
   day and the day before (news reports what happened the day before).
2. A date matters when many articles report on it: those published that
   day, and those that name it on or after it (a look back, not a plan),
   the more so when the story comes back to it on many days; weighed
   against the days around it, so that a milestone stands out where
   coverage thins. A longer story gets more dates.
3. A sentence off the story's topic never becomes an entry: segments of an
   article about something else are dropped (``offtopic.py``), and each
   sentence must resemble the *other* articles of the story. What says
   nothing happened (questions, reader comments, time stamps, bylines,
   captions, link lines: ``statements.py``) is never an entry either.
4. For each date, the chosen sentences are those most central to that
   date's candidates, weighted by their relevance to the story and by
   what they add to the articles published before that date; none repeats
   an entry already chosen, and a lead that tells again what articles of
   earlier days told (the charge in every report of a trial) does not
   stand for its day. Every article counts once in the story's centroids
   for relevance and novelty, however long it is.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from storyline.aliases import one_name
from storyline.clean import language_at
from storyline.model import Article, Precision, Sentence, TimelineEntry
from storyline.offtopic import off_topic
from storyline.reading import Reading, read_article
from storyline.statements import leans_on_context
from storyline.story_vectors import (
    article_units,
    relevance_to_story,
    story_stop_words,
    tfidf,
    word_sets,
)

METHOD = "datewise-statements-salience-recalled-lulls-news"


@dataclass(frozen=True)
class TimelineSettings:
    dates: int | None = None
    """How many dates; ``None`` lets the story decide: ``dates_per_root`` times the square root of the number
    of days its articles report on, at most ``max_dates`` (30 such days give 16 dates, 180 give 40)."""
    dates_per_root: float = 3.0
    max_dates: int = 60
    sentences_per_date: int = 2
    lead_sentences: int = 5
    """Sentences from the top of an article that stand for its publication day when they name none."""
    days_reported: int = 2
    """A lead sentence may report the publication day or the day before."""
    small_story: int = 10
    """In a story of at most this many articles every sentence, not just the lead, may stand for its day."""
    min_words: int = 8
    max_words: int = 40
    """Entries are statements, not fragments or paragraphs."""
    min_relevance: float = 0.05
    """Least cosine between a sentence and the rest of the story for it to be an entry."""
    max_overlap: float = 0.35
    """Most cosine between a new entry and one already chosen."""
    leaning: float = 0.5
    """A sentence that says little read alone ("'This is not enough,' he said") weighs this share of its score:
    another of the day's sentences tells the reader more. On Timeline17 this costs 0.0003 ROUGE-1 on both halves."""
    spread: float = 0.15
    spread_days: int = 3
    """A date's importance is divided by (1 + the mean importance of the ``spread_days`` either side) ** ``spread``."""
    lull: float = 0.2
    lull_days: int = 14
    """And by (the articles published within ``lull_days`` either side, against the story's mean over as many
    days) ** ``lull``, at least a fifth: where coverage thins (Libya after August 2011) a milestone is reported by
    a few articles, where it is thick (Libya's March) an ordinary day by a dozen."""
    precisions: tuple[str, ...] = ("day", "week")
    """How precise a date named in a sentence must be to date an entry ("three weeks ago" is a week)."""
    recalled: float = 5.0
    """Each further publication day whose articles name a day adds this to its importance: a date the story keeps
    coming back to on many days is a milestone, one named only in a single day's burst of articles may not be."""
    recall_boost: float = 2.0
    """A day followed by fewer publication days than the story's typical day (its last weeks, a lull) had fewer
    chances to be recalled: its recalls count as many times more, up to this. Without it the newest milestones of a
    story lose to older ones the story has had weeks to come back to."""
    retold: float | None = 0.7
    retold_after: int = 2
    retold_days: int = 2
    """A lead sentence stands for its publication day only if it tells news: one whose content words are this
    alike (``story_vectors.word_sets``) to sentences published on ``retold_days`` days, ``retold_after`` days or
    more before it, is the story told again ("Michael Jackson 's death was ruled as homicide ...", seven months
    after the coroner's ruling)."""
    month_share: float = 0.02
    """When the story chooses how many dates it has, a month holding this share of its articles gets a date of its
    own: where coverage thins (Libya after August 2011, the oil spill after July 2010) the busiest months would
    otherwise take every date, and a reader would not see how the story went on."""


DEFAULTS = TimelineSettings()


@dataclass
class _Candidate:
    article: Article
    sentence: Sentence
    row: int
    named: bool
    """True when the sentence names the date; False when it stands for its article's publication day."""
    precision: Precision = "day"


@dataclass
class Pool:
    """The story's sentences as the summariser sees them."""

    texts: list[str] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    """The index of each sentence's article."""
    by_day: dict[date, list[_Candidate]] = field(default_factory=lambda: defaultdict(list))
    published: dict[date, set[str]] = field(default_factory=lambda: defaultdict(set))

    def naming(self) -> dict[date, Counter[date]]:
        """For each day with candidates: on each day on or after it, how many articles published then name it."""
        return {day: Counter(a.published for a in {c.article.id: c.article for c in candidates
                                                    if c.named and c.article.published >= day}.values())
                for day, candidates in self.by_day.items()}

    def articles_on(self) -> dict[date, set[str]]:
        """The articles with candidates on each day."""
        return {day: {c.article.id for c in candidates} for day, candidates in self.by_day.items()}


@dataclass
class TimelineState:
    """What a story's timeline was chosen from: kept with it, so that when the story grows a little its timeline
    is updated from the new articles (``timeline_update.py``) instead of read again from every article."""

    members: list[str]
    """The articles the timeline has seen (undated ones too, which it leaves out)."""
    base: int
    """How many of them the last timeline made from every article saw."""
    naming: dict[date, Counter[date]]
    """``Pool.naming``: its keys are the days with candidates."""
    published: dict[date, int]
    """Articles published each day."""
    eligible: set[date]
    """Days with a candidate relevant enough to be an entry."""
    on: dict[date, set[str]]
    """The articles with candidates on each day."""
    entries: list[TimelineEntry]

    def to_json(self) -> str:
        number = {article_id: n for n, article_id in enumerate(self.members)}
        return json.dumps({
            "members": self.members, "base": self.base,
            "naming": {d.isoformat(): {p.isoformat(): n for p, n in on.items()} for d, on in self.naming.items()},
            "published": {d.isoformat(): n for d, n in self.published.items()},
            "eligible": sorted(d.isoformat() for d in self.eligible),
            "on": {d.isoformat(): sorted(number[i] for i in ids) for d, ids in self.on.items()},
            "entries": [{**asdict(e), "date": e.date.isoformat()} for e in self.entries],
        })

    @classmethod
    def from_json(cls, body: str) -> TimelineState:
        row = json.loads(body)
        members = row["members"]
        naming = {date.fromisoformat(d): Counter(_by_day(on)) for d, on in row["naming"].items()}
        return cls(members, row["base"], naming, _by_day(row["published"]), set(map(date.fromisoformat, row["eligible"])),
                   {date.fromisoformat(d): {members[n] for n in numbers} for d, numbers in row["on"].items()},
                   [timeline_entry(e) for e in row["entries"]])


def timeline_entry(row: Mapping[str, Any]) -> TimelineEntry:
    """A timeline entry back from ``dataclasses.asdict`` (its date as an ISO string)."""
    return TimelineEntry(**{**row, "date": date.fromisoformat(row["date"])})


def in_order(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """Entries as a timeline lists them: by date, then by the article and sentence they cite."""
    return sorted(entries, key=lambda e: (e.date, e.article_id, e.sentence_index))


def _by_day(counts: Mapping[str, int]) -> dict[date, int]:
    return {date.fromisoformat(d): n for d, n in counts.items()}


RECALLED_SINCE = timedelta(days=30)
"""How long before a story's first article a date may be to count as recalled (``TimelineSettings.recalled``) and
to be one of its dates at all: one further back is history the story mentions (11 September 2001 in a story of
2010), not a milestone of its own."""


def _story_since(published: Collection[date]) -> date:
    return min(published) - RECALLED_SINCE if published else date.min


def _own_time(published: Collection[date], span: tuple[date, date] | None) -> tuple[date, date]:
    """The dates a timeline may use: ``span``, which unless it says otherwise starts ``RECALLED_SINCE`` before the
    story's first article (``published``: its publication days), so history the story recalls ("the attacks of
    September 11") is no entry; a span that starts earlier brings it in."""
    start, end = span or (date.min, date.max)
    return (_story_since(published) if start == date.min else start), end


def importance(published: Mapping[date, int], naming: Mapping[date, Mapping[date, int]],
               settings: TimelineSettings) -> dict[date, float]:
    """For each day with candidates (``naming``'s keys): the articles published that day and those that name it on
    or after it, and ``recalled`` for each day after the first on which articles name it (``RECALLED_SINCE``), the
    more for a day that had fewer chances to be named again (``_recall_boost``)."""
    since = _story_since(published)
    boost = _recall_boost(naming, published, settings.recall_boost)
    return {day: published.get(day, 0) + sum(by.values())
            + (settings.recalled * max(0, len(by) - 1) * boost[day] if day >= since else 0.0)
            for day, by in naming.items()}


def _recall_boost(naming: Mapping[date, Mapping[date, int]], published: Mapping[date, int],
                  most: float) -> dict[date, float]:
    """How much more each day's recalls count: a day followed by fewer publication days (within
    ``RECALLED_SINCE``) than the story's typical day had fewer chances to be recalled, so each recall counts for
    the chances it missed, at most ``most`` times."""
    days = sorted(d for d, n in published.items() if n)
    chances = {day: bisect.bisect_right(days, day + RECALLED_SINCE) - bisect.bisect_right(days, day) for day in naming}
    typical = float(np.median(list(chances.values()))) if chances else 1.0
    return {day: min(most, max(1.0, typical / max(n, 1))) for day, n in chances.items()}


def _salience(weights: Mapping[date, float], day: date, settings: TimelineSettings) -> float:
    """Importance against the coverage of the days around: a milestone stands out even where coverage thins."""
    around = [day + timedelta(days=k) for k in range(-settings.spread_days, settings.spread_days + 1) if k]
    baseline = sum(weights.get(d, 0) for d in around) / (2 * settings.spread_days)
    return weights[day] / (1.0 + baseline) ** settings.spread


LEAST_COVERAGE = 0.2
"""The thinnest coverage ``TimelineSettings.lull`` counts, against the story's mean: a day named from a time the
story has no articles in is not thereby a milestone."""


def coverage(published: Mapping[date, int], days: Iterable[date], reach: int) -> dict[date, float]:
    """For each of ``days``: the articles published a day within ``reach`` days either side (and within the story's
    first and last publication days), against the story's mean a day; at least ``LEAST_COVERAGE``."""
    if not published:
        return dict.fromkeys(days, 1.0)
    first, last = min(published), max(published)
    mean = sum(published.values()) / ((last - first).days + 1) or 1.0
    result = {}
    for day in days:
        start, end = max(first, day - timedelta(days=reach)), min(last, day + timedelta(days=reach))
        around = [start + timedelta(days=k) for k in range((end - start).days + 1)]
        result[day] = max(LEAST_COVERAGE, sum(published.get(d, 0) for d in around) / max(len(around), 1) / mean)
    return result


def collect(articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]], settings: TimelineSettings,
            read: Callable[[Article, Sequence[Sentence]], Reading] = read_article, story_size: int | None = None
            ) -> Pool:
    """The candidates of ``articles``, from a story of ``story_size`` articles (all of them, if not given)."""
    pool = Pool()
    small = (story_size or len(articles)) <= settings.small_story
    dropped = off_topic(articles, lambda a: sentences[a.id])
    for number, article in enumerate(articles):
        pool.published[article.published].add(article.id)
        for sentence, dates in read(article, sentences[article.id]):
            words = len(sentence.text.split())
            if not settings.min_words <= words <= settings.max_words or (article.id, sentence.index) in dropped:
                continue
            row = len(pool.texts)
            pool.texts.append(sentence.text)
            pool.owners.append(number)
            found = [t for t in dates if t.precision in settings.precisions]
            if any(not t.background for t in found):  # a clause about another time does not date the news
                found = [t for t in found if not t.background]
            named = {t.value: t.precision for t in found}
            for day, precision in named.items():
                pool.by_day[day].append(_Candidate(article, sentence, row, True, precision))
            lead = sentence.index < settings.lead_sentences
            if not named and (lead or small):
                for back in range(settings.days_reported if lead else 1):
                    pool.by_day[article.published - timedelta(days=back)].append(
                        _Candidate(article, sentence, row, False))
    return pool


def build_timeline(
    articles: Sequence[Article],
    sentences_of: Callable[[Article], Sequence[Sentence]],
    settings: TimelineSettings = DEFAULTS,
    span: tuple[date, date] | None = None,
    aliases: Mapping[str, str] | None = None,
    read: Callable[[Article, Sequence[Sentence]], Reading] = read_article,
) -> list[TimelineEntry]:
    """The story's timeline, in date order; ``span`` limits the dates it may use. ``aliases`` maps other names
    of the story's entities to one ("Rescue 2" to "Extraction 2"), so sentences naming one thing by different
    names are alike. ``read`` gives each article's statements and dates (``read_article``, or readings kept)."""
    return build_timeline_state(articles, sentences_of, settings, span, aliases, read)[0]


def build_timeline_state(
    articles: Sequence[Article],
    sentences_of: Callable[[Article], Sequence[Sentence]],
    settings: TimelineSettings = DEFAULTS,
    span: tuple[date, date] | None = None,
    aliases: Mapping[str, str] | None = None,
    read: Callable[[Article, Sequence[Sentence]], Reading] = read_article,
) -> tuple[list[TimelineEntry], TimelineState]:
    """``build_timeline``, and what it chose from, so the timeline can grow with the story
    (``timeline_update.grow_timeline``)."""
    members = [a.id for a in articles]
    articles = [a for a in articles if a.published]
    pool = collect(articles, {a.id: list(sentences_of(a)) for a in articles}, settings, read, len(members))
    published = {d: len(ids) for d, ids in pool.published.items()}
    state = TimelineState(members, len(members), pool.naming(), published, set(), pool.articles_on(), [])
    scored = score(pool, articles, aliases)
    if scored is None:
        return [], state
    state.eligible = {d for d in pool.by_day
                      if any(scored.relevance[c.row] >= settings.min_relevance for c in pool.by_day[d])}
    ranked, wanted = choose_days(published, state.naming, state.eligible, settings, span)
    state.entries = fill(sorted(ranked[:wanted]), ranked[wanted:], pool, scored, [], settings)
    return state.entries, state


def choose_days(published: Mapping[date, int], naming: Mapping[date, Mapping[date, int]], eligible: Collection[date],
                settings: TimelineSettings, span: tuple[date, date] | None) -> tuple[list[date], int]:
    """The ``eligible`` days within the story's own time (``_own_time``) by salience (their ``importance``), most
    salient first, and how many of them the timeline takes: ``settings.dates``, or, left to choose, as many as the
    days some article reports on call for, and the best day of each month of the story's that would have none
    (``month_share``)."""
    weights = importance(published, naming, settings)
    start, end = _own_time(published, span)
    days = [d for d, n in weights.items() if (n or settings.dates is not None) and start <= d <= end]
    candidates = [d for d in days if d in eligible]
    dense = coverage(published, candidates, settings.lull_days)
    ranked = sorted(candidates, key=lambda d: (_salience(weights, d, settings) / dense[d] ** settings.lull, d),
                    reverse=True)
    if settings.dates is not None:
        return ranked, settings.dates
    wanted = default_dates(days, settings)
    added = _months_left_out(ranked, wanted, published, settings.month_share)
    rest = [d for d in ranked[wanted:] if d not in added]
    return ranked[:wanted] + added + rest, wanted + len(added)


def _months_left_out(ranked: Sequence[date], wanted: int, published: Mapping[date, int], share: float) -> list[date]:
    """The most salient day of each month that holds ``share`` of the story's articles but none of the first
    ``wanted`` days of ``ranked``."""
    articles = Counter[tuple[int, int]]()
    for day, count in published.items():
        articles[day.year, day.month] += count
    covered = {(d.year, d.month) for d in ranked[:wanted]}
    least = share * sum(articles.values())
    best: dict[tuple[int, int], date] = {}
    for day in ranked[wanted:]:
        month = (day.year, day.month)
        if month not in covered and articles[month] >= least:
            best.setdefault(month, day)
    return list(best.values())


@dataclass
class Scored:
    """The pool's sentences as vectors, and how relevant each is to the story."""

    matrix: Any
    units: Any
    relevance: np.ndarray
    published_on: np.ndarray
    """The publication day (an ordinal) of each row of ``units``."""
    words: Any
    """Each sentence's content words (``story_vectors.word_sets``)."""
    row_published: np.ndarray
    """The publication day (an ordinal) of each sentence."""

    def retold(self, candidates: Iterable[_Candidate], settings: TimelineSettings) -> set[int]:
        """The rows of the ``candidates`` standing for their publication day that tell what sentences published
        on ``settings.retold_days`` days, ``settings.retold_after`` days or more before their article, told."""
        published = {c.row: c.article.published for c in candidates if not c.named}
        if settings.retold is None or not published:
            return set()
        rows = list(published)
        alike = (self.words[rows] @ self.words.T).tocsr()
        told: set[int] = set()
        for n, row in enumerate(rows):
            sims = slice(alike.indptr[n], alike.indptr[n + 1])
            days = self.row_published[alike.indices[sims][alike.data[sims] >= settings.retold]]
            before = (published[row] - timedelta(days=settings.retold_after)).toordinal()
            if len(set(days[days <= before])) >= settings.retold_days:
                told.add(row)
        return told


def score(pool: Pool, articles: Sequence[Article], aliases: Mapping[str, str] | None,
          extra: Sequence[str] = ()) -> Scored | None:
    """TF-IDF vectors of the pool's sentences and of ``extra`` texts (appended as one more article, published
    after all others), and the relevance of each; None when there is nothing to weigh."""
    texts = pool.texts + list(extra)
    texts = one_name(texts, aliases) if aliases else texts
    stop = story_stop_words(a.language for a in articles)
    matrix = tfidf(texts, stop) if texts else None
    if matrix is None:
        return None
    owners = np.array(pool.owners + [len(articles)] * len(extra))
    units, row_of, numbers = article_units(matrix, owners)
    published_on = np.array([articles[n].published.toordinal() if n < len(articles) else date.max.toordinal()
                             for n in numbers])
    return Scored(matrix, units, relevance_to_story(matrix, units, row_of), published_on, word_sets(texts, stop),
                  published_on[row_of])


def fill(days: list[date], spare: Sequence[date], pool: Pool, scored: Scored, chosen: list[int],
         settings: TimelineSettings) -> list[TimelineEntry]:
    """The entries of ``days``, in date order (a claim told again later keeps its first date), none repeating
    the rows in ``chosen``; a day all of whose candidates were told before gives way to the next ``spare`` one.

    A lead sentence stands for its publication day and the day before, so both may be chosen and the earlier
    one, summarised first, could take the only sentences of the later: a day leaves alone the candidates a day
    still to come cannot do without (``_needed``), unless it has no others."""
    entries: list[TimelineEntry] = []
    queue, spares = sorted(days), iter(spare)
    relevant = {d: {c.row for c in pool.by_day.get(d, []) if scored.relevance[c.row] >= settings.min_relevance}
                for d in [*days, *spare]}
    while queue:
        day = queue.pop(0)
        earlier = np.flatnonzero(scored.published_on < day.toordinal())
        known = np.asarray(scored.units[earlier].sum(axis=0)).ravel() if len(earlier) else None
        candidates = pool.by_day.get(day, [])
        needed = _needed([relevant[d] for d in queue], set(chosen), settings.sentences_per_date)
        own = [c for c in candidates if c.row not in needed]
        picked = _summarise(own, scored, known, chosen, settings)
        if not picked and len(own) < len(candidates):
            picked = _summarise(candidates, scored, known, chosen, settings)
        if not picked and (instead := next(spares, None)):
            bisect.insort(queue, instead)
        for candidate in picked:
            chosen.append(candidate.row)
            entries.append(TimelineEntry(
                date=day, precision=candidate.precision, text=candidate.sentence.text, article_id=candidate.article.id,
                sentence_index=candidate.sentence.index, source=candidate.article.source, url=candidate.article.url,
                language=language_at(candidate.article, candidate.sentence.start),
            ))
    return in_order(entries)


def _needed(days: Iterable[set[int]], chosen: set[int], per_date: int) -> set[int]:
    """The candidate rows of days that have no more left (not in ``chosen``) than they take."""
    needed: set[int] = set()
    for rows in days:
        if len(rows) - len(rows & chosen) <= per_date:
            needed |= rows - chosen
    return needed


def default_dates(days: Sequence[date], settings: TimelineSettings) -> int:
    """More dates for a story that runs longer: they grow with the root of the number of days reported on."""
    return min(settings.max_dates, round(settings.dates_per_root * len(days) ** 0.5))


def _summarise(candidates: list[_Candidate], scored: Scored, known: np.ndarray | None, chosen: list[int],
               settings: TimelineSettings) -> list[_Candidate]:
    """The day's most central, relevant and novel candidates that repeat no entry already chosen and do not stand
    for the day with what was told before it."""
    matrix, relevance = scored.matrix, scored.relevance
    relevant = [c for c in candidates if relevance[c.row] >= settings.min_relevance]
    told = scored.retold(relevant, settings)
    unique = {c.row: c for c in relevant if c.row not in told}
    if not unique:
        return []
    rows = list(unique)
    vectors = matrix[rows]
    scores = (vectors @ np.asarray(vectors.sum(axis=0)).ravel()) * relevance[rows]
    scores = scores * np.array([settings.leaning if leans_on_context(unique[row].sentence.text) else 1.0
                                for row in rows])
    norm = np.linalg.norm(known) if known is not None else 0.0
    if norm:
        scores = scores * (1.0 - vectors @ known / norm)
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
