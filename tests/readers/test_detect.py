import io
import sys

import pytest

from storyline.model import Article
from storyline.readers import detect_format, iter_files, read_bytes, read_paths
from storyline.readers.base import Problem, ReadError, decode, normalize_text


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.txt", " date 2020-01-01 body", "text"),
        ("noext", " date 2020-01-01 body", "text"),
        ("a.json", '{"text": "x"}', "json"),
        ("noext", '{"text": "x"}\n{"text": "y"}', "jsonl"),
        ("a.ndjson", '{"text": "x"}', "jsonl"),
        ("a.csv", "id,text\n1,x", "csv"),
        ("a.xml", "<?xml version='1.0'?><rss><channel/></rss>", "feed"),
        ("a.html", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>", "feed"),
        ("noext", "<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("page.txt", "<html><body>x</body></html>", "html"),
        ("notes", "Just some words.", "text"),
    ],
)
def test_detect_format(name, text, expected):
    assert detect_format(name, text) == expected


def test_decode_refuses_empty_binary_and_invalid_utf8():
    for data, message in [(b"", "empty"), (b" \n\t", "empty"), (b"\x89PNG\x00\x00", "binary"),
                          (b"caf\xe9 au lait", "not valid UTF-8")]:
        with pytest.raises(ReadError, match=message):
            decode(data)
    assert decode(b"caf\xe9", "latin-1") == "café"
    assert decode("\ufeffhello".encode("utf-8")) == "hello"
    assert decode("hello".encode("utf-16")) == "hello"


def test_normalize_text_keeps_paragraphs_and_folds_spacing():
    assert normalize_text("  A\u00a0 b\r\n\r\n\r\n\r\nc\u200b d\ufb01  ") == "A b\n\nc dfi"


def test_read_bytes_turns_a_file_problem_into_one_problem():
    [problem] = read_bytes(b"\x00\x01\x02", "blob.bin")
    assert isinstance(problem, Problem) and problem.where == "blob.bin" and "binary" in problem.message


def test_forced_format_wins():
    [article] = read_bytes(b'{"text": "kept as text"}', "x.json", fmt="text")
    assert article.raw_text == '{"text": "kept as text"}'


def test_directories_are_read_recursively_skipping_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(" date 2020-01-02 B")
    (tmp_path / "a.txt").write_text(" date 2020-01-01 A")
    (tmp_path / ".hidden.txt").write_text(" date 2020-01-01 H")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(" date 2020-01-01 C")
    assert [p.replace(str(tmp_path), "") for p in iter_files([str(tmp_path)])] == ["/a.txt", "/sub/b.txt"]
    items = list(read_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert [i.raw_text for i in items if isinstance(i, Article)] == ["A", "B"]
    assert isinstance(items[-1], Problem) and "no such file" in items[-1].message


def test_stdin_is_read_with_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "from stdin", "date": "2020-01-01"}\n')))
    [article] = read_paths(["-"])
    assert article.raw_text == "from stdin" and article.origin == "<stdin>:1"
