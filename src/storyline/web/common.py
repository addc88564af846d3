"""What the pages and the API share: the store per request, paging, error objects, templates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Query, Request
from fastapi.templating import Jinja2Templates
from pydantic import BeforeValidator, Field

from storyline.model import Story
from storyline.render import date_value, day_label
from storyline.store import Store, StoryQuery, open_store

MAX_INGEST_BYTES = 5 * 1024 * 1024
BODY_SECONDS = 60.0
"""A body that takes longer to arrive is refused (408): a client cannot hold the server by sending slowly."""
PAGE_SIZE = 50

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals["day_label"] = day_label
templates.env.globals["date_value"] = date_value
templates.env.globals["web_url"] = lambda url: url if url.lower().startswith(("http://", "https://")) else ""
"""Links to an original article only for web addresses: an article's "url" could be javascript:."""


def request_store(request: Request) -> Iterator[Store]:
    """The store for one request: on a connection borrowed from the server's pool while the app runs (``Stores``),
    else on one of its own; given back or closed when the response is sent."""
    stores = request.app.state.stores
    with stores.open() if stores else open_store(request.app.state.db) as store:
        yield store


StoreDep = Annotated[Store, Depends(request_store)]
Offset = Annotated[int, Query(ge=0, le=2**31, description="How many items to skip.")]
Limit = Annotated[int, Query(ge=1, le=200, description="How many items to return (at most 200).")]
MinArticles = Annotated[int, Query(ge=1, le=2**31, description="Only stories of at least this many articles.")]
Sort = Annotated[Literal["", "activity", "size", "relevance"], Query(
    description="activity: most recently active first; size: most articles first; relevance: best match for q "
                "first (the default when q is given).")]
def _blank_is_none(value: Any) -> Any:
    """An empty form field means "not given" (a browser sends every field of a form, filled in or not)."""
    return None if value == "" else value


Blank = BeforeValidator(_blank_is_none)
Dates = Annotated[Annotated[int, Field(ge=1, le=500)] | None, Blank,
                  Query(description="How many dates (default: more for a longer story).")]
Since = Annotated[date | None, Blank, Query(description="No entry before this day (YYYY-MM-DD).")]
Until = Annotated[date | None, Blank, Query(description="No entry after this day (YYYY-MM-DD).")]


def list_filters(q: str = Query("", description="Only stories whose articles hold every word; ranks by relevance."),
                 entity: str = Query("", description="Only stories whose articles name this (a phrase)."),
                 since: Since = None, until: Until = None,
                 source: str = Query("", description="Only stories told by this outlet (copies count)."),
                 language: str = Query("", description="Only stories with an article in this language (xx)."),
                 sort: Sort = "") -> StoryQuery:
    """The story-list filters the pages and the API share (size and paging are each one's own)."""
    return StoryQuery(text=q, entity=entity, since=since, until=until, source=source, language=language, sort=sort)


Filters = Annotated[StoryQuery, Depends(list_filters)]
ChangesSince = Annotated[str, Query(pattern=r"^(last|\d{4}-\d{2}-\d{2})$",
                                    description="A day (YYYY-MM-DD), or last: what the last update brought.")]


def parse_since(since: str) -> date | str:
    if since == "last":
        return since
    try:
        return date.fromisoformat(since)
    except ValueError:
        raise HTTPException(422, f"since: {since!r} is not a day (YYYY-MM-DD)") from None


ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 408: "timeout", 413: "too_large",
               415: "unsupported_type", 422: "invalid_input", 500: "internal_error"}
"""Stable names for the statuses the API answers with (Python renames some HTTP phrases between versions)."""


def error_body(status: int, message: str) -> dict[str, Any]:
    """Every API error has this shape: {"error": {"status", "code", "message"}}."""
    return {"error": {"status": status, "code": ERROR_CODES.get(status, "error"), "message": message}}


def find_story(store: Store, story_id: int) -> Story:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return story

