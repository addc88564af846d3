from datetime import date

import pytest

from storyline.model import Article
from storyline.readers.base import Problem, ReadError
from storyline.readers.feeds import read_feed

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Bexmoor Post</title><language>en-us</language>
<item><title>Bexmoor choir tours</title><link>https://b.example/1</link><guid>b1</guid>
<pubDate>Sat, 01 Apr 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The Bexmoor choir left for a tour of nine towns.&lt;/p&gt;&lt;p&gt;It returns in May.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://b.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Caddis Daily</title>
<entry><title>Caddis market moves</title><id>urn:c1</id><link href="https://c.example/1"/>
<updated>2023-05-02T09:00:00Z</updated><content type="html">&lt;p&gt;The Caddis market moved to the old quay.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_become_articles_and_empty_ones_are_reported():
    items = list(read_feed(RSS, "f.rss"))
    assert [type(i) for i in items] == [Article, Problem]
    article = items[0]
    assert (article.title, article.source, article.language, article.url, article.published) == (
        "Bexmoor choir tours", "Bexmoor Post", "en", "https://b.example/1", date(2023, 4, 1))
    assert article.raw_text == "The Bexmoor choir left for a tour of nine towns.\n\nIt returns in May."
    assert items[1].where == "f.rss#2"


def test_atom_content_and_updated_date():
    [article] = read_feed(ATOM, "f.atom")
    assert article.raw_text == "The Caddis market moved to the old quay."
    assert article.published == date(2023, 5, 2)


def test_feed_without_entries_is_refused():
    with pytest.raises(ReadError, match="no entries"):
        list(read_feed("<rss><channel><title>x</title></channel></rss>", "f.rss"))
