"""Watching sources: feeds and pages polled with conditional requests, and folders scanned for new files.

A sources list is a text file (one web address or folder a line; blank lines and lines starting with # are
skipped) or an OPML export of a feed reader. Each poll asks every source only for what changed since the
last (ETag and Last-Modified for the web, file times for folders), stores what is new, and remembers how
it went in the store; one failing source is reported and never stops the others.
"""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline.ingest import IngestReport, ingest
from storyline.processes import die_with_parent
from storyline.readers import Problem, is_url, iter_files, read_paths, read_url
from storyline.readers.web import Fetcher, FetchError
from storyline.store import SourceState, Store, open_store
from storyline.store.rows import now
from storyline.stories import DEFAULTS, StorySettings
from storyline.tracker import update_in_place


class SourcesError(ValueError):
    """The sources list cannot be read."""


def read_sources(path: Path) -> list[str]:
    """The web addresses and folders a sources list names, in order, each once."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: cannot read the sources list ({exc})") from None
    if text.lstrip().startswith("<"):
        try:
            root = ET.fromstring(text)
        except ET.ParseError as exc:
            raise SourcesError(f"{path}: not a valid OPML file ({exc})") from None
        found = [o.get("xmlUrl") or o.get("htmlUrl") or "" for o in root.iter("outline")]
    else:
        found = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    sources = [s for s in dict.fromkeys(found) if s]
    if not sources:
        raise SourcesError(f"{path}: names no feed, page or folder")
    return sources


@dataclass
class Polled:
    """How one source went in one poll."""

    address: str
    status: str
    """new (something was stored), unchanged, or failed."""
    stored: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    error: str = ""


def poll(store: Store, sources: list[str], fetcher: Fetcher, *, language: str | None = None,
         allow_undated: bool = False, heard: Callable[[Polled], None] = lambda polled: None) -> list[Polled]:
    """Poll every source once and store what is new; ``heard`` is told of each source as it is done."""
    results = []
    for address in sources:
        state = store.source(address)
        try:
            polled = _poll_web(store, address, state, fetcher, language, allow_undated) if is_url(address) \
                else _poll_folder(store, address, state, language, allow_undated)
        except (FetchError, OSError) as exc:
            polled = Polled(address, "failed", error=str(exc))
            store.save_source(replace(state, polled_at=now(), status="failed", error=polled.error))
        results.append(polled)
        heard(polled)
    return results


def _poll_web(store: Store, address: str, state: SourceState, fetcher: Fetcher, language: str | None,
              allow_undated: bool) -> Polled:
    fetched = fetcher.get(address, state.etag, state.last_modified)
    if fetched.status == 304:
        store.save_source(replace(state, polled_at=now(), status="unchanged", error=""))
        return Polled(address, "unchanged")
    report = ingest(store, read_url(fetcher, address, fetched=fetched), language=language,
                    allow_undated=allow_undated, workers=1)
    return _stored(store, replace(state, etag=fetched.etag, last_modified=fetched.last_modified), report)


def _poll_folder(store: Store, address: str, state: SourceState, language: str | None,
                 allow_undated: bool) -> Polled:
    if not Path(address).is_dir():
        raise OSError(f"{address}: no such folder")
    found = list(iter_files([address]))
    newer = [(os.stat(name).st_mtime, name) for name in found if not isinstance(name, Problem)]
    fresh = sorted(name for mtime, name in newer if mtime >= state.watermark)  # a file written as the last poll read
    problems = [p for p in found if isinstance(p, Problem)]
    report = ingest(store, [*problems, *read_paths(fresh)], language=language, allow_undated=allow_undated,
                    workers=1)
    return _stored(store, replace(state, watermark=max((mtime for mtime, _ in newer), default=state.watermark)),
                   report)


def _stored(store: Store, state: SourceState, report: IngestReport) -> Polled:
    """How a poll that read the source went, noted in the store with the source's new ``state``."""
    polled = Polled(state.address, "new" if report.stored else "unchanged", report.stored, report.duplicates,
                    report.problems)
    store.save_source(replace(state, polled_at=now(), status=polled.status, error="",
                              stored=state.stored + report.stored))
    return polled


def watch_loop(db: str, sources: list[str], interval: float, stories: StorySettings = DEFAULTS,
               heard: Callable[[Polled], None] = lambda polled: None) -> None:
    """Poll the sources and update the stories every ``interval`` seconds, for ever: what ``serve --watch`` runs
    beside the web app, in a process of its own (which ends with the server)."""
    die_with_parent()
    with open_store(db) as store, Fetcher() as fetcher:
        while True:
            if sum(p.stored for p in poll(store, sources, fetcher, heard=heard)):
                update_in_place(store, stories)
            time.sleep(interval)


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "15m", "2h" or "1d"."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    text = text.strip().lower()
    try:
        seconds = float(text[:-1]) * units[text[-1]] if text[-1:] in units else float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not an interval; write it as 90, 30s, 15m, 2h or 1d") from None
    if seconds <= 0:
        raise ValueError(f"{text!r}: the interval must be longer than nothing")
    return seconds

