"""What every ``storyline`` command shares: consoles, exit codes, option types, errors, the store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from storyline.config import Settings
from storyline.model import Story
from storyline.readers import FORMATS
from storyline.store import ENV_DB, Store, StoreError, default_path, is_postgres
from storyline.store import open_store as store_at
from storyline.tracker import update_in_place

out = Console(soft_wrap=True, emoji=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, emoji=False, highlight=False)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
"""0 done; 1 failed (not found, store or port unusable); 2 usage or settings error; 3 done, but some input records
were skipped (each named on stderr), so a scheduled run can tell a bad record from a failure."""

Db = Annotated[
    str | None,
    typer.Option("--db", envvar=ENV_DB, metavar="PATH|URL",
                 help=f"The store [default: ./{Path(default_path()).name}]: a SQLite file, or a PostgreSQL "
                      "database as postgresql://user@host/database.",
                 show_default=False),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Paths = Annotated[list[str], typer.Argument(metavar="PATH...",
                                            help="Files, directories (read recursively) or - for stdin.")]
Format = Annotated[
    str | None,
    typer.Option("--format", "-f", help=f"Force the input format: {', '.join(FORMATS)} [default: detected]."),
]
Encoding = Annotated[str | None, typer.Option(help="Read files in this encoding instead of UTF-8.")]
AllowUndated = Annotated[bool, typer.Option("--allow-undated", help="Keep articles with no publication date.")]
Language = Annotated[str | None, typer.Option("--language", help="ISO 639-1 code for every article read.")]
Engine = Annotated[str, typer.Option(
    "--engine", metavar="local|dask",
    help="Where cleaning, language, sentences and MinHash run: this machine's processes, or a Dask cluster "
         "(pip install 'storyline[dask]').")]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="With --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster, one worker per "
         "core).")]


def parse_day(text: str | None, option: str) -> date | None:
    """A day given on the command line, or a usage error naming the option."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise fail(f"{option}: {text!r} is not a date; write it as YYYY-MM-DD", EXIT_USAGE) from None


def fail(message: str, code: int = EXIT_PROBLEMS) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    return typer.Exit(code)


def open_store(db: str | None, create: bool = False) -> Store:
    """The store; only commands that add articles create a SQLite file, so a typo in ``--db`` is an error, not an
    empty store (a PostgreSQL database is made by its administrator; Storyline makes its tables)."""
    address = db or default_path()
    if not create and not is_postgres(address) and not Path(address).exists():
        raise fail(f"{address}: no such store; 'storyline ingest' or 'storyline track' creates one")
    try:
        return store_at(address)
    except StoreError as exc:
        raise fail(str(exc)) from None


@contextmanager
def engine_executor(engine: str, scheduler: str | None) -> Iterator[Executor | None]:
    """``engine.executor_for`` with its errors as the command's: an unknown engine is a usage error, a scheduler
    out of reach a failure."""
    from storyline.engine import ENGINES, EngineError, executor_for

    try:
        with executor_for(engine, scheduler) as executor:
            yield executor
    except EngineError as exc:
        raise fail(str(exc), EXIT_USAGE if engine not in ENGINES else EXIT_PROBLEMS) from None


@dataclass
class Session:
    """What the options before the command (``--config``) set for the command that runs."""

    settings: Settings = field(default_factory=Settings)


SESSION = Session()


def refresh(store: Store) -> list[Story]:
    """Stories, updated first (with a bar counting the articles placed, on a terminal) when articles arrived."""
    if not store.stories_are_stale():
        return store.stories()
    with counting("stories", None, "articles placed") as progress:
        return update_in_place(store, SESSION.settings.stories, progress)


@contextmanager
def counting(stage: str, total: int | None, unit: str) -> Iterator[Callable[..., None]]:
    """A bar on a terminal for a stage that may take minutes, moved by calling what it yields with the count done
    (and the total, when it is learnt on the way)."""
    columns = (TextColumn(f"[bold]{stage}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(stage, total=total)

        def advance(done: int, of: int | None = None) -> None:
            bar.update(task, completed=done, total=of or total)

        yield advance
