from datetime import date

import pytest

from storyline.readers.base import ReadError
from storyline.readers.html import page_date, read_html

PAGE = """<!doctype html><html><head><title>Orlen library reopens</title>
<meta property="og:site_name" content="Orlen Courier">
<meta property="article:published_time" content="2023-02-14T08:00:00Z"></head>
<body><nav>Home | Sport | Weather</nav><article><h1>Orlen library reopens</h1>
<p>The public library of Orlen reopened on Monday after two years of repairs to its flooded basement and roof.</p>
<p>Librarian Ada Quist said more than 600 readers came through the doors on the first day, many of them children.</p>
</article><footer>Cookie settings</footer></body></html>"""


def test_main_text_title_source_and_date_are_extracted():
    [article] = read_html(PAGE, "p.html")
    assert article.title == "Orlen library reopens"
    assert article.source == "Orlen Courier"
    assert article.published == date(2023, 2, 14)
    assert article.raw_text.startswith("The public library of Orlen reopened")
    assert "Home | Sport" not in article.raw_text and "Cookie" not in article.raw_text


def test_page_with_no_article_is_refused():
    with pytest.raises(ReadError, match="no article text"):
        list(read_html("<html><body><nav>Home</nav><p>Login</p></body></html>", "empty.html"))


def test_titles_lose_the_site_name_after_them():
    from storyline.readers.html import page_title

    assert page_title("Orlen café reopens | Orlen Post", "") == "Orlen café reopens"
    assert page_title("Bridge closes - The Lune Gazette", "lunegazette.example") == "Bridge closes"
    assert page_title("Kessport: the strike, day by day, as the workers and the owners told it", "") == \
        "Kessport: the strike, day by day, as the workers and the owners told it"
    assert page_title("Ships wait", "x.example") == "Ships wait"


def _dated_page(head: str, byline: str) -> str:
    return (f"<html><head><title>Orlen ferry returns</title>{head}</head><body><article><h1>Orlen ferry returns</h1>"
            f"<div class='byline'>{byline}</div><p>The ferry between Orlen and Kessport sailed again on Monday after "
            "its engine was rebuilt over the winter by the harbour's own fitters.</p></article></body></html>")


@pytest.mark.parametrize("head, byline", [
    ('<meta name="last-modified" content="2024-03-09T10:00:00+01:00">',
     '<time datetime="2024-03-02T08:00:00+01:00">2 March 2024</time>'),
    ("", '<span class="updated hidden">2024-03-09T10:00:00+01:00</span><span>March 2nd, 2024</span>'),
])
def test_a_stamp_of_the_last_change_does_not_hide_the_date_shown(head, byline):
    assert page_date(_dated_page(head, byline)) == "2024-03-02"


def test_the_date_of_a_linked_teaser_is_that_pages_not_this_ones():
    teaser = ('<div class="related"><a href="/kessport-strike"><h2>Kessport dockers strike '
              '<span class="date">09.03.2024</span></h2></a></div>')
    page = _dated_page("", "<ul><li><strong>Date</strong> 02.03.2024</li></ul>").replace("<article>", teaser + "<article>")
    assert page_date(page) == "2024-03-02"


def test_a_date_marked_both_posted_and_updated_is_the_date_and_a_lone_update_stamp_still_dates_a_page():
    assert page_date(_dated_page("", '<span class="post-date date updated">March 9, 2024</span>')) == "2024-03-09"
    assert page_date(_dated_page('<meta name="last-modified" content="2024-03-09T10:00:00+01:00">', "")) == \
        "2024-03-09"
