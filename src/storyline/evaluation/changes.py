"""How well figure claims are related: pairs of claims labelled by hand (same, updated, contradicted,
unrelated), each naming its article id, sentence index, attribute and value, scored against ``claims.relation``.

The articles are put through the real pipeline (cleaning, sentences) into an in-memory store, so sentence
indices mean what they mean in any store.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from storyline.claims import RELATIONS, Claim, claims, relation
from storyline.evaluation import PRF
from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import Store, open_store


@dataclass
class ChangesEvaluation:
    pairs: int = 0
    missing: int = 0
    """Pairs whose sentence gave no claim of the labelled attribute and value (the extractor missed it)."""
    per_label: dict[str, PRF] = field(default_factory=dict)
    gold: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        right = sum(n for (gold, said), n in self.confusion.items() if gold == said)
        return right / self.pairs if self.pairs else 0.0

    def as_dict(self) -> dict:
        return {
            "pairs": self.pairs, "missing": self.missing, "accuracy": round(self.accuracy, 3),
            "labels": {label: {"gold": self.gold[label], "precision": round(prf.precision, 3),
                               "recall": round(prf.recall, 3), "f1": round(prf.f1, 3)}
                       for label, prf in self.per_label.items()},
            "confusion": [{"gold": gold, "said": said, "pairs": n} for (gold, said), n in sorted(self.confusion.items())],
        }


def evaluate_changes(labels: Path, data: Path) -> ChangesEvaluation:
    """Score ``claims.relation`` on the labelled pairs in ``labels`` over the articles of the Timeline17-style
    folder ``data`` (only the topics the pairs name are read)."""
    pairs = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    topics = sorted({pair["topic"] for pair in pairs})
    result = ChangesEvaluation(pairs=len(pairs))
    with open_store(":memory:") as store:
        ingest(store, read_paths([str(data / topic / "articles.jsonl") for topic in topics]), workers=1)
        for pair in pairs:
            found = [_claim(store, pair[side]) for side in ("a", "b")]
            said = relation(*found) if None not in found else "unrelated"
            result.missing += None in found
            result.gold[pair["label"]] += 1
            result.confusion[pair["label"], said] += 1
    for label in RELATIONS:
        hits = result.confusion[label, label]
        said = sum(n for (_, s), n in result.confusion.items() if s == label)
        gold = result.gold[label]
        result.per_label[label] = PRF(hits / said if said else 0.0, hits / gold if gold else 0.0)
    return result


def _claim(store: Store, side: dict) -> Claim | None:
    article = store.article(side["article"])
    if article is None:
        return None
    sentences = store.sentences(article)
    if side["sentence"] >= len(sentences):
        return None
    return next((c for c in claims(article, [sentences[side["sentence"]]])
                 if c.attribute == side["attribute"] and c.value == side["value"]), None)
