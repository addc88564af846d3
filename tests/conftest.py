"""Shared fixtures: fictional articles written for these tests, and ../shared when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip a test when the shared data it reads is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present")


@pytest.fixture(scope="session")
def t17_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """All of Timeline17 ingested and tracked together in one store, as a user would (built once per run)."""
    from storyline.ingest import ingest
    from storyline.readers import read_paths
    from storyline.tracker import refresh_stories

    topics = sorted((SHARED / "datasets" / "t17").glob("*/articles.jsonl"))
    if not topics:
        pytest.skip(f"{SHARED / 'datasets' / 't17'} not present")
    path = str(tmp_path_factory.mktemp("t17") / "t17.db")
    with Store(path) as store:
        ingest(store, read_paths([str(p) for p in topics]))
        refresh_stories(store)
    return path


def largest_story_of(store: Store, topic: str):
    """The story holding most of a Timeline17 topic's articles (topics are the folders the articles came from)."""
    stories = store.stories()
    topic_of = {a.id: a.origin.split("/")[-2] for a in store.articles()}
    return max(stories, key=lambda s: sum(topic_of[i] == topic for i in s.article_ids))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "test.db") as s:
        yield s


def fictional_records(count: int, start_day: int = 1) -> list[dict]:
    """Distinct, dated, fictional articles about made-up towns and clubs."""
    towns = ["Orlen", "Bexmoor", "Caddis", "Dunfirth", "Elmvale", "Farrow", "Gantry", "Holloway"]
    topics = ["library reopens", "chess club wins", "market moves", "school choir tours", "mayor resigns"]
    records = []
    for i in range(count):
        town, topic = towns[i % len(towns)], topics[(i // len(towns)) % len(topics)]
        day = start_day + i % 28
        records.append({
            "id": f"fx-{i}",
            "date": f"2023-{1 + (i // 28) % 12:02d}-{day:02d}",
            "source": f"{town} Courier",
            "title": f"{town}: {topic} ({i})",
            "text": (
                f"In {town}, the {topic} story number {i} was reported on a quiet morning.\n"
                f"Residents counted {i * 7 % 101} visitors and {i * 13 % 97} volunteers at the event.\n"
                f"Officials said item {i} would be reviewed again next week."
            ),
        })
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
