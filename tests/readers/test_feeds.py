from datetime import date

import pytest
from conftest import SHARED, needs_shared

from storyline.model import Article
from storyline.readers.base import Problem, ReadError
from storyline.readers.feeds import read_feed

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Bexmoor Post</title><language>en-us</language>
<item><title>Bexmoor choir tours</title><link>https://b.example/1</link><guid>b1</guid>
<pubDate>Sat, 01 Apr 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The Bexmoor choir left for a tour of nine towns.&lt;/p&gt;&lt;p&gt;It returns in May.&lt;/p&gt;</description></item>
<item><title>Bexmoor bridge reopens to buses</title><link>/news/2</link></item>
<item><link>https://b.example/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Caddis Daily</title>
<entry><title>Caddis market moves</title><id>urn:c1</id><link href="https://c.example/1"/>
<updated>2023-05-02T09:00:00Z</updated><content type="html">&lt;p&gt;The Caddis market moved to the old quay.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_become_articles_a_title_alone_too_and_empty_ones_are_reported():
    items = list(read_feed(RSS, "https://b.example/feed.rss"))
    assert [type(i) for i in items] == [Article, Article, Problem]
    article = items[0]
    assert (article.title, article.source, article.language, article.url, article.published) == (
        "Bexmoor choir tours", "Bexmoor Post", "en", "https://b.example/1", date(2023, 4, 1))
    assert article.raw_text.endswith("The Bexmoor choir left for a tour of nine towns.\n\nIt returns in May.")
    assert items[1].raw_text == "Bexmoor bridge reopens to buses" and items[1].url == "https://b.example/news/2"
    assert items[2].where == "https://b.example/feed.rss#3"


def test_atom_content_and_updated_date():
    [article] = read_feed(ATOM, "f.atom")
    assert article.raw_text == "Caddis market moves\n\nThe Caddis market moved to the old quay.", "a short body"
    assert article.published == date(2023, 5, 2)


def test_items_sharing_a_boilerplate_body_stay_apart_when_stored(store):
    from storyline.ingest import ingest

    items = "".join(f"<item><title>Show HN: Bexmoor tool number {n}</title><link>https://h.example/{n}</link>"
                    f"<pubDate>Sat, 01 Apr 2023 10:00:00 GMT</pubDate><description>Comments</description></item>"
                    for n in range(30))
    feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>Hacks</title>{items}</channel></rss>"
    report = ingest(store, read_feed(feed, "hn.rss"), workers=1)
    assert report.stored == 30 and report.duplicates == 0


def test_json_feed_and_redirect_wrapped_links():
    feed = ('{"version": "https://jsonfeed.org/version/1.1", "title": "Orlen Notes", "home_page_url": '
            '"https://o.example/", "items": [{"id": "1", "url": "https://www.google.com/url?sa=t&url=https%3A%2F%2F'
            'o.example%2Fa", "title": "Orlen ferry returns", "content_html": "<p>The Orlen ferry returned to the '
            'harbour on Monday after a month of repairs in the yard, the ferry company said.</p>", '
            '"date_published": "2023-06-05T08:00:00Z"}, {"id": "2", "url": "/b", "title": "Orlen pier"}, 7]}')
    from storyline.readers import detect_format

    assert detect_format("notes", feed) == "feed"
    first, second, bad = read_feed(feed, "notes.json")
    assert first.url == "https://o.example/a" and first.published == date(2023, 6, 5)
    assert first.source == "Orlen Notes" and first.raw_text.startswith("Orlen ferry returns")
    assert second.url == "https://o.example/b" and second.raw_text == "Orlen pier"
    assert isinstance(bad, Problem) and "not an object" in bad.message


def test_feed_without_entries_is_refused():
    with pytest.raises(ReadError, match="no entries"):
        list(read_feed("<rss><channel><title>x</title></channel></rss>", "f.rss"))


@needs_shared("datasets", "feeds")
def test_real_feeds_read_whole_with_absolute_unwrapped_links():
    from storyline.readers import read_paths

    folder = SHARED / "datasets" / "feeds"
    for path in sorted(folder.iterdir()):
        items = list(read_paths([str(path)]))
        assert items and all(isinstance(i, Article) for i in items), (path.name, items[:1])
        assert all(i.url.startswith(("http://", "https://")) for i in items), path.name
        assert not any("google.com/url" in i.url for i in items), path.name
    assert len(list(read_paths([str(folder / "json_feed.json")]))) == 20
