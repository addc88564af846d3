"""``storyline export``: every story with its timeline, entities and articles, written to a folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.common import (
    EXIT_USAGE,
    SESSION,
    Db,
    Engine,
    Scheduler,
    counting,
    engine_executor,
    err,
    fail,
    open_store,
    refresh,
)


def export_command(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Folder to write into (made if missing).")],
    db: Db = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl (stories.jsonl: one story a line, "
                                        "everything in it), csv (stories, timeline, entities and articles tables) "
                                        "or html (a static site: index.html and stories/ID.html).")] = "jsonl",
    engine: Engine = "local",
    scheduler: Scheduler = None,
) -> None:
    """Write every story with its events, timeline, entities and articles to DIR.

    Example: storyline export --format html site/   (then open site/index.html, or publish the folder)

    With --engine dask, the stories' timelines and entities are made on the cluster's workers, which open the
    store themselves (a PostgreSQL server, or a SQLite file on a disk they share).
    """
    from storyline.export import FORMATS, WRITERS, story_records
    from storyline.tracker import warm_on

    if format not in FORMATS:
        raise fail(f"unknown export format {format!r}; choose {', '.join(FORMATS)}", EXIT_USAGE)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(f"{folder}: cannot make the folder ({exc.strerror})", EXIT_USAGE) from None
    with open_store(db) as store:
        stories = refresh(store)
        total = len(stories)
        if engine != "local":  # timelines and entities made on the engine's workers first, then read from the store
            with engine_executor(engine, scheduler) as executor, counting("timelines", total, "stories") as progress:
                warm_on(executor, store.address, stories, SESSION.settings.timeline, progress)
        with counting("export", total, "stories") as progress:
            written = WRITERS[format](story_records(store, SESSION.settings.timeline, progress), folder)
    err.print(f"{total} stories written to {', '.join(str(p) for p in written[:4])}"
              f"{f' and {len(written) - 4} more files' if len(written) > 4 else ''}", markup=False, highlight=False)
