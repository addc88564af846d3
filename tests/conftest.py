"""Shared fixtures: fictional articles written for these tests, and ../shared when present."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from storyline.store import Store, open_store

POSTGRES = os.environ.get("STORYLINE_TEST_POSTGRES", "")
"""A PostgreSQL server's address (postgresql://user@host:port/database): when set, every store a test makes is a
schema of its own in that database, so the whole suite runs against PostgreSQL instead of SQLite."""
_SCHEMAS: list[str] = []
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip a test when the shared data it reads is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present")


def new_store_address(folder: Path, name: str, server: str | None = None) -> str:
    """The address of a new, empty store: a SQLite file in ``folder``, or a fresh schema on the PostgreSQL
    ``server`` (by default, the one the run was given)."""
    server = POSTGRES if server is None else server
    if not server:
        return str(folder / f"{name}.db")
    import psycopg

    schema = f"test_{name.replace('-', '_')}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    _SCHEMAS.append(schema)
    joiner = "&" if "?" in server else "?"
    return f"{server}{joiner}options={quote(f'-c search_path={schema}')}"


@pytest.fixture(scope="session", autouse=True)
def _drop_schemas() -> Iterator[None]:
    """Drop the PostgreSQL schemas the tests made, when the run ends."""
    yield
    if POSTGRES and _SCHEMAS:
        import psycopg

        with psycopg.connect(POSTGRES, autocommit=True) as conn:
            for schema in _SCHEMAS:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
def new_db(tmp_path: Path):
    """Makes the addresses of new stores for one test (SQLite files, or PostgreSQL schemas)."""
    return lambda name="test": new_store_address(tmp_path, name)


@pytest.fixture(scope="session")
def t17_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """All of Timeline17 ingested and tracked together in one store, as a user would (built once per run)."""
    from storyline.ingest import ingest
    from storyline.readers import read_paths
    from storyline.tracker import refresh_stories

    topics = sorted((SHARED / "datasets" / "t17").glob("*/articles.jsonl"))
    if not topics:
        pytest.skip(f"{SHARED / 'datasets' / 't17'} not present")
    path = new_store_address(tmp_path_factory.mktemp("t17"), "t17")
    with open_store(path) as store:
        ingest(store, read_paths([str(p) for p in topics]))
        refresh_stories(store)
    return path


def largest_story_of(store: Store, topic: str):
    """The story holding most of a Timeline17 topic's articles (topics are the folders the articles came from)."""
    stories = store.stories()
    topic_of = {a.id: a.origin.split("/")[-2] for a in store.articles()}
    return max(stories, key=lambda s: sum(topic_of[i] == topic for i in s.article_ids))


@pytest.fixture
def store(new_db) -> Store:
    with open_store(new_db()) as s:
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
