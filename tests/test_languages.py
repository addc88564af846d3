"""Languages beyond English, on fictional articles in six languages: detection, stop words, sentences,
stories across languages and the whole pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.clean import clean_article
from storyline.lexicon import stop_words
from storyline.readers import read_paths
from storyline.sentences import split_sentences
from storyline.stories import cluster
from storyline.terms import article_terms

FIXTURE = Path(__file__).parent / "fixtures" / "multilingual.jsonl"


@pytest.fixture(scope="module")
def articles():
    found = [clean_article(a.identify()) for a in read_paths([str(FIXTURE)])]
    assert len(found) == 12
    return found


def test_each_article_language_is_detected(articles):
    assert [a.language for a in articles] == [a.metadata["expected_language"] for a in articles]
    assert {a.language for a in articles} == {"en", "es", "fr", "it", "de", "pt"}


@pytest.mark.parametrize(("language", "common", "content"), [
    ("en", "the", "bridge"), ("es", "los", "puente"), ("fr", "les", "pont"), ("it", "gli", "ponte"),
    ("de", "die", "brücke"), ("pt", "os", "ponte"),
])
def test_stop_words_per_language(language, common, content):
    assert common in stop_words(language) and content not in stop_words(language)


def test_terms_drop_the_article_languages_stop_words(articles):
    for article in articles:
        words = article_terms(article).words
        assert not words.keys() & {"el", "los", "les", "des", "gli", "die", "der", "os", "the", "de"}, article.id


@pytest.mark.parametrize(("language", "text", "count"), [
    ("es", "La Sra. Marrow habló con el Dr. Feldt. Luego votó el consejo.", 2),
    ("fr", "M. Feldt et Mme Vos sont arrivés. Le conseil a voté.", 2),
    ("it", "Il sig. Feldt e la dott.ssa Vos sono arrivati. Il consiglio ha votato.", 2),
    ("de", "Hr. Feldt kam um ca. 9 Uhr, z.B. mit dem Zug. Der Rat stimmte ab.", 2),
    ("pt", "A Sra. Vos falou com o Dr. Feldt. Depois o conselho votou.", 2),
    ("es", "¿Quién pagará el puente? ¡Nadie lo sabe! El consejo calla.", 3),
])
def test_sentence_splitting_keeps_abbreviations_inside_sentences(language, text, count):
    assert len(split_sentences("a", text)) == count, language


def test_the_same_event_in_several_languages_is_one_story_and_different_events_are_not(articles):
    stories = {frozenset(articles[i].metadata["story"] for i in group): [articles[i].language for i in group]
               for group in cluster(articles)}
    assert set(stories) == {frozenset({"bridge"}), frozenset({"strike"}), frozenset({"festival"})}
    assert sorted(stories[frozenset({"bridge"})]) == ["de", "es", "es", "fr", "fr", "it"]
    assert sorted(stories[frozenset({"strike"})]) == ["es", "es", "pt"], "two Spanish events stay apart"


@pytest.mark.parametrize(("language", "expected"), [
    ("es", {("2024-01-31", "day"), ("2024-03-20", "week"), ("2024-02-03", "day")}),  # ayer, hace tres semanas, el sábado
    ("fr", {("2024-03-04", "day"), ("2024-03-21", "week"), ("2024-05-19", "day")}),  # lundi, il y a trois semaines, dimanche
])
def test_the_whole_pipeline_on_one_language(tmp_path, language, expected, new_db):
    from typer.testing import CliRunner

    from storyline.cli import app

    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / f"{language}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows
                            if r["expected_language"] == language), encoding="utf-8")
    db = new_db("s")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(path), "--db", db]).exit_code == 0
    stories = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert sorted(s["articles"] for s in stories) == [2, 2], "two events, two articles each"
    dated = set()
    for story in stories:
        entries = json.loads(runner.invoke(app, ["timeline", str(story["id"]), "--db", db, "-f", "json"]).stdout)["entries"]
        assert entries and all(e["language"] == language for e in entries), "entries stay in their language"
        dated |= {(e["date"], e["precision"]) for e in entries}
    assert expected <= dated


def test_an_article_mixing_languages_dates_each_paragraph_in_its_own():
    from datetime import date

    from storyline.clean import language_at
    from storyline.model import Article
    from storyline.sentences import split_sentences
    from storyline.timeline import build_timeline

    text = ("The Varrow council met on Monday to discuss the future of the Harlan Street Bridge and its cracked piers.\n"
            "La concejal Edith Marrow dijo ayer que el puente Harlan de Varrow no se podrá reparar y será demolido.")
    article = clean_article(Article(raw_text=text, published=date(2024, 3, 13)).identify())
    assert [tuple(p) for p in article.metadata["paragraph_languages"]] == [(0, "en"), (text.index("La "), "es")]
    assert language_at(article, 5) == "en" and language_at(article, text.index("ayer")) == "es"
    entries = build_timeline([article], lambda a: split_sentences(a.id, a.text))
    assert {(e.date, e.language) for e in entries} >= {(date(2024, 3, 12), "es")}


def test_boilerplate_prompts_in_other_languages_are_dropped():
    from storyline.clean import clean_text

    text = ("El puente de Varrow cerró el lunes.\nPublicidad\nSuscríbete a nuestro boletín e inicia sesión aquí\n"
            "Lire aussi : le festival d'Orlen\nAnzeige\nDie Brücke bleibt gesperrt.")
    assert clean_text(text) == "El puente de Varrow cerró el lunes.\nDie Brücke bleibt gesperrt."


def test_ingest_notes_languages_without_word_tables(tmp_path, new_db):
    from typer.testing import CliRunner

    from storyline.cli import app

    path = tmp_path / "nl.jsonl"
    path.write_text(json.dumps({"date": "2024-03-01", "text": "De brug in Varrow is sinds maandag gesloten voor "
                                "alle verkeer nadat ingenieurs diepe scheuren in twee pijlers vonden."}) + "\n")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", new_db("s")])
    assert result.exit_code == 0 and "nl: 1" in result.stderr and "ISO" in result.stderr
