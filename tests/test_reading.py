from datetime import date

from storyline.model import Article
from storyline.reading import read_article
from storyline.sentences import split_sentences


def _blog(text: str) -> Article:
    return Article(raw_text=text, text=text, id="l", published=date(2024, 5, 2), source="Lune Gazette")


def test_a_live_blog_update_is_read_from_the_day_its_stamp_names():
    blog = _blog("(Update 8:02 a.m. Friday) Kessport dock workers walked out on Friday morning.\n"
                 "Every ship in Kessport harbour stayed moored on Friday as the strike began.\n"
                 "(Update 6:40 p.m.) Kessport dock workers voted yesterday to strike over their pay.")
    named = [[found.value for found in dates] for _, dates in read_article(blog, split_sentences(blog.id, blog.text))]
    assert named == [[date(2024, 5, 3)], [date(2024, 5, 3)], [date(2024, 5, 2)]], \
        "a Thursday page, a Friday update, and one later that Friday"
