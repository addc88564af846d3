"""Entity extraction: the rule extractor on fictional sentences, and the spaCy path through the same interface."""

from __future__ import annotations

import pytest

from storyline import spacy_entities
from storyline.entities import RuleExtractor
from storyline.model import Article
from storyline.spacy_entities import (
    SpacyExtractor,
    SpacyTypedExtractor,
    installed_pipeline,
)


def _mentions(text: str, extractor=None) -> dict[str, str]:
    article = Article(raw_text=text, text=text, id="a1")
    return {m.text: m.type for m in (extractor or RuleExtractor()).mentions(article)}


def test_names_are_whole_phrases_with_titles_possessives_and_calendar_words_left_out():
    found = _mentions(
        "Yesterday the mayor met Dr. Ilsa Brandt in Varnholm. On Monday Korvath Industries said "
        "Ilsa Brandt’s plan for the Bank of Ostmark would wait until April."
    )
    assert "Ilsa Brandt" in found and "Varnholm" in found and "Bank of Ostmark" in found
    assert "Korvath Industries" in found
    assert not {"Yesterday", "On", "Monday", "April", "Dr.", "Ilsa Brandt’s"} & found.keys()


def test_i_with_a_curly_apostrophe_is_no_name():
    assert list(RuleExtractor().names("The ferry sailed. I’m glad, and I’ve told Korvath Lines so.")) == \
        ["Korvath Lines"]


def test_the_label_of_a_photo_credit_is_no_part_of_the_name_it_credits():
    text = ("The dunes of Varnholm shrank again, the survey found.\n(Credit: Ilsa Brandt / Korvath Courier)\n"
            "Foto: Anna Rossi\nThe survey was paid for by Credit Varnholm, the town's bank.")
    assert {"Ilsa Brandt", "Anna Rossi", "Credit Varnholm"} <= set(RuleExtractor().names(text))
    assert not any(name.startswith(("Credit:", "Foto:")) for name in RuleExtractor().names(text))


def test_a_word_capitalised_only_for_starting_a_sentence_is_not_a_name():
    found = _mentions("Lanterns were lit across the valley. Nobody in Quellport saw lanterns like these.")
    assert set(found) == {"Quellport"}


def test_types_come_from_the_words_around_a_mention():
    found = _mentions(
        "The film Iron Meadow was directed by director Ilsa Brandt and shot in Varnholm, Oskeria. "
        "Iron Meadow 2 streams on Streamly. Korvath Industries paid for it. "
        "Senator Odo Pike said the Petrov brothers would attend."
    )
    assert found["Iron Meadow"] == "work" and found["Iron Meadow 2"] == "work"
    assert found["Ilsa Brandt"] == "person" and found["Odo Pike"] == "person"
    assert found["Varnholm"] == "place" and found["Oskeria"] == "place"
    assert found["Streamly"] == "organisation" and found["Korvath Industries"] == "organisation"
    assert "Petrov brothers" in found, "a surname with 'brothers' names a group, not one person"


def test_role_nouns_are_kept_as_evidence():
    article = Article(raw_text="", text="The crew thanked director Ilsa Brandt on Friday.", id="a1")
    (mention,) = RuleExtractor().mentions(article)
    assert (mention.text, mention.type, mention.role) == ("Ilsa Brandt", "person", "director")
    assert article.text[mention.start:mention.end] == "Ilsa Brandt"


def test_title_case_headlines_are_skipped_but_names_inside_running_text_are_not():
    found = _mentions("Mayor Says The Bridge Will Open After The Storm\nThe mayor of Quellport spoke to Lina Vos.")
    assert set(found) == {"Quellport", "Lina Vos"}


def test_title_case_leaves_only_short_words_in_lower_case_and_a_contraction_is_no_lower_case_word():
    from storyline.entities import title_case

    assert title_case("Harbor Council Votes to Close the Old Pier")
    assert title_case("Ferry Union Doesn't Back the New Timetable")
    assert title_case("Quellport Launches New iGlow Lamps at Fair")
    assert not title_case("Mayor Okafor met Rhee and Dunmore in Portvale")
    assert not title_case("Die Stadt Quellport hat am Montag den Hafen geschlossen")


def test_camel_case_names_and_abbreviations_inside_names_are_kept_whole():
    names = list(RuleExtractor().names(
        "Shoppers queued for the iGlow 3 lamp and sold old ones on eMarket, said Ada deWitt Park, who hiked "
        "Mt. Velora with Mr. Okafor before the fair in St. Ambrose."
    ))
    assert names == ["iGlow 3", "eMarket", "Ada deWitt Park", "Mt. Velora", "Okafor", "St. Ambrose"]


def test_a_stop_after_an_abbreviation_that_ends_a_sentence_keeps_the_next_one_apart():
    assert list(RuleExtractor().names("The fire started on Kessler St. The crew from Quellport came.")) == \
        ["Kessler St", "Quellport"]


def test_a_kicker_before_a_colon_is_no_part_of_a_name_but_a_subtitle_is():
    extractor = RuleExtractor()
    assert list(extractor.names("Survey: Seagulls prefer the old pier")) == ["Seagulls"]
    assert list(extractor.names("Ada Quist read Ledger: The Final Count on the ferry.")) == \
        ["Ada Quist", "Ledger: The Final Count"]
    assert list(extractor.names("Ledger: The Final Count opens in Quellport")) == ["Ledger: The Final Count",
                                                                                   "Quellport"]


def test_german_nouns_after_an_article_and_stop_words_name_nothing_but_names_with_an_article_stay():
    text = ("Die Fähre nach Quellhafen fiel aus, sagte Lina Vogt. Im Hafen stand das Wasser hoch. "
            "Haben Sie die Spice Lanterns gehört? Das Geheimnis von Mara Brandt ist gelüftet, und die Fähre fährt "
            "wieder.")
    german = list(RuleExtractor().names(text, "de"))
    assert german == ["Quellhafen", "Lina Vogt", "Spice Lanterns", "Mara Brandt"]
    article = Article(raw_text=text, text=text, id="a1", language="de")
    assert [m.text for m in RuleExtractor().mentions(article)] == german
    assert {"Fähre", "Wasser", "Haben Sie"} <= set(RuleExtractor().names(text, "en"))  # English has no such rule


def test_names_view_matches_the_mentions():
    text = "Dr. Ilsa Brandt visited Varnholm. Brandt’s team stayed in Varnholm."
    extractor = RuleExtractor()
    assert list(extractor.names(text)) == [m.text for m in extractor.mentions(Article(raw_text=text, text=text))]


@pytest.fixture
def spacy_pipeline():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Ilsa Brandt"}, {"label": "GPE", "pattern": "Varnholm"},
        {"label": "WORK_OF_ART", "pattern": "Iron Meadow"}, {"label": "DATE", "pattern": "Friday"},
    ])
    return nlp


def test_spacy_path_returns_the_same_records(spacy_pipeline):
    text = "On Friday Ilsa Brandt showed Iron Meadow in Varnholm.\nIlsa Brandt’s crew cheered."
    article = Article(raw_text=text, text=text, id="a1")
    mentions = SpacyExtractor(spacy_pipeline).mentions(article)
    assert [(m.text, m.type, m.sentence_index) for m in mentions] == [
        ("Ilsa Brandt", "person", 0), ("Iron Meadow", "work", 0), ("Varnholm", "place", 0),
        ("Ilsa Brandt", "person", 1),
    ]
    assert all(text[m.start:m.end] == m.text for m in mentions), "offsets point into the article text"
    assert {m.text for m in RuleExtractor().mentions(article)} >= {m.text for m in mentions}


def test_an_installed_pipeline_types_the_rule_names_in_its_language(spacy_pipeline):
    spacy_pipeline.get_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Kessport"}])
    text = "Dock workers said Kessport would wait. Ilsa Brandt spoke in Varnholm."
    english = Article(raw_text=text, text=text, id="a1", language="en")
    typed = {m.text: m.type for m in SpacyTypedExtractor(spacy_pipeline).mentions(english)}
    assert typed["Kessport"] == "organisation", "the pipeline's type beats the rules' person cue (said)"
    assert typed["Ilsa Brandt"] == "person" and typed["Varnholm"] == "place"
    german = Article(raw_text=text, text=text, id="a2", language="de")
    assert {m.text: m.type for m in SpacyTypedExtractor(spacy_pipeline).mentions(german)} == _mentions(text)


def test_the_pipeline_used_by_default_is_the_one_named_or_the_best_installed(monkeypatch):
    monkeypatch.setenv("STORYLINE_SPACY", "none")
    assert installed_pipeline() is None
    monkeypatch.setenv("STORYLINE_SPACY", "xx_custom")
    assert installed_pipeline() == "xx_custom"
    monkeypatch.delenv("STORYLINE_SPACY")
    monkeypatch.setattr(spacy_entities, "_installed", lambda name: name in ("en_core_web_sm", "en_core_web_md"))
    assert installed_pipeline() == "en_core_web_md"


def test_spacy_pipeline_that_is_not_installed_is_a_clear_error():
    pytest.importorskip("spacy")
    with pytest.raises(RuntimeError, match="not installed"):
        SpacyExtractor("xx_no_such_pipeline")


@pytest.mark.parametrize("text", [
    "El alcalde Tomás Rell visitó el Banco de Ostmark en Varrow. Rell dijo que el plan sigue junto al río Lune.",
    "Le maire Tomás Rell a visité la Banque de Ostmark à Varrow. Rell déclare que le plan continue.",
])
def test_cues_in_other_languages(text):
    found = _mentions(text)
    assert found["Tomás Rell"] == "person" and found["Varrow"] == "place"
    assert found.get("Banco de Ostmark", found.get("Banque de Ostmark")) == "organisation"
