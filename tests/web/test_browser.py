"""The real app in headless Chromium (the system's browser, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from storyline.web import create_app

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no Chromium on this machine (Debian: apt install chromium)")


@pytest.fixture(scope="module")
def base_url(web_db) -> Iterator[str]:
    yield from _serve(web_db)


def _serve(db: str) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


def test_search_open_a_story_follow_a_source_and_screenshot(browser, base_url, tmp_path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(base_url + "/")
    assert page.locator("a.story-link").count() >= 3
    page.fill("input[name=q]", "Harlan Street Bridge")
    page.click("button[type=submit]")
    page.wait_for_url("**/?q=*")
    link = page.locator("a.story-link").first
    assert "Varrow" in link.inner_text() or "Harlan" in link.inner_text()
    link.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("ol.timeline li.entry").count() >= 2
    dots = page.locator(".axis a.dot").all_inner_texts()
    assert sum(int(text or 1) for text in dots) == page.locator("ol.timeline li.entry").count(), "a dot per entry"
    sources = page.locator("a.source-link")
    assert sources.count() >= 2
    shot = tmp_path / "story.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    href = sources.first.get_attribute("href")
    sources.first.click()
    page.wait_for_url("**/articles/*")
    sentence = href.split("#", 1)[1]
    assert page.locator(f"span#{sentence}").is_visible()
    assert page.locator("p.in-story a").count() == 1


def test_a_script_in_an_article_is_shown_as_text_and_never_runs(browser, base_url):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "/articles/hostile-1")
    assert "<script>alert(1)</script>" in page.locator("article.text").inner_text()
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page.goto(base_url + "/?q=Harlan")
    page.locator("a.story-link").first.click()
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("script").count() == 0, "the app itself ships no JavaScript"


@pytest.fixture(scope="module")
def t17_url(t17_db) -> Iterator[str]:
    yield from _serve(t17_db)


def _boxes(page, selector: str) -> list[dict]:
    return [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]


@pytest.mark.slow
@pytest.mark.parametrize("width", [1366, 390])
def test_timeline17_reads_well_on_a_desktop_and_a_phone(browser, t17_url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(t17_url + "/")
    counts = [int(cell) for cell in page.locator("table.stories td.num:nth-child(2)").all_inner_texts()]
    assert counts and min(counts) >= 2, "one-article stories are folded away"
    assert "smaller stories" in page.locator("p.list-options").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "nothing sticks out sideways"
    page.fill("input[name=entity]", "Gaddafi")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**entity=Gaddafi*")
    libya = page.locator("a.story-link").first
    assert "Libya" in libya.inner_text()
    libya.click()
    page.wait_for_url("**/stories/*")
    assert page.evaluate("document.documentElement.scrollHeight") < 8000
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    ticks = _boxes(page, ".axis .tick")
    assert len(ticks) >= 2 and all(box["width"] > 0 for box in ticks), "the axis is labelled"
    for left, right in zip(ticks, ticks[1:]):
        assert left["x"] + left["width"] <= right["x"], "axis labels do not overlap"
    dots = _boxes(page, ".axis .dot")
    for left, right in zip(dots, dots[1:]):
        assert left["x"] + left["width"] <= right["x"] + 1, "close dates share a dot"
