"""Readers turn every input a user has into Articles.

Formats are detected from the file's extension and content, and can be
forced. Problems never stop a batch: they are yielded as ``Problem``s next to
the articles that could be read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.model import Article
from storyline.readers.base import (
    Problem,
    ReadError,
    decode,
    normalize_text,
    parse_date,
)
from storyline.readers.records import read_csv, read_json, read_jsonl
from storyline.readers.text import has_header, read_text

if TYPE_CHECKING:
    from storyline.readers.web import Fetched, Fetcher

Reader = Callable[[str, str], Iterable[Article | Problem]]


def read_html(text: str, origin: str) -> Iterable[Article | Problem]:
    from storyline.readers.html import (
        read_html as read,  # trafilatura is slow to import
    )

    return read(text, origin)


def read_feed(text: str, origin: str) -> Iterable[Article | Problem]:
    from storyline.readers.feeds import read_feed as read

    return read(text, origin)

READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": lambda text, origin: read_csv(text, origin, delimiter="\t"),
    "html": read_html,
    "feed": read_feed,
}
FORMATS = tuple(READERS)

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed",
}

__all__ = [
    "FORMATS", "Problem", "ReadError", "detect_format", "iter_files", "normalize_text",
    "parse_date", "read_bytes", "read_paths",
]


def detect_format(name: str, text: str) -> str:
    """Guess a format: a telling first character wins over the extension."""
    head = text.lstrip()[:512].lower()
    if has_header(text):
        return "text"
    if head.startswith("{") and "jsonfeed.org/version" in head:
        return "feed"
    if head.startswith("<"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        if head.startswith(("<!doctype html", "<html")) or "<body" in head or "<html" in head:
            return "html"
    by_extension = _EXTENSIONS.get(Path(name).suffix.lower())
    if by_extension == "feed" or (by_extension is None and Path(name).suffix.lower() == ".xml"):
        return "feed"
    if by_extension:
        return by_extension
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("["):
        return "json"
    if head.startswith("<"):
        return "html"
    return "text"


def read_bytes(
    data: bytes, origin: str, fmt: str | None = None, encoding: str | None = None, declared: str | None = None
) -> Iterator[Article | Problem]:
    """Read one file's content (``declared``: the charset an HTTP header gave); a file that cannot be read yields
    one Problem."""
    try:
        text = decode(data, encoding, declared)
        reader = READERS[fmt or detect_format(origin, text)]
        yield from reader(text, origin)
    except ReadError as exc:
        yield Problem(origin, str(exc))


def iter_files(paths: Iterable[str]) -> Iterator[str | Problem]:
    """Expand directories recursively (hidden files skipped, symbolic links to folders not followed, so no
    loop); ``-`` is stdin. What cannot be read as a file (a dangling link, a pipe, a folder that may not be
    read, a name that is not UTF-8) is a Problem, never a silent skip."""
    for raw in paths:
        path = Path(raw)
        if raw == "-" or is_url(raw):
            yield raw
            continue
        if not path.is_dir():
            yield (_file_problem(path) if path.exists() else None) or raw
            continue
        unreadable: list[OSError] = []
        for folder, folders, files in os.walk(path, onerror=unreadable.append):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(f for f in files if not f.startswith(".")):
                child = Path(folder, name)
                yield _file_problem(child) or str(child)
        for error in unreadable:
            yield Problem(_printable(error.filename or raw), f"cannot read folder ({error.strerror or error})")


def _file_problem(path: Path) -> Problem | None:
    """Why ``path`` cannot be read as a file, if it cannot."""
    name = _printable(str(path))
    if name != str(path):
        return Problem(name, "file name is not valid UTF-8; rename the file")
    if path.is_symlink() and not path.exists():
        return Problem(name, "dangling symbolic link")
    if path.exists() and not path.is_file():
        return Problem(name, "not a regular file (a pipe, socket or device)")
    return None


def _printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 written as escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_paths(
    paths: Iterable[str], fmt: str | None = None, encoding: str | None = None
) -> Iterator[Article | Problem]:
    """Read files, directories, web addresses (pages and feeds) and stdin, yielding articles and problems in
    order."""
    fetcher = None
    try:
        for name in iter_files(paths):
            if isinstance(name, Problem):
                yield name
            elif name == "-":
                yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", fmt, encoding)
            elif is_url(name):
                if fetcher is None:
                    from storyline.readers.web import (
                        Fetcher,  # httpx only when the web is read
                    )

                    fetcher = Fetcher()
                yield from read_url(fetcher, name, fmt, encoding)
            else:
                yield from _read_file(name, fmt, encoding)
    finally:
        if fetcher is not None:
            fetcher.close()


def read_url(fetcher: Fetcher, url: str, fmt: str | None = None, encoding: str | None = None,
             fetched: Fetched | None = None) -> Iterator[Article | Problem]:
    """A page or feed from the web (or what was ``fetched`` from it), read as a file of its content would be."""
    from storyline.readers.web import FetchError

    try:
        fetched = fetched or fetcher.get(url)
    except FetchError as exc:
        yield Problem(url, str(exc))
        return
    yield from read_bytes(fetched.body, fetched.url, fmt, encoding, fetched.charset)


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def _read_file(name: str, fmt: str | None, encoding: str | None) -> Iterator[Article | Problem]:
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        yield Problem(name, "no such file or directory")
        return
    except OSError as exc:
        yield Problem(name, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_bytes(data, name, fmt, encoding)
