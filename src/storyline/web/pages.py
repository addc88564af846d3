"""HTML pages: the story list with search, a story with its visual timeline, an article."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from storyline.changes import LAST, changes, story_history
from storyline.model import Sentence, TimelineEntry
from storyline.render import article_dict, entity_dict, event_dict
from storyline.store import FOLDED, Snippet
from storyline.tracker import (
    story_rows,
    story_sources,
    story_timeline,
    top_story_entities,
)
from storyline.web.axis import date_axis
from storyline.web.common import (
    PAGE_SIZE,
    Dates,
    Filters,
    MinArticles,
    Since,
    StoreDep,
    Until,
    find_story,
    templates,
)

router = APIRouter(include_in_schema=False)
ENTITIES_SHOWN = 20
SOURCES_SHOWN = 20
WEB_DATES = 20
"""A story page shows at most this many dates unless asked for more (a long timeline reads badly on a phone)."""
EVENTS_PER_PAGE = 10
ARTICLE_HITS = 10
"""How many matching articles a search lists under its stories."""
NEVER = "1970-01-01T00:00:00+00:00"
"""When a feed of a story with no dated update says it was updated (Atom requires a time)."""


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, store: StoreDep, filters: Filters, page: int = Query(1, ge=1),
               min_articles: MinArticles = FOLDED) -> HTMLResponse:
    """The story list with its filters; stories of one article are folded away until asked for. A search also
    lists the best-matching articles, each with the words it matched in context."""
    query = replace(filters, min_articles=min_articles, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    total = store.count_stories(query)
    folded = store.count_stories(query, folded=True)
    hits = store.search_articles(filters.text, limit=ARTICLE_HITS)[1] if filters.text.strip() else []
    chosen = {"q": filters.text, "entity": filters.entity, "since": filters.since or "",
              "until": filters.until or "", "source": filters.source, "language": filters.language,
              "sort": filters.sort, "min_articles": min_articles}
    return templates.TemplateResponse(request, "stories.html", {
        "stories": story_rows(store, store.find_stories(query)), "q": filters.text, "chosen": chosen,
        "keep": _query_string(chosen), "unfold": _query_string({**chosen, "min_articles": 1}), "page": page,
        "orders": [("", "best match" if filters.text.strip() else "most recent"), ("size", "largest")]
        + ([("activity", "most recent")] if filters.text.strip() else []),
        "pages": max(1, -(-total // PAGE_SIZE)), "total": total, "folded": folded, "order": query.order,
        "narrowed": any(chosen[k] for k in ("q", "entity", "since", "until", "source", "language")),
        "hits": [{**article_dict(a), "pieces": marked_pieces(snippet)} for a, snippet in hits],
    })


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int, store: StoreDep, dates: Dates = None, since: Since = None,
               until: Until = None, events_page: int = Query(1, ge=1)) -> HTMLResponse:
    """A story: its timeline first (at most ``WEB_DATES`` dates unless asked, each day's first entry open),
    then its entities and sources, then its events a page at a time."""
    story = find_story(store, story_id)
    settings = request.app.state.timeline_settings
    entries = story_timeline(store, story, dates, since, until, settings)
    all_dates = len({e.date for e in entries})
    if dates is None and not (since or until) and all_dates > WEB_DATES:
        entries = story_timeline(store, story, WEB_DATES, settings=settings)
    entities, more_entities = top_story_entities(store, story, ENTITIES_SHOWN)
    sources = story_sources(store, story)
    pages = max(1, -(-len(story.events) // EVENTS_PER_PAGE))
    shown = story.events[(events_page - 1) * EVENTS_PER_PAGE:events_page * EVENTS_PER_PAGE]
    articles = {a.id: article_dict(a) for a in store.articles_by_ids([i for e in shown for i in e.article_ids])}
    events = [{**event_dict(e), "article_rows": [articles[i] for i in e.article_ids if i in articles]} for e in shown]
    recent = changes(store, LAST, story.id, settings).stories
    return templates.TemplateResponse(request, "story.html", {
        "recent": recent[0] if recent else None,
        "story": story, "sources": sources[:SOURCES_SHOWN], "more_sources": len(sources) - SOURCES_SHOWN,
        "days": by_day(entries), "entries": entries, "axis": date_axis([e.date for e in entries]),
        "all_dates": all_dates, "shown_dates": len({e.date for e in entries}),
        "entities": [entity_dict(e) for e in entities], "more_entities": more_entities,
        "events": events, "events_page": events_page, "event_pages": pages,
        "chosen": {"dates": dates, "since": since, "until": until},
    })


def paragraphs(text: str, sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped into the paragraphs of the text: a line break between two sentences starts a new one."""
    grouped: list[list[Sentence]] = []
    for sentence in sentences:
        if not grouped or "\n" in text[grouped[-1][-1].end:sentence.start]:
            grouped.append([])
        grouped[-1].append(sentence)
    return grouped


def by_day(entries: list[TimelineEntry]) -> list[list[tuple[int, TimelineEntry]]]:
    """Entries (with their index, the anchor the axis links to) grouped by day, in timeline order."""
    days: list[list[tuple[int, TimelineEntry]]] = []
    for n, entry in enumerate(entries):
        if days and days[-1][0][1].date == entry.date and days[-1][0][1].precision == entry.precision:
            days[-1].append((n, entry))
        else:
            days.append([(n, entry)])
    return days


@router.get("/stories/{story_id}/feed.atom")
def story_feed(request: Request, story_id: int, store: StoreDep) -> Response:
    """An Atom feed of the story: an entry per update that brought it articles, listing the timeline entries
    they gave it, so a feed reader shows what is new."""
    story = find_story(store, story_id)
    history = story_history(store, story, request.app.state.timeline_settings)
    page = str(request.url_for("story_page", story_id=story.id))
    body = templates.get_template("feed.atom").render(
        story=story, page=page, feed=str(request.url), history=history,
        updated=max((u.at for u, _, _ in history if u.at), default=NEVER))
    return Response(body, media_type="application/atom+xml")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    story_id = store.story_of(article.id)
    return templates.TemplateResponse(request, "article.html", {
        "article": article_dict(article), "paragraphs": paragraphs(article.text, store.sentences(article)),
        "story": store.story(story_id) if story_id is not None else None,
    })


def _query_string(chosen: dict[str, Any]) -> str:
    return urlencode({name: value for name, value in chosen.items() if value})


def marked_pieces(snippet: Snippet) -> list[tuple[str, bool]]:
    """A snippet as runs of text, each saying whether it is a matched word (for <mark>, escaped as any text)."""
    pieces, at = [], 0
    for start, end in snippet.matches:
        pieces += [(snippet.text[at:start], False), (snippet.text[start:end], True)]
        at = end
    return [piece for piece in pieces + [(snippet.text[at:], False)] if piece[0]]
