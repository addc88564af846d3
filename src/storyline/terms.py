"""Terms: what the story clusterer sees of an article.

Two views of one article: its words (stop words dropped, stemmed, names
boosted, whole names added as terms of their own) and the numbers it cites.
A short text (a headline, a feed item) also gets the words of its link's
slug, which often spells out the headline in full. Extraction is pure and
per article, so long inputs are split across processes (``terms_stream``).
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import filterfalse
from typing import NamedTuple
from urllib.parse import urlsplit

from storyline.aliases import canonical_counts, name_key
from storyline.entities import DEFAULT_EXTRACTOR, title_case
from storyline.lexicon import stems_of, stop_words
from storyline.model import Article
from storyline.processes import die_with_parent

NAME_WEIGHT = 2.0
"""Names (capitalised inside a sentence) count double: two events of one kind differ in who and where."""
ENTITY_WEIGHT = 1.0
"""Weight of each mention of a whole name ("Joe Russo", short forms resolved in the article) as one more term:
"Vitali Klitschko" and "Wladimir Klitschko" share a word but are two people."""
ENTITY_LEAD = 3000
"""Whole names are read from about the first 500 words: who and where a report is about is named early, and a
long article's later names are background that costs time (the same B-cubed on ECB+ with 2,000 or 4,000)."""
ENTITY_MARK = "="
"""Whole names are kept as written after this mark, so they never meet a word and can label a story."""

_TOKEN = re.compile(r"[^\W_][\w'’-]*[^\W_]")
"""Words of two characters or more; a lone letter says nothing about a story."""
_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
_NAME = re.compile(rf"[{_UPPER}](?<=[\w,;)] .)[\w'’-]*[^\W_]")
"""A capitalised word after a word or a comma: not capitalised just for starting a sentence or a line. The capital
is matched before looking behind it, which is three times faster than the other way round."""
_NUMBER = re.compile(r"\d[\d,.:/-]*\d")
"""Numbers of two characters or more: amounts, scores, tolls, ages, years, dates."""
_POSSESSIVE = re.compile(r"['’]s\b")
SHORT_TEXT_WORDS = 60
"""A text this short (a headline, a feed item's summary) is helped by the words of its link."""
_SLUG_SEPARATOR = re.compile(r"[-_+]+")
_EXTENSION = re.compile(r"\.\w{2,5}$")


class Weights(NamedTuple):
    """How much a name counts: each capitalised word, and each whole name as one more term."""

    names: float = NAME_WEIGHT
    entities: float = ENTITY_WEIGHT


DEFAULT_WEIGHTS = Weights()


class Terms(NamedTuple):
    words: Counter[str]
    numbers: Counter[str]


def article_terms(article: Article, weights: Weights = DEFAULT_WEIGHTS) -> Terms:
    """Weighted words (stop words dropped, names boosted, numbers kept, whole names added) and the numbers cited.

    Names are matched in Latin scripts; other scripts have no capitals to go by.
    Whole names are marked with ``ENTITY_MARK`` so they never meet a word.
    """
    language = article.language or "en"
    text = article.text if article.title in ("", article.text) else f"{article.title}\n{article.text}"
    tokens = _TOKEN.findall(_POSSESSIVE.sub("", text).lower())
    distinct = set(tokens)
    if len(distinct) < SHORT_TEXT_WORDS:
        tokens += [word for word in dict.fromkeys(slug_words(article.url)) if word not in distinct]
        distinct.update(tokens)
    kept = filterfalse(stop_words(language).__contains__, tokens)
    stems = stems_of(distinct, language)
    words: Counter[str] = Counter(map(stems.__getitem__, kept))  # counted in C: this runs on every word
    named = _capitalised_prose(text)
    for name in _NAME.findall(named):
        lower = _POSSESSIVE.sub("", name).lower()
        key = stems.get(lower, lower)
        if key in words:
            words[key] += weights.names - 1.0
    if weights.entities:
        name_counts: Counter[str] = Counter()
        shown: dict[str, str] = {}  # each name as first written
        for name in DEFAULT_EXTRACTOR.names(named[:ENTITY_LEAD], language):
            key = name_key(name)
            name_counts[key] += 1
            shown.setdefault(key, name)
        for key, n in canonical_counts(name_counts).items():
            words[ENTITY_MARK + shown[key]] += weights.entities * n
    return Terms(words, Counter(_NUMBER.findall(text)))


def _capitalised_prose(text: str) -> str:
    """The text without a Title Case headline (its first line, where headlines stand), whose capitals name nothing."""
    first, newline, rest = text.partition("\n")
    return rest if title_case(first) else text


def slug_words(url: str) -> list[str]:
    """The words of a link's path segments written as slugs ("/2014/03/mt-gox-files-for-bankruptcy.html").

    A segment counts when it joins at least three words with hyphens or
    underscores; numbers (dates, ids) are left out.
    """
    if not url:
        return []
    words = []
    for segment in urlsplit(url).path.split("/"):
        parts = _SLUG_SEPARATOR.split(_EXTENSION.sub("", segment))
        if len(parts) >= 3:
            words.extend(part.lower() for part in parts if len(part) > 1 and not part.isdigit())
    return words


PARALLEL_MIN = 2000
"""Below this many articles a second process costs more than it saves."""
_CHUNK = 250
_SHARED: Sequence[Article] = ()
"""The articles a forked worker reads its chunk from, so they are never pickled."""


def _terms_of_range(start: int, end: int, weights: Weights) -> list[Terms]:
    return [article_terms(article, weights) for article in _SHARED[start:end]]


def terms_stream(articles: Sequence[Article], weights: Weights = DEFAULT_WEIGHTS) -> Iterator[Terms]:
    """The terms of each article, in order.

    On long inputs other processes extract terms while the caller clusters.
    Only a few chunks are in flight at a time, so memory does not grow with
    the input.
    """
    workers = (os.cpu_count() or 1) - 1
    if len(articles) < PARALLEL_MIN or workers < 1:
        yield from (article_terms(article, weights) for article in articles)
        return
    global _SHARED
    _SHARED = articles
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent) as pool:
            pending: deque[Future[list[Terms]]] = deque()
            for start in range(0, len(articles), _CHUNK):
                pending.append(pool.submit(_terms_of_range, start, start + _CHUNK, weights))
                if len(pending) > 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    finally:
        _SHARED = ()
