"""Choose the timeline settings by cross-validation over Timeline17's topics, and report both halves.

Usage: python benchmarks/timelines_cv.py [T17_DIR]

The nine topics are dealt into two halves in turn (odd and even in name
order). Each setting of a small grid (how strongly a date is weighed against
the coverage around it; how much two entries may overlap) is scored on both
halves by the protocol of ``storyline eval timelines``. For each half, the
setting with the best align+ m:1 ROUGE-1 on the *other* half is reported with
its score here, beside the defaults, so a default that suits one half only
shows. Runs on both cores; about fifteen minutes.
"""

from __future__ import annotations

import itertools
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path

from storyline.evaluation.timelines import (
    TimelineEvaluation,
    TimelineScore,
    evaluate_topic,
    read_topic,
    topic_folders,
)
from storyline.timeline import DEFAULTS, TimelineSettings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"
GRID = {"spread": (0.0, 0.15, 0.3), "max_overlap": (0.35, 0.5)}
METRICS = (("align_m1_rouge1", "R1"), ("align_m1_rouge2", "R2"), ("date", "date F1"))


_topic = cache(read_topic)
"""A topic read once per worker process."""


def _score(job: tuple[Path, TimelineSettings]) -> list[TimelineScore]:
    folder, settings = job
    return list(evaluate_topic(folder, settings, _topic(folder)))


def _line(scores: list[TimelineScore]) -> str:
    mean = TimelineEvaluation(scores).mean()
    return "  ".join(f"{name} {mean[metric].f1:.4f}" for metric, name in METRICS)


def main(root: Path) -> None:
    folders = topic_folders(root)
    halves = {"odd": folders[0::2], "even": folders[1::2]}
    grid = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
    results: dict[int, dict[str, list[TimelineScore]]] = {}
    with ProcessPoolExecutor(2) as pool:
        for number, point in enumerate(grid):
            settings = replace(DEFAULTS, **point)
            per_topic = dict(zip(folders, pool.map(_score, [(f, settings) for f in folders])))
            results[number] = {half: [s for f in members for s in per_topic[f]] for half, members in halves.items()}
            print(f"{point}: " + " | ".join(f"{half} {_line(results[number][half])}" for half in halves), flush=True)

    def rouge1(number: int, half: str) -> float:
        return TimelineEvaluation(results[number][half]).mean()["align_m1_rouge1"].f1

    default = next(n for n, point in enumerate(grid) if all(getattr(DEFAULTS, k) == v for k, v in point.items()))
    for half, other in (("odd", "even"), ("even", "odd")):
        chosen = max(results, key=lambda n: rouge1(n, other))
        print(f"{half} topics ({', '.join(f.name for f in halves[half])}):")
        print(f"  chosen on {other}: {grid[chosen]}: {_line(results[chosen][half])}")
        print(f"  defaults:  {grid[default]}: {_line(results[default][half])}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED)
