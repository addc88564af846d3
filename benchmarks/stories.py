"""Story clustering throughput and peak memory at growing corpus sizes.

Usage: python benchmarks/stories.py [SIZE ...] [--t17 DIR]   (default sizes: 1000 10000 100000)

It prints the CPU time of the main process (clustering) and of the process
extracting terms, per article: the wall time of a shared machine varies by
a fifth from hour to hour, CPU time much less.

Corpora larger than Timeline17 are synthesised by resampling its articles
and perturbing each copy (dropping a random fifth of its sentences and
shifting its date by up to 30 days), so that copies are near, not exact,
duplicates. Each size runs in a fresh process so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

DEFAULT_T17 = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"


def synthesize(t17: Path, size: int, seed: int = 17) -> list:
    from storyline.clean import clean_article
    from storyline.model import Article

    pool = []
    for path in sorted(t17.glob("*/articles.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if record.get("text", "").strip():
                pool.append(record)
    rng = random.Random(seed)
    articles = []
    for i in range(size):
        record = pool[i] if i < len(pool) else rng.choice(pool)
        lines = record["text"].split("\n")
        if i >= len(pool):
            lines = [s for s in lines if rng.random() > 0.2] or lines
        published = date.fromisoformat(record["date"]) + timedelta(days=rng.randint(-30, 30) if i >= len(pool) else 0)
        article = Article(raw_text="\n".join(lines), published=published, source=record.get("source", ""))
        articles.append(clean_article(article.identify()))
    articles.sort(key=lambda a: a.published)
    return articles


def run_one(t17: Path, size: int) -> dict:
    from storyline.stories import cluster_both

    articles = synthesize(t17, size)
    start, cpu = time.perf_counter(), (_cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN))
    events, stories = cluster_both(articles)
    seconds = time.perf_counter() - start
    main_cpu, workers_cpu = _cpu(resource.RUSAGE_SELF) - cpu[0], _cpu(resource.RUSAGE_CHILDREN) - cpu[1]
    return {
        "main_ms": round(1000 * main_cpu / size, 2), "workers_ms": round(1000 * workers_cpu / size, 2),
        "articles": size, "events": len(set(events)), "stories": len(set(stories)), "seconds": round(seconds, 1),
        "articles_per_s": round(size / seconds),
        "peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--t17", type=Path, default=DEFAULT_T17)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.t17, args.sizes[0])))
        return
    print(f"{'articles':>9} {'events':>8} {'stories':>8} {'seconds':>8} {'articles/s':>11} {'peak MiB':>9} "
          f"{'main CPU ms/article':>20} {'terms CPU ms/article':>21}")
    for size in args.sizes:
        child = subprocess.run([sys.executable, __file__, str(size), "--t17", str(args.t17), "--one"],
                               capture_output=True, text=True, check=True)
        row = json.loads(child.stdout)
        print(f"{row['articles']:>9} {row['events']:>8} {row['stories']:>8} {row['seconds']:>8} "
              f"{row['articles_per_s']:>11} {row['peak_mib']:>9} {row['main_ms']:>20} {row['workers_ms']:>21}")


if __name__ == "__main__":
    main()
