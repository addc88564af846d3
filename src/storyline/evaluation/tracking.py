"""Tracking many topics at once: all topics of a Timeline17-style folder in one stream, as a user would run it.

Every topic's articles go through the real pipeline (cleaning, duplicates,
an in-memory store) and are tracked together. Per topic this reports
story-level B-cubed against the topics, the share of the topic's articles
left alone in a one-article story, and the timeline of the story holding
most of the topic's articles, scored like ``eval timelines`` (the gold
timeline's dates and sentences per date), beside the timeline made from the
topic's own articles, as ``eval timelines`` makes it.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.evaluation import PRF
from storyline.evaluation.rouge import rouge_home
from storyline.evaluation.stories import bcubed_items
from storyline.evaluation.timelines import (
    METRICS,
    TimelineScore,
    evaluate_topic,
    score_protocol,
    topic_folders,
)
from storyline.ingest import ingest
from storyline.model import Article
from storyline.readers import Problem, read_paths
from storyline.store import open_store
from storyline.stories import DEFAULTS, StorySettings
from storyline.timeline import DEFAULTS as TIMELINE_DEFAULTS
from storyline.timeline import TimelineSettings
from storyline.tracker import update_in_place

TOPIC = "_topic"
"""The metadata field each article's topic folder is kept in while tracking."""


@dataclass
class TopicTracking:
    topic: str
    articles: int
    score: PRF
    """Story-level B-cubed of the topic's articles against the topics."""
    alone: float
    """Share of the topic's articles in one-article stories."""
    main_story: int
    main_share: float
    """The story holding most of the topic's articles, and the share of them it holds."""
    tracked: list[TimelineScore] = field(default_factory=list)
    given: list[TimelineScore] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "topic": self.topic, "articles": self.articles, "precision": round(self.score.precision, 4),
            "recall": round(self.score.recall, 4), "f1": round(self.score.f1, 4), "alone": round(self.alone, 4),
            "main_story": self.main_story, "main_share": round(self.main_share, 4),
            "timelines": [{"tracked": t.as_dict(), "given": g.as_dict()} for t, g in zip(self.tracked, self.given)],
        }


@dataclass
class TrackingEvaluation:
    topics: list[TopicTracking] = field(default_factory=list)
    score: PRF = PRF(0.0, 0.0)
    alone: float = 0.0
    stories: int = 0
    seconds: float = 0.0

    def timeline_mean(self, which: str) -> dict[str, PRF]:
        """Precision and recall averaged over every gold timeline, F1 from those (as ``eval timelines``)."""
        scores = [t for topic in self.topics for t in getattr(topic, which)]
        n = len(scores) or 1
        return {metric: PRF(sum(t.scores[metric].precision for t in scores) / n,
                            sum(t.scores[metric].recall for t in scores) / n) for metric in METRICS}

    def as_dict(self) -> dict[str, object]:
        def flat(scores: dict[str, PRF]) -> dict[str, float]:
            return {f"{metric}_f1": round(score.f1, 4) for metric, score in scores.items()}

        return {
            "precision": round(self.score.precision, 4), "recall": round(self.score.recall, 4),
            "f1": round(self.score.f1, 4), "alone": round(self.alone, 4), "stories": self.stories,
            "timelines": {"tracked": flat(self.timeline_mean("tracked")), "given": flat(self.timeline_mean("given"))},
            "topics": [topic.as_dict() for topic in self.topics], "seconds": round(self.seconds, 1),
        }


def _stream(topics: list[Path]) -> Iterator[Article | Problem]:
    for folder in topics:
        for item in read_paths([str(folder / "articles.jsonl")]):
            if isinstance(item, Article):
                item.metadata[TOPIC] = folder.name
            yield item


def evaluate_tracking(root: str | Path, settings: StorySettings = DEFAULTS, timelines: bool = True,
                      on_step: Callable[[str], None] | None = None,
                      timeline_settings: TimelineSettings = TIMELINE_DEFAULTS) -> TrackingEvaluation:
    """Track every topic of ``root`` in one in-memory store and score stories and timelines per topic."""
    if timelines:
        rouge_home()  # fail before any work if ROUGE's data files are missing
    topics = topic_folders(root)
    step = on_step or (lambda _: None)
    start = time.perf_counter()
    store = open_store(":memory:")
    step("ingesting")
    ingest(store, _stream(topics))
    step("tracking stories")
    stories = update_in_place(store, settings)
    articles = store.articles()
    predicted = [store.story_of(a.id) for a in articles]  # a copy is in the story of the article it copies
    gold = [a.metadata[TOPIC] for a in articles]
    items = bcubed_items(predicted, gold)
    sizes = Counter(predicted)
    result = TrackingEvaluation(stories=len(stories))
    result.score = PRF(*(sum(v) / len(items) for v in zip(*items)))
    result.alone = sum(sizes[p] == 1 for p in predicted) / len(predicted)
    by_topic: dict[str, list[int]] = defaultdict(list)
    for index, topic in enumerate(gold):
        by_topic[topic].append(index)
    members = {story.id: story.article_ids for story in stories}
    for folder in topics:
        indices = by_topic[folder.name]
        main, held = Counter(predicted[i] for i in indices).most_common(1)[0]
        topic = TopicTracking(folder.name, len(indices),
                              PRF(*(sum(v) / len(indices) for v in zip(*(items[i] for i in indices)))),
                              sum(sizes[predicted[i]] == 1 for i in indices) / len(indices), main, held / len(indices))
        if timelines:
            step(f"timelines of {folder.name}")
            story_articles = store.articles_by_ids(members[main])
            topic.tracked = list(score_protocol(folder, story_articles, store.sentences, timeline_settings))
            topic.given = list(evaluate_topic(folder, timeline_settings))
        result.topics.append(topic)
    result.seconds = time.perf_counter() - start
    store.close()
    return result
