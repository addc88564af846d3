"""Choose the clusterer's settings by cross-validation over topics, and report every half side by side.

Usage: python benchmarks/cross_validate.py [--shared DIR] [--quick]

Each level is tuned on half of the topics and scored on the other half, and
the other way round:

- events, on ECB+ dev (``topic`` 1-22, odd against even): a grid of the event
  threshold and the extra bar for small events, then one of when an event is
  split in two, scored by event B-cubed F1, the mean over publication order
  and five random orders;
- stories, on the news aggregator's headlines (its categories business and
  tech against entertainment and health) and on Timeline17 (topics dealt
  out in turn): a grid of the story link thresholds and the story decay
  floor, scored by the mean of the two sets' story B-cubed F1.

It prints, per half, the setting chosen on the other half, its score there,
and the score of the defaults, so a default that only suits one half shows.
Articles and their terms are prepared once per data set; every run then
clusters from an empty state in memory.
"""

from __future__ import annotations

import argparse
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from storyline.clean import clean_article, settle_languages
from storyline.evaluation.stories import bcubed, in_fold, read_labelled
from storyline.model import Article
from storyline.readers import Problem, read_paths
from storyline.stories import DEFAULTS, OnlineClusterer, StorySettings
from storyline.terms import Terms, article_terms

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"
Data = tuple[list[Article], list[Terms], list[str]]


def prepared(articles: list[Article], label: Callable[[Article], str]) -> Data:
    for article in articles:
        clean_article(article.identify())
    settle_languages(articles)
    return articles, [article_terms(a) for a in articles], [label(a) for a in articles]


def ecb(root: Path) -> Data:
    articles, _ = read_labelled(root / "ecb_dev" / "articles.jsonl", "story")
    return prepared(articles, lambda a: str(a.metadata["story"]))


def headlines(root: Path) -> Data:
    articles, _ = read_labelled(root / "uci_headlines" / "articles.jsonl", "story")
    return prepared(articles, lambda a: str(a.metadata["story"]))


def timeline17(root: Path) -> Data:
    articles = []
    for folder in sorted(p for p in (root / "t17").iterdir() if (p / "articles.jsonl").exists()):
        for item in read_paths([str(folder / "articles.jsonl")]):
            if not isinstance(item, Problem) and item.raw_text.strip():
                item.metadata["topic"] = folder.name
                articles.append(item)
    articles.sort(key=lambda a: a.published)
    return prepared(articles, lambda a: a.metadata["topic"])


def clustered(data: Data, keep: Sequence[int], settings: StorySettings, seed: int | None = None) -> tuple[float, float]:
    """Event and story B-cubed F1 of the articles at ``keep`` (in that order, or shuffled by ``seed``)."""
    articles, terms, gold = data
    order = list(keep)
    if seed is not None:
        random.Random(seed).shuffle(order)
    clusterer = OnlineClusterer(settings)
    for index in order:
        clusterer.add(index, articles[index], terms=terms[index])
        clusterer.maybe_maintain()
    clusterer.maintain()
    event_of, story_of = {}, {}
    for event, members in clusterer.event_members.items():
        for index in members:
            event_of[index], story_of[index] = event, clusterer.stories.of[event]
    labels = [gold[i] for i in order]
    return (bcubed([event_of[i] for i in order], labels).f1, bcubed([story_of[i] for i in order], labels).f1)


def halves(data: Data, key: Callable[[Article], object]) -> tuple[list[int], list[int]]:
    """Indices of the two halves of the topics (``key`` gives an article's topic), dealt out in turn."""
    topics = sorted({str(key(a)) for a in data[0]}, key=lambda t: (len(t), t))
    first = {topic for n, topic in enumerate(topics) if n % 2 == 0}
    if all(t.isdigit() for t in topics):
        first = {t for t in topics if in_fold(t, (1, 2))}
    one = [i for i, a in enumerate(data[0]) if str(key(a)) in first]
    other = [i for i, a in enumerate(data[0]) if str(key(a)) not in first]
    return one, other


def cross_validate(grid: list[dict], score: Callable[[StorySettings, int], float], name: str) -> None:
    """Tune on each half, report on the other, beside the defaults."""
    defaults = {key: getattr(DEFAULTS, key) for key in grid[0]}
    print(f"\n{name}: grid of {len(grid)} settings over {', '.join(grid[0])}; defaults {defaults}")
    scores = {(i, half): score(replace(DEFAULTS, **setting), half) for i, setting in enumerate(grid) for half in (0, 1)}
    for tuned, held in ((0, 1), (1, 0)):
        best = max(range(len(grid)), key=lambda i: scores[i, tuned])
        default = score(DEFAULTS, held)
        print(f"  tuned on half {tuned + 1}: {grid[best]} scores {scores[best, tuned]:.3f} there; on half {held + 1} "
              f"it scores {scores[best, held]:.3f}, the defaults {default:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--quick", action="store_true", help="Fewer orders and a smaller grid (to try the script).")
    parser.add_argument("--level", choices=("events", "stories", "both"), default="both")
    args = parser.parse_args()
    seeds = [None, 1] if args.quick else [None, 1, 2, 3, 4, 5]
    if args.level != "stories":
        cross_validate_events(args.shared, seeds, args.quick)
    if args.level != "events":
        cross_validate_stories(args.shared, args.quick)


def cross_validate_events(shared: Path, seeds: list[int | None], quick: bool) -> None:
    events = ecb(shared)
    event_halves = halves(events, lambda a: a.metadata["topic"])
    event_grid = [{"threshold": t, "small_event_bar": b}
                  for t, b in itertools.product((0.18, 0.2, 0.22, 0.25), (0.0, 0.05, 0.1))]

    def event_score(settings: StorySettings, half: int) -> float:
        return sum(clustered(events, event_halves[half], settings, seed)[0] for seed in seeds) / len(seeds)

    cross_validate(event_grid[::3] if quick else event_grid, event_score, "Events (ECB+ dev, odd and even topics)")
    split_grid = [{"small_event_bar": bar, "split_below": below, "split_least": least}
                  for bar, below, least in itertools.product((0.0, 0.02, 0.05), (0.45, 0.5, 0.55), (4, 5, 6))]
    cross_validate(split_grid[::5] if quick else split_grid, event_score, "Event splits (ECB+ dev, odd and even topics)")


def cross_validate_stories(shared: Path, quick: bool) -> None:
    news, tracked = headlines(shared), timeline17(shared)
    news_halves = halves(news, lambda a: "bt" if a.metadata.get("category") in ("b", "t") else "em")
    tracked_halves = halves(tracked, lambda a: a.metadata["topic"])
    story_grid = [{"link_threshold": link, "group_link_threshold": group, "story_decay_floor": floor}
                  for link, group, floor in itertools.product((0.08, 0.1, 0.12), (0.15, 0.175, 0.2, 0.3), (0.3, 0.4, 0.5))]

    def story_score(settings: StorySettings, half: int) -> float:
        news_f1 = clustered(news, news_halves[half], settings)[1]
        return (news_f1 + clustered(tracked, tracked_halves[half], settings)[1]) / 2

    cross_validate(story_grid[::4] if quick else story_grid, story_score,
                   "Stories (headlines by category, Timeline17 by topic)")


if __name__ == "__main__":
    main()
