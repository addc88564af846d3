from storyline.clean import (
    MIN_REPEATS,
    clean_article,
    clean_text,
    detect_language,
    is_rule_boilerplate,
    line_key,
    line_keys,
    repeated_keys,
)
from storyline.model import Article


def test_rules_drop_prompts_but_not_prose_that_mentions_them():
    for line in ["Advertisement", "ADVERT", "Read more: Orlen wins again", "Share this article",
                 "Sign up for our newsletter and get it in your inbox", "© 2024 Orlen Courier",
                 "We use cookies. Read our privacy policy.",
                 "– Anzeige: Dieser Beitrag ist in Zusammenarbeit mit der Orlener Werft entstanden –",
                 "Sie haben sich soeben zu unserem Newsletter angemeldet.",
                 "Mit der Registrierung akzeptieren Sie unsere Datenschutzbestimmungen."]:
        assert is_rule_boilerplate(line), line
    for line in ["The newsletter editor resigned on Monday after a row over the paper's future.",
                 "Readers who subscribe will pay more from May, the publisher said.",
                 "Die Anzeige gegen den Bürgermeister wurde am Montag zurückgezogen."]:
        assert not is_rule_boilerplate(line), line


def test_rights_notices_and_continue_reading_links_go_in_each_language():
    for line in ["Riproduzione riservata", "Tutti i diritti riservati.", "Todos los derechos reservados.",
                 "Tous droits réservés.", "Alle Rechte vorbehalten.", "All rights reserved.", "Continua a leggere",
                 "Sigue leyendo", "Lire la suite", "Weiterlesen", "Vedi anche: il porto di Orlen chiude"]:
        assert is_rule_boilerplate(line), line
    assert not is_rule_boilerplate("I diritti riservati agli armatori di Orlen scadono a maggio, ha detto il sindaco.")
    text = "Il porto di Orlen ha chiuso.\nIl sindaco ha parlato con i portuali. © RIPRODUZIONE RISERVATA"
    assert clean_text(text) == "Il porto di Orlen ha chiuso.\nIl sindaco ha parlato con i portuali."
    assert clean_text("The © 2010 Orlen logo was shown on the ferry.") == "The © 2010 Orlen logo was shown on the ferry."


def test_line_key_ignores_case_spacing_and_numbers():
    assert line_key("Posted 3 days ago") == line_key("posted   12 days AGO")
    assert line_key("Posted 3 days ago") != line_key("Posted days ago later")


def test_repeated_lines_of_an_outlet_are_removed():
    footer = "Orlen Courier - your town, your news"
    text = f"The dam held.\n{footer}\nAdvertisement\nEngineers were relieved."
    counts = {line_key(footer): MIN_REPEATS}
    learned = repeated_keys(counts, line_keys(text))
    assert clean_text(text, learned) == "The dam held.\nEngineers were relieved."
    assert repeated_keys({line_key(footer): MIN_REPEATS - 1}, line_keys(text)) == set()


def test_a_promo_glued_to_the_last_paragraph_is_learned_and_cut_from_it():
    promo = "Orlen Data Terminal A faster feed for harbour traders"
    text = f"The dam held.\nEngineers were relieved. Repairs start in 2025. {promo}"
    assert line_key(promo) in line_keys(text)
    learned = repeated_keys({line_key(promo): MIN_REPEATS}, line_keys(text))
    assert clean_text(text, learned) == "The dam held.\nEngineers were relieved. Repairs start in 2025."
    assert clean_text(text) == text, "not learned: nothing is cut"
    credited = f"The dam held.\n(Reporting by Ann Lee; Editing by Bo Li) {promo}"
    assert clean_text(credited, learned) == "The dam held.\n(Reporting by Ann Lee; Editing by Bo Li)"
    ending = "Engineers were relieved, Mr. Varga said."
    assert line_keys(ending) == {line_key(ending)}, "an abbreviation's stop starts no sentence"


def test_a_chronology_an_outlet_repeats_is_kept():
    factbox = ["March 3 - Engineers find a crack in the Orlen dam .", "4 April: The town of Orlen is evacuated .",
               "* May 12 - Repairs begin on the dam ."]
    text = "\n".join(["The dam held on Monday .", *factbox, "Orlen Courier - your town, your news"])
    counts = {key: MIN_REPEATS for key in map(line_key, text.split("\n")[1:])}
    learned = repeated_keys(counts, line_keys(text))
    assert clean_text(text, learned) == "\n".join(["The dam held on Monday .", *factbox])
    assert not any(line_key(line) in line_keys(text) for line in factbox), "never counted as boilerplate"


def test_long_repeated_paragraphs_are_kept():
    background = "The dam was built in 1931 " + "and has been inspected every year since then " * 10
    assert line_key(background.strip()) not in line_keys(background)


def test_language_is_detected_unless_given():
    english = Article(raw_text="The council voted to rebuild the bridge over the river next spring.")
    spanish = Article(raw_text="El ayuntamiento votó para reconstruir el puente sobre el río la próxima primavera.")
    given = Article(raw_text="The council voted again.", language="en")
    assert clean_article(english).language == "en"
    assert clean_article(spanish).language == "es"
    assert clean_article(given).language == "en"
    assert detect_language("ok") == ""


def test_an_all_boilerplate_article_keeps_its_text():
    assert clean_article(Article(raw_text="Advertisement")).text == "Advertisement"


def test_an_unsure_guess_takes_the_language_of_its_outlet_or_batch():
    from storyline.clean import CONFIDENT, settle_languages

    def headline(text: str, source: str) -> Article:
        return clean_article(Article(raw_text=text, source=source))

    long_english = ("The council of Orlen met on Monday evening and voted to repair the old harbour wall, "
                    "which the winter storms had broken in three places, before the ferries return in spring.")
    batch = [headline(long_english, "Orlen Courier"), headline("Titanfall Launch Party Toronto Tonight", "Gamer Wire"),
             headline("Orlen Harbour Wall Vote", "Orlen Courier"),
             headline("El Gobierno aprueba la reforma del puerto", "Gamer Wire")]
    assert batch[0].language == "en" and batch[0].language_confidence >= CONFIDENT
    assert batch[1].language_confidence < CONFIDENT
    settle_languages(batch, {"Gamer Wire": "en"})
    assert [a.language for a in batch] == ["en", "en", "en", "es"], \
        "the outlet's or batch's language, unless the text's own stop words back the guess"


def test_a_given_language_is_never_second_guessed():
    from storyline.clean import settle_languages

    article = clean_article(Article(raw_text="Kessport", language="de"))
    settle_languages([article], {"": "en"})
    assert article.language == "de" and article.language_confidence == 1.0
