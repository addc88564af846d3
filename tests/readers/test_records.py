import json
from datetime import date

import pytest

from storyline.model import Article
from storyline.readers.base import Problem, ReadError
from storyline.readers.records import read_csv, read_json, read_jsonl


def test_jsonl_maps_known_fields_and_keeps_unknown_ones_as_metadata():
    line = json.dumps({"id": "x1", "date": "2022-06-01", "title": "Flood in Orlen", "text": "The river rose.",
                       "url": "https://o.example/1", "source": "Orlen Courier", "language": "EN", "desk": "local"})
    [article] = read_jsonl(line, "f.jsonl")
    assert isinstance(article, Article)
    assert (article.external_id, article.published, article.source, article.language) == (
        "x1", date(2022, 6, 1), "Orlen Courier", "en")
    assert article.metadata == {"desk": "local"}
    assert article.origin == "f.jsonl:1"


def test_jsonl_broken_line_is_reported_and_the_rest_read():
    text = '{"text": "first", "date": "2022-01-01"}\n{not json\n\n[1, 2]\n{"text": "third"}\n'
    items = list(read_jsonl(text, "f.jsonl"))
    assert [type(i) for i in items] == [Article, Problem, Problem, Article]
    assert items[1].where == "f.jsonl:2" and "malformed JSON" in items[1].message
    assert items[2].where == "f.jsonl:4" and "expected a JSON object" in items[2].message


def test_record_without_text_or_with_bad_date_is_a_problem():
    items = list(read_jsonl('{"title": "no body"}\n{"text": "x", "date": "sometime maybe"}', "f.jsonl"))
    assert all(isinstance(i, Problem) for i in items)
    assert "no article text" in items[0].message
    assert "unreadable date" in items[1].message


def test_free_text_and_rfc2822_dates_are_understood():
    items = list(read_jsonl(
        '{"text": "a", "date": "Tue, 05 Mar 2024 10:00:00 +0000"}\n{"text": "b", "published": "March 6, 2024"}', "f"))
    assert [i.published for i in items] == [date(2024, 3, 5), date(2024, 3, 6)]


def test_json_array_of_objects_and_refusal_of_other_json():
    items = list(read_json('[{"text": "one"}, {"text": "two"}]', "a.json"))
    assert [i.raw_text for i in items] == ["one", "two"]
    with pytest.raises(ReadError, match="no article objects"):
        list(read_json('[["2020-01-01", ["a timeline, not articles"]]]', "t.json"))


def test_csv_with_broken_row_stores_the_good_rows():
    text = ('id,date,title,text\n'
            'a,2022-01-01,First,"Body, with a comma"\n'
            'b,2022-01-02,Second\n'
            'c,2022-01-03,Third,"Multi\nline body"\n')
    items = list(read_csv(text, "f.csv"))
    assert [type(i) for i in items] == [Article, Problem, Article]
    assert items[1].where == "f.csv:3" and "3 fields where the header has 4" in items[1].message
    assert items[2].raw_text == "Multi\nline body" and items[2].origin == "f.csv:4"


def test_csv_without_text_column_is_refused():
    with pytest.raises(ReadError, match="no 'text' column"):
        list(read_csv("id,date\n1,2022-01-01\n", "f.csv"))


def test_tsv_is_sniffed():
    [article] = read_csv("date\ttext\n2022-01-01\tA tab separated body\n", "f.tsv")
    assert article.raw_text == "A tab separated body"


def test_hostile_records_are_reported_one_by_one_and_the_rest_read(store):
    import json as json_module

    from storyline.ingest import ingest

    good = [json_module.dumps({"date": "2024-01-0%d" % n, "source": "Orlen Courier",
                               "text": f"The Orlen ferry sailed on day {n} of the harbour festival."}) for n in (2, 3)]
    lines = [good[0], "[" * 5000 + "]" * 5000, '{"date": "2024-01-02", "text": "x", "n": ' + "9" * 5000 + "}",
             '{"date": "2024-01-02", "text": "a \\ud800 b"}', '{"date": "0001-01-01", "text": "The ferry sank."}',
             good[1]]
    report = ingest(store, read_jsonl("\n".join(lines), "f.jsonl"), workers=1)
    assert report.stored == 2 and len(report.problems) == 4
    messages = " | ".join(p.message for p in report.problems)
    assert "nested too deeply" in messages and "digits" in messages and "surrogate" in messages
    assert "outside 1800" in messages


def test_a_huge_csv_field_does_not_stop_the_rows_after_it():
    text = 'text,date\n"' + "x" * 200_000 + '",2024-01-02\nThe ferry sailed.,2024-01-03\n'
    assert [type(i).__name__ for i in read_csv(text, "f.csv")] == ["Article", "Article"]


def test_a_quote_that_never_closes_is_named_and_the_rows_after_it_are_read():
    text = ('text,date\nThe port opened.,2024-01-01\n"The ferry sailed on Monday,2024-01-02\n'
            'The bridge closed.,2024-01-03\nThe strike ended.,2024-01-04\n')
    items = list(read_csv(text, "f.csv"))
    assert [getattr(i, "origin", getattr(i, "where", "")) for i in items] == [
        "f.csv:2", "f.csv:3", "f.csv:4", "f.csv:5"]
    assert isinstance(items[1], Problem) and "never closes" in items[1].message
