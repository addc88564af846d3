"""Sentence splitting and dates on real German and French pages (``../shared/datasets/html_pages``)."""

import re
from pathlib import Path

from conftest import SHARED, needs_shared

from storyline.clean import clean_article
from storyline.evaluation.dates import score_page_dates
from storyline.readers import read_paths
from storyline.sentences import split_sentences
from storyline.temporal import find_dates

PAGES = SHARED / "datasets" / "html_pages"


def _sentences(name: str):
    [article] = read_paths([str(PAGES / name)])
    article = clean_article(article.identify())
    return article, split_sentences(article.id, article.text)


@needs_shared("datasets", "html_pages")
def test_german_ordinals_do_not_end_sentences_on_real_pages():
    for name in ("netzpolitik.org.abmahnungen.html", "spiegel.de.albtraum.html"):
        _, sentences = _sentences(name)
        cut = [s.text for s in sentences if re.search(r"\b(?:am|im|vom|zum|der|die|das|den|dem) \d{1,2}\.$", s.text)]
        assert not cut, (name, cut)


@needs_shared("datasets", "html_pages")
def test_a_date_and_its_weekday_are_one_date_on_a_real_page():
    article, sentences = _sentences("spiegel.de.albtraum.html")
    dated = [find_dates(s.text, article.published, "de") for s in sentences if "26. Oktober" in s.text]
    assert dated and all(len(found) == 1 and found[0].value.month == 10 for found in dated)


@needs_shared("datasets", "html_pages")
def test_french_dates_on_a_real_page_fall_before_its_publication():
    article, sentences = _sentences("franceculture.fr.idees.html")
    days = [t.value for s in sentences for t in find_dates(s.text, article.published, "fr") if t.precision == "day"]
    assert days and all(day <= article.published for day in days)


@needs_shared("datasets", "html_pages")
def test_publication_dates_of_real_pages_against_hand_labels():
    labels = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "page_dates.json"
    result = score_page_dates(PAGES, labels)
    assert result.dated >= 90 and not result.missed
    assert result.accuracy >= 0.95, result.wrong  # 92 of 95 today
