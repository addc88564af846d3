"""Watching sources against a real HTTP server on 127.0.0.1 whose feed changes between polls."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.readers.web import Fetcher
from storyline.watch import parse_interval, poll, read_sources

ITEM = ("<item><title>{title}</title><link>/news/{n}</link><guid>kp-{n}</guid>"
        "<pubDate>Mon, 0{day} Apr 2024 09:00:00 GMT</pubDate><description>{text}</description></item>")
TEXTS = [
    ("Kessport dock strike begins", "Dock workers in Kessport walked out on Monday over pay, the Coastal Transport "
                                    "Union said, and ships queued outside the harbour by the evening."),
    ("Kessport ships wait", "Ships waited outside Kessport for a second day as the dock strike over pay went on, "
                            "union secretary Jonas Feldt said on Tuesday."),
    ("Kessport strike ends", "The Kessport dock strike ended on Wednesday after workers accepted a pay rise of "
                             "seven percent, union secretary Jonas Feldt said."),
]


class _Site(BaseHTTPRequestHandler):
    items = 2
    seen: list[tuple[str, dict[str, str]]] = []

    def log_message(self, *args) -> None:  # the test output stays quiet
        pass

    def do_GET(self) -> None:
        _Site.seen.append((self.path, dict(self.headers)))
        if self.path == "/feed.xml":
            etag = f'"v{_Site.items}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            body = "".join(ITEM.format(n=n, day=n + 1, title=t, text=x) for n, (t, x) in enumerate(TEXTS[:_Site.items]))
            self._send(200, f"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour Times</title>"
                            f"{body}</channel></rss>".encode(), "application/rss+xml", etag)
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        elif self.path == "/error":
            self._send(500, b"broken", "text/plain")
        elif self.path == "/garbage":
            self._send(200, bytes(range(256)) * 8, "application/octet-stream")
        elif self.path == "/latin1.html":
            page = ("<html><head><meta charset='ISO-8859-1'><title>Orlen caf\xe9 reopens | Orlen Post</title>"
                    "<meta name='date' content='2024-04-02'></head><body><article><h1>Orlen caf\xe9 reopens</h1>"
                    "<p>The old caf\xe9 on the Orlen quay reopened on Tuesday after a year of repairs, its owners "
                    "said, and the first guests queued along the harbour wall before nine in the morning.</p>"
                    "</article></body></html>")
            self._send(200, page.encode("latin-1"), "text/html")
        else:
            self._send(404, b"no such page", "text/plain")

    def _send(self, status: int, body: bytes, kind: str, etag: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site():
    _Site.items, _Site.seen = 2, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _fetcher() -> Fetcher:
    return Fetcher(timeout=0.5, retries=1, backoff=0.01, host_delay=0.0)


def test_two_polls_store_each_item_once_ask_conditionally_and_survive_bad_sources(site, store):
    sources = [f"{site}/feed.xml", f"{site}/slow", f"{site}/error", f"{site}/garbage", f"{site}/missing"]
    with _fetcher() as fetcher:
        first = {p.address: p for p in poll(store, sources, fetcher)}
        assert first[sources[0]].status == "new" and first[sources[0]].stored == 2
        assert "timed out" in first[sources[1]].error and "HTTP 500" in first[sources[2]].error
        assert first[sources[3]].problems and "HTTP 404" in first[sources[4]].error
        unchanged = {p.address: p for p in poll(store, sources, fetcher)}
        assert unchanged[sources[0]].status == "unchanged" and unchanged[sources[0]].stored == 0
        _Site.items = 3
        third = {p.address: p for p in poll(store, sources, fetcher)}
    assert third[sources[0]].stored == 1, "only the new item"
    feed_requests = [headers for path, headers in _Site.seen if path == "/feed.xml"]
    assert "If-None-Match" not in feed_requests[0] and feed_requests[1]["If-None-Match"] == '"v2"'
    assert all(h["User-Agent"].startswith("Storyline/") for h in feed_requests)
    assert store.count_articles() == 3
    assert {a.url for a in store.articles()} == {f"{site}/news/{n}" for n in range(3)}, "relative links resolved"
    state = store.source(sources[0])
    assert state.etag == '"v3"' and state.stored == 3 and store.source(sources[2]).status == "failed"


def test_a_watched_folder_reads_only_new_files(tmp_path, store):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2024-04-01 The Varrow ferry sailed again on Monday after repairs to its "
                                  "engine, the harbour master said.")
    with _fetcher() as fetcher:
        assert poll(store, [str(folder)], fetcher)[0].stored == 1
        (folder / "b.txt").write_text(" date 2024-04-02 The Varrow ferry carried a record number of passengers on "
                                      "Tuesday, the ferry company said.")
        again = poll(store, [str(folder)], fetcher)[0]
        gone = poll(store, [str(tmp_path / "nowhere")], fetcher)[0]
    assert again.stored == 1 and store.count_articles() == 2
    assert gone.status == "failed" and "no such folder" in gone.error


def test_cli_ingests_a_url_and_watches_once_with_an_exit_code_for_trouble(site, tmp_path, new_db):
    runner = CliRunner()
    db = new_db("w")
    page = runner.invoke(app, ["ingest", f"{site}/latin1.html", "--db", db, "--json"])
    assert page.exit_code == 0, page.output
    assert json.loads(page.stdout)["stored"] == 1
    sources = tmp_path / "sources.txt"
    sources.write_text(f"# my feeds\n{site}/feed.xml\n\n{site}/error\n")
    watched = runner.invoke(app, ["watch", str(sources), "--once", "--db", db, "--json"])
    assert watched.exit_code == 3 and "HTTP 500" in watched.stderr
    report = {row["source"]: row for row in json.loads(watched.stdout)}
    assert report[f"{site}/feed.xml"]["stored"] == 2
    assert runner.invoke(app, ["watch", str(sources), "--every", "soon", "--db", db]).exit_code == 2


def test_sources_lists_and_intervals(tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text('<opml version="2.0"><body><outline text="News"><outline xmlUrl="https://a.example/rss"/>'
                    '<outline xmlUrl="https://b.example/atom"/><outline xmlUrl="https://a.example/rss"/></outline>'
                    "</body></opml>")
    assert read_sources(opml) == ["https://a.example/rss", "https://b.example/atom"]
    assert parse_interval("15m") == 900 and parse_interval("90") == 90 and parse_interval("2h") == 7200
    with pytest.raises(ValueError):
        parse_interval("soon")
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    with pytest.raises(ValueError, match="names no feed"):
        read_sources(empty)
    assert Path(opml).exists()
