"""The ``storyline`` command line (typer + rich); ``eval`` lives in ``evaluate.py``, what commands share in
``common.py``."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from storyline import __version__
from storyline.cli.changes import changes_command, claims_command
from storyline.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_SKIPPED,
    EXIT_USAGE,
    SESSION,
    AllowUndated,
    AsJson,
    Db,
    Encoding,
    Engine,
    Format,
    Language,
    Paths,
    Scheduler,
    counting,
    engine_executor,
    err,
    fail,
    open_store,
    out,
    parse_day,
    refresh,
)
from storyline.cli.config import config_command
from storyline.cli.evaluate import eval_app
from storyline.cli.export import export_command
from storyline.cli.serve import serve_command
from storyline.cli.watch import watch_command
from storyline.config import (
    ENV_CONFIG,
    ConfigError,
    load_settings,
)
from storyline.ingest import IngestReport, ingest
from storyline.model import Article, Story
from storyline.readers import FORMATS, Problem, iter_files, read_paths
from storyline.render import RENDERERS, article_dict, headline, timeline_dict
from storyline.store import FOLDED, SERVER_ERRORS, SORTS, Store, StoryQuery, redacted
from storyline.store.queries import LARGEST
from storyline.temporal_words import LANGUAGES
from storyline.tracker import (
    refresh_stories,
    story_detail,
    story_rows,
    story_sources,
    story_timeline,
)

app = typer.Typer(
    help="Turn dated news articles into tracked stories with timelines.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
def _version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE", envvar=ENV_CONFIG,
                                                help="Settings file (TOML with [stories] and [timeline] tables; "
                                                     "default: ./storyline.toml if there is one). "
                                                     "See 'storyline config'.")] = None,
) -> None:
    """Turn dated news articles into tracked stories with timelines.

    Exit codes: 0 success; 1 failure (a story, article or store not found, a busy port); 2 usage error or bad
    settings; 3 success, but some input records were skipped (each is named on stderr).
    """
    try:
        SESSION.settings = load_settings(config)
    except ConfigError as exc:
        raise fail(str(exc), EXIT_USAGE) from None


def _read_with_progress(paths: list[str], fmt: str | None, encoding: str | None) -> Iterator[Article | Problem]:
    """Records as they are read, counted on a terminal: one big JSON Lines file moves the count too."""
    files = list(iter_files(paths))
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files ·"),
               TextColumn("{task.fields[records]} records"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=len(files), records=0)
        records = 0
        for name in files:
            for item in [name] if isinstance(name, Problem) else read_paths([name], fmt, encoding):
                records += 1
                if records % 100 == 0:
                    progress.update(task, records=records)
                yield item
            progress.update(task, advance=1, records=records)


def _ingest(store: Store, paths: list[str], fmt: str | None, encoding: str | None, allow_undated: bool,
            language: str | None, engine: str = "local", scheduler: str | None = None) -> IngestReport:
    if fmt and fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", EXIT_USAGE)
    with engine_executor(engine, scheduler) as executor:
        report = ingest(store, _read_with_progress(paths, fmt, encoding), allow_undated=allow_undated,
                        language=language, executor=executor)
    for problem in report.problems:
        err.print(f"[yellow]skipped[/yellow] {escape(str(problem))}", highlight=False)
    err.print(
        f"{report.stored} new article(s) stored ({report.duplicates} grouped as duplicates), "
        f"{report.unchanged} already stored, {len(report.problems)} skipped.",
        highlight=False,
    )
    other = {language: n for language, n in report.languages.items() if language and language not in LANGUAGES}
    if other:
        err.print(f"[yellow]note:[/yellow] {sum(other.values())} article(s) in languages without word tables "
                  f"({', '.join(f'{k}: {n}' for k, n in sorted(other.items()))}): their dates are read only when "
                  "written as ISO dates; names, numbers and entities still place them in stories.", highlight=False)
    return report


@app.command("ingest")
def ingest_command(paths: Paths, db: Db = None, format: Format = None, encoding: Encoding = None,
                   allow_undated: AllowUndated = False, language: Language = None, as_json: AsJson = False,
                   engine: Engine = "local", scheduler: Scheduler = None) -> None:
    """Read articles from files, folders or stdin and store them.

    Formats: seed text files (first line ' date YYYY-MM-DD'), plain text, JSON Lines, JSON, CSV/TSV
    (columns id, date, title, text, url, source, language; others kept as metadata), HTML pages and
    RSS/Atom feeds. Re-ingesting an article changes nothing. Unreadable input is named on one line
    each and skipped; the exit code is then 1.
    """
    with open_store(db, create=True) as store:
        report = _ingest(store, paths, format, encoding, allow_undated, language, engine, scheduler)
    if as_json:
        out.print_json(data=report.as_dict())
    raise typer.Exit(EXIT_SKIPPED if report.problems else EXIT_OK)


@app.command("articles")
def articles_command(db: Db = None, as_json: AsJson = False,
                     limit: Annotated[int, typer.Option(min=0, max=LARGEST, help="How many to list.")] = 50,
                     offset: Annotated[int, typer.Option(min=0, max=LARGEST, help="How many to skip.")] = 0) -> None:
    """List stored articles, oldest first."""
    with open_store(db) as store:
        articles = store.articles(limit=limit, offset=offset)
        total = store.count_articles()
    if as_json:
        out.print_json(data=[article_dict(a) for a in articles])
        return
    table = Table(title=f"Articles {offset + 1}–{offset + len(articles)} of {total}")
    for column in ("id", "date", "source", "lang", "title"):
        table.add_column(column, overflow="fold" if column == "title" else "ellipsis")
    for a in articles:
        table.add_row(a.id[:10], _date(a), escape(a.source), a.language, escape(headline(a)))
    out.print(table)


@app.command("article")
def article_command(
    cited: Annotated[str, typer.Argument(metavar="ARTICLE[#SENTENCE]",
                                         help="An article id (or its first characters, or its own id in the input), "
                                              "with #N for one sentence, as timelines cite them.")],
    db: Db = None,
    as_json: AsJson = False,
) -> None:
    """Show an article with its numbered sentences, or the one sentence a citation names.

    Example: storyline article 753de73af4#1
    """
    key, _, number = cited.partition("#")
    if number and not number.isdigit():
        raise fail(f"{cited!r}: the sentence after '#' is a number", EXIT_USAGE)
    with open_store(db) as store:
        article = store.article(key)
        if article is None:
            raise fail(f"no article {key}")
        sentences = store.sentences(article)
    if number:
        sentences = [s for s in sentences if s.index == int(number)]
        if not sentences:
            raise fail(f"article {article.id} has no sentence {number}")
    if as_json:
        out.print_json(data={**article_dict(article), "sentences": [{"index": s.index, "text": s.text}
                                                                     for s in sentences]})
        return
    out.print(f"{article.id} · {_date(article)} · {article.source or '-'} · {article.url or '-'}", markup=False)
    out.print(headline(article, width=200), markup=False)
    for sentence in sentences:
        out.print(f"  #{sentence.index}  {sentence.text}", markup=False)


@app.command("stories")
def stories_command(
    db: Db = None,
    as_json: AsJson = False,
    search: Annotated[str, typer.Option("--search", "-q", metavar="WORDS",
                                        help="Only stories whose articles hold every one of these words.")] = "",
    entity: Annotated[str, typer.Option(metavar="NAME", help="Only stories whose articles name this (a phrase, "
                                                             "e.g. 'Hosni Mubarak').")] = "",
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, max=LARGEST,
                                              help="Only stories of at least this many articles (1 lists the "
                                                   "one-article stories too).")] = FOLDED,
    since: Annotated[str | None, typer.Option(metavar="DAY", help="Only stories with an article on or after "
                                                                  "this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(metavar="DAY", help="Only stories with an article on or before "
                                                                  "this day (YYYY-MM-DD).")] = None,
    source: Annotated[str, typer.Option(metavar="OUTLET", help="Only stories an article of this outlet tells "
                                                               "(syndicated copies count).")] = "",
    language: Annotated[str, typer.Option(metavar="xx", help="Only stories with an article in this language.")] = "",
    sort: Annotated[str, typer.Option(help="activity (most recently active first), size (most articles first) "
                                           "or relevance (best match for --search first; the default with "
                                           "--search).")] = "",
    limit: Annotated[int | None, typer.Option(min=1, max=LARGEST, help="Show at most this many.")] = None,
    offset: Annotated[int, typer.Option(min=0, max=LARGEST, help="Skip this many first (with --limit: paging).")] = 0,
) -> None:
    """List stories, most recently active first (rebuilt first if new articles arrived).

    Examples: storyline stories --min-articles 5 --sort size --limit 20;
    storyline stories -q "Mubarak resign" --limit 5; storyline stories --entity Gaddafi --since 2011-08-01
    """
    if sort and sort not in SORTS:
        raise fail(f"unknown order {sort!r}; choose {', '.join(SORTS)}", EXIT_USAGE)
    query = StoryQuery(text=search, entity=entity, min_articles=min_articles, since=parse_day(since, "--since"),
                       until=parse_day(until, "--until"), source=source, language=language, sort=sort,
                       limit=limit, offset=offset)
    with open_store(db) as store:
        refresh(store)
        total = store.count_stories(query)
        folded = store.count_stories(query, folded=True)
        rows = story_rows(store, store.find_stories(query))
    if as_json:
        out.print_json(data=rows)
        return
    shown = f"{len(rows)} of {total}" if len(rows) < total else str(total)
    table = Table(title=f"{shown} stor{'y' if total == 1 else 'ies'}")
    for column in ("id", "label", "articles", "events", "sources", "first", "last"):
        table.add_column(column, overflow="fold" if column == "label" else "ellipsis")
    for row in rows:
        table.add_row(str(row["id"]), escape(row["label"]), str(row["articles"]), str(row["events"]),
                      str(len(row["sources"])), row["first"] or "-", row["last"] or "-")
    out.print(table)
    if folded:
        err.print(f"and {folded} smaller stor{'y' if folded == 1 else 'ies'} (--min-articles 1 lists them)",
                  highlight=False)


def _story(store: Store, story_id: int) -> Story:
    refresh(store)
    story = store.story(story_id)
    if story is None:
        raise fail(f"no story {story_id} in {store.name} (see 'storyline stories')")
    return story


@app.command("show")
def show_command(story_id: Annotated[int, typer.Argument(metavar="STORY", help="Story id.")],
                 db: Db = None, as_json: AsJson = False) -> None:
    """Show a story: its label, dates, sources, and its events with their articles."""
    with open_store(db) as store:
        data = story_detail(store, _story(store, story_id))
    if as_json:
        out.print_json(data=data)
        return
    out.print(f"[bold]Story {data['id']}[/bold]: {escape(data['label'])}", highlight=False)
    out.print(f"{data['first'] or '?'} – {data['last'] or '?'} · {data['articles']} article(s) in "
              f"{len(data['event_list'])} event(s) · sources: {escape(', '.join(data['sources']) or '-')} · "
              f"method: {data['method']}", highlight=False)
    articles = {a["id"]: a for a in data["article_list"]}
    for event in data["event_list"]:
        span = event["first"] or "?"
        if event["last"] and event["last"] != event["first"]:
            span += f" – {event['last']}"
        table = Table(title=f"Event {event['id']} · {span} · {escape(event['label'])}", title_justify="left",
                      box=box.SIMPLE_HEAD)
        for column in ("id", "date", "source", "title", "copies"):
            table.add_column(column, overflow="fold" if column == "title" else "ellipsis")
        for article_id in event["articles"]:
            a = articles[article_id]
            table.add_row(a["id"][:10], a["date"] or "-", escape(a["source"]), escape(a["title"]),
                          escape(", ".join(c["source"] or c["id"][:10] for c in a["copies"])))
        out.print(table)


@app.command("timeline")
def timeline_command(
    story_id: Annotated[int, typer.Argument(metavar="STORY", help="Story id.")],
    db: Db = None,
    format: Annotated[str, typer.Option("--format", "-f", help="md, json or html.")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    dates: Annotated[int | None, typer.Option("--dates", min=1, help="How many dates (default: more for a story "
                                              "that runs longer).")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD", help=(
        "No entry before this day (by default, none more than 30 days before the story's first article: older "
        "dates are history the story recalls)."))] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD", help="No entry after this day.")] = None,
) -> None:
    """Print a story's timeline; every entry cites its article and sentence."""
    if format not in RENDERERS:
        raise fail(f"unknown timeline format {format!r}; choose md, json or html", EXIT_USAGE)
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    with open_store(db) as store:
        story = _story(store, story_id)
        entries = story_timeline(store, story, dates, first, last, SESSION.settings.timeline)
        text = RENDERERS[format](story, entries, story_sources(store, story))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command("entities")
def entities_command(
    story_id: Annotated[int | None, typer.Argument(metavar="[STORY]", help="Story id [default: every story].")] = None,
    db: Db = None,
    as_json: AsJson = False,
    spacy: Annotated[str | None, typer.Option("--spacy", metavar="PIPELINE",
                                              help="Use this installed spaCy pipeline's NER (e.g. en_core_web_sm) "
                                                   "instead of the built-in rules.")] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many entities (0: all).")] = 50,
) -> None:
    """List the people, organisations, places and works of a story, with aliases and dates.

    Short names resolve to full ones within a story ("Russo" -> "Joe Russo"); two titles of
    one work are found by the people and places they share. Every alias link carries its
    evidence and a confidence (shown with --json).
    """
    from storyline.render import entity_dict
    from storyline.spacy_entities import SpacyExtractor
    from storyline.tracker import default_extractor, story_entities

    try:
        extractor = SpacyExtractor(spacy) if spacy else default_extractor()
    except RuntimeError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    with open_store(db) as store:
        stories = [_story(store, story_id)] if story_id is not None else refresh(store)
        with counting("entities", len(stories), "stories") as progress:
            entities = story_entities(store, stories, extractor, progress)
    rows = [entity_dict(e) for e in (entities[:limit] if limit > 0 else entities)]
    if as_json:
        out.print_json(data=rows)
        return
    if not rows:
        err.print("No entities: no story names anyone yet (ingest articles first).")
        return
    table = Table(title=f"{len(rows)} of {len(entities)} entities", box=box.SIMPLE_HEAD)
    for column in ("name", "type", "mentions", "first", "last", "aliases"):
        table.add_column(column, overflow="fold", no_wrap=column != "aliases", min_width=12 if column == "aliases" else None)
    for row in rows:
        table.add_row(escape(row["name"]), row["type"], str(row["mentions"]), row["first"] or "-", row["last"] or "-",
                      escape(", ".join(row["aliases"])))
    out.print(table)


@app.command("track")
def track_command(paths: Paths, db: Db = None, format: Format = None, encoding: Encoding = None,
                  allow_undated: AllowUndated = False, language: Language = None, as_json: AsJson = False,
                  engine: Engine = "local", scheduler: Scheduler = None,
                  every: Annotated[bool, typer.Option("--all", help="Print every story's whole timeline, not only "
                                                                    "what changed.")] = False) -> None:
    """Ingest, update stories and print what changed: new stories, events and timeline entries, and entries
    replaced (as 'storyline changes' does for the last update). --all prints every story's timeline instead;
    --json gives the ingest report with the changes (and with --all, every story with its timeline)."""
    from storyline.changes import LAST, changes, changes_dict, changes_text

    with open_store(db, create=True) as store:
        report = _ingest(store, paths, format, encoding, allow_undated, language, engine, scheduler)
        if not store.stories_are_stale():
            store.note_update()  # so 'changes' after a run that brought nothing says so
        stories = refresh(store)
        timelines = []
        with counting("timelines", len(stories), "stories") as progress:
            for story in stories if every else ():
                timelines.append((story, story_timeline(store, story, settings=SESSION.settings.timeline),
                                  story_sources(store, story)))
                progress(len(timelines))
        found = changes(store, LAST, settings=SESSION.settings.timeline)
    if as_json:
        data = {"ingest": report.as_dict(), "changes": changes_dict(found)}
        out.print_json(data=data | ({"stories": [timeline_dict(*one) for one in timelines]} if every else {}))
    elif every:
        for one in timelines:
            sys.stdout.write(RENDERERS["md"](*one) + "\n")
    else:
        sys.stdout.write(changes_text(found))
    raise typer.Exit(EXIT_SKIPPED if report.problems else EXIT_OK)


@app.command("recluster")
def recluster_command(db: Db = None, as_json: AsJson = False) -> None:
    """Cluster every article into stories again from scratch (after a change of settings: see 'storyline config').

    Story ids are renumbered; day to day, stories are updated in place and keep their ids.
    """
    with open_store(db) as store, counting("recluster", None, "articles placed") as progress:
        stories = refresh_stories(store, rebuild=True, settings=SESSION.settings.stories, progress=progress)
    articles = sum(len(s.article_ids) for s in stories)
    if as_json:
        out.print_json(data={"stories": len(stories), "articles": articles})
    err.print(f"{len(stories)} stories from {articles} articles.", highlight=False)


app.command("changes")(changes_command)
app.command("claims")(claims_command)
app.command("export")(export_command)
app.command("serve")(serve_command)
app.command("watch")(watch_command)
app.command("config")(config_command)
app.add_typer(eval_app, name="eval")


def main_entry() -> None:
    """The ``storyline`` command: the app, with a store another process keeps locked past SQLite's wait, or a
    database server lost mid-run, reported in a line instead of a traceback."""
    try:
        app()
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        err.print(f"error: the store is busy ({exc}): another storyline is writing to it; try again when it is "
                  "done", markup=False)
        sys.exit(EXIT_PROBLEMS)
    except SERVER_ERRORS as exc:
        message = redacted(" ".join(str(exc).split()))
        err.print(f"error: the database server failed: {message}", markup=False)
        sys.exit(EXIT_PROBLEMS)


def _date(article: Article) -> str:
    return article.published.isoformat() if article.published else "-"
