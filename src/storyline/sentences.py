"""Sentence splitting with character offsets, so every statement can be cited."""

from __future__ import annotations

import re

from storyline.model import Sentence
from storyline.temporal_words import LANGUAGES

_ABBREVIATIONS = {
    # English
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "adm", "maj", "brig",
    "cmdr", "cpl", "pvt",
    "gov", "sen", "rep", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
    "fig", "approx", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    # Spanish and Portuguese
    "sra", "srta", "dra", "dña", "ud", "uds", "pág", "núm", "av", "avda", "sto", "sta", "exmo", "exma",
    # French
    "mm", "mme", "mmes", "mlle", "mlles", "me", "ste", "env", "p.ex", "cf",
    # Italian
    "sig", "sigg", "sig.ra", "dott", "dott.ssa", "ing", "avv", "on", "geom", "ecc",
    # German
    "hr", "fr", "nr", "bzw", "ca", "vgl", "usw", "z.b", "d.h", "u.a", "str", "abs", "bzgl",
}
"""Words that end with a full stop without ending the sentence, in the languages Storyline reads;
a stop after a single letter (initials, "M." for Monsieur) never ends one either."""
_BEFORE_NUMBER = {"art", "artt", "cap", "par", "vol", "pag", "pp", "tel", "nº", "núm", "num"}
"""Words that end with a full stop before a number they name: "l'art. 18", "núm. 5", "vol. 2"."""
_END = re.compile(r"[.!?…]+[\"'”’“»)\]]*(?=\s+[\"'“‘«„‚(\[]?[A-Z0-9À-ÖØ-Þ¿¡])")
"""A stop, its closing quotes and brackets, then a sentence opening: quotes as English, French, Italian, Spanish
(« »), German („ “) and Portuguese write them."""
_WORD_BEFORE = re.compile(r"([\w.]+)\s*$")
_WINDOW = 64
"""Characters looked back for the word before a stop: searching the whole line each time made splitting a long
line quadratic."""


_MONTHS = frozenset(name for words in LANGUAGES.values() for name in words.months)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_ORDINAL_AFTER = frozenset(("am", "im", "vom", "zum", "zur", "bis", "ab", "seit", "der", "die", "das", "dem", "den",
                            "des", "ein", "eine", "einem", "einen", "einer"))
"""German words before an ordinal number written with a stop: "im 1. Stock", "zum 2. Mal"."""


def _is_abbreviation(text: str, end: int) -> bool:
    """A stop that ends an abbreviation, an initial, or an ordinal day before a month ("am 3. März")."""
    match = _WORD_BEFORE.search(text, max(0, end - _WINDOW), end)
    if not match:
        return False
    word = match[1].lower().rstrip(".")
    if word.isdigit() and len(word) <= 2:
        following = _NEXT_WORD.match(text, end + 1)
        before = _WORD_BEFORE.search(text, max(0, match.start(1) - _WINDOW), match.start(1)) if match.start(1) \
            else None
        return bool(following and following[1].lower() in _MONTHS) or bool(
            before and before[1].lower() in _ORDINAL_AFTER)
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or (
        word in _BEFORE_NUMBER and text[end + 1:end + 3].strip()[:1].isdigit())


OPEN_BRACKET = r"(?:\(|\[|-LRB-|-LSB-)"
CLOSE_BRACKET = r"(?:\)|\]|-RRB-|-RSB-)"
"""Brackets as scraped text writes them: as themselves, or as Penn Treebank tokens (Timeline17's ``-LRB-``)."""
CODE_THEN_CLOSE = rf"[^\s()\[\]]{{1,4}}\s*{CLOSE_BRACKET}"
"""A short code, then the bracket closes: the tail of a stock ticker written with spaces after its stop, "(BP . L)"
or "-LRB- RIG . N -RRB-", or the mark of a numbered item, "4)"."""
_TICKER_TAIL = re.compile(rf"\s+{CODE_THEN_CLOSE}")


def _in_ticker(text: str, stop: int, after: int) -> bool:
    """A stop (at ``stop``, its marks ending at ``after``) inside brackets, followed by a ticker's short tail."""
    if not _TICKER_TAIL.match(text, after):
        return False
    before = text[max(0, stop - _WINDOW):stop]
    return max(before.rfind("("), before.rfind("-LRB-")) > max(before.rfind(")"), before.rfind("-RRB-"))


def _ends(text: str, match: re.Match[str]) -> bool:
    """True when the sentence-ending marks ``match`` found do end a sentence."""
    if text[match.start()] != ".":
        return True
    return not (_is_abbreviation(text, match.start()) or _in_ticker(text, match.start(), match.end()))


TIME_LINE = (r"(?:[A-Z][a-z]+,?\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4},?\s+\d{1,2}[:.]\d\d\s*"
             r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PST|PDT)\b")
"""A page's time line: "Monday 30 May 2005 01.58 BST"."""
_BEFORE_TIME_LINE = re.compile(rf"(?<=\S)\s+(?=[A-Z][a-z]+day\s+{TIME_LINE})")
"""Where a headline glued to a time line and the lead after it ends: "... in custody Monday 30 May 2005 01.58 BST
After ..." (the time line is cut off the lead as a stamp)."""


def split_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``; line breaks always end one."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        stops = [m.end() for m in _END.finditer(line) if _ends(line, m)]
        if "day" in line:  # every time line starts with a weekday: most lines skip the search
            stops = sorted(stops + [m.start() for m in _BEFORE_TIME_LINE.finditer(line)])
        for stop in stops:
            if line[start:stop].strip():
                spans.append(_trim(line, start, stop, offset))
            start = stop
        if line[start:].strip():
            spans.append(_trim(line, start, len(line), offset))
        offset += len(line) + 1
    return spans


def last_sentence_start(line: str) -> int:
    """Where the last sentence of a one-line text starts: 0 when it holds one sentence."""
    for match in reversed(list(_END.finditer(line))):
        if _ends(line, match):
            return len(line) - len(line[match.end():].lstrip())  # a sentence end is always followed by one
    return 0


def _trim(line: str, start: int, stop: int, offset: int) -> tuple[int, int]:
    piece = line[start:stop]
    lead = len(piece) - len(piece.lstrip())
    return offset + start + lead, offset + start + len(piece.rstrip())


def split_sentences(article_id: str, text: str) -> list[Sentence]:
    """The article's sentences, numbered from 0 in reading order."""
    return [
        Sentence(article_id, index, start, end, text[start:end])
        for index, (start, end) in enumerate(split_spans(text))
    ]
