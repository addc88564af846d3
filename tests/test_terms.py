from datetime import date

from storyline.model import Article
from storyline.terms import NAME_WEIGHT, Weights, article_terms


def _a(i: int, text: str, day: int) -> Article:
    return Article(raw_text=text, text=text, published=date(2024, 2, day), id=f"a{i}")


def test_terms_boost_names_keep_numbers_and_drop_stop_words():
    terms, numbers = article_terms(
        _a(0, "Floods hit Orlen. The river rose 3 metres as Ada Quist watched.\nOrlen stayed calm in 2024.", 1)
    )
    assert terms["floods"] == 1.0, "capitalised only because it starts the text"
    assert terms["orlen"] == NAME_WEIGHT + 1.0, "a name inside a sentence, then at the start of one"
    assert terms["quist"] == NAME_WEIGHT and terms["ada"] == NAME_WEIGHT
    assert "the" not in terms and "as" not in terms
    assert "metres" in terms and "3" not in terms, "single digits are too common to tell events apart"
    assert numbers == {"2024": 1}


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
