"""Choose the timeline settings by cross-validation over Timeline17's topics, and report both halves.

Usage: python benchmarks/timelines_cv.py [T17_DIR] [--grid NAME=V1,V2,... ...] [--metric R1|R2|date]
("none" turns off a setting that may be None)

The nine topics are dealt into two halves in turn (odd and even in name
order). Each setting of a small grid (by default: how strongly a date is
weighed against the coverage around it; how much two entries may overlap;
``--grid recalled=0,3,5`` tries other ``TimelineSettings`` fields) is scored
on both halves by the protocol of ``storyline eval timelines``. For each half,
the setting with the best ``--metric`` (align+ m:1 ROUGE-1 unless told) on
the *other* half is reported with its score here, beside the defaults, so a
default that suits one half only shows. Runs on both cores; about a minute
and a half per setting.
"""

from __future__ import annotations

import argparse
import itertools
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
METRICS = {"R1": "align_m1_rouge1", "R2": "align_m1_rouge2", "date": "date"}


_topic = cache(read_topic)
"""A topic read once per worker process."""


def _score(job: tuple[Path, TimelineSettings]) -> list[TimelineScore]:
    folder, settings = job
    return list(evaluate_topic(folder, settings, _topic(folder)))


def _line(scores: list[TimelineScore]) -> str:
    mean = TimelineEvaluation(scores).mean()
    return "  ".join(f"{name} {mean[metric].f1:.4f}" for name, metric in METRICS.items())


def main(root: Path, grid_values: dict[str, tuple[float, ...]] = GRID, metric: str = "R1") -> None:
    folders = topic_folders(root)
    halves = {"odd": folders[0::2], "even": folders[1::2]}
    grid = [dict(zip(grid_values, values)) for values in itertools.product(*grid_values.values())]
    results: dict[int, dict[str, list[TimelineScore]]] = {}
    with ProcessPoolExecutor(2) as pool:
        for number, point in enumerate(grid):
            settings = replace(DEFAULTS, **point)
            per_topic = dict(zip(folders, pool.map(_score, [(f, settings) for f in folders])))
            results[number] = {half: [s for f in members for s in per_topic[f]] for half, members in halves.items()}
            print(f"{point}: " + " | ".join(f"{half} {_line(results[number][half])}" for half in halves), flush=True)

    def measure(number: int, half: str) -> float:
        return TimelineEvaluation(results[number][half]).mean()[METRICS[metric]].f1

    default = next(n for n, point in enumerate(grid) if all(getattr(DEFAULTS, k) == v for k, v in point.items()))
    for half, other in (("odd", "even"), ("even", "odd")):
        chosen = max(results, key=lambda n: measure(n, other))
        print(f"{half} topics ({', '.join(f.name for f in halves[half])}):")
        print(f"  chosen on {other}: {grid[chosen]}: {_line(results[chosen][half])}")
        print(f"  defaults:  {grid[default]}: {_line(results[default][half])}")


def _grid_point(text: str) -> tuple[str, tuple[float, ...]]:
    name, _, values = text.partition("=")
    if not hasattr(DEFAULTS, name) or not values:
        raise argparse.ArgumentTypeError(f"{text!r}: expected NAME=V1,V2,... with NAME a timeline setting")
    kind = type(getattr(DEFAULTS, name))
    return name, tuple(None if v.lower() == "none" else (float if kind is type(None) else kind)(v)
                       for v in values.split(","))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Timeline settings chosen by cross-validation over topic halves.")
    parser.add_argument("root", nargs="?", type=Path, default=SHARED, help="a Timeline17-style folder")
    parser.add_argument("--grid", nargs="+", type=_grid_point, help="settings to try (default: spread, max_overlap)")
    parser.add_argument("--metric", choices=METRICS, default="R1", help="what chooses a setting on a half")
    args = parser.parse_args()
    main(args.root, dict(args.grid) if args.grid else GRID, args.metric)
