"""Cost of an incremental story update on Timeline17 (../shared/datasets/t17).

Usage: python benchmarks/update.py [T17_DIR] [NEW]

Stores every article but the last NEW (default 3) of each topic, clusters
them into stories, then ingests the held-back articles and times the update
twice on copies of the same store: resuming from the clusterer's saved
state, and with the state removed (every stored story replayed), against
clustering everything from scratch. Reports seconds and peak memory.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from held_back import held_back, topic_files

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
from storyline.tracker import refresh_stories

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"


def _timed(db: Path, new_files: list[str], forget_state: bool) -> tuple[float, int]:
    with open_store(db) as store:
        if forget_state:
            with store.transaction():
                store.conn.execute("DELETE FROM clusterer_state")
        ingest(store, read_paths(new_files))
        start = time.perf_counter()
        stories = refresh_stories(store)
        return time.perf_counter() - start, len(stories)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    new = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        old_files, new_files = held_back(root, tmp, new * len(topic_files(root)))
        if not old_files:
            sys.exit(f"no */articles.jsonl under {root}")
        base = tmp / "base.db"
        with open_store(base) as store:
            ingest(store, read_paths(old_files))
            start = time.perf_counter()
            stored = len(refresh_stories(store))
            first = time.perf_counter() - start
            articles = len(store.story_assignments())
        results = {"stored_articles": articles, "stored_stories": stored, "first_clustering_s": round(first, 2)}
        for label, forget in (("resumed_from_state_s", False), ("replayed_s", True)):
            db = tmp / f"{label}.db"
            shutil.copy(base, db)
            seconds, stories = _timed(db, new_files, forget)
            results[label] = round(seconds, 2)
            results["stories_after"] = stories
        results["new_articles"] = new * len(new_files)
        results["peak_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
