"""Temporal expressions: find dates written in a sentence and resolve them.

"three weeks ago", "on Saturday", "in April", "July 7, 2022" only mean a
date relative to when the article was published. ``find_dates`` resolves
each to a calendar date and says how precise it is (day, week, month or
year). Rules, not dateparser: they find expressions inside running text
(dateparser's search mode also fires on words like "may" and "march"), and
each rule is tested on its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from storyline.model import Precision
from storyline.sentences import CLOSE_BRACKET, OPEN_BRACKET
from storyline.temporal_words import ENGLISH, LANGUAGES, Words


@dataclass(frozen=True)
class TemporalExpression:
    """A date written in a sentence: ``value`` is the first day of the period meant."""

    text: str
    start: int
    end: int
    value: date
    precision: Precision
    background: bool = False
    """The date sits in a clause about another time than the sentence's news ("a walkout that began on
    February 8"), so it does not date the sentence."""


_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°|\.)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_ISO = re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_NUMERIC = re.compile(rf"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep){_YEAR}(?![\w/-]|[.-]\d)")
"""A date in figures with its year: "20.10.2011", "20/10/2011", "20-10-2011"."""
DAY_FIRST = "numeric"
"""The rule for a date in figures where the day comes first, as in every language read but English."""
EITHER_FIRST = "numeric_either"
"""The rule for a date in figures in English, where "10/5/2011" is 10 May in London and 5 October in New York: read
only when one of its numbers cannot be a month."""
PAST_AHEAD = 60
"""A day and month without a year that would fall further ahead than this, in a clause with no cue of the
future, mean the past: "since March 15" in a December article is last March, and a recap line "February 17 -
Protests begin" in September is this February. News about a day months ahead says so ("will", "due")."""
_DAY_AND_MONTH = ("month_day", "day_month")
"""The rules for a day and month without a year: resolved to the nearest year, unless one is written beside them."""
NEUTRAL = "iso"
"""The one rule every language shares: in a language without word tables, only ISO dates are read."""


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _rules(language: str) -> list[tuple[str, re.Pattern[str]]]:
    """The rules for one language, most specific first: a span taken by one rule is not matched again."""
    words = LANGUAGES.get(language or "en")
    if words is None:
        return [(NEUTRAL, _ISO)]
    month = rf"(?P<month>{_alt(words.months)})\.?"
    weekday = rf"(?P<weekday>{_alt(words.weekdays)})"
    link = rf"(?:\s+(?:{_alt(words.date_connectors)}))?" if words.date_connectors else ""
    count = rf"(?P<count>\d+|{_alt(words.numbers)})"
    unit = rf"(?P<unit>{_alt(words.units)})"
    which = rf"(?P<which>{_alt(words.last + words.next + words.this)})"
    month_of = rf"(?:(?:{_alt(u for u, kind in words.units.items() if kind == 'month')})\s+(?:of|de|di|d')\s+)?"
    flags = re.IGNORECASE
    rules = [
        (NEUTRAL, _ISO),
        (EITHER_FIRST if language in ("", "en") else DAY_FIRST, _NUMERIC),
        ("month_day_year", re.compile(rf"\b{month}\s+{_DAY}\s*,?\s+{_YEAR}\b", flags)),
        ("day_month_year", re.compile(rf"\b{_DAY}{link}\s+{month}{link}\s*,?\s+{_YEAR}\b", flags)),
        ("month_year", re.compile(rf"\b{month}{link}\s*,?\s+{_YEAR}\b", flags)),
        ("month_day", re.compile(rf"\b{month}\s+{_DAY}(?!\w)(?!\s*(?:,\s*)?\d)", flags)),
        ("day_month", re.compile(rf"\b{_DAY}{link}\s+{month}(?!\w)", flags)),
        # "last November", "el pasado mes de noviembre", "novembre dernier" (not "November last year")
        ("relative_month", re.compile(rf"(?<!\w){which}\s+{month_of}{month}(?!\w)", flags)),
        ("relative_month", re.compile(rf"(?<!\w){month_of}{month}\s+{which}(?!\w)(?!\s+{unit})", flags)),
    ]
    if words.ago_before:
        rules.append(("ago", re.compile(rf"\b(?:{_alt(words.ago_before)})\s+{count}\s+{unit}\b", flags)))
    if words.ago_after:
        rules.append(("ago", re.compile(rf"\b{count}\s+{unit}\s+(?:{_alt(words.ago_after)})(?!\w)", flags)))
    rules += [
        ("relative_unit", re.compile(rf"(?<!\w){which}\s*{unit}\b", flags)),
        ("relative_unit", re.compile(rf"\b{unit}\s+{which}(?!\w)", flags)),
        ("relative_weekday", re.compile(rf"(?<!\w){which}\s+{weekday}(?!\w)", flags)),
        ("relative_weekday", re.compile(rf"\b{weekday}\s+{which}(?!\w)", flags)),
        ("deictic", re.compile(rf"(?<!\w)(?P<word>{_deictic(words)})(?!\w)", flags)),
        ("weekday", re.compile(rf"\b(?:(?:{_alt(words.weekday_prepositions) or 'on'})\s+)?{weekday}(?!\w)", flags)),
        ("in_month", re.compile(rf"(?<!\w)(?P<prep>{_alt(words.month_prepositions)})\s*{month}(?!\w)(?!\s+\d)",
                                flags)),
        ("in_year", re.compile(rf"(?<!\w)(?P<prep>{_alt(words.year_prepositions)})\s+{_YEAR}\b", flags)),
    ]
    return rules


@cache
def _marks(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words before a day and month ("el pasado (día) 20 de diciembre", "last March 3") and after it ("il 3
    gennaio scorso", "le 10 mars prochain") that make it the last or the next one, not the nearest. Looked for only
    beside a day and month found, which is cheaper than a rule that tries them at every word."""
    words = LANGUAGES.get(language or "en", ENGLISH)
    day_word = rf"(?:(?:{_alt(u for u, kind in words.units.items() if kind == 'day')})\s+)?"
    before = re.compile(rf"(?<!\w)(?P<which>{_alt(words.last + words.next + words.this)})\s+{day_word}$", re.I)
    after = re.compile(rf"\s+(?P<which>{_alt(words.marks_after)})(?!\w)" if words.marks_after else r"(?!)", re.I)
    return before, after


def _deictic(words: Words) -> str:
    """Yesterday, today, tomorrow, each kept from the words after which it means something else."""
    return "|".join(
        "".join(rf"(?<!\b{re.escape(before)} )" for before in words.deictic_not_after.get(word, ())) + re.escape(word)
        for word in sorted(words.deictic, key=len, reverse=True)
    )


@cache
def _future(language: str) -> re.Pattern[str]:
    """Cues that a bare weekday or month points forward from the publication date, not back."""
    words = LANGUAGES.get(language or "en")
    if not words or not words.future:
        return re.compile(r"(?!)")
    endings = rf"|\w\w(?:{_alt(words.future_endings)})(?!\w)" if words.future_endings else ""
    return re.compile(rf"(?<!\w)(?:{_alt(words.future)}){endings}", re.IGNORECASE)


_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-{1,2}\s|-[LR]RB-")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause around ``sentence[start:end]``, between punctuation that separates clauses."""
    before = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
    after = _CLAUSE_END.search(sentence, end)
    return (before[-1] if before else 0), (after.start() if after else len(sentence))


@cache
def _background(language: str) -> re.Pattern[str] | None:
    """A word opening a clause about another time; "that" right after a reporting verb opens the news itself."""
    words = LANGUAGES.get(language or "en")
    if not words or not words.background:
        return None
    not_after = "".join(rf"(?<!\b{re.escape(verb)} )" for verb in words.reporting)
    return re.compile(rf"{not_after}(?<!\w)(?:{_alt(words.background)})(?!\w)", re.IGNORECASE)


def _in_background(sentence: str, start: int, clause_start: int, language: str) -> bool:
    pattern = _background(language)
    return bool(pattern and pattern.search(sentence, clause_start, start))


@cache
def _name_after(names: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """What follows a date that is part of a name ("the Sunday Times", "the March 14 alliance"): one of ``names``."""
    return re.compile(rf"\s+(?:{_alt(names)})\b", flags) if names else re.compile(r"(?!)")


def _step(which: str, words: Words) -> int:
    """-1 for last, 1 for next, 0 for this."""
    which = which.lower()
    return -1 if which in words.last else 1 if which in words.next else 0


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_months(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _nearest_year(published: date, month: int, day: int) -> date | None:
    """The date with this month and day closest to ``published`` (within half a year either way)."""
    candidates = [_safe_date(published.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c]
    return min(valid, key=lambda c: abs((c - published).days)) if valid else None


def _beyond(published: date, month: int, day: int, step: int) -> date | None:
    """The last date with this month and day before ``published`` (``step`` -1), or the first after it (1)."""
    around = [d for k in range(-4, 5) if (d := _safe_date(published.year + k, month, day))]
    side = [d for d in around if (d - published).days * step > 0]
    return (max(side) if step < 0 else min(side)) if side else None


def _resolve(rule: str, m: re.Match[str], published: date, future: bool, words: Words,
             step: int = 0) -> tuple[date, Precision] | None:
    """The date and precision ``m`` (found by ``rule``) stands for; ``step`` -1 or 1 when a day and month is called
    the last or next one."""
    g = m.groupdict()
    months = words.months if "month" in g else {}
    if rule == NEUTRAL:
        value = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
        return (value, "day") if value else None
    if rule in (DAY_FIRST, EITHER_FIRST):
        first, second = int(g["a"]), int(g["b"])
        if rule == EITHER_FIRST and max(first, second) <= 12:
            return None
        day, month = (second, first) if rule == EITHER_FIRST and second > 12 else (first, second)
        value = _safe_date(int(g["year"]), month, day)
        return (value, "day") if value else None
    if rule in ("month_day_year", "day_month_year"):
        value = _safe_date(int(g["year"]), months[g["month"].lower()], int(g["day"]))
        return (value, "day") if value else None
    if rule == "month_year":
        return date(int(g["year"]), months[g["month"].lower()], 1), "month"
    if rule in _DAY_AND_MONTH:
        if step:
            value = _beyond(published, months[g["month"].lower()], int(g["day"]), step)
            return (value, "day") if value else None
        value = _nearest_year(published, months[g["month"].lower()], int(g["day"]))
        if value and not future and value > published + timedelta(days=PAST_AHEAD):
            value = _safe_date(value.year - 1, value.month, value.day)
        return (value, "day") if value else None
    if rule == "ago":
        count = int(g["count"]) if g["count"].isdigit() else words.numbers[g["count"].lower()]
        unit = words.units[g["unit"].lower()]
        if unit == "day":
            return published - timedelta(days=count), "day"
        if unit == "week":
            return published - timedelta(weeks=count), "week"
        if unit == "month":
            return _shift_months(published.replace(day=1), -count), "month"
        return date(published.year - count, 1, 1), "year"
    if rule == "relative_unit":
        step = _step(g["which"], words)
        unit = words.units[g["unit"].lower()]
        if unit == "day":
            return None  # "the next day" follows the story's own day, not the publication's
        if unit == "week":
            monday = published - timedelta(days=published.weekday())
            return monday + timedelta(weeks=step), "week"
        if unit == "month":
            return _shift_months(published.replace(day=1), step), "month"
        return date(published.year + step, 1, 1), "year"
    if rule == "relative_month":
        month, step = months[g["month"].lower()], _step(g["which"], words)
        year = published.year
        if step < 0 and month >= published.month:
            year -= 1
        elif step > 0 and month <= published.month:
            year += 1
        return date(year, month, 1), "month"
    if rule == "relative_weekday":
        weekday = words.weekdays[g["weekday"].lower()]
        step = _step(g["which"], words)
        if step < 0:
            back = (published.weekday() - weekday) % 7 or 7
            return published - timedelta(days=back), "day"
        ahead = (weekday - published.weekday()) % 7
        if step > 0:
            ahead = ahead or 7
        return published + timedelta(days=ahead), "day"
    if rule == "deictic":
        offset = words.deictic[g["word"].lower()]
        return published + timedelta(days=offset), "day"
    if rule == "weekday":
        weekday = words.weekdays[g["weekday"].lower()]
        if future:
            return published + timedelta(days=(weekday - published.weekday()) % 7), "day"
        return published - timedelta(days=(published.weekday() - weekday) % 7), "day"
    if rule == "in_month":
        month = months[g["month"].lower()]
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return date(year, month, 1), "month"
    if rule == "in_year":
        return date(int(g["year"]), 1, 1), "year"
    raise ValueError(rule)


def stamp_day(stamp: str, published: date, language: str = "en") -> date | None:
    """The day a live blog's update stamp names ("Update 8:02 a.m. Friday in Cairo"): of the days with that name, the
    one nearest the page's date (a blog is updated for days after its first post, and a page may be dated by a later
    edition); None when the stamp names no day."""
    words = LANGUAGES.get(language or "en", ENGLISH)
    named = _weekday(language or "en").search(stamp)
    if not named:
        return None
    ahead = (words.weekdays[named[0].lower()] - published.weekday()) % 7
    return published + timedelta(days=ahead if ahead <= 3 else ahead - 7)


@cache
def _weekday(language: str) -> re.Pattern[str]:
    """A weekday's name in ``language`` (English where it has no word table), as a word of its own."""
    weekdays = LANGUAGES.get(language, ENGLISH).weekdays
    return re.compile(rf"(?<!\w)(?:{_alt(weekdays)})(?!\w)", re.IGNORECASE)


_CLOCK_12 = re.compile(r"(?<![\d:.])(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s?m\b", re.IGNORECASE)
_CLOCK_24 = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.h](\d\d)(?![\d:])")


def stamp_clock(stamp: str, language: str = "en") -> int | None:
    """The minute of the day of a stamp's first clock ("4:18 a.m." is 258); None when it has none, or an English
    clock without a.m. or p.m. could be either."""
    if match := _CLOCK_12.search(stamp):
        return int(match[1]) % 12 * 60 + (720 if match[3].lower() == "p" else 0) + int(match[2] or 0)
    if (match := _CLOCK_24.search(stamp)) and (language != "en" or not 0 < int(match[1]) <= 12):
        return int(match[1]) * 60 + int(match[2])
    return None


def stamp_days(stamps: Sequence[str], published: date, language: str = "en") -> list[date]:
    """The day of each of a live blog's update stamps, in page order.

    A stamp that names a day has that day (``stamp_day``). One that names none takes the day of the nearest stamp
    that does, a day on for each midnight its clock passes on the way: "11:45 p.m." then "12:30 a.m." is the next
    day. The clocks also say whether the blog runs newest first, as most do. With no day named, the page's date.
    """
    named = [stamp_day(stamp, published, language) for stamp in stamps]
    clocks = [stamp_clock(stamp, language) for stamp in stamps]
    known = [clock for clock in clocks if clock is not None]
    steps = [later - earlier for earlier, later in zip(known, known[1:])]
    down = -1 if sum(step < 0 for step in steps) > sum(step > 0 for step in steps) else 1
    anchors = [index for index, day in enumerate(named) if day is not None]
    days = []
    for index, day in enumerate(named):
        if day is None and anchors:
            anchor = min(anchors, key=lambda other: abs(other - index))
            day = named[anchor] + timedelta(days=_midnights(clocks, anchor, index, down))
        days.append(day or published)
    return days


_NIGHT = 6 * 60


def _midnights(clocks: Sequence[int | None], start: int, end: int, down: int) -> int:
    """Days passed from stamp ``start`` to stamp ``end``: time runs ``down`` the page (1) or up it (-1), and a clock
    that goes back by hours as time runs on has passed midnight (one that goes back by minutes was set late)."""
    move = 1 if end > start else -1
    forward = move == down
    days, last = 0, clocks[start]
    for index in range(start + move, end + move, move):
        clock = clocks[index]
        if clock is None:
            continue
        if last is not None and abs(clock - last) >= _NIGHT and (clock < last) == forward:
            days += 1 if forward else -1
        last = clock
    return days


def find_dates(sentence: str, published: date | None, language: str = "en") -> list[TemporalExpression]:
    """Every date written in ``sentence``, resolved against the publication date, in text order.

    ``language`` picks the word tables (English when empty); a language
    without tables gets only ISO dates. Expressions that need a reference
    point ("on Saturday", "in April") are skipped when ``published`` is
    unknown; absolute ones are always kept.
    """
    words = LANGUAGES.get(language or "en", ENGLISH)
    taken: list[tuple[int, int]] = []
    found: list[TemporalExpression] = []
    yearless: set[int] = set()
    for rule, pattern in _rules(language):
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if words.capitalised_months and "month" in match.groupdict() and not match["month"][0].isupper():
                continue  # English capitalises months; "may" and "march" are usually verbs
            if published is None and rule not in (NEUTRAL, "month_day_year", "day_month_year", "month_year", "in_year"):
                continue
            if rule == "weekday" and _name_after(words.weekday_names).match(sentence, end):
                continue  # the Sunday Times
            day_and_month = rule in _DAY_AND_MONTH
            if day_and_month and _name_after(words.date_names, re.IGNORECASE).match(sentence, end):
                continue  # the March 14 alliance
            clause_start, clause_end = _clause(sentence, start, end)
            if (day_and_month and not sentence[clause_start:start].strip()
                    and _name_after(words.name_verbs).match(sentence, end)):
                continue  # March 14 has accused ...
            future = bool(_future(language).search(sentence, clause_start, clause_end))
            background = _in_background(sentence, start, clause_start, language)
            step = 0
            if day_and_month:
                before, after = _marks(language)
                if marked := before.search(sentence, max(0, start - 30), start):
                    start, step = marked.start(), _step(marked["which"], words)
                elif marked := after.match(sentence, end):
                    end, step = marked.end(), _step(marked["which"], words)
            try:
                resolved = _resolve(rule, match, published or date.min, future, words, step)
            except (ValueError, OverflowError):  # "5,000 years ago": before the calendar starts
                resolved = None
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(TemporalExpression(sentence[start:end], start, end, *resolved, background))
            if day_and_month:
                yearless.add(start)
    found.sort(key=lambda t: t.start)
    return _behind_heads(_weekdays_of_dates(_years_written_nearby(found, yearless, sentence), sentence), sentence)


_RANGE_GAP = re.compile(r"^\s*(?:[^\W\d]{1,7}\s+){0,2}[^\W\d]{0,7}\s*$|^\s*[-–—]\s*$")
"""What may stand between the two ends of a range of dates: "16 April and 28 May 2004", "from March 3 to April 5,
2009", "del 3 al 15 de marzo", "3 - 15 March": a word or two, or a dash."""
_YEAR_IN_BRACKETS = re.compile(rf"\s*{OPEN_BRACKET}\s*{_YEAR}\s*{CLOSE_BRACKET}")
_WRITTEN_YEAR = re.compile(_YEAR)
_BEFORE_ITS_YEAR = re.compile(r"^\s+(?:[^\W\d]{1,3}\s+)?$")
"""What may stand between a day and month and the year said after them: "23 May last year", "May 23 of next year"."""


def _years_written_nearby(found: list[TemporalExpression], yearless: set[int],
                          sentence: str) -> list[TemporalExpression]:
    """A day and month without a year take the year written beside them rather than the one nearest the
    publication date: the year in brackets ("on April 8 (2003)"), the year said right after them ("on 23 May last
    year"), or the year of the date at the other end of their range ("between 16 April and 28 May 2004", "March 3,
    2009 and April 5"; a range across New Year spans two years)."""

    def written(other: TemporalExpression, gap: str) -> bool:
        return other.precision == "day" and bool(_WRITTEN_YEAR.search(other.text)) and bool(_RANGE_GAP.match(gap))

    out = []
    for index, expression in enumerate(found):
        if expression.start in yearless:
            day = (expression.value.month, expression.value.day)
            before = found[index - 1] if index else None
            after = found[index + 1] if index + 1 < len(found) else None
            year = None
            if bracket := _YEAR_IN_BRACKETS.match(sentence, expression.end):
                year = int(bracket["year"])
            elif after and after.precision == "year" and _BEFORE_ITS_YEAR.match(sentence[expression.end:after.start]):
                year = after.value.year
            elif after and written(after, sentence[expression.end:after.start]):
                year = after.value.year - (day > (after.value.month, after.value.day))
            elif before and written(before, sentence[before.end:expression.start]):
                year = before.value.year + (day < (before.value.month, before.value.day))
            value = _safe_date(year, *day) if year else None
            if value:
                expression = replace(expression, value=value)
        out.append(expression)
    return out


def _written_day(t: TemporalExpression) -> bool:
    """A day written with its number ("March 3", "3 mars"), not named by a word ("Friday", "yesterday")."""
    return t.precision == "day" and any(c.isdigit() for c in t.text)


_BETWEEN_WEEKDAY_AND_DATE = re.compile(r"^[\s,]*(?:\w+[\s,]+)?$")
"""What may stand between a date and its weekday: "Friday, March 3", "am 26. Oktober, einem Freitag"."""


def _weekdays_of_dates(found: list[TemporalExpression], sentence: str) -> list[TemporalExpression]:
    """Without the weekdays (and other words for a day) that only say which day a written date next to them
    is: in "am 26. Oktober, einem Freitag" the Friday is the 26th, not the Friday before publication."""
    written = [t for t in found if _written_day(t)]

    def beside_a_date(t: TemporalExpression) -> bool:
        return any(_BETWEEN_WEEKDAY_AND_DATE.match(sentence[min(t.end, d.end):max(t.start, d.start)])
                   for d in written)

    return [t for t in found if t in written or t.precision != "day" or not beside_a_date(t)]


_LINE_MARK = re.compile(r"\s*[:\u2013\u2014-]\s")
"""A colon or dash after a date that heads a line of a recap ("April 22 : the rig sinks")."""
_HEAD_END = re.compile(rf"{_LINE_MARK.pattern}|\s*\d{{1,2}}[:.]\d\d\b|\s+(?=[A-Z])")
"""What follows a date that heads a sentence: a line mark, a clock ("May 24 , 2010 21:58 UTC The ..."), or the
news itself ("8 October 2011 Dr Murray reveals ...")."""
_BEFORE_HEAD = re.compile(r"[\s*\u2022-]*")


def _behind_heads(found: list[TemporalExpression], sentence: str) -> list[TemporalExpression]:
    """A sentence headed by a written date is a line of a recap or a post stamped with its day: the news is that
    day's, and every other date in it is about another time ("8 October 2011 Dr Murray tells police that on the
    night of 25 June he ..." is news of 8 October), but for the heads of further lines glued to it ("... in
    Damascus 6 Jan : Car bomb ...")."""
    first = found[0] if found else None
    if (first is None or not _written_day(first) or not _BEFORE_HEAD.fullmatch(sentence, 0, first.start)
            or not _HEAD_END.match(sentence, first.end)):
        return found
    return [t if t is first or t.background or _LINE_MARK.match(sentence, t.end) else replace(t, background=True)
            for t in found]


def day_dates(sentence: str, published: date | None, language: str = "en") -> Iterator[date]:
    """The days (day precision only) that ``sentence`` refers to."""
    return (t.value for t in find_dates(sentence, published, language) if t.precision == "day")
