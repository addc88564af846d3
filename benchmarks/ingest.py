"""Ingest throughput and peak memory on Timeline17 (../shared/datasets/t17).

Usage: python benchmarks/ingest.py [T17_DIR]

Reads every TOPIC/articles.jsonl into a fresh SQLite store, the full
pipeline (read, clean, learn boilerplate, detect language, split sentences,
MinHash dedupe, store), and reports articles per second and peak memory.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(str(p) for p in root.glob("*/articles.jsonl"))
    if not files:
        sys.exit(f"no */articles.jsonl under {root}")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        report = ingest(store, read_paths(files))
        elapsed = time.perf_counter() - start
        size = (Path(tmp) / "bench.db").stat().st_size + (Path(tmp) / "bench.db-wal").stat().st_size
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"articles read:     {report.seen}")
    print(f"stored:            {report.stored} ({report.duplicates} near/exact duplicates grouped)")
    print(f"skipped:           {len(report.problems)}")
    print(f"wall time:         {elapsed:.1f} s")
    print(f"throughput:        {report.seen / elapsed:.0f} articles/s")
    print(f"peak memory (RSS): {peak_mib:.0f} MiB main process, {worker_mib:.0f} MiB largest worker")
    print(f"store size:        {size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
