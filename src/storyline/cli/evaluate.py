"""``storyline eval``: measure Storyline against gold data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.progress import Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline.cli.common import EXIT_USAGE, SESSION, AsJson, err, fail, out
from storyline.config import Settings

eval_app = typer.Typer(help="Measure Storyline against gold data.", no_args_is_help=True)


def _settings() -> Settings:
    """The settings the evaluation runs with: the defaults, or those of the settings file in use (named on stderr, so
    a score is never taken for the defaults' by mistake)."""
    settings = SESSION.settings
    if settings.path:
        err.print(f"settings: {settings.path}", highlight=False)
    return settings


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
        raise fail(f"--shuffle {text!r}: give seeds as 1..5, 1-5 or 1,3,7", EXIT_USAGE) from None


def _fold(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    index, _, folds = text.partition("/")
    if not (index.isdigit() and folds.isdigit() and 1 <= int(index) <= int(folds)):
        raise fail(f"--fold {text!r}: give it as I/K, e.g. 1/2", EXIT_USAGE)
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

    settings = _settings().stories
    if not entities:
        settings = replace(settings, entity_weight=0.0)
    seeds, folds = _seeds(shuffle), _fold(fold)
    for path in data:
        if not path.exists():
            raise fail(f"{path}: no such file")
    rows, every_run = [], []
    with err.status("Clustering…") as status:
        for path in data:
            runs = []
            for seed in seeds:
                status.update(f"Clustering {path.name}" + (f" (order {seed})" if seed is not None else "") + "…")
                runs.append(evaluate_stories(path, label, settings, seed, folds, fold_by))
            if runs[0].articles == 0:
                raise fail(f"{path}: no article has a {label!r} field")
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
        raise fail(f"{data}: no such file")
    with err.status(status):
        result = run()
    if result["articles"] == 0:
        raise fail(f"{data}: no article has a {label!r} field")
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
        raise fail(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}", EXIT_USAGE)
    _evaluate(data, label, as_json, "Finding entities…", lambda: evaluate_entities(data, label, scope).as_dict(),
              lambda r: (
        f"MAP {r['map']:.3f}  R-precision {r['r_precision']:.3f}  coverage {r['coverage']:.3f}\n"
        f"{r['entities']} entities in {r['articles']} articles ({r['articles_per_s']} articles/s, "
        f"aliases resolved {_SCOPE_WORDS[scope]}); {r['skipped']} record(s) skipped"
    ))


@eval_app.command("changes")
def eval_changes_command(
    labels: Annotated[Path, typer.Argument(help="JSONL of labelled claim pairs (see "
                                                "benchmarks/labels/t17_figure_pairs.jsonl).")],
    data: Annotated[Path, typer.Argument(help="Folder of topics in the Timeline17 layout the pairs' articles come "
                                              "from.")],
    as_json: AsJson = False,
) -> None:
    """Score how pairs of figures are related (same, updated, contradicted, unrelated) against pairs labelled
    by hand: precision, recall and F1 per relation, and accuracy.

    Example: storyline eval changes benchmarks/labels/t17_figure_pairs.jsonl ../shared/datasets/t17
    """
    from storyline.evaluation.changes import evaluate_changes

    for path in (labels, data):
        if not path.exists():
            raise fail(f"{path}: no such file or folder")
    with err.status("Reading the articles and their figures…"):
        result = evaluate_changes(labels, data).as_dict()
    if as_json:
        out.print_json(data=result)
        return
    for label, scores in result["labels"].items():
        out.print(f"{label:<13} gold {scores['gold']:>3}  P {scores['precision']:.3f}  R {scores['recall']:.3f}  "
                  f"F1 {scores['f1']:.3f}", markup=False)
    out.print(f"accuracy {result['accuracy']:.3f} over {result['pairs']} pairs ({result['missing']} with a figure the "
              "extractor did not read)", markup=False)


@eval_app.command("timelines")
def eval_timelines_command(
    data: Annotated[Path, typer.Argument(help="Folder of topics in the Timeline17 layout (TOPIC/articles.jsonl, "
                                              "TOPIC/timelines/*.json).")],
    grown: Annotated[bool, typer.Option("--grown", help="Score the timelines a reader following each topic sees: "
                                        "made from all but the newest tenth of the articles, then grown by them "
                                        "day by day.")] = False,
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
        raise fail(f"{data}: not a folder")
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

            result = evaluate_timelines(data, _settings().timeline, on_timeline=done, grown=grown)
    except (FileNotFoundError, MissingRougeData) as exc:
        raise fail(str(exc)) from None
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
        raise fail(f"{data}: not a folder")
    try:
        with err.status("Tracking…") as status:
            settings = _settings()
            result = evaluate_tracking(data, settings.stories, timelines, lambda step: status.update(f"{step}…"),
                                       settings.timeline)
    except (FileNotFoundError, MissingRougeData) as exc:
        raise fail(str(exc)) from None
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
