"""HTML pages: the story list with search, a story with its visual timeline, an article."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from storyline.model import TimelineEntry
from storyline.render import article_dict, entity_dict, event_dict
from storyline.tracker import (
    cached_story_entities,
    choose_stories,
    story_rows,
    story_sources,
    story_timeline,
)
from storyline.web.common import (
    PAGE_SIZE,
    Dates,
    MinArticles,
    Since,
    Sort,
    StoreDep,
    Until,
    find_story,
    templates,
)

router = APIRouter(include_in_schema=False)
ENTITIES_SHOWN = 40
FOLDED = 2
"""The story list starts at stories of this many articles; the rest are one link away."""


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, store: StoreDep, q: str = "", page: int = Query(1, ge=1),
               min_articles: MinArticles = FOLDED, sort: Sort = "activity") -> HTMLResponse:
    """The story list; stories of one article are folded away until asked for."""
    found = store.search_stories(q)
    stories = choose_stories(found, min_articles, sort)
    pages = max(1, -(-len(stories) // PAGE_SIZE))
    rows = story_rows(store, stories[(page - 1) * PAGE_SIZE:page * PAGE_SIZE])
    return templates.TemplateResponse(request, "stories.html", {
        "stories": rows, "q": q, "page": page, "pages": pages, "total": len(stories),
        "folded": len(found) - len(stories), "min_articles": min_articles, "sort": sort,
    })


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int, store: StoreDep, dates: Dates = None, since: Since = None,
               until: Until = None) -> HTMLResponse:
    story = find_story(store, story_id)
    entries = story_timeline(store, story, dates, since, until)
    entities = cached_story_entities(store, story)
    articles = {a.id: article_dict(a) for a in store.articles_by_ids(story.article_ids)}
    events = [{**event_dict(e), "article_rows": [articles[i] for i in e.article_ids if i in articles]}
              for e in story.events]
    return templates.TemplateResponse(request, "story.html", {
        "story": story, "sources": story_sources(store, story), "entries": entries, "axis": date_axis(entries),
        "entities": [entity_dict(e) for e in entities[:ENTITIES_SHOWN]], "more_entities": len(entities) > ENTITIES_SHOWN,
        "events": events, "chosen": {"dates": dates, "since": since, "until": until},
    })


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    story_id = store.story_of(article.id)
    return templates.TemplateResponse(request, "article.html", {
        "article": article_dict(article), "sentences": store.sentences(article),
        "story": store.story(story_id) if story_id is not None else None,
    })


def date_axis(entries: list[TimelineEntry], width: int = 1000, margin: int = 60) -> dict[str, Any]:
    """Where each entry sits on a horizontal date axis ``width`` units long, and ticks to read it by."""
    if not entries:
        return {"points": [], "ticks": [], "width": width, "margin": margin}
    first, last = entries[0].date.toordinal(), max(e.date for e in entries).toordinal()
    span = max(1, last - first)

    def x(day: date) -> float:
        return round(margin + (width - 2 * margin) * (day.toordinal() - first) / span, 1)

    years = range(entries[0].date.year + 1, date.fromordinal(last).year + 1)
    return {
        "points": [{"x": x(e.date), "n": n, "label": e.date.isoformat()} for n, e in enumerate(entries)],
        "ticks": [{"x": x(date(y, 1, 1)), "label": str(y)} for y in years] if last - first > 200 else
        [{"x": margin, "label": entries[0].date.isoformat()},
         {"x": width - margin, "label": date.fromordinal(last).isoformat()}],
        "width": width, "margin": margin,
    }
