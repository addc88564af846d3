"""Timeline output as Markdown, JSON and a standalone HTML page.

Every entry carries its provenance (article id, sentence index, outlet) in
every format; HTML escapes all article text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from storyline.model import Article, Entity, Event, Story, TimelineEntry
from storyline.timeline import METHOD as TIMELINE_METHOD


def date_value(entry: TimelineEntry) -> str:
    """The date as precise as it is known, for machines: 2020, 2020-05 or 2020-05-05 (a week: its Monday)."""
    text = entry.date.isoformat()
    return {"year": text[:4], "month": text[:7]}.get(entry.precision, text)


def day_label(entry: TimelineEntry) -> str:
    """The date as precise as it is known, for readers: 2020, 2020-05, week of 2020-06-22 or 2020-05-05."""
    return f"week of {date_value(entry)}" if entry.precision == "week" else date_value(entry)


def _cite(entry: TimelineEntry) -> str:
    return f"{entry.article_id}#{entry.sentence_index}"


def headline(article: Article, width: int = 90) -> str:
    """The title, or the first line of the text, cut to ``width`` characters."""
    text = article.title or article.text.split("\n", 1)[0]
    return text if len(text) <= width else text[: width - 1] + "…"


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "external_id": article.external_id,
        "date": article.published.isoformat() if article.published else None,
        "source": article.source, "url": article.url, "language": article.language, "title": headline(article),
        "origin": article.origin,
    }


def story_dict(story: Story, sources: Sequence[str] = (), events: int | None = None) -> dict[str, Any]:
    """A story as lists show it; ``events`` counts its events when they were not loaded with it."""
    return {
        "id": story.id,
        "label": story.label,
        "articles": len(story.article_ids),
        "events": len(story.events) if events is None else events,
        "sources": sorted(set(sources)),
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
        "method": story.method,
    }


def event_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "label": event.label,
        "articles": event.article_ids,
        "first": event.first.isoformat() if event.first else None,
        "last": event.last.isoformat() if event.last else None,
    }


def story_detail_dict(story: Story, sources: Sequence[str], articles: Sequence[Article],
                      copies: Mapping[str, Sequence[Article]]) -> dict[str, Any]:
    """A story with its events and its articles, each with its event and its syndicated copies."""
    event_of = {article_id: event.id for event in story.events for article_id in event.article_ids}
    return {
        **story_dict(story, sources),
        "event_list": [event_dict(event) for event in story.events],
        "article_list": [{**article_dict(a), "event": event_of.get(a.id),
                          "copies": [article_dict(c) for c in copies.get(a.id, [])]} for a in articles],
    }


def entity_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": entity.aliases,
        "mentions": entity.mentions,
        "first": entity.first.isoformat() if entity.first else None,
        "last": entity.last.isoformat() if entity.last else None,
        "articles": len(entity.article_ids),
        "links": [
            {"alias": l.alias, "name": l.name, "rule": l.rule, "confidence": l.confidence, "evidence": l.evidence}
            for l in entity.links
        ],
    }


def timeline_dict(story: Story, entries: Sequence[TimelineEntry], sources: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "story": story_dict(story, sources),
        "method": TIMELINE_METHOD,
        "entries": [
            {
                "date": date_value(e), "label": day_label(e), "precision": e.precision, "text": e.text, "language": e.language,
                "provenance": {"article": e.article_id, "sentence": e.sentence_index, "source": e.source, "url": e.url},
            }
            for e in entries
        ],
    }


def timeline_json(story: Story, entries: Sequence[TimelineEntry], sources: Sequence[str] = ()) -> str:
    return json.dumps(timeline_dict(story, entries, sources), ensure_ascii=False, indent=2)


def timeline_markdown(story: Story, entries: Sequence[TimelineEntry], sources: Sequence[str] = ()) -> str:
    lines = [f"## Story {story.id}: {story.label}", ""]
    lines.append(f"{len(story.article_ids)} article(s) from {len(set(sources))} source(s)")
    lines.append("")
    for entry in entries:
        where = f"{entry.source}, " if entry.source else ""
        language = f", {entry.language}" if entry.language else ""
        lines.append(f"- **{day_label(entry)}** {entry.text} _({where}{_cite(entry)}{language})_")
    if not entries:
        lines.append("_No dated entries._")
    return "\n".join(lines) + "\n"


_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
ol{list-style:none;padding:0;border-left:3px solid #c33}li{margin:0 0 1rem;padding-left:1rem}
time{font-weight:600;display:block}cite{color:#666;font-size:.85em}"""


def timeline_html(story: Story, entries: Sequence[TimelineEntry], sources: Sequence[str] = ()) -> str:
    items = []
    for entry in entries:
        cite = escape(f"{entry.source + ', ' if entry.source else ''}{_cite(entry)}")
        if entry.url.lower().startswith(("http://", "https://")):  # never a javascript: link
            cite = f'<a href="{escape(entry.url)}">{cite}</a>'
        lang = f' lang="{escape(entry.language)}"' if entry.language else ""
        items.append(
            f'<li{lang}><time datetime="{date_value(entry)}">{escape(day_label(entry))}</time>'
            f"{escape(entry.text)} <cite>{cite}</cite></li>"
        )
    title = escape(f"Story {story.id}: {story.label}")
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body><h1>{title}</h1>"
        f"<p>{len(story.article_ids)} article(s) from {len(set(sources))} source(s)</p>"
        f"<ol>{''.join(items)}</ol></body></html>\n"
    )


RENDERERS = {"md": timeline_markdown, "json": timeline_json, "html": timeline_html}
