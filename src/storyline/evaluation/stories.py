"""Evaluation of events and stories against gold labels (B-cubed), in memory.

One clustering gives both levels: each article's event and its story are
scored against the same gold label, since a data set is labelled at one
granularity (ECB+ by event, a news aggregator by story) and the reader of a
result should see both.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.clean import clean_article, settle_languages
from storyline.evaluation import PRF
from storyline.model import Article
from storyline.readers import Problem, read_paths
from storyline.stories import DEFAULTS, StorySettings, cluster_both

LEVELS = ("event", "story")


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> PRF:
    """B-cubed precision and recall of a clustering, one label per item.

    For each item, precision is the share of its predicted cluster that
    shares its gold label, recall the share of its gold class that shares its
    predicted cluster; both are averaged over items (Bagga & Baldwin 1998).
    """
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        return PRF(0.0, 0.0)
    return PRF(*(sum(values) / len(gold) for values in zip(*bcubed_items(predicted, gold))))


def bcubed_items(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> list[tuple[float, float]]:
    """Each item's B-cubed precision and recall, so that subsets (a topic, a language) can be averaged alone."""
    pairs = Counter(zip(predicted, gold))
    cluster_size = Counter(predicted)
    class_size = Counter(gold)
    return [(pairs[p, g] / cluster_size[p], pairs[p, g] / class_size[g]) for p, g in zip(predicted, gold)]


def _mean(items: Sequence[tuple[float, float]]) -> PRF:
    return PRF(sum(p for p, _ in items) / len(items), sum(r for _, r in items) / len(items)) if items else PRF(0, 0)


@dataclass(frozen=True)
class LevelScore:
    """B-cubed at one level, how many groups were made, and the share of articles left alone in one."""

    score: PRF
    groups: int
    alone: float
    languages: dict[str, tuple[PRF, int]] = field(default_factory=dict)
    """B-cubed over the articles of each language, and how many there are."""

    def as_dict(self) -> dict[str, object]:
        return {
            **_prf(self.score), "groups": self.groups, "alone": round(self.alone, 4),
            "languages": {language: {**_prf(score), "articles": count}
                          for language, (score, count) in sorted(self.languages.items())},
        }


def _prf(score: PRF) -> dict[str, float]:
    return {"precision": round(score.precision, 4), "recall": round(score.recall, 4), "f1": round(score.f1, 4)}


@dataclass(frozen=True)
class StoryEvaluation:
    levels: dict[str, LevelScore]
    gold_stories: int
    articles: int
    seconds: float
    skipped: int

    def as_dict(self) -> dict[str, object]:
        return {
            "event": self.levels["event"].as_dict(), "story": self.levels["story"].as_dict(),
            "gold_stories": self.gold_stories, "articles": self.articles,
            "articles_per_s": round(self.articles / self.seconds, 1) if self.seconds else 0.0,
            "skipped": self.skipped,
        }


def read_labelled(path: str | Path, label: str) -> tuple[list[Article], int]:
    """The articles of ``path`` that carry ``label``, in publication order (undated last), and how many were skipped."""
    articles: list[Article] = []
    skipped = 0
    for item in read_paths([str(path)]):
        if isinstance(item, Problem) or label not in item.metadata:
            skipped += 1
            continue
        articles.append(item)
    articles.sort(key=lambda a: (a.published is None, a.published or 0))
    return articles, skipped


def in_fold(value: object, fold: tuple[int, int]) -> bool:
    """Whether a record with this ``fold_by`` value is in fold ``i`` of ``k``: values are sorted (numerically when
    they are numbers) and dealt out in turn, so topic 1 goes to fold 1, topic 2 to fold 2, and so on."""
    index, folds = fold
    text = str(value)
    key = int(text) if text.isdigit() else int.from_bytes(text.encode()[-4:].rjust(4, b"\0"), "big")
    return key % folds == index % folds


def evaluate_stories(path: str | Path, label: str = "story", settings: StorySettings = DEFAULTS,
                     shuffle: int | None = None, fold: tuple[int, int] | None = None,
                     fold_by: str = "topic") -> StoryEvaluation:
    """Cluster the labelled articles of ``path`` from nothing, in memory, and score events and stories.

    Articles are taken in publication order (undated ones last, in file
    order), as the online clusterer would see them; or, with a ``shuffle``
    seed, in a random order, to see how much the order of arrival matters.
    ``fold`` (i, k) keeps only the articles whose ``fold_by`` field falls in
    fold i of k, for cross-validation over topics.
    """
    articles, skipped = read_labelled(path, label)
    if fold is not None:
        articles = [a for a in articles if in_fold(a.metadata.get(fold_by, ""), fold)]
    if shuffle is not None:
        random.Random(shuffle).shuffle(articles)
    start = time.perf_counter()
    for article in articles:
        clean_article(article.identify())
    settle_languages(articles)
    events, stories = cluster_both(articles, settings)
    seconds = time.perf_counter() - start
    gold = [str(a.metadata[label]) for a in articles]
    languages = [a.language or "?" for a in articles]
    levels = {level: _level(predicted, gold, languages) for level, predicted in zip(LEVELS, (events, stories))}
    return StoryEvaluation(levels, len(set(gold)), len(articles), seconds, skipped)


def _level(predicted: Sequence[int], gold: Sequence[str], languages: Sequence[str]) -> LevelScore:
    items = bcubed_items(predicted, gold)
    sizes = Counter(predicted)
    by_language: dict[str, list[tuple[float, float]]] = {}
    for language, item in zip(languages, items):
        by_language.setdefault(language, []).append(item)
    return LevelScore(_mean(items), len(sizes), sum(sizes[p] == 1 for p in predicted) / (len(predicted) or 1),
                      {language: (_mean(scores), len(scores)) for language, scores in by_language.items()})


def mean_evaluation(runs: Sequence[StoryEvaluation]) -> dict[str, object]:
    """Precision and recall of each level averaged over runs (orders of arrival, data sets), F1 from the averages,
    with the lowest and highest F1 of the runs."""
    out: dict[str, object] = {"runs": len(runs)}
    for level in LEVELS:
        scores = [run.levels[level].score for run in runs]
        mean = PRF(sum(s.precision for s in scores) / len(scores), sum(s.recall for s in scores) / len(scores))
        out[level] = {**_prf(mean), "f1_min": round(min(s.f1 for s in scores), 4),
                      "f1_max": round(max(s.f1 for s in scores), 4),
                      "alone": round(sum(run.levels[level].alone for run in runs) / len(runs), 4)}
    return out
