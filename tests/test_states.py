"""States read from sentences (a fictional film, "Iron Meadow", and a fictional case), and their histories."""

from datetime import date

from storyline.model import Article
from storyline.sentences import split_sentences
from storyline.states import state_claims, state_histories


def _claims(key: str, day: date, text: str, source: str):
    article = Article(raw_text=text, text=text, id=key, published=day, source=source)
    return state_claims(article, split_sentences(key, text))


def test_a_production_moves_on_a_follow_up_changes_course_and_a_credit_is_contradicted():
    found = [
        *_claims("a", date(2021, 3, 1), "A sequel to Iron Meadow is in the works at Lune Pictures. "
                                        "Ilsa Brandt is not sure whether the story goes forward or backward in time.",
                 "Lune Gazette"),
        *_claims("b", date(2021, 6, 1), "Ilsa Brandt said she started writing the film last month and that it may be "
                                        "a prequel. Iron Meadow came from a screenplay by Ilsa Brandt. The film follows "
                                        "a ferryman who must carry a stolen bell to Kessport, Orlenia.", "Orlen Post"),
        *_claims("c", date(2023, 2, 1), "Filming on Iron Meadow 2 has wrapped, but no release date has been "
                                        "announced. The new film tells its own story. Released in 2020, the film Iron "
                                        "Meadow was written by Tomas Rell and Ilsa Brandt and is set in Varnholm.",
                 "Kessport Herald"),
    ]
    histories = state_histories(found)
    assert [(s.claim.published, s.claim.value) for s in histories["production"]] == [
        (date(2021, 3, 1), "in development"), (date(2021, 6, 1), "writing"), (date(2023, 2, 1), "wrapped")]
    assert [s.claim.value for s in histories["follow-up"]] == ["not decided", "prequel", "a story of its own"]
    [credit] = histories["written by"]
    assert credit.claim.value == "Ilsa Brandt" and [c.value for c in credit.contradicted_by] == [
        "Tomas Rell and Ilsa Brandt"]
    [setting] = histories["set in"]
    assert setting.claim.value == "Kessport, Orlenia" and [c.value for c in setting.contradicted_by] == ["Varnholm"]
    assert not any(c.attribute == "production" and c.value == "released" for c in found), "released in 2020 is past"


def test_negated_stages_and_cases():
    assert _claims("a", date(2024, 1, 2), "No one has been arrested yet, the police said.", "") == []
    found = _claims("b", date(2024, 1, 9), "The driver was arrested on Monday and was charged with dangerous "
                                           "driving on Tuesday.", "")
    assert [(c.attribute, c.value) for c in found] == [("case", "charged")], "the furthest stage a sentence says"
    later = _claims("c", date(2024, 1, 3), "The driver was arrested on Monday.", "")
    steps = state_histories(later + found)["case"]
    assert [s.claim.value for s in steps] == ["arrested", "charged"]
