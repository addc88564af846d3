"""Publication dates of pages against hand labels: right to the day, wrong, none found, or given to an undated
page. Labels map a page's file name to {"date": "YYYY-MM-DD" or null, "also": [other defensible dates]}."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from storyline.readers.html import page_date


@dataclass
class DateScore:
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    undated: int = 0
    undated_given: list[str] = field(default_factory=list)

    @property
    def dated(self) -> int:
        return self.right + len(self.wrong) + len(self.missed)

    @property
    def accuracy(self) -> float:
        return self.right / self.dated if self.dated else 0.0


def score_page_dates(pages: Path, labels: Path) -> DateScore:
    """Read each labelled page's date as `ingest` does and compare it with its label."""
    result = DateScore()
    for name, label in sorted(json.loads(labels.read_text(encoding="utf-8")).items()):
        found = page_date((pages / name).read_bytes().decode("utf-8", "replace"))
        if label["date"] is None:
            result.undated += 1
            if found:
                result.undated_given.append(f"{name}: {found}")
        elif found in (label["date"], *label.get("also", ())):
            result.right += 1
        elif found:
            result.wrong.append(f"{name}: {found}, labelled {label['date']}")
        else:
            result.missed.append(f"{name}: none, labelled {label['date']}")
    return result
