"""Rules or dateparser? Resolve the sentences of tests/test_temporal.py both ways and count hits.

Usage: python benchmarks/temporal.py

Each sentence has one expected date, resolved against a publication date
(Monday 18 March 2024). dateparser runs in search mode with that date as
its base and a preference for the past. The sentences were written to test
the rules, so the rules' score is an upper bound; dateparser's misses and
false alarms are the point.
"""

from __future__ import annotations

import ast
import warnings
from datetime import date, datetime
from pathlib import Path

from storyline.temporal import find_dates

PUBLISHED = date(2024, 3, 18)
TESTS = Path(__file__).resolve().parents[1] / "tests" / "test_temporal.py"


def cases() -> list[tuple[str, date, str]]:
    for node in ast.walk(ast.parse(TESTS.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize":
            return eval(compile(ast.Expression(node.args[1]), str(TESTS), "eval"), {"date": date})  # noqa: S307
    raise SystemExit(f"{TESTS}: no parametrized cases found")


def main() -> None:
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    settings = {"RELATIVE_BASE": datetime.combine(PUBLISHED, datetime.min.time()), "PREFER_DATES_FROM": "past"}
    rules = parser = 0
    sentences = cases()
    for sentence, expected, _ in sentences:
        rules += expected in {t.value for t in find_dates(sentence, PUBLISHED)}
        found = search_dates(sentence, settings=settings, languages=["en"]) or []
        parser += expected in {value.date() for _, value in found}
    verbs = "Officials may march on the capital and may decide later."
    false_alarms = len(search_dates(verbs, settings=settings, languages=["en"]) or [])
    print(f"{len(sentences)} sentences: rules resolve {rules}, dateparser {parser}")
    print(f"{verbs!r}: rules find {len(find_dates(verbs, PUBLISHED))} dates, dateparser {false_alarms}")


if __name__ == "__main__":
    main()
