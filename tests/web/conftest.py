"""A store built from the demo corpus (fictional) plus an article that tries to run a script."""

from __future__ import annotations

import json

import pytest
from conftest import DEMO, new_store_address

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import StoryQuery, open_store
from storyline.tracker import refresh_stories

HOSTILE = {
    "id": "hostile-1", "date": "2024-06-04", "source": "Varrow Post", "url": "javascript:alert(2)",
    "title": "Harlan Street Bridge <script>alert(1)</script> reopens",
    "text": "The Harlan Street Bridge in Varrow reopened on Monday <script>alert(1)</script> after repairs. "
            "Engineer Edith Marrow said the <b>Harlan Street Bridge</b> was safe for traffic again.",
}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = new_store_address(folder, "web")
    with open_store(path) as store:
        ingest(store, read_paths([str(DEMO), str(hostile)]), workers=1)
        refresh_stories(store)
    return path


def story_with(store_path: str, words: str) -> int:
    with open_store(store_path) as store:
        return store.find_stories(StoryQuery(text=words))[0].id


@pytest.fixture
def fresh_db(new_db) -> str:
    return new_db("fresh")
