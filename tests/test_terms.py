from datetime import date

from storyline.model import Article
from storyline.terms import NAME_WEIGHT, Weights, article_terms


def _a(i: int, text: str, day: int) -> Article:
    return Article(raw_text=text, text=text, published=date(2024, 2, day), id=f"a{i}")


def test_terms_boost_names_keep_numbers_and_drop_stop_words():
    terms, numbers = article_terms(
        _a(0, "Floods hit Orlen. The river rose 3 metres as Ada Quist watched.\nOrlen stayed calm in 2024.", 1)
    )
    assert terms["flood"] == 1.0, "capitalised only because it starts the text, and stemmed"
    assert terms["orlen"] == NAME_WEIGHT + 1.0, "a name inside a sentence, then at the start of one"
    assert terms["quist"] == NAME_WEIGHT and terms["ada"] == NAME_WEIGHT
    assert "the" not in terms and "as" not in terms
    assert "metr" in terms and "3" not in terms, "single digits are too common to tell events apart"
    assert numbers == {"2024": 1}


def test_inflections_of_one_word_count_together():
    words = article_terms(_a(0, "Talks on tapering went on. The Fed tapers, and markets watch the taper.", 1)).words
    assert words["taper"] == 3 and "tapering" not in words


def test_a_title_case_headline_names_nobody_and_a_short_text_reads_its_link():
    article = Article(raw_text="", text="Orlen Council Rebukes Harbour Board Over Delays", id="h",
                      url="https://news.example/2024/03/orlen-council-rebukes-harbour-board-delays-ferry.html")
    words = article_terms(article).words
    assert not any(key.startswith("=") for key in words), "every word is capitalised: no name is known"
    assert words["orlen"] == 1.0, "from the headline, not boosted as a name; the link does not count it again"
    assert words["ferri"] == 1.0, "the link adds what the headline left out"


def test_slug_words_skip_numbers_and_short_segments():
    from storyline.terms import slug_words

    assert slug_words("https://x.example/2014/03/10/mt-gox-files-for-bankruptcy-123.html?id=9") == [
        "mt", "gox", "files", "for", "bankruptcy"]
    assert slug_words("https://x.example/news/story") == [] and slug_words("") == []


def test_parallel_term_extraction_matches_serial(monkeypatch):
    from storyline import terms

    texts = ["Orlen floods: the Lune rose 2.5 metres.", "Kessport dock workers strike.", "Varrow bridge closed."]
    articles = [_a(i, f"{texts[i % 3]} Report {i + 10}.", 1 + i % 28) for i in range(60)]
    serial = [terms.article_terms(a) for a in articles]
    monkeypatch.setattr(terms, "PARALLEL_MIN", 10)
    monkeypatch.setattr(terms, "_CHUNK", 7)
    monkeypatch.setattr(terms.os, "cpu_count", lambda: 3)
    assert list(terms.terms_stream(articles)) == serial


def test_whole_names_are_one_more_term_with_short_forms_folded_in():
    article = _a(0, "Coach Mira Okafor praised the Lune Rovers. Okafor smiled at the Lune Rovers fans.", 1)
    words = article_terms(article).words
    assert words["=Mira Okafor"] == 2.0, "Okafor is Mira Okafor in this article"
    assert words["=Lune Rovers"] == 2.0 and "=Okafor" not in words
    assert not any(key.startswith("=") for key in article_terms(article, Weights(entities=0.0)).words)
