"""End to end, as `storyline track` runs: JSONL files → read, clean, dedupe, store → stories, at growing sizes.

Usage: python benchmarks/pipeline.py [SIZE ...] [--t17 DIR] [--db ADDRESS] [--engine local|dask]
                                     [--workers N] [--scheduler ADDRESS] [--profile FILE]
(default sizes: 10000 100000; default store: a new SQLite file per size)

Corpora are Timeline17 resampled as benchmarks/stories.py does (each copy past the first 4,609 drops a random
fifth of its lines and moves up to 30 days), written as JSONL files of 10,000 records before the clock starts.
Each size runs in a fresh process, so its peak memory is its own. Printed per size: the rate of each stage
(ingest: reading, cleaning, language, sentences, MinHash, duplicates, the store; stories: events and stories
placed and saved; copies, grouped under their first article, are not clustered again), the whole rate, CPU milliseconds per article of this process and of its workers, and the peak
memory of this process and of its largest worker. --profile writes cProfile statistics of the run
(python -m pstats FILE).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

DEFAULT_T17 = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"
FILE_RECORDS = 10_000


def resampled_records(t17: Path, size: int, seed: int = 17) -> list[dict]:
    """``size`` raw records: Timeline17's articles, then perturbed copies of them (near, not exact, duplicates)."""
    pool = [json.loads(line) for path in sorted(t17.glob("*/articles.jsonl")) for line in path.open(encoding="utf-8")]
    pool = [r for r in pool if r.get("text", "").strip()]
    rng = random.Random(seed)
    records = []
    for i in range(size):
        record = pool[i] if i < len(pool) else rng.choice(pool)
        lines, day = record["text"].split("\n"), date.fromisoformat(record["date"])
        if i >= len(pool):
            lines = [s for s in lines if rng.random() > 0.2] or lines
            day += timedelta(days=rng.randint(-30, 30))
        records.append({"id": f"r{i}", "date": day.isoformat(), "source": record.get("source", ""),
                        "text": "\n".join(lines)})
    records.sort(key=lambda r: r["date"])
    return records


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_one(args: argparse.Namespace, size: int, folder: Path) -> dict:
    from storyline.engine import executor_for
    from storyline.ingest import ingest
    from storyline.readers import read_paths
    from storyline.store import open_store
    from storyline.tracker import refresh_stories

    records = resampled_records(args.t17, size)
    files = []
    for start in range(0, size, FILE_RECORDS):
        path = folder / f"part-{start // FILE_RECORDS:04d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[start:start + FILE_RECORDS]), encoding="utf-8")
        files.append(str(path))
    del records
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    cpu = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    with executor_for(args.engine, args.scheduler, args.workers) as executor, \
            open_store(args.db or folder / "bench.db") as store:
        start = time.perf_counter()
        report = ingest(store, read_paths(files), workers=args.workers, executor=executor)
        ingested = time.perf_counter()
        stories = refresh_stories(store)
        done = time.perf_counter()
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    main_cpu, workers_cpu = _cpu(resource.RUSAGE_SELF) - cpu[0], _cpu(resource.RUSAGE_CHILDREN) - cpu[1]
    return {
        "articles": size, "duplicates": report.duplicates, "stories": len(stories),
        "ingest_per_s": round(size / (ingested - start)), "stories_per_s": round(size / (done - ingested)),
        "seconds": round(done - start, 1), "per_s": round(size / (done - start)),
        "main_ms": round(1000 * main_cpu / size, 2), "workers_ms": round(1000 * workers_cpu / size, 2),
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_peak_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--t17", type=Path, default=DEFAULT_T17)
    parser.add_argument("--db", default="", help="a store address (e.g. postgresql://...); empty for SQLite")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--scheduler", default=None, help="a Dask scheduler's address (default: a local cluster)")
    parser.add_argument("--profile", default="", help="write cProfile statistics here")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.db and len(args.sizes) > 1:
        sys.exit("--db takes one size: each size needs an empty store")
    if not any(args.t17.glob("*/articles.jsonl")):
        sys.exit(f"no */articles.jsonl under {args.t17}")
    if args.one:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(run_one(args, args.sizes[0], Path(tmp))))
        return
    print(f"engine {args.engine}, workers {args.workers or 'one per core'}, store {args.db or 'SQLite'}")
    print(f"{'articles':>9} {'copies':>7} {'stories':>8} {'ingest/s':>9} {'stories/s':>10} {'seconds':>8} {'articles/s':>11} "
          f"{'main ms':>8} {'workers ms':>11} {'peak MiB':>9} {'worker MiB':>11}")
    for size in args.sizes:
        command = [sys.executable, __file__, str(size), "--one", "--t17", str(args.t17), "--engine", args.engine]
        for option in ("db", "workers", "scheduler", "profile"):
            if getattr(args, option):
                command += [f"--{option}", str(getattr(args, option))]
        row = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        print(f"{row['articles']:>9} {row['duplicates']:>7} {row['stories']:>8} {row['ingest_per_s']:>9} {row['stories_per_s']:>10} "
              f"{row['seconds']:>8} {row['per_s']:>11} {row['main_ms']:>8} {row['workers_ms']:>11} "
              f"{row['peak_mib']:>9} {row['worker_peak_mib']:>11}", flush=True)


if __name__ == "__main__":
    main()
