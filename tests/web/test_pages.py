"""Server-rendered pages: content, links, search, escaping."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from web.conftest import story_with

from storyline.web import create_app
from storyline.web.common import PAGE_SIZE


@pytest.fixture(scope="module")
def client(web_db):
    return TestClient(create_app(web_db))


def test_story_list_links_every_story_and_searches(client):
    page = client.get("/").text
    assert page.count('class="story-link"') >= 3 and "/static/style.css" in page
    found = client.get("/", params={"q": "Kessport"}).text
    assert "Kessport" in found and found.count('class="story-link"') < page.count('class="story-link"')
    assert "No story matches" in client.get("/", params={"q": "zebrafish"}).text


def test_a_search_lists_matching_articles_with_marked_snippets_and_filters_keep(client):
    page = client.get("/", params={"q": "Kessport strike", "min_articles": 1}).text
    assert 'class="hit-link"' in page and "<mark>Kessport</mark>" in page
    assert '<form class="filters"' in page and 'value="Kessport strike"' in page
    assert "No story matches" in client.get("/", params={"entity": "Jonas Feldt", "source": "Nobody Weekly"}).text
    named = client.get("/", params={"entity": "Jonas Feldt", "min_articles": 1}).text
    assert "Kessport" in named and 'href="/"' in named, "a filtered list offers to clear its filters"


def test_forms_sent_with_empty_fields_mean_not_given(client, web_db):
    story_id = story_with(web_db, "Harlan Street Bridge")
    assert client.get(f"/stories/{story_id}", params={"dates": "", "since": "", "until": ""}).status_code == 200
    listed = client.get("/", params={"q": "", "entity": "", "since": "", "until": "", "sort": "", "min_articles": 1})
    assert listed.status_code == 200 and 'class="story-link"' in listed.text


def test_the_story_list_folds_away_one_article_stories_until_asked(client):
    every = client.get("/api/stories", params={"limit": 200, "min_articles": 1}).json()["items"]
    single = sum(s["articles"] == 1 for s in every)
    assert client.get("/api/stories").json()["folded"] == single, "the API folds them too"
    page = client.get("/").text
    if single:
        assert f"and {single} smaller stor" in page and 'class="unfold"' in page
    unfolded = client.get("/", params={"min_articles": 1}).text
    assert unfolded.count('class="story-link"') == min(len(every), PAGE_SIZE)


def test_story_page_has_a_timeline_with_source_links_entities_and_sources(client, web_db):
    page = client.get(f"/stories/{story_with(web_db, 'Harlan Street Bridge')}").text
    assert '<div class="axis"' in page and 'class="tick"' in page and page.count('class="entry"') >= 2
    assert 'class="source-link" href="/articles/' in page and "#s" in page
    assert "Edith Marrow" in page and "Varrow Post" in page
    assert page.count('class="event"') >= 1 and page.count('<a href="/articles/') >= 2, "events list their articles"
    assert '<form class="timeline-options"' in page
    story_id = story_with(web_db, "Harlan Street Bridge")
    assert "No dated entries between these days" in client.get(f"/stories/{story_id}", params={"until": "1990-01-01"}).text


def test_article_text_is_escaped_and_javascript_urls_are_not_links(client):
    page = client.get("/articles/hostile-1").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Harlan Street Bridge&lt;/b&gt;" in page and "javascript:" not in page
    assert 'id="s0"' in page and "Part of the story" in page


def test_an_article_page_keeps_its_paragraphs():
    from storyline.model import Sentence
    from storyline.web.pages import paragraphs

    text = "First one. Second one.\nThird one."
    sentences = [Sentence("a", 0, 0, 10, "First one."), Sentence("a", 1, 11, 22, "Second one."),
                 Sentence("a", 2, 23, 33, "Third one.")]
    assert [[s.index for s in p] for p in paragraphs(text, sentences)] == [[0, 1], [2]]


def test_unknown_pages_are_404_pages(client):
    response = client.get("/stories/999999")
    assert response.status_code == 404 and "no story 999999" in response.text and "<html" in response.text
    assert client.get("/articles/nothing-here").status_code == 404


def test_language_chips_show_only_when_a_story_mixes_languages(client, web_db):
    page = client.get(f"/stories/{story_with(web_db, 'Harlan Street Bridge')}").text
    assert '<span class="precision">en</span>' not in page


def test_a_story_has_an_atom_feed_of_its_updates_and_a_what_changed_section(client, web_db):
    import xml.etree.ElementTree as ET

    story_id = story_with(web_db, "Harlan Street Bridge")
    response = client.get(f"/stories/{story_id}/feed.atom")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.text)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert feed.find(f"{atom}title").text.startswith("Storyline: ") and entries
    assert all(e.find(f"{atom}updated").text and e.find(f"{atom}id").text for e in entries)
    assert "&lt;li&gt;" in response.text or "<li>" in entries[0].find(f"{atom}content").text
    page = client.get(f"/stories/{story_id}").text
    assert 'href="/stories/%d/feed.atom"' % story_id in page
    assert client.get("/stories/999999/feed.atom").status_code == 404
