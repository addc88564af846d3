"""The web app: HTML pages for people and a JSON API for programs, over one store.

``create_app(db)`` builds a FastAPI app. Every request opens its own
connection to the SQLite store (WAL lets readers and a writer share it), so
the app holds no state besides the path. Pages are rendered on the server
with autoescaping Jinja2 templates; CSS is served from the package, with no
CDN and no JavaScript.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storyline import __version__
from storyline.config import timeline_settings
from storyline.processes import die_with_parent
from storyline.store import Stores
from storyline.timeline import DEFAULTS as TIMELINE_DEFAULTS
from storyline.timeline import TimelineSettings
from storyline.web.api import router as api_router
from storyline.web.common import BODY_SECONDS, MAX_INGEST_BYTES, error_body, templates
from storyline.web.pages import router as pages_router

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
}
"""Every answer: no sniffing, no framing, no referrer to the sites articles link to, no script at all (the app
ships none), inline styles only for the date axis positions."""
log = logging.getLogger("storyline.web")
THREADS = 4
ENVIRONMENT = "STORYLINE_SERVE"
"""How `storyline serve` hands the app's settings to its worker processes, which build the app themselves."""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # A few threads answer at once: each request is CPU work under one GIL, so more threads only take turns
    # slower (20 clients got less than one did with anyio's default of 40).
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    app.state.stores = Stores(app.state.db, THREADS)
    try:
        yield
    finally:
        app.state.stores.close()
        app.state.stores = None


def create_app(db: str, *, max_ingest_bytes: int = MAX_INGEST_BYTES, body_seconds: float = BODY_SECONDS,
               timeline_settings: TimelineSettings = TIMELINE_DEFAULTS,
               allowed_hosts: Sequence[str] = ()) -> FastAPI:
    """The app over the store at ``db``; POST /api/ingest takes at most ``max_ingest_bytes``, arriving within
    ``body_seconds``; timelines are made
    with ``timeline_settings``; with ``allowed_hosts``, requests naming another Host are refused (a page of
    another site cannot reach a server on this machine through a rebound name)."""
    app = FastAPI(
        lifespan=_lifespan,
        title="Storyline", version=__version__, description="Stories and timelines from dated news articles.",
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.db = db
    app.state.stores = None  # the lifespan's Stores while the app runs
    app.state.max_ingest_bytes = max_ingest_bytes
    app.state.body_seconds = body_seconds
    app.state.timeline_settings = timeline_settings
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> HTMLResponse | JSONResponse:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> HTMLResponse | JSONResponse:
        log.exception("error answering %s %s", request.method, request.url.path)
        return _error(request, 500, "the server failed to answer; the error is in its log")

    @app.middleware("http")
    async def headers(request: Request, call_next):  # noqa: ANN001, ANN202 - Starlette's middleware signature
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> HTMLResponse | JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, problems)

    return app


def _error(request: Request, status: int, message: str) -> HTMLResponse | JSONResponse:
    """The same error, as a JSON object for the API and as a page for people."""
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_body(status, message), status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def app_settings(db: str, timeline_settings: TimelineSettings, allowed_hosts: Sequence[str]) -> str:
    """``create_app``'s arguments as the text ``app_from_environment`` reads back in a worker process; the
    timeline settings, as a settings file holds them, only where they differ from the defaults."""
    changed = {k: v for k, v in asdict(timeline_settings).items() if v != getattr(TIMELINE_DEFAULTS, k)}
    return json.dumps({"db": db, "timeline": changed, "allowed_hosts": list(allowed_hosts)})


def app_from_environment() -> FastAPI:
    """The app of one of `storyline serve --workers N`'s processes (uvicorn starts them with a fresh
    interpreter, so they cannot be handed the app itself); each ends when the server's main process does."""
    if multiprocessing.parent_process() is not None:  # a worker of several, not `serve` itself
        die_with_parent(exit_on_sigterm=False)
    given = json.loads(os.environ[ENVIRONMENT])
    return create_app(given["db"], timeline_settings=timeline_settings(given["timeline"], ENVIRONMENT),
                      allowed_hosts=given["allowed_hosts"])
