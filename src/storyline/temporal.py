"""Temporal expressions: find dates written in a sentence and resolve them.

"three weeks ago", "on Saturday", "in April", "July 7, 2022" only mean a
date relative to when the article was published. ``find_dates`` resolves
each to a calendar date and says how precise it is (day, week, month or
year). Rules, not dateparser: they find expressions inside running text
(dateparser's search mode also fires on words like "may" and "march"), and
each rule is tested on its own sentence.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.model import Precision


@dataclass(frozen=True)
class TemporalExpression:
    """A date written in a sentence: ``value`` is the first day of the period meant."""

    text: str
    start: int
    end: int
    value: date
    precision: Precision


_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_COUNT = r"(?P<count>\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_UNIT = r"(?P<unit>day|week|month|year)s?"

_FUTURE = re.compile(r"\b(will|would|to be|shall|next|upcoming|scheduled|plans? to|due to|expected to)\b", re.IGNORECASE)
"""Cues that a bare weekday or month points forward from the publication date, not back."""

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY}\s*,?\s+{_YEAR}\b", re.IGNORECASE)),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s+{_YEAR}\b", re.IGNORECASE)),
    ("month_year", re.compile(rf"\b{_MONTH}\s*,?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)", re.IGNORECASE)),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.IGNORECASE)),
    ("ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b", re.IGNORECASE)),
    ("relative_unit", re.compile(r"\b(?P<which>last|next|this|past|coming)\s+(?P<unit>week|month|year)\b",
                                 re.IGNORECASE)),
    ("relative_weekday", re.compile(rf"\b(?P<which>last|next|this)\s+{_WEEKDAY}\b", re.IGNORECASE)),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tonight|tomorrow)\b", re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?:on\s+)?{_WEEKDAY}\b", re.IGNORECASE)),
    ("in_month", re.compile(rf"\b(?P<prep>in|since|until|by|from|during|early|late|mid-?)\s+{_MONTH}\b(?!\s+\d)",
                            re.IGNORECASE)),
    ("in_year", re.compile(rf"\b(?P<prep>in|since|until|by|from|during|of|early|late|mid-?)\s+{_YEAR}\b",
                           re.IGNORECASE)),
]
"""Most specific first: a span taken by one rule is not matched again by a later one."""


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


def _resolve(rule: str, m: re.Match[str], published: date, future: bool) -> tuple[date, Precision] | None:
    g = m.groupdict()
    if rule == "iso":
        value = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
        return (value, "day") if value else None
    if rule in ("month_day_year", "day_month_year"):
        value = _safe_date(int(g["year"]), _MONTHS[g["month"].lower()], int(g["day"]))
        return (value, "day") if value else None
    if rule == "month_year":
        return date(int(g["year"]), _MONTHS[g["month"].lower()], 1), "month"
    if rule in ("month_day", "day_month"):
        value = _nearest_year(published, _MONTHS[g["month"].lower()], int(g["day"]))
        return (value, "day") if value else None
    if rule == "ago":
        count = int(g["count"]) if g["count"].isdigit() else _NUMBERS[g["count"].lower()]
        unit = g["unit"].lower()
        if unit == "day":
            return published - timedelta(days=count), "day"
        if unit == "week":
            return published - timedelta(weeks=count), "week"
        if unit == "month":
            return _shift_months(published.replace(day=1), -count), "month"
        return date(published.year - count, 1, 1), "year"
    if rule == "relative_unit":
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[g["which"].lower()]
        unit = g["unit"].lower()
        if unit == "week":
            monday = published - timedelta(days=published.weekday())
            return monday + timedelta(weeks=step), "week"
        if unit == "month":
            return _shift_months(published.replace(day=1), step), "month"
        return date(published.year + step, 1, 1), "year"
    if rule == "relative_weekday":
        weekday = _WEEKDAYS[g["weekday"].lower()]
        which = g["which"].lower()
        if which == "last":
            back = (published.weekday() - weekday) % 7 or 7
            return published - timedelta(days=back), "day"
        ahead = (weekday - published.weekday()) % 7
        if which == "next":
            ahead = ahead or 7
        return published + timedelta(days=ahead), "day"
    if rule == "deictic":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return published + timedelta(days=offset), "day"
    if rule == "weekday":
        weekday = _WEEKDAYS[g["weekday"].lower()]
        if future:
            return published + timedelta(days=(weekday - published.weekday()) % 7), "day"
        return published - timedelta(days=(published.weekday() - weekday) % 7), "day"
    if rule == "in_month":
        month = _MONTHS[g["month"].lower()]
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return date(year, month, 1), "month"
    if rule == "in_year":
        return date(int(g["year"]), 1, 1), "year"
    raise ValueError(rule)


def find_dates(sentence: str, published: date | None) -> list[TemporalExpression]:
    """Every date written in ``sentence``, resolved against the publication date, in text order.

    Expressions that need a reference point ("on Saturday", "in April") are
    skipped when ``published`` is unknown; absolute ones are always kept.
    """
    taken: list[tuple[int, int]] = []
    found: list[TemporalExpression] = []
    future = bool(_FUTURE.search(sentence))
    for rule, pattern in _RULES:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            if "month" in match.groupdict() and not match["month"][0].isupper():
                continue  # English capitalises months; "may" and "march" are usually verbs
            if published is None and rule not in ("iso", "month_day_year", "day_month_year", "month_year", "in_year"):
                continue
            resolved = _resolve(rule, match, published or date.min, future)
            if resolved is None:
                continue
            taken.append((start, end))
            found.append(TemporalExpression(match[0], start, end, *resolved))
    return sorted(found, key=lambda t: t.start)


def day_dates(sentence: str, published: date | None) -> Iterator[date]:
    """The days (day precision only) that ``sentence`` refers to."""
    return (t.value for t in find_dates(sentence, published) if t.precision == "day")
