"""How fast the web app renders the story list and story pages for a store holding all of Timeline17.

Usage: python benchmarks/web.py [T17_DIR] [--db STORE]

Builds a store from T17 (or uses --db), brings its stories up to date, then
times, in process (no network), the story list, a search, and the pages of
the ten largest stories: the first view of a story computes its timeline
and entities and keeps them in the store; later views read them back.
Reports the median of five warm requests per page.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
from storyline.tracker import refresh_stories
from storyline.web import create_app

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"


def _ms(client: TestClient, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        sys.exit(f"{url}: HTTP {response.status_code}")
    return elapsed


def _warm(client: TestClient, url: str, runs: int = 5) -> float:
    return statistics.median(_ms(client, url) for _ in range(runs))


def main() -> None:
    args = sys.argv[1:]
    db = args[args.index("--db") + 1] if "--db" in args else None
    root = Path(next((a for a in args if not a.startswith("--") and a != db), DEFAULT))
    with tempfile.TemporaryDirectory() as tmp:
        if db is None:
            db = str(Path(tmp) / "t17.db")
            files = sorted(str(p) for p in root.glob("*/articles.jsonl"))
            if not files:
                sys.exit(f"no */articles.jsonl under {root}")
            with open_store(db) as store:
                ingest(store, read_paths(files))
        with open_store(db) as store:
            refresh_stories(store)
            articles, stories = store.count_articles(), store.stories()
        largest = sorted(stories, key=lambda s: -len(s.article_ids))[:10]
        client = TestClient(create_app(db))
        _ms(client, "/")  # templates compile once per process
        print(f"store: {articles} articles, {len(stories)} stories")
        print(f"story list (/):              {_warm(client, '/'):7.1f} ms")
        print(f"story list, page 10:         {_warm(client, '/?page=10'):7.1f} ms")
        print(f"search (/?q=oil+spill):      {_warm(client, '/?q=oil+spill'):7.1f} ms")
        print("story page                  articles   first view   warm (median of 5)")
        for story in largest:
            url = f"/stories/{story.id}"
            cold = _ms(client, url)
            print(f"  {url:24}  {len(story.article_ids):8}   {cold:8.0f} ms   {_warm(client, url):7.1f} ms")


if __name__ == "__main__":
    main()
