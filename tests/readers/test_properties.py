"""Properties of the record readers, on inputs hypothesis makes up: every good record is stored, every bad one is
named on one line with its file and line, and nothing raises."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest import ingest
from storyline.model import Article
from storyline.readers import Problem, read_paths
from storyline.store import open_store

WORDS = st.sampled_from(["Orlen", "ferry", "council", "bridge", "Varrow", "strike", "harbour", "mayor", "vote"])
GOOD = st.builds(
    lambda n, words, day: {"id": f"good-{n}", "date": f"2024-03-{day:02d}",
                           "text": f"The {' '.join(words)} story number {n} was reported in Orlen."},
    st.integers(0, 10**6), st.lists(WORDS, min_size=3, max_size=12), st.integers(1, 28),
)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=8)
BAD_LINE = st.one_of(
    JSON.filter(lambda value: not isinstance(value, dict)).map(json.dumps),  # not an object
    st.dictionaries(st.sampled_from(["title", "source", "url"]), st.text(max_size=20)).map(json.dumps),  # no text
    st.builds(lambda day: json.dumps({"date": day, "text": "The Orlen ferry sailed."}),
              st.sampled_from(["0001-01-01", "9999-12-31", "yesterday-ish", "2024-13-45"])),  # bad dates
    st.just("[" * 5000 + "]" * 5000),  # nested past any sane depth
    st.just('{"date": "2024-03-01", "text": "x", "n": ' + "9" * 5000 + "}"),  # a number too long to keep
    st.just('{"date": "2024-03-01", "text": "half a pair \\ud800 here"}'),  # a lone surrogate
    st.text(alphabet="{}[]\":,abc ", min_size=1, max_size=30).filter(lambda t: t.strip() and not _is_object(t)),
)
CELL = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
"""Any character a CSV cell may hold (a NUL byte makes the whole file binary, and is refused as such)."""
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _is_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


@SETTINGS
@given(lines=st.lists(st.one_of(GOOD.map(json.dumps), BAD_LINE), min_size=1, max_size=12, unique=True))
def test_jsonl_every_good_record_is_stored_and_every_bad_one_named_on_a_line(tmp_path_factory, lines):
    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([str(path)]))
    good = {json.loads(line)["id"] for line in lines if line.startswith('{"id": "good-')}
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, Problem)]
    assert len(articles) + len(problems) == len(lines)
    assert all(str(p).startswith(f"{path}:") and "\n" not in str(p) for p in problems)
    with open_store(":memory:") as store:
        report = ingest(store, items, workers=1)
        kept = {a.external_id for a in store.articles()}
    assert good <= kept and len(kept) == report.stored
    assert all("\n" not in str(p) for p in report.problems)


@SETTINGS
@given(rows=st.lists(st.one_of(GOOD, st.fixed_dictionaries({"id": st.text(CELL, max_size=5),
                                                           "date": st.text(CELL, max_size=12),
                                                           "text": st.text(CELL, max_size=40)})),
                     min_size=1, max_size=10))
def test_csv_rows_are_stored_or_named_and_never_raise(tmp_path_factory, rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "date", "text"])
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "rows.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", errors="replace")
    items = list(read_paths([str(path)]))
    stored = {item.external_id for item in items if isinstance(item, Article)}
    assert {row["id"] for row in rows if row["id"].startswith("good-")} <= stored
    assert all("\n" not in str(item) for item in items if isinstance(item, Problem))
