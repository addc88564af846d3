"""The sentences of a story as vectors, for the timeline to weigh.

Pure functions over a story's sentence texts: TF-IDF rows for centrality and
overlap, sets of content words for a claim told again, one unit row per
article (so a giant page weighs what a short report weighs), and each
sentence's relevance to the rest of the story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.lexicon import stop_words

_TOKEN = re.compile(r"\w\w+")
"""What scikit-learn's vectorizer takes for a word."""


def story_stop_words(languages: Iterable[str]) -> list[str] | None:
    """The stop words of each language at least a fifth of the story's articles are in, so a few misdetected
    articles do not change a story's vocabulary; only one-word entries that the tokenizer can produce count."""
    counts = Counter(language or "en" for language in languages)
    main = [language for language, n in counts.items() if n >= 0.2 * sum(counts.values())]
    return sorted(w for w in set().union(*map(stop_words, main)) if _TOKEN.fullmatch(w)) or None


def tfidf(texts: Sequence[str], stop: list[str] | None):
    """TF-IDF of words and word pairs: outlets that report the same thing share phrases, not just words."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        return TfidfVectorizer(stop_words=stop, sublinear_tf=True, ngram_range=(1, 2)).fit_transform(texts)
    except ValueError:  # nothing but stop words
        return None


def word_sets(texts: Sequence[str], stop: list[str] | None):
    """Each sentence's content words (no figures), each weighed by its rarity in the story, as a unit vector: the
    same claim told again with another age, toll or word order ("Dr Conrad Murray , 58 , denies ...") is alike,
    where word pairs would differ, and one with a rare word the other lacks ("... confirmed in Europe") is not."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    words = TfidfVectorizer(binary=True, stop_words=stop, token_pattern=r"(?u)\b[^\W\d_]{2,}\b")
    return words.fit_transform(texts)


def article_units(matrix, owners: np.ndarray):
    """Each article's sentences summed and scaled to unit length (a sparse row per article), and the row of each
    sentence's article: one giant page then weighs what one short report weighs."""
    from scipy.sparse import csr_matrix, diags

    numbers, row_of = np.unique(owners, return_inverse=True)
    membership = csr_matrix((np.ones(len(owners)), (row_of, np.arange(len(owners)))))
    sums = (membership @ matrix).tocsr()
    norms = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
    return diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ sums, row_of, numbers


def relevance_to_story(matrix, units, row_of: np.ndarray) -> np.ndarray:
    """Cosine of each sentence with the other articles of the story (with its own, if it is the only one),
    every article counting once whatever its length."""
    total = np.asarray(units.sum(axis=0)).ravel()
    if units.shape[0] == 1:
        norm = np.linalg.norm(total)
        return matrix @ total / norm if norm else np.zeros(matrix.shape[0])
    own = units[row_of]
    dots = matrix @ total - np.asarray(matrix.multiply(own).sum(axis=1)).ravel()
    own_total = units @ total
    own_norm = np.asarray(units.multiply(units).sum(axis=1)).ravel()
    rest_norm = np.sqrt(np.maximum(total @ total - 2 * own_total + own_norm, 0.0))[row_of]
    return np.divide(dots, rest_norm, out=np.zeros_like(dots), where=rest_norm > 1e-9)
