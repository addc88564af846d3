"""Terms: what the story clusterer sees of an article.

Two views of one article: its words (stop words dropped, names boosted) and
the numbers it cites. Extraction is pure and per article, so long inputs
are split across processes (``terms_stream``).
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from typing import NamedTuple

from storyline.model import Article

NAME_WEIGHT = 2.0
"""Names (capitalised inside a sentence) count double: two events of one kind differ in who and where."""

_TOKEN = re.compile(r"[^\W_][\w'’-]*[^\W_]|[^\W\d_]")
_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
_NAME = re.compile(rf"(?<=[\w,;)] )[{_UPPER}][\w'’-]*[^\W_]")
"""A capitalised word after a word or a comma: not capitalised just for starting a sentence or a line."""
_NUMBER = re.compile(r"\d[\d,.:/-]*\d")
"""Numbers of two characters or more: amounts, scores, tolls, ages, years, dates."""


class Terms(NamedTuple):
    words: Counter[str]
    numbers: Counter[str]


@cache
def _stop_words() -> frozenset[str]:
    # Imported here: importing sklearn takes most of a second.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS


def article_terms(article: Article, name_weight: float = NAME_WEIGHT) -> Terms:
    """Weighted words (stop words dropped, names boosted, numbers kept) and the numbers cited.

    Names are matched in Latin scripts; other scripts have no capitals to go by.
    """
    stop = _stop_words()
    text = f"{article.title}\n{article.text}"
    counts = Counter(_TOKEN.findall(text.lower()))
    words: Counter[str] = Counter({w: float(n) for w, n in counts.items() if len(w) > 1 and w not in stop})
    for name in _NAME.findall(text):
        lower = name.lower()
        if lower in words:
            words[lower] += name_weight - 1.0
    return Terms(words, Counter(_NUMBER.findall(text)))


PARALLEL_MIN = 2000
"""Below this many articles a second process costs more than it saves."""
_CHUNK = 250
_SHARED: Sequence[Article] = ()
"""The articles a forked worker reads its chunk from, so they are never pickled."""


def _terms_of_range(start: int, end: int, name_weight: float) -> list[Terms]:
    return [article_terms(article, name_weight) for article in _SHARED[start:end]]


def terms_stream(articles: Sequence[Article], name_weight: float = NAME_WEIGHT) -> Iterator[Terms]:
    """The terms of each article, in order.

    On long inputs other processes extract terms while the caller clusters.
    Only a few chunks are in flight at a time, so memory does not grow with
    the input.
    """
    workers = (os.cpu_count() or 1) - 1
    if len(articles) < PARALLEL_MIN or workers < 1:
        yield from (article_terms(article, name_weight) for article in articles)
        return
    global _SHARED
    _SHARED = articles
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            pending: deque[Future[list[Terms]]] = deque()
            for start in range(0, len(articles), _CHUNK):
                pending.append(pool.submit(_terms_of_range, start, start + _CHUNK, name_weight))
                if len(pending) > 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    finally:
        _SHARED = ()
