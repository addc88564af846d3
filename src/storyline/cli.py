"""The ``storyline`` command line (typer + rich)."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
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
from storyline.ingest import IngestReport, ingest
from storyline.model import Article, Story
from storyline.readers import FORMATS, Problem, iter_files, read_paths
from storyline.render import RENDERERS, article_dict, headline
from storyline.store import ENV_DB, Store, StoreError, default_path
from storyline.temporal_words import LANGUAGES
from storyline.tracker import (
    refresh_stories,
    story_detail,
    story_rows,
    story_sources,
    story_timeline,
    update_in_place,
    warm_caches,
)

app = typer.Typer(
    help="Turn dated news articles into tracked stories with timelines.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Db = Annotated[
    Path | None,
    typer.Option("--db", envvar=ENV_DB, help=f"SQLite store to use [default: ./{Path(default_path()).name}].",
                 show_default=False),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Paths = Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or - for stdin.")]
Format = Annotated[
    str | None,
    typer.Option("--format", "-f", help=f"Force the input format: {', '.join(FORMATS)} [default: detected]."),
]
Encoding = Annotated[str | None, typer.Option(help="Read files in this encoding instead of UTF-8.")]
AllowUndated = Annotated[bool, typer.Option("--allow-undated", help="Keep articles with no publication date.")]
Language = Annotated[str | None, typer.Option("--language", help="ISO 639-1 code for every article read.")]


def _day(text: str | None, option: str) -> date | None:
    """A day given on the command line, or a usage error naming the option."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _fail(f"{option}: {text!r} is not a date; write it as YYYY-MM-DD", EXIT_USAGE) from None


def _fail(message: str, code: int = EXIT_PROBLEMS) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _open(db: Path | None) -> Store:
    try:
        return Store(db or default_path())
    except StoreError as exc:
        raise _fail(str(exc)) from None


def _version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    """Turn dated news articles into tracked stories with timelines.

    Exit codes: 0 success, 1 some input was skipped or something was not found, 2 usage error.
    """


def _refresh(store: Store) -> list[Story]:
    """Stories, rebuilt first (with a spinner on a terminal) when articles arrived."""
    if not store.stories_are_stale():
        return store.stories()
    with err.status("Updating stories…"):
        return update_in_place(store)


def _read_with_progress(paths: list[str], fmt: str | None, encoding: str | None) -> Iterator[Article | Problem]:
    files = list(iter_files(paths))
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingest", total=len(files))
        for name in files:
            yield from read_paths([name], fmt, encoding)
            progress.advance(task)


def _ingest(store: Store, paths: list[str], fmt: str | None, encoding: str | None, allow_undated: bool,
            language: str | None) -> IngestReport:
    if fmt and fmt not in FORMATS:
        raise _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", EXIT_USAGE)
    report = ingest(store, _read_with_progress(paths, fmt, encoding), allow_undated=allow_undated, language=language)
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
                   allow_undated: AllowUndated = False, language: Language = None) -> None:
    """Read articles from files, folders or stdin and store them.

    Formats: seed text files (first line ' date YYYY-MM-DD'), plain text, JSON Lines, JSON, CSV/TSV
    (columns id, date, title, text, url, source, language; others kept as metadata), HTML pages and
    RSS/Atom feeds. Re-ingesting an article changes nothing. Unreadable input is named on one line
    each and skipped; the exit code is then 1.
    """
    with _open(db) as store:
        report = _ingest(store, paths, format, encoding, allow_undated, language)
    raise typer.Exit(EXIT_PROBLEMS if report.problems else EXIT_OK)


@app.command("articles")
def articles_command(db: Db = None, as_json: AsJson = False,
                     limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
                     offset: Annotated[int, typer.Option(help="How many to skip.")] = 0) -> None:
    """List stored articles, oldest first."""
    with _open(db) as store:
        articles = store.articles(limit=limit, offset=offset)
        total = store.count_articles()
    if as_json:
        out.print_json(data=[article_dict(a) for a in articles])
        return
    table = Table(title=f"Articles {offset + 1}–{offset + len(articles)} of {total}")
    for column in ("id", "date", "source", "lang", "title"):
        table.add_column(column, overflow="fold" if column == "title" else "ellipsis")
    for a in articles:
        table.add_row(a.id[:10], _date(a), a.source, a.language, headline(a))
    out.print(table)


@app.command("stories")
def stories_command(db: Db = None, as_json: AsJson = False) -> None:
    """List stories, most recently active first (rebuilt first if new articles arrived)."""
    with _open(db) as store:
        rows = story_rows(store, _refresh(store))
    if as_json:
        out.print_json(data=rows)
        return
    table = Table(title=f"{len(rows)} stories")
    for column in ("id", "label", "articles", "events", "sources", "first", "last"):
        table.add_column(column, overflow="fold" if column == "label" else "ellipsis")
    for row in rows:
        table.add_row(str(row["id"]), escape(row["label"]), str(row["articles"]), str(row["events"]),
                      str(len(row["sources"])), row["first"] or "-", row["last"] or "-")
    out.print(table)


def _story(store: Store, story_id: int) -> Story:
    _refresh(store)
    story = store.story(story_id)
    if story is None:
        raise _fail(f"no story {story_id} in {store.path} (see 'storyline stories')")
    return story


@app.command("show")
def show_command(story_id: Annotated[int, typer.Argument(metavar="STORY", help="Story id.")],
                 db: Db = None, as_json: AsJson = False) -> None:
    """Show a story: its label, dates, sources, and its events with their articles."""
    with _open(db) as store:
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
    since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="No entry before this day.")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD", help="No entry after this day.")] = None,
) -> None:
    """Print a story's timeline; every entry cites its article and sentence."""
    if format not in RENDERERS:
        raise _fail(f"unknown timeline format {format!r}; choose md, json or html", EXIT_USAGE)
    first, last = _day(since, "--since"), _day(until, "--until")
    with _open(db) as store:
        story = _story(store, story_id)
        entries = story_timeline(store, story, dates, first, last)
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
    from storyline.entities import DEFAULT_EXTRACTOR, SpacyExtractor
    from storyline.render import entity_dict
    from storyline.tracker import story_entities

    try:
        extractor = SpacyExtractor(spacy) if spacy else DEFAULT_EXTRACTOR
    except RuntimeError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    with _open(db) as store:
        stories = [_story(store, story_id)] if story_id is not None else _refresh(store)
        with err.status("Finding entities…"):
            entities = story_entities(store, stories, extractor)
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
        table.add_row(row["name"], row["type"], str(row["mentions"]), row["first"] or "-", row["last"] or "-",
                      ", ".join(row["aliases"]))
    out.print(table)


@app.command("track")
def track_command(paths: Paths, db: Db = None, format: Format = None, encoding: Encoding = None,
                  allow_undated: AllowUndated = False, language: Language = None) -> None:
    """Ingest, update stories and print every story's timeline (Markdown)."""
    with _open(db) as store:
        report = _ingest(store, paths, format, encoding, allow_undated, language)
        for story in _refresh(store):
            sys.stdout.write(RENDERERS["md"](story, story_timeline(store, story), story_sources(store, story)) + "\n")
    raise typer.Exit(EXIT_PROBLEMS if report.problems else EXIT_OK)


def _warm(path: str) -> None:
    """Fill the page caches in the background, most recently active stories first."""
    with Store(path) as store:
        warm_caches(store, store.stories())


@app.command("serve")
def serve_command(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse stories, timelines and articles in a web browser, and serve the JSON API under /api/.

    Pages: / (stories, with search), /stories/ID, /articles/ID. API schema: /api/openapi.json.
    """
    import uvicorn

    from storyline.web import create_app

    with _open(db) as store:
        path = store.path
        _refresh(store)
    # Another process, so warming never holds the GIL a request needs; it dies with the server.
    multiprocessing.get_context("fork").Process(target=_warm, args=(path,), daemon=True).start()
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]note:[/yellow] listening on {host}: anyone who can reach it can read and add articles.")
    err.print(f"Serving {path} on http://{host}:{port}/ (Ctrl+C stops)", highlight=False)
    uvicorn.run(create_app(path), host=host, port=port, log_level="warning")


@app.command("recluster")
def recluster_command(db: Db = None) -> None:
    """Cluster every article into stories again from scratch (after a change of settings).

    Story ids are renumbered; day to day, stories are updated in place and keep their ids.
    """
    with _open(db) as store, err.status("Reclustering…"):
        stories = refresh_stories(store, rebuild=True)
    err.print(f"{len(stories)} stories from {sum(len(s.article_ids) for s in stories)} articles.", highlight=False)


eval_app = typer.Typer(help="Measure Storyline against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _seeds(text: str | None) -> list[int | None]:
    """Arrival orders to try: none given means publication order; "1..5", "1-5" or "1,3,7" list seeds."""
    if not text:
        return [None]
    try:
        if ".." in text or "-" in text:
            low, high = text.replace("..", "-").split("-")
            return list(range(int(low), int(high) + 1))
        return [int(seed) for seed in text.split(",")]
    except ValueError:
        raise _fail(f"--shuffle {text!r}: give seeds as 1..5, 1-5 or 1,3,7", EXIT_USAGE) from None


def _fold(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    index, _, folds = text.partition("/")
    if not (index.isdigit() and folds.isdigit() and 1 <= int(index) <= int(folds)):
        raise _fail(f"--fold {text!r}: give it as I/K, e.g. 1/2", EXIT_USAGE)
    return int(index), int(folds)


@eval_app.command("stories")
def eval_stories_command(
    data: Annotated[list[Path], typer.Argument(help="JSONL/CSV files of articles with a gold story label; "
                                                    "each is scored alone, then the mean is shown.")],
    label: Annotated[str, typer.Option(help="Field holding the gold story.")] = "story",
    entities: Annotated[bool, typer.Option("--entities/--no-entities",
                                           help="Use whole names (entities) as clustering features.")] = True,
    shuffle: Annotated[str | None, typer.Option(
        metavar="SEEDS", help="Take the articles in random orders (seeds 1..5, 1-5 or 1,3,7) instead of by date, "
                              "and show the mean over them.")] = None,
    fold: Annotated[str | None, typer.Option(metavar="I/K", help="Keep only fold I of K of the topics "
                                                                 "(cross-validation).")] = None,
    fold_by: Annotated[str, typer.Option(help="Field the folds are taken over.")] = "topic",
    as_json: AsJson = False,
) -> None:
    """Cluster labelled articles from an empty, in-memory state and print B-cubed scores of events and stories.

    Both levels are scored against the one gold label: ECB+ labels events, a news aggregator's
    story ids are stories. Example: storyline eval stories ecb.jsonl headlines.jsonl --shuffle 1..5
    """
    from dataclasses import replace

    from storyline.evaluation.stories import evaluate_stories, mean_evaluation
    from storyline.stories import DEFAULTS

    settings = DEFAULTS if entities else replace(DEFAULTS, entity_weight=0.0)
    seeds, folds = _seeds(shuffle), _fold(fold)
    for path in data:
        if not path.exists():
            raise _fail(f"{path}: no such file")
    rows, every_run = [], []
    with err.status("Clustering…") as status:
        for path in data:
            runs = []
            for seed in seeds:
                status.update(f"Clustering {path.name}" + (f" (order {seed})" if seed is not None else "") + "…")
                runs.append(evaluate_stories(path, label, settings, seed, folds, fold_by))
            if runs[0].articles == 0:
                raise _fail(f"{path}: no article has a {label!r} field")
            every_run += runs
            seconds = sum(r.seconds for r in runs)
            rows.append({"data": str(path), "orders": seeds, "articles": runs[0].articles,
                         "gold_stories": runs[0].gold_stories, "skipped": runs[0].skipped,
                         "articles_per_s": round(sum(r.articles for r in runs) / seconds, 1) if seconds else 0.0,
                         **mean_evaluation(runs), "per_run": [r.as_dict() for r in runs]})
    mean = mean_evaluation(every_run) if len(rows) > 1 else None
    if as_json:
        out.print_json(data={"sets": rows, "mean": mean})
        return
    names = [Path(row["data"]).name for row in rows]
    if len(set(names)) < len(names):
        names = [f"{Path(row['data']).parent.name}/{Path(row['data']).name}" for row in rows]
    for name, row in zip(names, rows):
        out.print(f"[bold]{escape(name)}[/bold]: {row['articles']} articles, {row['gold_stories']} gold labels, "
                  f"{row['articles_per_s']} articles/s", highlight=False)
        for level in ("event", "story"):
            out.print("  " + _level_line(level, row[level], _mean_count(row["per_run"], level)), highlight=False)
    if mean:
        out.print(f"[bold]mean[/bold] of {len(rows)} sets", highlight=False)
        for level in ("event", "story"):
            out.print("  " + _level_line(level, mean[level]), highlight=False)
    orders = "in publication order" if seeds == [None] else f"the mean over {len(seeds)} random orders (F1 range)"
    out.print(f"Scores are {orders}" + (f", topics of fold {fold}" if folds else "") + "; 'alone' is the share of "
              "articles left in a group of their own.", highlight=False)


def _level_line(level: str, score: dict, groups: str = "") -> str:
    spread = f" ({score['f1_min']:.3f}–{score['f1_max']:.3f})" if score["f1_min"] != score["f1_max"] else ""
    plural = {"event": "events", "story": "stories"}[level]
    count = f"{groups} {plural}, " if groups else ""
    return (f"{plural:8} P {score['precision']:.3f}  R {score['recall']:.3f}  F1 {score['f1']:.3f}{spread}  "
            f"({count}{score['alone']:.1%} alone)")


def _mean_count(runs: list[dict], level: str) -> str:
    return str(round(sum(run[level]["groups"] for run in runs) / len(runs)))


def _evaluate(data: Path, label: str, as_json: bool, status: str, run: Callable[[], dict],
              summary: Callable[[dict], str]) -> None:
    """What the eval commands over labelled articles share: check the input, run with a spinner, print."""
    if not data.exists():
        raise _fail(f"{data}: no such file")
    with err.status(status):
        result = run()
    if result["articles"] == 0:
        raise _fail(f"{data}: no article has a {label!r} field")
    if as_json:
        out.print_json(data=result)
    else:
        out.print(summary(result), highlight=False)


_SCOPE_WORDS = {"story": "within stories", "article": "within articles", "names": "not at all"}


@eval_app.command("entities")
def eval_entities_command(
    data: Annotated[Path, typer.Argument(help="JSONL/CSV of articles with a gold story label.")],
    label: Annotated[str, typer.Option(help="Field holding the gold story.")] = "story",
    scope: Annotated[str, typer.Option(help="Where short forms resolve: story (the pipeline as it runs), article, "
                                            "or names (no aliases, names as written).")] = "story",
    as_json: AsJson = False,
) -> None:
    """Score how well articles sharing an entity are found: each article retrieves the others by
    the summed IDF of the entities they share; mean average precision and R-precision against the
    gold stories (see the README).
    """
    from storyline.evaluation.entities import SCOPES, evaluate_entities

    if scope not in SCOPES:
        raise _fail(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}", EXIT_USAGE)
    _evaluate(data, label, as_json, "Finding entities…", lambda: evaluate_entities(data, label, scope).as_dict(),
              lambda r: (
        f"MAP {r['map']:.3f}  R-precision {r['r_precision']:.3f}  coverage {r['coverage']:.3f}\n"
        f"{r['entities']} entities in {r['articles']} articles ({r['articles_per_s']} articles/s, "
        f"aliases resolved {_SCOPE_WORDS[scope]}); {r['skipped']} record(s) skipped"
    ))


@eval_app.command("timelines")
def eval_timelines_command(
    data: Annotated[Path, typer.Argument(help="Folder of topics in the Timeline17 layout (TOPIC/articles.jsonl, "
                                              "TOPIC/timelines/*.json).")],
    as_json: AsJson = False,
) -> None:
    """Summarise each gold timeline's articles into a timeline and score it (news-tls protocol).

    Prints concat ROUGE-1/2 F1, align+ m:1 ROUGE-1/2 F1 and date F1 per timeline and
    averaged (precision and recall averaged over timelines, F1 from the averages), and the
    wall time. ROUGE follows ROUGE-1.5.5 with stemming and stop-word removal.
    """
    from storyline.evaluation.rouge import MissingRougeData
    from storyline.evaluation.timelines import METRICS, evaluate_timelines

    if not data.is_dir():
        raise _fail(f"{data}: not a folder")
    table = Table("topic", "timeline", "dates", "concat R1", "concat R2", "align m:1 R1", "align m:1 R2", "date F1")

    def row(topic: str, name: str, dates: int, scores: dict) -> None:
        table.add_row(topic, name, str(dates), *(f"{scores[metric].f1:.3f}" for metric in METRICS))

    try:
        with Progress(TextColumn("[progress.description]{task.description}"), TimeElapsedColumn(), console=err,
                      transient=True) as progress:
            task = progress.add_task("Summarising…")

            def done(score) -> None:
                progress.update(task, description=f"Summarising… {score.topic}/{score.name} done")
                row(score.topic, score.name, score.dates, score.scores)

            result = evaluate_timelines(data, on_timeline=done)
    except (FileNotFoundError, MissingRougeData) as exc:
        raise _fail(str(exc)) from None
    if as_json:
        out.print_json(data=result.as_dict())
        return
    languages = sorted({t.language for t in result.timelines})
    if len(languages) > 1:
        for language in languages:
            row("", f"mean {language}", sum(t.language == language for t in result.timelines), result.mean(language))
    row("", "mean", len(result.timelines), result.mean())
    out.print(table)
    out.print(f"{len(result.timelines)} timelines in {result.seconds:.1f} s", highlight=False)


@eval_app.command("tracking")
def eval_tracking_command(
    data: Annotated[Path, typer.Argument(help="Folder of topics in the Timeline17 layout (TOPIC/articles.jsonl, "
                                              "TOPIC/timelines/*.json).")],
    timelines: Annotated[bool, typer.Option("--timelines/--no-timelines",
                                            help="Also score the timelines (needs the eval extra).")] = True,
    as_json: AsJson = False,
) -> None:
    """Track all topics of a folder as one stream, as a user would, and score what comes out per topic.

    Every topic's articles are ingested into one in-memory store and tracked together. Per
    topic: story-level B-cubed against the topics, the share of its articles left alone in a
    one-article story, and (with --timelines) the align+ m:1 ROUGE-1 of the timeline of the story
    holding most of its articles beside the timeline made from the topic's own articles, both by
    the protocol of 'eval timelines'.
    """
    from storyline.evaluation.rouge import MissingRougeData
    from storyline.evaluation.tracking import evaluate_tracking

    if not data.is_dir():
        raise _fail(f"{data}: not a folder")
    try:
        with err.status("Tracking…") as status:
            result = evaluate_tracking(data, timelines=timelines, on_step=lambda step: status.update(f"{step}…"))
    except (FileNotFoundError, MissingRougeData) as exc:
        raise _fail(str(exc)) from None
    if as_json:
        out.print_json(data=result.as_dict())
        return
    table = Table("topic", "articles", "P", "R", "F1", "alone", "main story", "R1 tracked/given", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    table.columns[0].no_wrap = True
    for topic in result.topics:
        table.add_row(escape(topic.topic), str(topic.articles), f"{topic.score.precision:.3f}",
                      f"{topic.score.recall:.3f}", f"{topic.score.f1:.3f}", f"{topic.alone:.1%}",
                      f"{topic.main_share:.0%} in {topic.main_story}",
                      f"{_mean_r1(topic.tracked)}/{_mean_r1(topic.given)}")
    out.print(table)
    score = result.score
    out.print(f"all topics: P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}, {result.stories} "
              f"stories, {result.alone:.1%} of articles alone, {result.seconds:.0f} s", highlight=False)
    if timelines:
        def scores(which: str) -> str:
            mean = result.timeline_mean(which)
            return " / ".join(f"{mean[m].f1:.4f}" for m in ("align_m1_rouge1", "align_m1_rouge2", "date"))

        out.print(f"timelines (align+ m:1 ROUGE-1 / ROUGE-2 / date F1): tracked {scores('tracked')}, "
                  f"topic given {scores('given')}", highlight=False)


def _mean_r1(scores: list) -> str:
    if not scores:
        return "-"
    precision = sum(s.scores["align_m1_rouge1"].precision for s in scores) / len(scores)
    recall = sum(s.scores["align_m1_rouge1"].recall for s in scores) / len(scores)
    return f"{2 * precision * recall / (precision + recall) if precision + recall else 0:.3f}"


def _date(article: Article) -> str:
    return article.published.isoformat() if article.published else "-"
