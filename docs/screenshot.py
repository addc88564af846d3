"""Make docs/story-page.png, the README's picture of a story page, from the demo corpus.

Usage: python docs/screenshot.py [CHROMIUM]   (default: chromium on the PATH)
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import Store
from storyline.tracker import refresh_stories
from storyline.web import create_app

HERE = Path(__file__).resolve().parent


def main() -> None:
    chromium = sys.argv[1] if len(sys.argv) > 1 else shutil.which("chromium")
    if not chromium:
        sys.exit("no chromium found; pass its path")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        with Store(db) as store:
            ingest(store, read_paths([str(HERE.parent / "examples" / "demo")]), workers=1)
            story = max(refresh_stories(store), key=lambda s: len(s.article_ids))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/stories/{story.id}")
            page.screenshot(path=str(HERE / "story-page.png"), full_page=True)
            browser.close()
        server.should_exit = True
    print(HERE / "story-page.png")


if __name__ == "__main__":
    main()
