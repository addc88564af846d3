"""The JSON API under /api/: stories, timelines, entities, articles, search and ingest."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from storyline.changes import changes, changes_dict, step_dict, story_histories
from storyline.ingest import IngestReport, ingest
from storyline.readers.records import read_jsonl
from storyline.render import article_dict, entity_dict, timeline_dict
from storyline.store import FOLDED, StoryQuery, open_store
from storyline.tracker import (
    cached_story_entities,
    refresh_stories,
    story_detail,
    story_rows,
    story_sources,
    story_timeline,
)
from storyline.web.common import (
    PAGE_SIZE,
    ChangesSince,
    Dates,
    Filters,
    Limit,
    MinArticles,
    Offset,
    Since,
    StoreDep,
    Until,
    error_body,
    find_story,
    parse_since,
)

router = APIRouter(prefix="/api", tags=["api"])
INGEST_TYPES = ("application/x-ndjson", "application/jsonl", "application/json", "application/jsonlines")


def _page(items: list[Any], total: int, offset: int, limit: int) -> dict[str, Any]:
    return {"items": items, "total": total, "offset": offset, "limit": limit}


@router.get("/stories")
def list_stories(store: StoreDep, filters: Filters, offset: Offset = 0, limit: Limit = PAGE_SIZE,
                 min_articles: MinArticles = FOLDED) -> dict[str, Any]:
    """Stories, most recently active first (``sort=size``: most articles first; with ``q``, best match first);
    ``q``, ``entity``, ``since``, ``until``, ``source``, ``language`` and ``min_articles`` keep those that
    match all of them; one-article stories are left out (``folded`` counts them) unless ``min_articles=1``.
    Paged in the database: ``total`` counts them all."""
    query = replace(filters, min_articles=min_articles, limit=limit, offset=offset)
    total = store.count_stories(query)
    folded = store.count_stories(query, folded=True)
    return {**_page(story_rows(store, store.find_stories(query)), total, offset, limit), "folded": folded}


@router.get("/stories/{story_id}")
def get_story(story_id: int, store: StoreDep) -> dict[str, Any]:
    """A story with its events (oldest first) and its articles (each with its event and syndicated copies)."""
    story = find_story(store, story_id)
    return story_detail(store, story)


@router.get("/stories/{story_id}/timeline")
def get_timeline(story_id: int, request: Request, store: StoreDep, dates: Dates = None, since: Since = None,
                 until: Until = None) -> dict[str, Any]:
    """The story's dated entries, each citing its article and sentence; ``dates``, ``since`` and ``until``
    choose how many dates and between which days."""
    story = find_story(store, story_id)
    entries = story_timeline(store, story, dates, since, until, request.app.state.timeline_settings)
    return timeline_dict(story, entries, story_sources(store, story))


@router.get("/changes")
def get_changes(request: Request, store: StoreDep, since: ChangesSince = "last",
                story: int | None = Query(None, description="Only this story.")) -> dict[str, Any]:
    """New stories, events and timeline entries, and replaced entries (with what they were), since a day or made
    by the last update (``since=last``), as ``storyline changes --json``."""
    if story is not None:
        find_story(store, story)
    return changes_dict(changes(store, parse_since(since), story, request.app.state.timeline_settings))


@router.get("/stories/{story_id}/claims")
def get_claims(story_id: int, store: StoreDep) -> dict[str, Any]:
    """The story's claims as histories (figures such as the dead, states such as a production's stage), each
    step citing its sentence, as ``storyline claims --json``."""
    story = find_story(store, story_id)
    return {name: [step_dict(s) for s in steps] for name, steps in story_histories(store, story).items()}


@router.get("/stories/{story_id}/entities")
def get_entities(story_id: int, store: StoreDep, offset: Offset = 0, limit: Limit = PAGE_SIZE) -> dict[str, Any]:
    """The story's people, organisations, places and works, most mentioned first, with alias evidence."""
    entities = cached_story_entities(store, find_story(store, story_id))
    return _page([entity_dict(e) for e in entities[offset:offset + limit]], len(entities), offset, limit)


@router.get("/articles")
def list_articles(store: StoreDep, offset: Offset = 0, limit: Limit = PAGE_SIZE,
                  after: str | None = Query(None, max_length=64, description="The `next` of the page before: pages "
                                                                            "that cost the same at any depth.")
                  ) -> dict[str, Any]:
    """Stored articles, oldest first; page with ``after`` (each answer's ``next``) or with ``offset``."""
    if after is not None:
        articles, following = store.articles_after(after, limit)
        return {**_page([article_dict(a) for a in articles], store.count_articles(), 0, limit), "next": following}
    articles = store.articles(limit=limit, offset=offset)
    following = store.cursor_of(articles[-1].id) if len(articles) == limit else None
    return {**_page([article_dict(a) for a in articles], store.count_articles(), offset, limit), "next": following}


@router.get("/articles/{article_id}")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """An article's cleaned text, its sentences (character spans) and its story."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return {
        **article_dict(article), "text": article.text, "story": store.story_of(article.id),
        "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in store.sentences(article)],
    }


@router.get("/search")
def search(store: StoreDep, q: str = Query(min_length=1, description="Words to find, all of them."),
           offset: Offset = 0, limit: Limit = PAGE_SIZE) -> dict[str, Any]:
    """Stories and articles holding every word of ``q``, best match first; each article with a snippet of its
    text around the words (``matches``: start and end of each matched word in the snippet). The articles are
    paged; the first page of stories comes along."""
    total, hits = store.search_articles(q, limit=limit, offset=offset)
    query = StoryQuery(text=q, limit=PAGE_SIZE)
    return {"stories": _page(story_rows(store, store.find_stories(query)), store.count_stories(query), 0, PAGE_SIZE),
            "articles": _page([{**article_dict(a), "snippet": snippet.text, "matches": snippet.matches}
                               for a, snippet in hits], total, offset, limit)}


@router.post("/ingest", responses={408: {"description": "Body too slow"}, 413: {"description": "Body too large"},
                                   415: {"description": "Not JSON Lines"},
                                   422: {"description": "Some lines bad"}})
async def ingest_jsonl(request: Request, allow_undated: bool = False) -> JSONResponse:
    """Store articles sent as JSONL (one JSON object a line, with at least ``text`` and ``date``).

    Good lines are stored even when others are bad; then the answer is 422
    and lists each bad line. Stories are updated before answering.
    """
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in INGEST_TYPES:
        # A page in a browser can POST text/plain here without asking; these types need the API's consent (CORS).
        raise HTTPException(415, f"send the body as {INGEST_TYPES[0]} (one JSON object a line), not {kind or 'no type'}")
    limit = request.app.state.max_ingest_bytes
    if int(request.headers.get("content-length") or 0) > limit:
        raise HTTPException(413, f"body larger than {limit} bytes")
    seconds = request.app.state.body_seconds
    try:
        body = await asyncio.wait_for(_body(request, limit), seconds)
    except TimeoutError:
        raise HTTPException(408, f"the body took longer than {seconds:g} s to arrive") from None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"body is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if not text.strip():
        raise HTTPException(400, "empty body: send one JSON object a line")
    report = await run_in_threadpool(_ingest_text, request.app.state.db, text, allow_undated)
    result = {"stored": report.stored, "unchanged": report.unchanged, "duplicates": report.duplicates,
              "problems": [{"where": p.where, "message": p.message} for p in report.problems]}
    if report.problems:
        message = f"{len(report.problems)} line(s) not stored; {report.stored} stored"
        return JSONResponse({**error_body(422, message), **result}, status_code=422)
    return JSONResponse(result)


async def _body(request: Request, limit: int) -> bytes:
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"body larger than {limit} bytes")
    return bytes(body)


def _ingest_text(db: str, text: str, allow_undated: bool) -> IngestReport:
    with open_store(db) as store:
        report = ingest(store, read_jsonl(text, "line"), allow_undated=allow_undated, workers=1)
        if report.stored:
            refresh_stories(store)
    return report
