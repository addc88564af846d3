"""Two ways of writing one name: transliterations (Gaddafi, Gadhafi, Qaddafi) and initials (U.N., United Nations).

Pure string tests, shared by entity resolution and story labels.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

SPELLING_SIMILARITY = 0.65
"""How alike two spellings must be, besides sharing their consonants: Gadhafi/Qaddafi 0.71, Mohammed Qasim/Muhammad
Kassem 0.69, Hassan/Hussein 0.62 (two names)."""
_VOWELS_AND_MARKS = re.compile(r"[aeiouyh\W_]")
_REPEATS = re.compile(r"(.)\1+")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}$")
_SMALL_WORDS = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al"}


def spelling_key(name: str) -> str:
    """The consonants of a name, doubled letters once, q and k as g: one key for its transliterations."""
    key = _VOWELS_AND_MARKS.sub("", name.lower().replace("q", "g").replace("k", "g"))
    return _REPEATS.sub(r"\1", key)


def same_spelling(a: str, b: str) -> bool:
    """True when two different spellings are one name written two ways (Muammar Gaddafi, Moammar Gadhafi)."""
    words_a, words_b = a.lower().split(), b.lower().split()
    if words_a == words_b or len(words_a) != len(words_b):
        return False
    if any(_first_sound(x) != _first_sound(y) for x, y in zip(words_a, words_b)):
        return False  # Talibans is not The Libyans
    key = spelling_key(a)
    return (len(key) >= 3 and min(len(a), len(b)) >= 5 and key == spelling_key(b)
            and SequenceMatcher(None, a.lower(), b.lower()).ratio() >= SPELLING_SIMILARITY)


def _first_sound(word: str) -> str:
    """A word's first letter as transliterations vary it: any vowel alike (Osama, Usama), q and k as g."""
    first = word[:1]
    return "a" if first in "aeiouy" else {"q": "g", "k": "g"}.get(first, first)


def initials(name: str) -> str:
    """The letters of a name written as initials (U.N. -> UN, NATO -> NATO), or "" for any other name."""
    return name.replace(".", "") if _INITIALS.match(name) else ""


def initials_of(name: str) -> str:
    """The initials a name of several words goes by (United Nations -> UN), or "" for a name of one word."""
    words = [w for w in name.split() if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)
