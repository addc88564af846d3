"""The Porter stemmer as ROUGE-1.5.5 runs it.

ROUGE's stemmer is Porter's (1980) algorithm with the later
departures ("-bli", "-logi") and one change of its own (2004): in the
last suffix step, "-ment", "-ent" and "-(s|t)ion" are tried *after* the
other suffixes, so "congressional" loses "-al" and then "-ion". Standard
Porter stemmers (Snowball's, NLTK's) stem such words differently, which
moves ROUGE scores; this one matches ROUGE on every word of the
Timeline17 gold timelines.
"""

from __future__ import annotations

import re

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = f"{_c}[^aeiouy]*"
_V = f"{_v}[aeiou]*"
_M_GT_0 = re.compile(f"^({_C})?{_V}{_C}")
_M_EQ_1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_M_GT_1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_HAS_VOWEL = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")
_DOUBLE = re.compile(r"([^aeiouylsz])\1$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble", "alli": "al",
    "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al",
    "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous", "ive",
          "ize")


def _longest(word: str, suffixes) -> str | None:
    """The longest of ``suffixes`` that ends ``word`` (what a leftmost regex match finds)."""
    found = [s for s in suffixes if word.endswith(s)]
    return max(found, key=len) if found else None


def _strip(word: str, suffix: str, measure: re.Pattern[str], replacement: str = "") -> str:
    stem = word[: len(word) - len(suffix)]
    return stem + replacement if measure.search(stem) else word


def stem(word: str) -> str:
    """Stem a lower-case word; words shorter than three letters are kept."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    if initial_y:
        word = "Y" + word[1:]  # a leading y is a consonant
    # step 1a
    if word.endswith(("sses", "ies")):
        word = word[:-2]
    elif len(word) > 1 and word.endswith("s") and word[-2] != "s":
        word = word[:-1]
    # step 1b
    if word.endswith("eed"):
        if _M_GT_0.search(word[:-3]):
            word = word[:-1]
    else:
        suffix = "ed" if word.endswith("ed") else "ing" if word.endswith("ing") else None
        if suffix and _HAS_VOWEL.search(word[: -len(suffix)]):
            word = word[: -len(suffix)]
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif _DOUBLE.search(word):
                word = word[:-1]
            elif _CVC.search(word):
                word += "e"
    # step 1c
    if word.endswith("y") and _HAS_VOWEL.search(word[:-1]):
        word = word[:-1] + "i"
    # steps 2 and 3
    for table in (_STEP2, _STEP3):
        suffix = _longest(word, table)
        if suffix:
            word = _strip(word, suffix, _M_GT_0, table[suffix])
    # step 4, in ROUGE's order
    suffix = _longest(word, _STEP4)
    if suffix:
        word = _strip(word, suffix, _M_GT_1)
    if word.endswith("ment"):
        word = _strip(word, "ment", _M_GT_1)
    if word.endswith("ent"):
        word = _strip(word, "ent", _M_GT_1)
    elif word.endswith(("sion", "tion")):
        word = _strip(word, "ion", _M_GT_1)
    # step 5
    if word.endswith("e"):
        stem_ = word[:-1]
        if _M_GT_1.search(stem_) or (_M_EQ_1.search(stem_) and not _CVC.search(stem_)):
            word = stem_
    if word.endswith("ll") and _M_GT_1.search(word):
        word = word[:-1]
    return "y" + word[1:] if initial_y else word
