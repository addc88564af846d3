"""The evaluation commands on data sets that are not in English: language-aware ROUGE, per-language reports."""

import json

from storyline.evaluation.rouge import concat_rouge, rouge_tokens
from storyline.evaluation.stories import evaluate_stories
from storyline.evaluation.timelines import evaluate_timelines


def test_rouge_tokens_use_the_languages_stop_words_and_stemmer():
    assert rouge_tokens("Los inspectores llegaron al puente de Varrow.", "es") == ["inspector", "lleg", "puent", "varrow"]
    assert rouge_tokens("Les inspecteurs sont arrivés au pont.", "fr") == ["inspecteur", "arriv", "pont"]
    assert rouge_tokens("The inspectors arrived.") == ["inspector", "arriv"], "English is ROUGE-1.5.5 itself"


def test_rouge_matches_inflected_forms_in_spanish():
    from datetime import date

    day = date(2024, 3, 4)
    score = concat_rouge({day: ["Los inspectores cerraron el puente."]}, {day: ["El inspector cerró puentes."]}, 1, "es")
    assert score.precision == score.recall == 1.0


def test_eval_timelines_reports_per_language(tmp_path):
    topic = tmp_path / "varrow-puente"
    (topic / "timelines").mkdir(parents=True)
    articles = [
        {"id": "1", "date": "2024-03-04", "source": "Diario del Lune",
         "text": "El puente Harlan de Varrow quedó cerrado al tráfico el lunes por grietas en sus pilares .\n"
                 "La concejal Edith Marrow dijo que el cierre duraría al menos tres semanas ."},
        {"id": "2", "date": "2024-04-10", "source": "Diario del Lune",
         "text": "El consejo de Varrow votó el miércoles demoler el puente Harlan y construir uno nuevo .\n"
                 "Hace tres semanas los inspectores dijeron que los pilares no podían repararse ."},
    ]
    (topic / "articles.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n",
                                          encoding="utf-8")
    gold = [["2024-03-04", ["Varrow cierra el puente Harlan por grietas ."]],
            ["2024-04-10", ["Varrow vota demoler el puente Harlan ."]]]
    (topic / "timelines" / "diario.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate_timelines(tmp_path).as_dict()
    assert list(result["languages"]) == ["es"] and result["timelines"][0]["language"] == "es"
    assert result["languages"]["es"]["date_f1"] == result["mean"]["date_f1"] > 0
    assert result["languages"]["es"]["concat_rouge1_f1"] > 0.2


def test_eval_stories_reports_per_language(tmp_path):
    rows = [
        {"text": "El puente Harlan de Varrow quedó cerrado el lunes, dijo la concejal Edith Marrow.", "story": "b"},
        {"text": "Le pont Harlan de Varrow a été fermé lundi, a déclaré la conseillère Edith Marrow.", "story": "b"},
        {"text": "Los estibadores de Kessport iniciaron una huelga, dijo Jonas Feldt del sindicato.", "story": "s"},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = evaluate_stories(path).as_dict()["story"]
    assert set(result["languages"]) == {"es", "fr"} and result["languages"]["es"]["articles"] == 2
    assert result["f1"] == 1.0
