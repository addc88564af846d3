"""Word lists the language-dependent stages share."""

from __future__ import annotations

from functools import cache


@cache
def stop_words() -> frozenset[str]:
    """English stop words (scikit-learn's list)."""
    # Imported here: importing sklearn takes most of a second.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS
