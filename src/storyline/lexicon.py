"""Word lists the language-dependent stages share, chosen by language."""

from __future__ import annotations

from functools import cache


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
