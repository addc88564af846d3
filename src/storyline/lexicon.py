"""Word lists the language-dependent stages share, chosen by language."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import cache
from itertools import filterfalse
from typing import Any


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
def _stems(language: str) -> tuple[dict[str, str], Any]:
    """The stems made so far in a language (words repeat, so each is stemmed once) and the Snowball stemmer that
    makes them, or None for a language Snowball does not know."""
    algorithm = _SNOWBALL.get(language or "en")
    if algorithm is None:
        return {}, None
    import Stemmer

    return {}, Stemmer.Stemmer(algorithm)


class _Same(dict):
    """Every word is its own stem, in a language no stemmer knows."""

    def __missing__(self, word: str) -> str:
        return word


_SAME = _Same()


def stems_of(words: Collection[str], language: str) -> Mapping[str, str]:
    """A mapping that gives each of ``words`` its stem ("tapering" and "taper": "taper"), in the languages Snowball
    knows; elsewhere each word is its own stem.

    Short texts share few words, and their inflections differ more often
    than their stems ("acquires", "acquiring").
    """
    stems, stemmer = _stems(language)
    if stemmer is None:
        return _SAME
    if len(stems) > _STEMS_KEPT:
        stems.clear()
    missing = list(filterfalse(stems.__contains__, words))
    if missing:
        stems.update(zip(missing, stemmer.stemWords(missing)))
    return stems
