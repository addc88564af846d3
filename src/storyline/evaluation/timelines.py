"""Evaluation of timelines on the Timeline17 layout, following the news-tls protocol.

For each gold timeline, the topic's articles published between its first
and last date are summarised into a timeline with as many dates as the gold
one and, per date, the gold's average number of sentences (rounded). Scores
are concat ROUGE-1/2, align+ m:1 ROUGE-1/2 and date F1; precision and recall
are averaged over timelines and F1 is taken from those averages.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import groupby
from pathlib import Path

from storyline.clean import clean_article
from storyline.evaluation import PRF
from storyline.evaluation.rouge import (
    Timeline,
    align_m1_rouge,
    concat_rouge,
    date_prf,
    rouge_home,
)
from storyline.model import Article, Sentence, TimelineEntry
from storyline.readers import Problem, read_paths
from storyline.reading import read_article
from storyline.sentences import split_sentences
from storyline.timeline import (
    DEFAULTS,
    TimelineSettings,
    build_timeline,
    build_timeline_state,
)
from storyline.timeline_update import GROWTH, Material, grow_timeline

METRICS = ("concat_rouge1", "concat_rouge2", "align_m1_rouge1", "align_m1_rouge2", "date")


@dataclass
class TimelineScore:
    topic: str
    name: str
    dates: int
    scores: dict[str, PRF]
    language: str = "en"
    """The language most of the topic's articles are in."""

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"topic": self.topic, "timeline": self.name, "dates": self.dates,
                                  "language": self.language}
        for metric, score in self.scores.items():
            out[f"{metric}_f1"] = round(score.f1, 4)
            out[f"{metric}_precision"] = round(score.precision, 4)
            out[f"{metric}_recall"] = round(score.recall, 4)
        return out


@dataclass
class TimelineEvaluation:
    timelines: list[TimelineScore] = field(default_factory=list)
    seconds: float = 0.0

    def mean(self, language: str | None = None) -> dict[str, PRF]:
        """Precision and recall averaged over timelines (of one language); F1 follows from them (news-tls)."""
        chosen = [t for t in self.timelines if language is None or t.language == language]
        n = len(chosen) or 1
        return {
            metric: PRF(sum(t.scores[metric].precision for t in chosen) / n,
                        sum(t.scores[metric].recall for t in chosen) / n)
            for metric in METRICS
        }

    def as_dict(self) -> dict[str, object]:
        def flat(scores: dict[str, PRF]) -> dict[str, object]:
            row = TimelineScore("", "mean", 0, scores).as_dict()
            return {key: value for key, value in row.items() if key not in ("topic", "timeline", "dates", "language")}

        languages = sorted({t.language for t in self.timelines})
        return {"mean": flat(self.mean()), "languages": {lang: flat(self.mean(lang)) for lang in languages},
                "timelines": [t.as_dict() for t in self.timelines], "seconds": round(self.seconds, 1)}


def read_gold(path: Path) -> dict[date, list[str]]:
    gold: dict[date, list[str]] = {}
    for day, sentences in json.loads(path.read_text(encoding="utf-8")):
        gold.setdefault(date.fromisoformat(day[:10]), []).extend(s.strip() for s in sentences if s.strip())
    return gold


Topic = tuple[list[Article], dict[str, list[Sentence]]]
"""A topic's cleaned, dated articles and each one's sentences, by article id."""


def read_topic(folder: Path) -> Topic:
    items = [item for item in read_paths([str(folder / "articles.jsonl")]) if not isinstance(item, Problem)]
    articles = [clean_article(a.identify()) for a in items if a.published]
    return articles, {a.id: split_sentences(a.id, a.text) for a in articles}


def score_timeline(system: Timeline, gold: Timeline, language: str = "en") -> dict[str, PRF]:
    aligned = align_m1_rouge(system, gold, (1, 2), language)
    return {
        "concat_rouge1": concat_rouge(system, gold, 1, language),
        "concat_rouge2": concat_rouge(system, gold, 2, language),
        "align_m1_rouge1": aligned[1], "align_m1_rouge2": aligned[2], "date": date_prf(system, gold),
    }


def evaluate_topic(folder: Path, settings: TimelineSettings = DEFAULTS, topic: Topic | None = None,
                   grown: bool = False) -> Iterator[TimelineScore]:
    """Score a timeline made from the topic's own articles (``topic``, if already read) against each of its gold
    timelines."""
    articles, sentences = topic or read_topic(folder)
    return score_protocol(folder, articles, lambda a: sentences[a.id], settings, grown)


def score_protocol(folder: Path, articles: list[Article], sentences: Callable[[Article], list[Sentence]],
                   settings: TimelineSettings = DEFAULTS, grown: bool = False) -> Iterator[TimelineScore]:
    """Score a timeline made from ``articles`` against each gold timeline of the topic in ``folder``, with as many
    dates as the gold one and its mean number of sentences per date; ``grown``: the timeline a reader following
    the topic sees (``grown_timeline``)."""
    languages = Counter(a.language for a in articles if a.language)
    language = languages.most_common(1)[0][0] if languages else "en"
    for gold_path in sorted((folder / "timelines").glob("*.json")):
        gold = read_gold(gold_path)
        if not gold:
            continue
        first, last = min(gold), max(gold)
        size = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
        chosen = [a for a in articles if a.published and first <= a.published <= last]
        # as many dates and sentences as the gold timeline; its dates are days, so only day-precise ones
        protocol = replace(settings, dates=len(gold), sentences_per_date=size, precisions=("day",))
        make = grown_timeline if grown else build_timeline
        entries = make(chosen, sentences, protocol, span=(first, last))
        system: dict[date, list[str]] = {}
        for entry in entries:
            system.setdefault(entry.date, []).append(entry.text)
        yield TimelineScore(folder.name, gold_path.stem, len(gold), score_timeline(system, gold, language), language)


def grown_timeline(articles: list[Article], sentences: Callable[[Article], list[Sentence]],
                   settings: TimelineSettings, span: tuple[date, date]) -> list[TimelineEntry]:
    """The timeline as a reader following the story sees it at its worst: made from all but its newest
    articles, then grown by them day by day, as far as a timeline grows before it is made again from every article
    (``timeline_update.GROWTH``)."""
    ordered = sorted(articles, key=lambda a: (a.published, a.id))
    base = math.ceil(len(ordered) / (1 + GROWTH))
    entries, state = build_timeline_state(ordered[:base], sentences, settings, span=span)
    by_id = {a.id: a for a in ordered}

    def load(ids: Collection[str]) -> Material:
        return [by_id[i] for i in ids], {i: sentences(by_id[i]) for i in ids}, read_article

    for _, batch in groupby(ordered[base:], key=lambda a: a.published):
        entries, state = grow_timeline(state, [a.id for a in batch], load, settings, span=span)
    return entries


def topic_folders(root: str | Path) -> list[Path]:
    """The topic folders of a Timeline17-style folder (TOPIC/articles.jsonl, TOPIC/timelines/*.json)."""
    root = Path(root)
    topics = sorted(p for p in root.iterdir() if (p / "articles.jsonl").exists() and (p / "timelines").is_dir())
    if not topics:
        raise FileNotFoundError(f"{root}: no topic folders with articles.jsonl and timelines/")
    return topics


def evaluate_timelines(root: str | Path, settings: TimelineSettings = DEFAULTS,
                       on_timeline: Callable[[TimelineScore], None] | None = None,
                       grown: bool = False) -> TimelineEvaluation:
    """Score every gold timeline under ``root`` (one folder per topic); ``grown``: as a reader following each
    topic sees them (``grown_timeline``)."""
    rouge_home()  # fail before any work if ROUGE's data files are missing
    topics = topic_folders(root)
    result = TimelineEvaluation()
    start = time.perf_counter()
    for folder in topics:
        for score in evaluate_topic(folder, settings, grown=grown):
            result.timelines.append(score)
            if on_timeline:
                on_timeline(score)
    result.seconds = time.perf_counter() - start
    return result
