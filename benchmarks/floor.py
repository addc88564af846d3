"""What the libraries the pipeline is built on cost per article by themselves, with none of Storyline's own work.

Usage: python benchmarks/floor.py [--t17 DIR] [--articles N]

For each of N Timeline17 articles, in one process, it times the calls `storyline track` cannot do without: JSON
decoding of the record, py3langid on the 600 characters the language is guessed from, a datasketch MinHash
(128 permutations) over the word 3-grams, and an SQLite insert of the text with its FTS5 search row (batches of
500 in one transaction). It prints the CPU milliseconds of each per article, their sum, and the articles per
second that sum leaves on this machine's cores if everything else were free: the ceiling of any pipeline made
of these parts here.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import time
import zlib
from pathlib import Path

DEFAULT_T17 = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"
_WORD = re.compile(r"\w+")


def _timed(name: str, items: list, call, costs: dict[str, float]) -> list:
    start = time.process_time()
    out = [call(item) for item in items]
    costs[name] = 1000 * (time.process_time() - start) / len(items)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--t17", type=Path, default=DEFAULT_T17)
    parser.add_argument("--articles", type=int, default=4000)
    args = parser.parse_args()
    from datasketch import MinHash
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    lines = [line for path in sorted(args.t17.glob("*/articles.jsonl")) for line in path.open(encoding="utf-8")]
    lines = lines[:args.articles]
    if not lines:
        raise SystemExit(f"no */articles.jsonl under {args.t17}")
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    template = MinHash(num_perm=128)

    def minhash(text: str) -> MinHash:
        words = _WORD.findall(text.lower())
        shingles = {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}
        sketch = MinHash(num_perm=128, hashfunc=zlib.crc32, permutations=template.permutations,
                          scheme=template.scheme)
        sketch.update_batch([s.encode() for s in shingles])
        return sketch

    database = sqlite3.connect(":memory:")
    database.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, text TEXT)")
    database.execute("CREATE VIRTUAL TABLE search USING fts5(text, content='articles', content_rowid='id')")

    def store(batch: list[tuple[int, str]]) -> None:
        with database:
            database.executemany("INSERT INTO articles VALUES (?, ?)", batch)
            database.executemany("INSERT INTO search (rowid, text) VALUES (?, ?)", batch)

    costs: dict[str, float] = {}
    records = _timed("JSON decoding", lines, json.loads, costs)
    texts = [record.get("text", "") for record in records]
    _timed("py3langid (600 characters)", texts, lambda text: identifier.classify(text[:600]), costs)
    _timed("datasketch MinHash of word 3-grams", texts, minhash, costs)
    batches = [list(enumerate(texts[i:i + 500], start=i)) for i in range(0, len(texts), 500)]
    start = time.process_time()
    for batch in batches:
        store(batch)
    costs["SQLite insert with FTS5 row"] = 1000 * (time.process_time() - start) / len(texts)
    total = sum(costs.values())
    cores = os.cpu_count() or 1
    print(f"{len(texts)} Timeline17 articles, CPU ms per article")
    for name, cost in costs.items():
        print(f"  {name:<36} {cost:6.3f}")
    print(f"  {'sum':<36} {total:6.3f}")
    print(f"ceiling on {cores} cores with nothing else done: {cores * 1000 / total:,.0f} articles/s")


if __name__ == "__main__":
    main()
