"""Figures read from sentences (fictional flood in Varrow), and their histories."""

from datetime import date

from storyline.claims import claims, histories
from storyline.model import Article
from storyline.sentences import split_sentences


def _article(key: str, day: int, text: str, source: str = "Lune Gazette") -> Article:
    return Article(raw_text=text, text=text, id=key, published=date(2024, 4, day), source=source)


def _claims(article: Article):
    return claims(article, split_sentences(article.id, article.text))


def test_figures_are_read_with_their_hedge_and_whether_they_are_running_totals():
    found = _claims(_article("a", 2, "The flood in Varrow killed at least 1,200 people, officials said. "
                                     "The death toll rose to 1.5 thousand on Tuesday. "
                                     "About 300 people were injured and 45 remain missing. "
                                     "Health workers reported 2,000 cases of cholera so far."))
    read = {(c.attribute, c.value, c.hedge, c.running) for c in found}
    assert ("dead", 1200, "at least", False) in read and ("dead", 1500, "", True) in read
    assert ("injured", 300, "about", False) in read and ("missing", 45, "", False) in read
    assert ("cases", 2000, "", True) in read
    assert all(c.text in found[0].text or c.sentence_index >= 0 for c in found)


def test_figures_about_the_past_questions_and_habits_are_no_claims():
    found = _claims(_article("a", 2, "The 1998 flood killed 4,000 people in the valley. "
                                     "Could 10,000 people have died? "
                                     "Floods kill about 500 people each year in the region. "
                                     "The flood killed 12 people in the 30% of Varrow that lies low."))
    assert [(c.attribute, c.value) for c in found] == [("dead", 12)]


def test_a_history_follows_running_totals_day_by_day_with_confirmations_and_revisions():
    articles = [
        _article("a", 1, "The death toll from the Varrow flood rose to 120."),
        _article("b", 1, "Officials said the death toll rose to 120.", source="Orlen Post"),
        _article("c", 1, "The flood killed 4 people in one street on Monday."),
        _article("d", 3, "The death toll has risen to 340, the mayor said."),
        _article("e", 4, "Officials revised the death toll to 310 after counting again."),
        _article("f", 6, "The death toll so far stands at 515."),
        _article("h", 6, "Rescuers said the death toll had reached 800.", source="Kessport Herald"),
        _article("g", 6, "In all, 90,000 people have been killed since records began, a historian said."),
    ]
    steps = histories(c for a in articles for c in _claims(a))["dead"]
    assert [(s.status, s.claim.value) for s in steps] == [
        ("first", 120), ("updated", 340), ("revised", 310), ("updated", 800)]
    assert [c.source for c in steps[0].confirmed_by] == ["Orlen Post"], "one outlet confirms, the same one does not"
    assert [(c.source, c.value) for c in steps[-1].contradicted_by] == [("Lune Gazette", 515)], "a tie: the higher"
    assert not steps[0].contradicted_by


def test_relations_between_two_figures():
    from dataclasses import replace

    from storyline.claims import relation

    def one(day: int, text: str, source: str = "Lune Gazette"):
        [claim] = _claims(_article(f"a{day}{source}", day, text, source))
        return claim

    first = one(1, "The death toll in Varrow rose to 120.")
    assert first.scope == "Varrow" and first.running
    assert relation(first, one(3, "The death toll in Varrow has risen to 340.")) == "updated"
    assert relation(first, one(2, "The death toll in Varrow stands at 120, officials said.")) == "same"
    assert relation(first, one(1, "The death toll in Varrow rose to 300.", "Orlen Post")) == "contradicted"
    assert relation(first, one(3, "The death toll in Orlen has risen to 40.")) == "unrelated", "another place"
    assert relation(first, one(3, "A wall fell on Tuesday, killing 9 people.")) == "unrelated", "one day's count"
    assert one(4, "Worldwide, the death toll rose to 900.").scope == "world"
    assert relation(first, replace(first, attribute="injured")) == "unrelated"
