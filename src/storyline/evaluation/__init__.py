"""Measurements of Storyline against gold data: stories (B-cubed) and timelines (ROUGE, date F1)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Precision and recall, and the F1 that follows from them."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0
