"""The whole store written out: every story with its events, timeline, entities and articles.

``story_records`` gathers what each story is made of once; the writers lay it out as JSON Lines, CSV
tables or a static HTML site (relative links only, no script) that a newsroom can publish as it is.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.render import (
    article_dict,
    entity_dict,
    event_dict,
    story_dict,
    timeline_dict,
)
from storyline.store import Store
from storyline.timeline import DEFAULTS as TIMELINE_DEFAULTS
from storyline.timeline import TimelineSettings
from storyline.tracker import cached_story_entities, story_sources, story_timeline

FORMATS = ("jsonl", "csv", "html")
STYLE = Path(__file__).parent / "web" / "static" / "style.css"


def story_records(store: Store, settings: TimelineSettings = TIMELINE_DEFAULTS,
                  progress: Callable[[int], None] = lambda done: None) -> Iterator[dict[str, Any]]:
    """Each story (largest first) as one record: the story, its events, timeline entries, entities and articles
    (each with its event and its syndicated copies' outlets). ``progress`` hears how many are done."""
    for done, listed in enumerate(sorted(store.stories(), key=lambda s: (-len(s.article_ids), s.id)), 1):
        story = store.story(listed.id)
        sources = story_sources(store, story)
        event_of = {article_id: event.id for event in story.events for article_id in event.article_ids}
        copies = store.copies(story.article_ids)
        yield {
            **story_dict(story, sources),
            "event_list": [event_dict(e) for e in story.events],
            "timeline": timeline_dict(story, story_timeline(store, story, settings=settings), sources)["entries"],
            "entities": [entity_dict(e) for e in cached_story_entities(store, story)],
            "article_list": [{**article_dict(a), "event": event_of.get(a.id),
                              "copies": sorted({c.source for c in copies.get(a.id, []) if c.source})}
                             for a in store.articles_by_ids(story.article_ids)],
        }
        progress(done)


def write_jsonl(records: Iterable[dict[str, Any]], folder: Path) -> list[Path]:
    """stories.jsonl: one story a line, everything included."""
    path = folder / "stories.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return [path]


TABLES = {
    "stories.csv": ("story", "label", "articles", "events", "sources", "first", "last"),
    "timeline.csv": ("story", "date", "precision", "text", "article", "sentence", "source", "url", "language"),
    "entities.csv": ("story", "name", "type", "aliases", "mentions", "first", "last"),
    "articles.csv": ("story", "event", "article", "date", "source", "title", "url", "language", "copies"),
}


def write_csv(records: Iterable[dict[str, Any]], folder: Path) -> list[Path]:
    """Four tables joined by story id: stories, timeline entries, entities and articles."""
    paths = [folder / name for name in TABLES]
    files = [path.open("w", encoding="utf-8", newline="") for path in paths]
    try:
        writers = [csv.writer(f) for f in files]
        for writer, columns in zip(writers, TABLES.values()):
            writer.writerow(columns)
        stories, timeline, entities, articles = writers
        for r in records:
            stories.writerow([r["id"], r["label"], r["articles"], r["events"], "; ".join(r["sources"]), r["first"],
                              r["last"]])
            for e in r["timeline"]:
                p = e["provenance"]
                timeline.writerow([r["id"], e["date"], e["precision"], e["text"], p["article"], p["sentence"],
                                   p["source"], p["url"], e["language"]])
            for x in r["entities"]:
                entities.writerow([r["id"], x["name"], x["type"], "; ".join(x["aliases"]), x["mentions"], x["first"],
                                   x["last"]])
            for a in r["article_list"]:
                articles.writerow([r["id"], a["event"], a["id"], a["date"], a["source"], a["title"], a["url"],
                                   a["language"], "; ".join(a["copies"])])
    finally:
        for f in files:
            f.close()
    return paths


def write_html(records: Iterable[dict[str, Any]], folder: Path) -> list[Path]:
    """A static site: index.html (stories of several articles first) and stories/ID.html for each story."""
    env = Environment(loader=PackageLoader("storyline", "export_templates"), autoescape=select_autoescape())
    env.filters["web_url"] = lambda url: url if str(url).lower().startswith(("http://", "https://")) else ""
    (folder / "stories").mkdir(exist_ok=True)
    shutil.copyfile(STYLE, folder / "style.css")
    page = env.get_template("story.html")
    listed, paths = [], []
    for record in records:
        path = folder / "stories" / f"{record['id']}.html"
        path.write_text(page.render(story=record), encoding="utf-8")
        paths.append(path)
        listed.append({key: record[key] for key in ("id", "label", "articles", "events", "sources", "first", "last")})
    index = folder / "index.html"
    index.write_text(env.get_template("index.html").render(
        stories=[s for s in listed if s["articles"] > 1], singles=[s for s in listed if s["articles"] == 1]),
        encoding="utf-8")
    return [index, *paths]


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "html": write_html}
