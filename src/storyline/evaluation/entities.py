"""Evaluation of entities: are the documents that share an entity the ones that belong together?

ECB+ has no entity labels, but each of its stories is one event with its own
people, places and organisations, and each topic pairs two events of one
kind. So entities are measured by what they are for: each article in turn
asks for the articles that share its entities, ranked by the summed inverse
document frequency of the shared entities, and the answer is scored against
the gold story. A name every article carries finds nothing; a rare name
shared by two articles of one story finds the right one.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from storyline.aliases import name_key, resolve
from storyline.clean import clean_article
from storyline.entities import DEFAULT_EXTRACTOR, Extractor
from storyline.evaluation.stories import read_labelled
from storyline.stories import cluster


@dataclass(frozen=True)
class EntityEvaluation:
    mean_average_precision: float
    r_precision: float
    coverage: float
    entities: int
    articles: int
    seconds: float
    skipped: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "map": round(self.mean_average_precision, 4), "r_precision": round(self.r_precision, 4),
            "coverage": round(self.coverage, 4), "entities": self.entities, "articles": self.articles,
            "articles_per_s": round(self.articles / self.seconds, 1) if self.seconds else 0.0,
            "skipped": self.skipped,
        }


def retrieval_scores(members: Sequence[set[int]], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Mean average precision, R-precision and coverage of finding each document's story by shared entities.

    ``members`` holds, per entity, the documents that mention it. Documents
    sharing nothing with the query are not retrieved. Coverage is the share
    of documents (with any story-mate) that share an entity with at least
    one of their story-mates. Queries without story-mates are skipped.
    """
    n = len(gold)
    rows, cols, values = [], [], []
    for column, docs in enumerate(members):
        weight = math.log(n / len(docs)) if docs else 0.0
        for doc in docs:
            rows.append(doc)
            cols.append(column)
            values.append(math.sqrt(weight))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(n, len(members)))
    scores = (matrix @ matrix.T).toarray()
    labels = np.array([str(g) for g in gold])
    average_precisions, r_precisions, covered = [], [], []
    for query in range(n):
        relevant = labels == labels[query]
        relevant[query] = False
        total = int(relevant.sum())
        if total == 0:
            continue
        row = scores[query].copy()
        row[query] = -1.0
        order = np.argsort(-row, kind="stable")
        retrieved = order[row[order] > 0]
        hits = relevant[retrieved]
        ranks = np.flatnonzero(hits) + 1
        average_precisions.append(float(np.sum(np.arange(1, len(ranks) + 1) / ranks)) / total)
        r_precisions.append(float(hits[:total].sum()) / total)
        covered.append(bool(hits.any()))
    if not average_precisions:
        return 0.0, 0.0, 0.0
    return float(np.mean(average_precisions)), float(np.mean(r_precisions)), float(np.mean(covered))


SCOPES = ("story", "article", "names")
"""Where short forms resolve: within the stories Storyline finds, within each article, or not at all."""


def evaluate_entities(path: str | Path, label: str = "story", scope: str = "story",
                      extractor: Extractor = DEFAULT_EXTRACTOR) -> EntityEvaluation:
    """Extract entities from the labelled articles of ``path`` and score retrieval by shared entities.

    ``scope`` "story" runs the pipeline as it is (articles clustered into
    stories, then aliases resolved within them); "article" resolves short
    forms only inside each article; "names" compares names as written (case
    aside), which shows what alias resolution adds.
    """
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; choose one of {', '.join(SCOPES)}")
    articles, skipped = read_labelled(path, label)
    start = time.perf_counter()
    mentions = {}
    for article in articles:
        clean_article(article.identify())
        mentions[article.id] = extractor.mentions(article)
    index = {article.id: i for i, article in enumerate(articles)}
    if scope == "names":
        by_name: dict[str, set[int]] = defaultdict(set)
        for article_id, found in mentions.items():
            for mention in found:
                by_name[name_key(mention.text)].add(index[article_id])
        members = list(by_name.values())
    else:
        story_of = {}
        if scope == "story":
            story_of = {articles[i].id: number for number, group in enumerate(cluster(articles)) for i in group}
        members = [{index[a] for a in entity.article_ids} for entity in resolve(articles, mentions, story_of)]
    seconds = time.perf_counter() - start
    gold = [a.metadata[label] for a in articles]
    mean_ap, r_precision, coverage = retrieval_scores(members, gold)
    return EntityEvaluation(mean_ap, r_precision, coverage, len(members), len(articles), seconds, skipped)
