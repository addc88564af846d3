"""Article records: JSON Lines, a JSON array, CSV or TSV with named columns.

Known columns fill the article; unknown ones are kept as metadata so that
nothing the user supplied is lost.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from storyline.model import Article
from storyline.readers.base import Problem, ReadError, normalize_text, parse_date

KNOWN = {"id", "date", "title", "text", "url", "source", "language"}
_ALIASES = {
    "body": "text", "content": "text", "published": "date", "pubdate": "date",
    "published_at": "date", "link": "url", "outlet": "source", "lang": "language",
    "headline": "title",
}


MAX_RECORD = 8 * 1024 * 1024
"""Bytes a record may have (a JSON line, a CSV field): past it, it is reported and the rest read."""
csv.field_size_limit(MAX_RECORD)


def load_record(line: str) -> Any:
    """A JSON value, with the ways a hostile or broken line fails told in one message (ValueError)."""
    if len(line) > MAX_RECORD:
        raise ValueError(f"record larger than {MAX_RECORD // (1024 * 1024)} MiB")
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON ({exc.msg})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError as exc:  # a number of thousands of digits
        raise ValueError(f"unreadable JSON ({exc})") from None


def record_to_article(record: Mapping[str, Any], origin: str) -> Article | Problem:
    """Map one record to an article, or say why it is not one."""
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        return Problem(origin, f"holds a character that is not text (\\u{ord(exc.object[exc.start]):04x}, "
                               "half of a surrogate pair)")
    except (RecursionError, ValueError):
        return Problem(origin, "record nested too deeply or holds a number too long to keep")
    fields: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    for key, value in record.items():
        name = _ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        if name in KNOWN and name not in fields:
            fields[name] = value
        else:
            metadata[str(key)] = value
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(origin, "no article text (expected a non-empty 'text' field)")
    published = parse_date(fields.get("date"))
    if fields.get("date") not in (None, "") and published is None:
        return Problem(origin, f"unreadable date {fields['date']!r}")

    def field(name: str) -> str:
        value = fields.get(name)
        return "" if value is None else str(value).strip()

    return Article(
        raw_text=normalize_text(text),
        title=normalize_text(field("title")),
        published=published,
        url=field("url"),
        source=field("source"),
        language=field("language").lower(),
        external_id=field("id"),
        origin=origin,
        metadata=metadata,
    )


def read_jsonl(text: str, origin: str) -> Iterator[Article | Problem]:
    """One JSON object a line; a broken line is reported and the rest read."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = load_record(line)
        except ValueError as exc:
            yield Problem(where, str(exc))
            continue
        if not isinstance(record, dict):
            yield Problem(where, f"expected a JSON object, got {type(record).__name__}")
            continue
        yield record_to_article(record, where)


def read_json(text: str, origin: str) -> Iterator[Article | Problem]:
    """A JSON array of article objects, or a single object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{"):
            yield from read_jsonl(text, origin)
            return
        raise ReadError(f"malformed JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise ReadError("JSON nested too deeply") from None
    except ValueError as exc:
        raise ReadError(f"unreadable JSON ({exc})") from None
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        raise ReadError("JSON holds no article objects (expected objects with a 'text' field)")
    for number, item in enumerate(items, start=1):
        yield record_to_article(item, f"{origin}#{number}")


def read_csv(text: str, origin: str, delimiter: str | None = None, skipped: int = 0) -> Iterator[Article | Problem]:
    """CSV/TSV with a header row; a row with the wrong number of fields is skipped. ``skipped``: lines of the
    file before ``text`` (after its header), for line numbers that point into the file."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise ReadError(f"no CSV header row ({exc})") from None
    header = [name.strip() for name in header]
    if "text" not in {_ALIASES.get(h.lower(), h.lower()) for h in header}:
        raise ReadError(f"CSV header has no 'text' column (columns: {', '.join(header)})")
    while True:
        line = reader.line_num + 1 + skipped
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Problem(f"{origin}:{line}", f"malformed CSV row ({exc})")
            return
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            runaway = next((cell for cell in row if "\n" in cell), None)
            if runaway is not None:  # an opening quote with no closing one took the lines after it in
                yield Problem(f"{origin}:{line}", "malformed CSV row: a quote (\") opens a field that never closes, "
                                                 "so the lines after it were read as that field; they are read "
                                                 "again on their own")
                rest = runaway.split("\n", 1)[1]
                yield from read_csv(delimiter.join(header) + "\n" + rest, origin, delimiter, line - 1)
                return
            yield Problem(
                f"{origin}:{line}",
                f"malformed CSV row: {len(row)} fields where the header has {len(header)}",
            )
            continue
        yield record_to_article(dict(zip(header, row)), f"{origin}:{line}")
