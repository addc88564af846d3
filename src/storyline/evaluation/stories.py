"""Evaluation of stories against gold labels (B-cubed), in memory."""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.clean import clean_article
from storyline.evaluation import PRF
from storyline.model import Article
from storyline.readers import Problem, read_paths
from storyline.stories import DEFAULTS, StorySettings, cluster


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
    pairs = Counter(zip(predicted, gold))
    cluster_size = Counter(predicted)
    class_size = Counter(gold)
    precision = sum(n * n / cluster_size[p] for (p, _), n in pairs.items()) / len(gold)
    recall = sum(n * n / class_size[g] for (_, g), n in pairs.items()) / len(gold)
    return PRF(precision, recall)


@dataclass(frozen=True)
class StoryEvaluation:
    score: PRF
    stories: int
    gold_stories: int
    articles: int
    seconds: float
    skipped: int
    languages: dict[str, tuple[PRF, int]] = field(default_factory=dict)
    """B-cubed over the articles of each language alone, and how many there are."""

    def as_dict(self) -> dict[str, object]:
        return {
            "precision": round(self.score.precision, 4), "recall": round(self.score.recall, 4),
            "f1": round(self.score.f1, 4), "stories": self.stories, "gold_stories": self.gold_stories,
            "articles": self.articles, "articles_per_s": round(self.articles / self.seconds, 1) if self.seconds else 0.0,
            "skipped": self.skipped,
            "languages": {
                language: {"precision": round(score.precision, 4), "recall": round(score.recall, 4),
                           "f1": round(score.f1, 4), "articles": count}
                for language, (score, count) in sorted(self.languages.items())
            },
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


def evaluate_stories(path: str | Path, label: str = "story", settings: StorySettings = DEFAULTS,
                     shuffle: int | None = None) -> StoryEvaluation:
    """Cluster the labelled articles of ``path`` from nothing, in memory, and score them.

    Articles are taken in publication order (undated ones last, in file
    order), as the online clusterer would see them; or, with a ``shuffle``
    seed, in a random order, to see how much the order of arrival matters.
    """
    articles, skipped = read_labelled(path, label)
    if shuffle is not None:
        random.Random(shuffle).shuffle(articles)
    start = time.perf_counter()
    for article in articles:
        clean_article(article.identify())
    groups = cluster(articles, settings)
    seconds = time.perf_counter() - start
    predicted = [0] * len(articles)
    for number, members in enumerate(groups):
        for index in members:
            predicted[index] = number
    gold = [str(a.metadata[label]) for a in articles]
    by_language: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        by_language.setdefault(article.language or "?", []).append(index)
    languages = {
        language: (bcubed([predicted[i] for i in indices], [gold[i] for i in indices]), len(indices))
        for language, indices in by_language.items()
    }
    return StoryEvaluation(bcubed(predicted, gold), len(groups), len(set(gold)), len(articles), seconds, skipped,
                           languages)
