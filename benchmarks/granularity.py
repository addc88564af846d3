"""How long a gold story lasts, and what cutting Storyline's stories at each calendar day would do to the score.

Usage: python benchmarks/granularity.py [--headlines FILE] [--t17 DIR]

A labelled set says what one story is. The news aggregator's stories in uci_headlines each fall on one day;
Timeline17's topics run for months. One setting has to serve both, so this measures the gap: for each set it
clusters the articles in memory (publication order, default settings), then prints the number of gold stories,
how many of them span more than one day, B-cubed of the stories as made, and B-cubed of the same stories cut
at every change of day (an oracle no setting can be: it shows where a set's loss lies, not a remedy). It also
splits the wrongly joined pairs of articles (one story, two gold labels) into those of one day and those of
different days.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def _labelled_t17(folder: Path) -> list:
    from storyline.readers import Problem, read_paths

    articles = []
    for path in sorted(folder.glob("*/articles.jsonl")):
        for item in read_paths([str(path)]):
            if not isinstance(item, Problem):
                item.metadata["topic"] = path.parent.name
                articles.append(item)
    articles.sort(key=lambda a: (a.published is None, a.published or 0))
    return articles


def _wrong_pairs(predicted: list, gold: list, days: list) -> tuple[int, int]:
    """Pairs of articles in one predicted story with different gold labels: on one day, on different days."""
    same = across = 0
    members = defaultdict(list)
    for index, story in enumerate(predicted):
        members[story].append(index)
    for indices in members.values():
        by_label_day = Counter((gold[i], days[i]) for i in indices)
        by_label, by_day = Counter(gold[i] for i in indices), Counter(days[i] for i in indices)
        size = len(indices)
        # ordered pairs: all, minus same label, minus same day, plus same label and day (counted twice)
        same_day = sum(n * n for n in by_day.values())
        same_day_label = sum(n * n for n in by_label_day.values())
        wrong = size * size - sum(n * n for n in by_label.values())
        same += same_day - same_day_label
        across += wrong - (same_day - same_day_label)
    return same // 2, across // 2


def measure(name: str, articles: list, label: str) -> dict:
    from storyline.clean import clean_article, settle_languages
    from storyline.evaluation.stories import bcubed
    from storyline.stories import cluster_both

    for article in articles:
        clean_article(article.identify())
    settle_languages(articles)
    _, stories = cluster_both(articles)
    gold = [str(a.metadata[label]) for a in articles]
    days = [a.published for a in articles]
    spans = defaultdict(set)
    for g, day in zip(gold, days):
        spans[g].add(day)
    made, cut = bcubed(stories, gold), bcubed(list(zip(stories, days)), gold)
    same, across = _wrong_pairs(stories, gold, days)
    return {"set": name, "articles": len(articles), "gold_stories": len(spans),
            "gold_over_one_day": sum(len(s) > 1 for s in spans.values()),
            "stories": len(set(stories)), "f1": round(made.f1, 4), "precision": round(made.precision, 4),
            "recall": round(made.recall, 4), "cut_by_day_f1": round(cut.f1, 4), "cut_stories": len(set(zip(stories, days))),
            "wrong_pairs_same_day": same, "wrong_pairs_across_days": across}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--headlines", type=Path, default=SHARED / "uci_headlines" / "articles.jsonl")
    parser.add_argument("--t17", type=Path, default=SHARED / "t17")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from storyline.evaluation.stories import read_labelled

    rows = []
    if args.headlines.exists():
        rows.append(measure("headlines", read_labelled(args.headlines, "story")[0], "story"))
    if any(args.t17.glob("*/articles.jsonl")):
        rows.append(measure("Timeline17 mixed", _labelled_t17(args.t17), "topic"))
    if not rows:
        raise SystemExit(f"neither {args.headlines} nor {args.t17}/*/articles.jsonl found")
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'set':<17} {'articles':>8} {'gold':>5} {'>1 day':>6} {'stories':>7} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'cut by day F1':>13} {'wrong pairs: same day':>21} {'across days':>11}")
    for r in rows:
        print(f"{r['set']:<17} {r['articles']:>8} {r['gold_stories']:>5} {r['gold_over_one_day']:>6} {r['stories']:>7} "
              f"{r['precision']:>6} {r['recall']:>6} {r['f1']:>6} {r['cut_by_day_f1']:>13} "
              f"{r['wrong_pairs_same_day']:>21} {r['wrong_pairs_across_days']:>11}")


if __name__ == "__main__":
    main()
