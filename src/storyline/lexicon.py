"""Word lists the language-dependent stages share, chosen by language."""

from __future__ import annotations

from collections import Counter
from functools import cache
from itertools import filterfalse


@cache
def stop_words(language: str = "en") -> frozenset[str]:
    """Stop words of a language: scikit-learn's list for English, the stopwords-iso list for others.

    A language with no list gets an empty one: its words all count, which
    is worse than filtering them but never wrong about what a word means.
    """
    if language in ("", "en"):
        # Imported here: importing sklearn takes most of a second.
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return ENGLISH_STOP_WORDS
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(language)) if stopwordsiso.has_lang(language) else frozenset()


def warm_stop_words() -> None:
    """Load every language's list now (stopwords-iso reads them all at once), e.g. before forking workers."""
    stop_words("en")
    stop_words("es")


_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "et": "estonian", "eu": "basque", "fa": "persian", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian", "nb": "norwegian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
}
"""Snowball stemmers (PyStemmer) by ISO 639-1 code."""


_STEMS_KEPT = 500_000
"""Stems remembered per language before the memory starts afresh (a vocabulary this large is mostly noise)."""


@cache
def _stems(language: str) -> tuple[dict[str, str], object] | None:
    """A stemmer for the language and the stems it has made so far (words repeat, so each is stemmed once)."""
    algorithm = _SNOWBALL.get(language or "en")
    if algorithm is None:
        return None
    import Stemmer

    return {}, Stemmer.Stemmer(algorithm)


def stem_words(counts: Counter[str], language: str) -> Counter[str]:
    """Word counts with each word replaced by its stem ("tapering" and "taper" count as one word), in languages
    Snowball knows; others are returned as they are.

    Short texts share few words, and their inflections differ more often
    than their stems ("acquires", "acquiring").
    """
    found = _stems(language)
    if found is None:
        return counts
    stems, stemmer = found
    missing = list(filterfalse(stems.__contains__, counts))
    if len(stems) > _STEMS_KEPT:
        stems.clear()
        missing = list(counts)
    if missing:
        stems.update(zip(missing, stemmer.stemWords(missing)))
    keys = list(map(stems.__getitem__, counts))  # in C: this runs on every word of every article
    stemmed = dict(zip(keys, counts.values()))
    if len(stemmed) < len(keys):  # some words share a stem: add their counts up
        shared = {key for key, n in Counter(keys).items() if n > 1}
        for key in shared:
            stemmed[key] = 0
        for key, n in [pair for pair in zip(keys, counts.values()) if pair[0] in shared]:
            stemmed[key] += n
    return Counter(stemmed)
