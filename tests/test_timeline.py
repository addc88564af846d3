from datetime import date

from storyline.model import Article
from storyline.sentences import split_sentences
from storyline.timeline import build_timeline, lead_sentence


def test_one_entry_per_dated_article_with_provenance():
    a = Article(raw_text="", text="Short.\nThe Orlen dam held during the night of the storm.", id="a",
                published=date(2024, 1, 9), source="Orlen Courier", url="https://o.example/dam")
    b = Article(raw_text="", text="Engineers inspected the Orlen dam after the storm passed.", id="b",
                published=date(2024, 1, 8))
    undated = Article(raw_text="", text="An undated note about the dam and the storm.", id="c")
    entries = build_timeline([a, b, undated], lambda art: split_sentences(art.id, art.text))
    assert [(e.date, e.article_id, e.sentence_index) for e in entries] == [
        (date(2024, 1, 8), "b", 0), (date(2024, 1, 9), "a", 1)]
    assert entries[1].text == "The Orlen dam held during the night of the storm."
    assert (entries[1].source, entries[1].url, entries[1].precision) == ("Orlen Courier", "https://o.example/dam", "day")


def test_lead_sentence_falls_back_to_the_first():
    sentences = split_sentences("x", "Too short.")
    assert lead_sentence(sentences).index == 0
    assert lead_sentence([]) is None
