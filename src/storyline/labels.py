"""Story labels: a short human title from the names a story's articles share.

The clusterer's centroid already weighs each whole name by how often and how
distinctively the story uses it, so a label is read off it when it holds
names; otherwise the proper-noun phrases most articles share are counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.model import Article
from storyline.name_variants import same_spelling
from storyline.terms import ENTITY_MARK

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
_NOT_NAMES = {
    "AM", "PM", "GMT", "BST", "UTC", "ET", "EST", "EDT", "CST", "CDT", "PST", "PDT", "IST", "CET", "CEST",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Posted", "Updated", "Reply", "Share", "Comments", "Photo", "Video", "Related", "Advertisement", "Reuters", "AFP",
}
"""Words of page furniture, wire credits, time stamps and datelines ("BST LONDON", "AM Posted") that pass for
names."""
_SHOUTED = re.compile(r"^[A-Z]{3,}$")


def label(articles: Sequence[Article], size: int = 3, centroid: Mapping[str, float] | None = None) -> str:
    """A short title from the heaviest names of the story's centroid, or the proper-noun phrases most articles share."""
    if centroid:
        names = sorted((t for t in centroid if t.startswith(ENTITY_MARK)), key=lambda t: (-centroid[t], t))
        if joined := _join([t[len(ENTITY_MARK):] for t in names], size):  # none may be readable ("US", "JOLTS")
            return joined
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
    return _join([phrase for phrase, _ in counts.most_common()], size) or (articles[0].title if articles else "")


def _readable(phrase: str) -> bool:
    """No time zone, month or page word, and no word in capitals among others (a dateline "EDT SANAA", a
    transcript's speaker "CARL AZUZ"); acronyms alone ("NATO") stay."""
    words = phrase.split()
    return not any(w in _NOT_NAMES for w in words) and not (len(words) > 1 and any(_SHOUTED.match(w) for w in words))


def _join(ranked: Sequence[str], size: int) -> str:
    """The first ``size`` readable phrases, leaving out any that repeats part of one already chosen or spells it
    another way."""
    chosen: list[str] = []
    for phrase in filter(_readable, ranked):
        if not any(phrase.lower() in c.lower() or c.lower() in phrase.lower() or same_spelling(phrase, c)
                   for c in chosen):
            chosen.append(phrase)
        if len(chosen) == size:
            break
    return " · ".join(chosen)
