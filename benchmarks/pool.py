"""What the web app's connection pool saves on a PostgreSQL server.

Usage: python benchmarks/pool.py postgresql://user@host/database [REQUESTS]

Stores the demo corpus (examples/demo) in a new schema of that database, then times REQUESTS (default 200) API
requests in process (no network between client and app), twice: on an app that opens the store for every
request, as it does outside a running server, and on a running one (its lifespan), which borrows from its pool.
Reports the mean milliseconds a request, then drops the schema.
"""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
from fastapi.testclient import TestClient

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import open_store
from storyline.tracker import refresh_stories
from storyline.web import create_app

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
PATHS = ("/api/stories", "/api/stories/1")


def per_request(client: TestClient, path: str, requests: int) -> float:
    client.get(path)  # the first one warms caches in the app and the store
    start = time.perf_counter()
    for _ in range(requests):
        if client.get(path).status_code != 200:
            raise SystemExit(f"{path}: the app did not answer 200")
    return (time.perf_counter() - start) / requests * 1000


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    server, requests = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
    schema = f"storyline_pool_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        address = f"{server}{'&' if '?' in server else '?'}options={quote(f'-c search_path={schema}')}"
        with open_store(address) as store:
            ingest(store, read_paths([str(DEMO)]), workers=1)
            refresh_stories(store)
        for path in PATHS:
            connecting = per_request(TestClient(create_app(address)), path, requests)
            with TestClient(create_app(address)) as running:
                pooled = per_request(running, path, requests)
            print(f"{path:16s} connecting each time {connecting:5.1f} ms   pooled {pooled:5.1f} ms   a request")
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
