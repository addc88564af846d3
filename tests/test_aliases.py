"""Alias resolution on fictional articles: each rule, and the cases that must stay apart."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from storyline.aliases import canonical_counts, one_name, resolve
from storyline.entities import RuleExtractor
from storyline.model import Article, Entity


def _article(key: str, text: str, day: int = 1) -> Article:
    return Article(raw_text=text, text=text, id=key, published=date(2024, 3, day))


def _resolve(articles: list[Article], story_of: dict[str, int] | None = None) -> dict[str, Entity]:
    extractor = RuleExtractor()
    entities = resolve(articles, {a.id: extractor.mentions(a) for a in articles}, story_of)
    return {e.name: e for e in entities}


def test_a_surname_resolves_to_the_only_full_name_in_the_article():
    entities = _resolve([_article("a", "Coach Mira Okafor praised the team. Okafor said the season was long.")])
    assert "Okafor" in entities["Mira Okafor"].aliases and "Okafor" not in entities
    (link,) = entities["Mira Okafor"].links
    assert (link.alias, link.rule) == ("Okafor", "short form in article") and 0 < link.confidence <= 1
    assert link.evidence


def test_a_first_name_resolves_too():
    entities = _resolve([_article("a", "Mira Okafor arrived late. Mira then spoke to the press.")])
    assert entities["Mira Okafor"].aliases == ["Mira"] and entities["Mira Okafor"].mentions == 2


def test_a_surname_shared_by_two_people_goes_to_the_one_named_far_more_often():
    text = ("Tomas Rell thanked his sister Ada Rell. Tomas Rell said the bakery would reopen. "
            "Tomas Rell smiled. Rell said more later.")
    entities = _resolve([_article("a", text)])
    assert "Rell" in entities["Tomas Rell"].aliases and "Rell" not in entities["Ada Rell"].aliases
    assert entities["Tomas Rell"].links[0].confidence < 0.9, "a dominant choice is less sure than a unique one"


def test_a_surname_shared_by_two_people_named_equally_stays_unresolved():
    entities = _resolve([_article("a", "Tomas Rell met Ada Rell. Rell said the bakery would reopen.")])
    assert "Rell" in entities and not entities["Tomas Rell"].aliases and not entities["Ada Rell"].aliases


def test_a_short_form_alone_in_its_article_resolves_within_the_story_not_across_stories():
    articles = [
        _article("a1", "Farmer Jon Baker won the pumpkin prize in Dunmere.", 1),
        _article("a2", "The judges said Baker grew the heaviest pumpkin.", 2),
        _article("b1", "Pianist Anna Baker opened the festival in Korlis.", 3),
        _article("b2", "Critics said Baker played for two hours.", 4),
    ]
    entities = _resolve(articles, {"a1": 1, "a2": 1, "b1": 2, "b2": 2})
    assert entities["Jon Baker"].article_ids == ["a1", "a2"]
    assert entities["Anna Baker"].article_ids == ["b1", "b2"]
    assert entities["Jon Baker"].links[0].rule == "short form in story"
    assert "Baker" not in entities, "each story's Baker is that story's person"


def test_two_titles_with_the_same_companions_never_side_by_side_are_one_work():
    articles = [
        _article("a1", "The film Iron Meadow stars Lina Vos and Odo Pike. Director Ilsa Brandt shot it in Varnholm. "
                       "Iron Meadow follows the farmer Kel Arden. Iron Meadow 2 is planned.", 1),
        _article("a2", "Fans of Iron Meadow cheered when Lina Vos returned. Ilsa Brandt will direct again.", 2),
        _article("b1", "The movie Campo de Hierro, with Lina Vos and Odo Pike, was shot in Varnholm by "
                       "director Ilsa Brandt. Campo de Hierro tells of Kel Arden. Campo de Hierro 2 is filming.", 9),
    ]
    entities = _resolve(articles, {"a1": 1, "a2": 1, "b1": 1})
    work = entities["Iron Meadow"]
    assert work.type == "work" and "Campo de Hierro" in work.aliases and "Campo de Hierro" not in entities
    link = next(link for link in work.links if link.alias == "Campo de Hierro")
    assert link.rule == "same companions" and 0 < link.confidence <= 1
    for name in ("Lina Vos", "Ilsa Brandt", "Kel Arden"):
        assert name in link.evidence
    assert "director" in link.evidence, "the role each companion was introduced with"
    sequel = entities["Iron Meadow 2"]
    assert sequel.aliases == ["Campo de Hierro 2"] and sequel.links[0].rule == "numbered title"
    assert (work.first, work.last) == (date(2024, 3, 1), date(2024, 3, 9))


def test_titles_named_side_by_side_or_with_other_people_stay_apart():
    articles = [
        _article("a1", "The film Iron Meadow stars Lina Vos and Odo Pike, directed by Ilsa Brandt. "
                       "Iron Meadow beat the film Salt Road at the box office.", 1),
        _article("a2", "The film Salt Road stars Lina Vos and Odo Pike, directed by Ilsa Brandt. Salt Road won.", 2),
        _article("a3", "The film Grey Lantern stars Pim Sorel and Tove Lind, directed by Aki Maro. "
                       "Grey Lantern opened.", 3),
        _article("a4", "The film Iron Meadow stars Lina Vos and Odo Pike, directed by Ilsa Brandt. "
                       "Iron Meadow opened.", 4),
    ]
    entities = _resolve(articles)
    assert {"Iron Meadow", "Salt Road", "Grey Lantern"} <= entities.keys()
    assert not any(link.rule == "same companions" for e in entities.values() for link in e.links)


def test_installments_of_one_series_are_not_aliases():
    articles = [
        _article("a1", "The film Harbor Nights: Dawn stars Lina Vos and Odo Pike, directed by Ilsa Brandt. "
                       "Harbor Nights: Dawn opened.", 1),
        _article("a2", "The film Harbor Nights: Dusk stars Lina Vos and Odo Pike, directed by Ilsa Brandt. "
                       "Harbor Nights: Dusk opened.", 2),
    ]
    entities = _resolve(articles, {"a1": 1, "a2": 1})
    assert {"Harbor Nights: Dawn", "Harbor Nights: Dusk"} <= entities.keys()


def test_canonical_counts_fold_short_forms_of_one_article():
    counts = canonical_counts({"mira okafor": 1, "okafor": 2, "rell": 1, "tomas rell": 1, "ada rell": 1})
    assert counts == {"mira okafor": 3, "rell": 1, "tomas rell": 1, "ada rell": 1}


def test_transliterations_of_one_name_are_one_entity_and_alike_names_side_by_side_are_two():
    articles = [
        _article("a", "Colonel Khalim Qadrafi spoke in Varnholm. Qadrafi said his army would fight on."),
        _article("b", "Khalim Gadrafi left Varnholm on Monday, officials said.", 2),
        _article("c", "Rebels said Khalim Kadhrafi had fled. Kadhrafi was not seen again.", 3),
        _article("d", "Hassan Oduya and Hussein Oduya, two brothers, met Khalim Qadrafi in Varnholm.", 4),
    ]
    entities = _resolve(articles, {a.id: 1 for a in articles})
    khalim = entities["Khalim Qadrafi"]
    assert {"Khalim Gadrafi", "Khalim Kadhrafi", "Kadhrafi"} <= set(khalim.aliases) and khalim.type == "person"
    assert {link.rule for link in khalim.links} >= {"other spelling"}
    assert "Hassan Oduya" in entities and "Hussein Oduya" in entities, "named together: two people"


def test_initials_join_the_name_they_abbreviate_and_take_its_type():
    text = ("The Coastal Transport Union called a strike. The C.T.U. said ships would wait. "
            "A C.T.U. spokesman, Ada Quist, said pay was the issue.")
    entities = _resolve([_article("a", text)])
    union = entities.get("C.T.U.") or entities["Coastal Transport Union"]
    assert {union.name, *union.aliases} >= {"C.T.U.", "Coastal Transport Union"}
    assert union.type == "organisation" and union.mentions == 3
    assert any(link.rule == "initials" for link in union.links)


def test_a_possessive_or_a_modifier_does_not_take_the_cue_of_its_noun():
    text = ("Villagers fled from Khalim Qadrafi 's soldiers. Rebels stood in Qadrafi 's hometown. "
            "Jets struck Qadrafi positions near Varnholm. Qadrafi said he would stay.")
    entities = _resolve([_article("a", text)])
    assert entities["Khalim Qadrafi"].type == "person" and "Qadrafi" in entities["Khalim Qadrafi"].aliases


def test_a_surname_with_its_article_and_a_title_before_the_name_resolve_to_one_person():
    entities = _resolve([_article("a", "Ostmarian President Hadi al-Karam spoke in Varnholm on Monday. "
                                       "Karam said the border would stay open.")])
    hadi = entities["Hadi al-Karam"]
    assert hadi.type == "person" and "Karam" in hadi.aliases
    assert not {"Ostmarian President Hadi", "Karam", "Ostmarian President Hadi al-Karam"} & entities.keys()


def test_a_rare_spelling_met_once_beside_a_common_one_is_still_that_name():
    articles = [_article(f"c{n}", f"Khalim Qadrafi spoke in Varnholm, report {n} said.", 1 + n % 20)
                for n in range(40)]
    articles.append(_article("r", "Khalim Gadrafi left Varnholm. Khalim Qadrafi did not.", 21))
    entities = _resolve(articles, {a.id: 1 for a in articles})
    assert "Khalim Gadrafi" in entities["Khalim Qadrafi"].aliases and "Khalim Gadrafi" not in entities


@given(st.dictionaries(st.text("aB -", min_size=1, max_size=5), st.sampled_from(["X", "Yy", "Z z"]), max_size=8),
       st.lists(st.text("aB -", max_size=30), max_size=5))
@example({"a": "X", "a B": "Yy"}, ["a B a"])
def test_aliases_are_replaced_as_a_flat_longest_first_alternation_would(aliases, texts):
    flat = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
                      + r")(?!\w)")
    expected = [flat.sub(lambda m: aliases[m[0]], text) for text in texts] if aliases else texts
    assert (one_name(texts, aliases) if aliases else texts) == expected
