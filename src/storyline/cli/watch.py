"""``storyline watch``: poll feeds, pages and folders, store what is new and update the stories."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.common import (
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_USAGE,
    AllowUndated,
    AsJson,
    Db,
    Language,
    err,
    fail,
    open_store,
    out,
    refresh,
)


def watch_command(
    sources: Annotated[Path, typer.Argument(metavar="SOURCES", help="A file listing feed and page addresses and "
                                                                    "folders, one a line, or an OPML export.")],
    db: Db = None,
    every: Annotated[str, typer.Option(metavar="INTERVAL", help="Time between polls: 90, 30s, 15m, 2h or "
                                                                "1d.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every source once and stop.")] = False,
    language: Language = None,
    allow_undated: AllowUndated = False,
    as_json: AsJson = False,
) -> None:
    """Poll feeds, pages and folders, store what is new and update the stories, until Ctrl-C or SIGTERM.

    Each poll asks the web only for what changed (ETag, Last-Modified) and reads only new files; a source
    that fails is named with its error and the others go on. With --once the exit code is 3 when a source
    failed or a record was skipped. Example: storyline watch feeds.opml --every 30m
    """
    from storyline.readers.web import Fetcher
    from storyline.watch import SourcesError, parse_interval, poll, read_sources

    try:
        interval = parse_interval(every)
        addresses = read_sources(sources)
    except (ValueError, SourcesError) as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    troubled = False
    with open_store(db, create=True) as store, Fetcher() as fetcher:
        while not stop.is_set():
            results = poll(store, addresses, fetcher, language=language, allow_undated=allow_undated,
                           heard=lambda polled: err.print(_line(polled), markup=False, highlight=False))
            stored = sum(p.stored for p in results)
            if stored:
                refresh(store)
            troubled = any(p.status == "failed" or p.problems for p in results)
            err.print(f"{stored} new article(s) from {len(results)} source(s)"
                      f"{'' if once else f'; next poll in {every}'}", markup=False, highlight=False)
            if as_json:
                out.print_json(data=[{"source": p.address, "status": p.status, "stored": p.stored,
                                      "duplicates": p.duplicates, "error": p.error,
                                      "skipped": [{"where": x.where, "problem": x.message} for x in p.problems]}
                                     for p in results])
            if once or stop.wait(interval):
                break
    raise typer.Exit(EXIT_SKIPPED if once and troubled else EXIT_OK)


def _line(polled) -> str:
    if polled.status == "failed":
        return f"{polled.address}: failed: {polled.error}"
    extra = f", {polled.duplicates} copies" if polled.duplicates else ""
    skipped = f", {len(polled.problems)} skipped" if polled.problems else ""
    body = f"{polled.stored} new{extra}{skipped}" if polled.status == "new" else f"unchanged{skipped}"
    return f"{polled.address}: {body}"
