"""Cost of listing what changed after an update, on Timeline17 (../shared/datasets/t17).

Usage: python benchmarks/changes.py [T17_DIR] [NEW]

Stores every article but the last few of each topic (NEW in all, default 30), clusters them and makes every
story's timeline and claims (what a reader of `serve` or `track` has seen), then ingests the held-back articles and times
the update, the first `changes --since last` (which makes the timelines of the stories that grew) and a second
one (from the kept timelines), and a run with nothing new. Reports seconds and peak memory.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from held_back import held_back

from storyline.changes import LAST, changes, story_histories
from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
from storyline.tracker import refresh_stories, warm_caches

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"


def _seconds(step) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return round(time.perf_counter() - start, 2), result


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    new = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        old_files, new_files = held_back(root, tmp, new)
        if not old_files:
            sys.exit(f"no */articles.jsonl under {root}")
        with open_store(tmp / "store.db") as store:
            ingest(store, read_paths(old_files))
            stories = refresh_stories(store)
            warm_s, _ = _seconds(lambda: [(warm_caches(store, [story]), story_histories(store, story))
                                          for story in stories])
            results = {"stored_articles": len(store.story_assignments()), "stories": len(stories),
                       "warm_timelines_and_claims_s": warm_s}
            report = ingest(store, read_paths(new_files))
            results["new_articles"] = report.stored
            results["update_s"], _ = _seconds(lambda: refresh_stories(store))
            results["changes_first_s"], found = _seconds(lambda: changes(store, LAST))
            results["stories_changed"] = len(found.stories)
            results["entries_added"] = sum(len(c.added) for c in found.stories)
            results["entries_replaced"] = sum(len(c.replaced) for c in found.stories)
            results["changes_again_s"], _ = _seconds(lambda: changes(store, LAST))
            store.note_update()
            results["nothing_new_s"], empty = _seconds(lambda: changes(store, LAST))
            results["nothing_new_stories"] = len(empty.stories)
        results["peak_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
