"""Many readers at once: `storyline serve` under 1 and under N concurrent clients, on a store you give.

Usage: python benchmarks/load.py STORE [--clients 1 20] [--requests 400] [--stories 20] [--port 8765] [--workers N]

Starts `storyline serve --db STORE` in its own process, asks each page once so the caches are warm (a story's
first view makes its timeline), then sends the same mix of requests (the story list, the pages of the largest
stories, their articles' pages, the JSON story list) from each number of concurrent clients and prints requests
per second, latency percentiles, and the cores the run kept busy (CPU seconds of the server's processes and of
this client, over the run's wall time: a run near the machine's cores cannot go faster on it). STORE may be a SQLite file or a postgresql:// address; it is not changed
(beyond the caches a first view keeps).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from storyline.store import StoryQuery, open_store


def page_mix(address: str, stories: int) -> list[str]:
    """The pages readers ask for most: the list, the largest stories, an article of each, the JSON list."""
    with open_store(address) as store:
        largest = store.find_stories(StoryQuery(sort="size", limit=stories))
    paths = ["/", "/api/stories"]
    for story in largest:
        paths += [f"/stories/{story.id}", f"/articles/{story.article_ids[0]}", f"/api/stories/{story.id}/timeline"]
    return paths


async def run(base: str, paths: list[str], clients: int, requests: int) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    failures = 0
    queue = [paths[i % len(paths)] for i in range(requests)]

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal failures
        while queue:
            path = queue.pop()
            start = time.perf_counter()
            response = await http.get(base + path)
            latencies.append(time.perf_counter() - start)
            failures += response.status_code != 200

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        return time.perf_counter() - start, latencies, failures


def session_cpu(session: int) -> float:
    """CPU seconds so far of every live process of a session (the server, its workers and warmer)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store")
    parser.add_argument("--clients", nargs="*", type=int, default=[1, 20])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    args = parser.parse_args()
    paths = page_mix(args.store, args.stories)
    server = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", args.store, "--port", str(args.port),
                               "--workers", str(args.workers)], stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/stories", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        asyncio.run(run(base, paths, 1, len(paths)))  # every page once: the caches warm
        print(f"{len(paths)} pages, {args.requests} requests a run, {args.workers} server process(es), "
              f"{os.cpu_count()} cores")
        print(f"{'clients':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7} {'cores busy':>11}")
        for clients in args.clients:
            cpu = session_cpu(server.pid) + sum(os.times()[:2])
            seconds, latencies, failures = asyncio.run(run(base, paths, clients, args.requests))
            busy = (session_cpu(server.pid) + sum(os.times()[:2]) - cpu) / seconds
            cuts = statistics.quantiles(latencies, n=100)
            print(f"{clients:>8} {args.requests / seconds:>8.1f} {1000 * cuts[49]:>8.1f} {1000 * cuts[98]:>8.1f} "
                  f"{failures:>7} {busy:>11.2f}", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
