"""The date axis above a story's timeline: where each entry sits, and ticks a reader can read at any width.

Positions are percentages, so the axis stretches with the page while its labels keep their size; ticks are
spaced so that at most ``MAX_TICKS`` labels share the line (they fit a phone), and entries closer than
``MIN_GAP`` percent are drawn as one dot that counts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

MAX_TICKS = 5
MIN_GAP = 7.5
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class _Step:
    months: int = 0
    days: int = 0


_STEPS = [_Step(days=1), _Step(days=7), _Step(days=14), _Step(months=1), _Step(months=2), _Step(months=3),
          _Step(months=6), _Step(months=12), _Step(months=24), _Step(months=60), _Step(months=120)]


def date_axis(days: list[date]) -> dict[str, Any]:
    """Dots (each with the index of its first entry, how many entries it stands for and their dates) and ticks for
    entries on ``days`` (in timeline order, oldest first)."""
    if not days:
        return {"points": [], "ticks": []}
    first, last = min(days), max(days)
    span = max(1, (last - first).days)

    def at(day: date) -> float:
        return round(100 * (day - first).days / span, 2) if last > first else 50.0

    points: list[dict[str, Any]] = []
    for n, day in enumerate(days):
        if points and at(day) - points[-1]["pct"] < MIN_GAP:
            point = points[-1]
            point["count"] += 1
            point["label"] = f"{point['first']} – {day.isoformat()}" if point["first"] != day.isoformat() \
                else point["first"]
        else:
            points.append({"pct": at(day), "n": n, "count": 1, "first": day.isoformat(), "label": day.isoformat()})
    return {"points": points, "ticks": [{"pct": at(day), "label": label} for day, label in _ticks(first, last)]}


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Tick days and labels on round dates (days, weeks, months, years), at most ``MAX_TICKS`` of them."""
    if first == last:
        return [(first, _day_label(first, with_year=True))]
    for step in _STEPS:
        marks = _marks(first, last, step)
        if len(marks) <= MAX_TICKS:
            break
    labelled = []
    for i, day in enumerate(marks):
        if step.months >= 12:
            label = str(day.year)
        elif step.months:
            label = f"{MONTHS[day.month - 1]} {day.year}" if i == 0 or day.month == 1 or step.months >= 6 \
                else MONTHS[day.month - 1]
        else:
            label = _day_label(day, with_year=i == 0)
        labelled.append((day, label))
    return labelled


def _marks(first: date, last: date, step: _Step) -> list[date]:
    if step.days:
        day = first if step.days == 1 else first + timedelta(days=(7 - first.weekday()) % 7)
        marks = []
        while day <= last:
            marks.append(day)
            day += timedelta(days=step.days)
        return marks
    year, month = first.year, first.month
    if first.day > 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    month0 = year * 12 + month - 1
    month0 += (-month0) % step.months  # round months: quarters start in Jan/Apr/Jul/Oct, years in January
    marks = []
    while date(month0 // 12, month0 % 12 + 1, 1) <= last:
        marks.append(date(month0 // 12, month0 % 12 + 1, 1))
        month0 += step.months
    return marks


def _day_label(day: date, *, with_year: bool) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if with_year else "")
