"""Story labels: a short human title from the names a story's articles share."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storyline.model import Article

_PHRASE = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*[a-z][\w'’-]*)*")
_COMMON_STARTS = {
    "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "This", "That", "But", "And", "By", "For",
    "After", "Before", "From", "With", "As", "If", "When", "Since", "Until",
}
_CALENDAR = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}
"""Capitalised but not what a story is about: dates make poor labels."""


def label(articles: Sequence[Article], size: int = 3) -> str:
    """A short title from the proper-noun phrases most articles share."""
    counts: Counter[str] = Counter()
    for article in articles:
        phrases: dict[str, None] = {}  # ordered, so ties are broken the same way every run
        for match in _PHRASE.finditer(f"{article.title}\n{article.text}"):
            words = [w for w in match[0].split() if w not in _CALENDAR]
            while words and words[0] in _COMMON_STARTS:
                words = words[1:]
            if words:
                phrases.setdefault(" ".join(words))
        counts.update(phrases.keys())
    chosen: list[str] = []
    for phrase, _ in counts.most_common():
        if not any(phrase in c or c in phrase for c in chosen):
            chosen.append(phrase)
        if len(chosen) == size:
            break
    return " · ".join(chosen) or (articles[0].title if articles else "")
