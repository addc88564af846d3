"""``storyline serve``: the web app and its JSON API, with the page caches warmed and sources watched in
processes of their own."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli.common import EXIT_USAGE, SESSION, Db, err, fail, open_store, refresh
from storyline.config import Settings
from storyline.processes import die_with_parent
from storyline.tracker import warm_caches


def _heard(polled) -> None:
    if polled.status != "unchanged":
        err.print(f"watch: {polled.address}: {polled.error or f'{polled.stored} new'}", markup=False, highlight=False)


def _warm(path: str, settings: Settings) -> None:
    """Fill the page caches in the background, most recently active stories first."""
    die_with_parent()
    with open_store(path) as store:
        warm_caches(store, store.stories(), settings.timeline)


def serve_command(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    watch: Annotated[Path | None, typer.Option("--watch", metavar="SOURCES", help="Also poll the feeds, pages and "
                                                                                  "folders this file lists (as "
                                                                                  "'storyline watch' does).")] = None,
    every: Annotated[str, typer.Option(metavar="INTERVAL", help="Time between polls with --watch.")] = "15m",
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes answering at once: one per core "
                                                             "serves many readers faster.")] = 1,
) -> None:
    """Browse stories, timelines and articles in a web browser, and serve the JSON API under /api/.

    Pages: / (stories, with search), /stories/ID, /articles/ID. API schema: /api/openapi.json.
    Example: storyline serve --watch feeds.txt --every 30m --workers 2
    """
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from storyline.web import ENVIRONMENT, app_settings

    listening = _listen(host, port)
    if watch is not None:
        from storyline.watch import (
            SourcesError,
            parse_interval,
            read_sources,
            watch_loop,
        )

        try:
            interval, addresses = parse_interval(every), read_sources(watch)
        except (ValueError, SourcesError) as exc:
            raise fail(str(exc), EXIT_USAGE) from None
    with open_store(db, create=True) as store:
        path, name = store.address, store.name
        refresh(store)
    # Other processes, so warming and watching never hold the GIL a request needs; they die with the server.
    context = multiprocessing.get_context("fork")
    context.Process(target=_warm, args=(path, SESSION.settings), daemon=True).start()
    if watch is not None:
        context.Process(target=watch_loop, args=(path, addresses, interval, SESSION.settings.stories), daemon=True,
                        kwargs={"heard": _heard}).start()
        err.print(f"Watching {len(addresses)} source(s) every {every}", highlight=False)
    local = host in ("127.0.0.1", "localhost", "::1")
    if not local:
        err.print(f"[yellow]note:[/yellow] listening on {escape(host)}: anyone who can reach it can read and add articles.")
    err.print(f"Serving {name} on http://{host}:{port}/ (Ctrl+C stops)", highlight=False)
    os.environ[ENVIRONMENT] = app_settings(path, SESSION.settings.timeline,
                                           ("127.0.0.1", "localhost", "[::1]", "::1") if local else ())
    config = uvicorn.Config("storyline.web:app_from_environment", factory=True, workers=workers, log_level="warning")
    with listening, contextlib.suppress(KeyboardInterrupt):
        if workers > 1:
            Multiprocess(config, sockets=[listening]).run()
        else:
            uvicorn.Server(config).run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """The server's socket, made here with its protocol named: uvicorn's own leaves it unset, and asyncio then
    leaves Nagle's algorithm on, so each keep-alive request of its worker processes waits 40 ms for an
    acknowledgement (uvicorn issue 3149)."""
    listening = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM,
                              socket.IPPROTO_TCP)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as exc:
        listening.close()
        raise fail(f"cannot serve on {host}:{port}: {exc.strerror} (another server there? try --port)") from None
    listening.set_inheritable(True)
    return listening
