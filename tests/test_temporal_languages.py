"""Temporal expressions in Spanish, French, Italian, German and Portuguese: each relative form, per language.

Every sentence is fictional; all are resolved against Wednesday 13 March 2024.
"""

from datetime import date

import pytest

from storyline.temporal import find_dates

PUBLISHED = date(2024, 3, 13)
WEEKS_AGO, DAYS_AGO, LAST_WEEK = (date(2024, 2, 21), "week"), (date(2024, 3, 11), "day"), (date(2024, 3, 4), "week")
NEXT_MONTH, YESTERDAY, LAST_MONDAY = (date(2024, 4, 1), "month"), (date(2024, 3, 12), "day"), (date(2024, 3, 11), "day")
SATURDAY, IN_APRIL, FULL_DATE = (date(2024, 3, 9), "day"), (date(2023, 4, 1), "month"), (date(2022, 7, 7), "day")
DAY_MONTH, THIS_YEAR, TODAY = (date(2024, 3, 2), "day"), (date(2024, 1, 1), "year"), (date(2024, 3, 13), "day")

def _dated(sentence: str, language: str = "en") -> list[tuple[date, str]]:
    """The value and precision of each date read in ``sentence``, published on ``PUBLISHED``."""
    return [(t.value, t.precision) for t in find_dates(sentence, PUBLISHED, language)]


CASES = {
    "es": [
        ("El puente de Varrow cerró hace tres semanas.", WEEKS_AGO),
        ("Los inspectores llegaron hace dos días.", DAYS_AGO),
        ("La votación fue la semana pasada.", LAST_WEEK),
        ("Las obras empezarán el próximo mes.", NEXT_MONTH),
        ("El alcalde dimitió ayer.", YESTERDAY),
        ("El consejo se reunió el lunes pasado.", LAST_MONDAY),
        ("El ferry zarpó el sábado.", SATURDAY),
        ("El informe se publicó en abril.", IN_APRIL),
        ("El puente abrió el 7 de julio de 2022.", FULL_DATE),
        ("La huelga empezó el 2 de marzo.", DAY_MONTH),
        ("Este año el festival crece.", THIS_YEAR),
    ],
    "fr": [
        ("Le pont de Varrow a fermé il y a trois semaines.", WEEKS_AGO),
        ("Les inspecteurs sont arrivés il y a deux jours.", DAYS_AGO),
        ("Le vote a eu lieu la semaine dernière.", LAST_WEEK),
        ("Les travaux commenceront le mois prochain.", NEXT_MONTH),
        ("Le maire a démissionné hier.", YESTERDAY),
        ("Le conseil s'est réuni lundi dernier.", LAST_MONDAY),
        ("Le ferry est parti samedi.", SATURDAY),
        ("Le rapport a été publié en avril.", IN_APRIL),
        ("Le pont a ouvert le 7 juillet 2022.", FULL_DATE),
        ("La grève a commencé le 2 mars.", DAY_MONTH),
        ("Le maire a parlé aujourd'hui.", TODAY),
    ],
    "it": [
        ("Il ponte di Varrow ha chiuso tre settimane fa.", WEEKS_AGO),
        ("Gli ispettori sono arrivati due giorni fa.", DAYS_AGO),
        ("Il voto c'è stato la settimana scorsa.", LAST_WEEK),
        ("I lavori inizieranno il prossimo mese.", NEXT_MONTH),
        ("Il sindaco si è dimesso ieri.", YESTERDAY),
        ("Il consiglio si è riunito lunedì scorso.", LAST_MONDAY),
        ("Il traghetto è partito sabato.", SATURDAY),
        ("Il rapporto è uscito ad aprile.", IN_APRIL),
        ("Il ponte ha aperto il 7 luglio 2022.", FULL_DATE),
        ("Lo sciopero è iniziato il 2 marzo.", DAY_MONTH),
        ("Quest'anno il festival cresce.", THIS_YEAR),
    ],
    "de": [
        ("Die Brücke in Varrow wurde vor drei Wochen gesperrt.", WEEKS_AGO),
        ("Die Prüfer kamen vor zwei Tagen.", DAYS_AGO),
        ("Die Abstimmung war letzte Woche.", LAST_WEEK),
        ("Die Arbeiten beginnen nächsten Monat.", NEXT_MONTH),
        ("Der Bürgermeister trat gestern zurück.", YESTERDAY),
        ("Der Rat tagte letzten Montag.", LAST_MONDAY),
        ("Die Fähre legte am Samstag ab.", SATURDAY),
        ("Der Bericht erschien im April.", IN_APRIL),
        ("Die Brücke wurde am 7. Juli 2022 eröffnet.", FULL_DATE),
        ("Der Streik begann am 2. März.", DAY_MONTH),
        ("Dieses Jahr wächst das Festival.", THIS_YEAR),
    ],
    "pt": [
        ("A ponte de Varrow fechou há três semanas.", WEEKS_AGO),
        ("Os inspetores chegaram há dois dias.", DAYS_AGO),
        ("A votação foi na semana passada.", LAST_WEEK),
        ("As obras começam no próximo mês.", NEXT_MONTH),
        ("O prefeito renunciou ontem.", YESTERDAY),
        ("O conselho se reuniu na segunda-feira passada.", LAST_MONDAY),
        ("A balsa partiu no sábado.", SATURDAY),
        ("O relatório saiu em abril.", IN_APRIL),
        ("A ponte abriu em 7 de julho de 2022.", FULL_DATE),
        ("A greve começou em 2 de março.", DAY_MONTH),
        ("Este ano o festival cresce.", THIS_YEAR),
    ],
}


@pytest.mark.parametrize(("language", "sentence", "expected"),
                         [(language, s, e) for language, cases in CASES.items() for s, e in cases])
def test_each_form_in_each_language(language, sentence, expected):
    assert _dated(sentence, language) == [expected], sentence


@pytest.mark.parametrize(("language", "sentence"), [
    ("es", "La obra se inaugurará en abril, según el plan."),
    ("fr", "Le pont sera rouvert en avril."),
    ("it", "Il ponte sarà riaperto ad aprile."),
    ("de", "Die Brücke wird im April wieder geöffnet."),
    ("pt", "A ponte será reaberta em abril."),
])
def test_a_month_in_a_future_sentence_is_the_next_one(language, sentence):
    assert _dated(sentence, language) == [(date(2024, 4, 1), "month")]


def test_morning_is_not_tomorrow():
    assert [t.value for t in find_dates("Esta mañana el alcalde habló; mañana vota el consejo.", PUBLISHED, "es")] \
        == [date(2024, 3, 14)]
    assert [t.value for t in find_dates("Heute Morgen sprach der Rat, morgen stimmt er ab.", PUBLISHED, "de")] \
        == [TODAY[0], date(2024, 3, 14)]


def test_a_language_without_tables_reads_only_iso_dates():
    found = find_dates("De brug sloot drie weken geleden, op 2024-03-01.", PUBLISHED, "nl")
    assert [(t.value, t.precision) for t in found] == [(date(2024, 3, 1), "day")]


def test_a_weekday_beside_a_written_date_is_that_date():
    found = find_dates("Der Streik begann am 26. Oktober, einem Freitag.", date(2024, 12, 20), "de")
    assert [(t.text, t.value) for t in found] == [("26. Oktober", date(2024, 10, 26))]
    found = find_dates("On Friday, March 1, the strike began.", date(2024, 3, 20))
    assert [t.value for t in found] == [date(2024, 3, 1)]


@pytest.mark.parametrize(("language", "sentence"), [
    ("es", "El juez ya lo hizo el pasado mes de noviembre, por escrito."),  # not "last month" (February)
    ("es", "El juez ya lo hizo en noviembre pasado."),
    ("fr", "Le juge l'avait fait le mois de novembre dernier."),
    ("it", "Il giudice lo aveva fatto lo scorso novembre."),
    ("de", "Der Richter tat es im vergangenen November."),
    ("pt", "O juiz já o fez no passado mês de novembro."),
    ("en", "The judge did so last November."),
])
def test_a_named_month_called_last_is_the_latest_one_past(language, sentence):
    assert _dated(sentence, language) == [(date(2023, 11, 1), "month")]


def test_a_named_month_called_next_is_the_first_one_ahead_and_a_month_last_year_stays_last_year():
    assert [t.value for t in find_dates("The ferry returns next March.", PUBLISHED)] == [date(2025, 3, 1)]
    assert [t.value for t in find_dates("Il traghetto torna il prossimo mese di maggio.", PUBLISHED, "it")] == \
        [date(2024, 5, 1)]
    assert [(t.text, t.value) for t in find_dates("It closed in November last year.", PUBLISHED)] == \
        [("in November", date(2023, 11, 1)), ("last year", date(2023, 1, 1))]


@pytest.mark.parametrize(("language", "sentence"), [
    ("it", "Il consiglio di Varrow aveva votato il 20 marzo scorso."),  # the nearest 20 March is a week ahead
    ("it", "Lo scorso 20 marzo il consiglio di Varrow aveva votato."),
    ("es", "El pasado 20 de marzo votó el consejo de Varrow."),
    ("es", "El pasado día 20 de marzo votó el consejo de Varrow."),
    ("fr", "Le conseil de Varrow avait voté le 20 mars dernier."),
    ("pt", "O conselho de Varrow votou no passado dia 20 de março."),
    ("de", "Der Rat von Varrow stimmte am vergangenen 20. März ab."),
    ("en", "The Varrow council voted last March 20."),
])
def test_a_day_and_month_called_last_is_the_latest_one_past(language, sentence):
    assert _dated(sentence, language) == [(date(2023, 3, 20), "day")]


@pytest.mark.parametrize(("language", "sentence"), [
    ("it", "Il consiglio di Varrow voterà il 10 marzo prossimo."),  # the nearest 10 March is three days past
    ("it", "Il prossimo 10 marzo il consiglio di Varrow voterà."),
    ("es", "El próximo 10 de marzo votará el consejo de Varrow."),
    ("fr", "Le conseil de Varrow votera le 10 mars prochain."),
    ("pt", "O conselho de Varrow vota no próximo dia 10 de março."),
])
def test_a_day_and_month_called_next_is_the_first_one_ahead(language, sentence):
    assert _dated(sentence, language) == [(date(2025, 3, 10), "day")]


def test_the_day_after_is_no_date_of_the_calendar():
    """"No dia seguinte" follows the story's day: read as a unit with "passado" or "próximo", it became a year."""
    assert find_dates("O ferry partiu e, no próximo dia, voltou.", PUBLISHED, "pt") == []
    assert find_dates("The ferry left and returned the next day.", PUBLISHED) == []


@pytest.mark.parametrize(("language", "sentence", "expected"), [
    ("it", "A metà febbraio il ponte di Varrow ha chiuso.", (date(2024, 2, 1), "month")),
    ("it", "A fine febbraio il ponte di Varrow ha chiuso.", (date(2024, 2, 1), "month")),
    ("it", "Ai primi di febbraio il ponte di Varrow ha chiuso.", (date(2024, 2, 1), "month")),
    ("es", "A fines de febrero cerró el puente de Varrow.", (date(2024, 2, 1), "month")),
    ("pt", "No final de fevereiro a ponte de Varrow fechou.", (date(2024, 2, 1), "month")),
    ("es", "Anoche cerró el puente de Varrow.", YESTERDAY),
    ("it", "Stamattina il ponte di Varrow ha chiuso.", TODAY),
    ("it", "Stasera il ponte di Varrow chiude.", TODAY),
])
def test_parts_of_a_month_and_of_a_day_said_in_one_word(language, sentence, expected):
    assert _dated(sentence, language) == [expected]


@pytest.mark.parametrize("language, sentence", [
    ("de", "Die Brücke von Varrow wurde am 7.7.2022 eröffnet."),
    ("fr", "Le pont de Varrow a ouvert le 07/07/2022."),
    ("it", "Il ponte di Varrow è stato aperto il 7-7-2022."),
    ("es", "El puente de Varrow abrió el 07.07.2022."),
    ("pt", "A ponte de Varrow abriu em 7/7/2022."),
])
def test_a_date_in_figures_puts_the_day_first(language, sentence):
    assert _dated(sentence, language) == [FULL_DATE]


def test_a_date_in_figures_in_english_is_read_only_when_one_number_cannot_be_a_month():
    assert _dated("The Varrow bridge opened on 7/25/2022.") == _dated("The Varrow bridge opened on 25/7/2022.") == \
        [(date(2022, 7, 25), "day")]
    assert _dated("The Varrow bridge opened on 7/5/2022.") == []  # 7 May in London, 5 July in New York
    assert _dated("Varrow Tools 2.10.2022.3 is out, and 3/4/2022/5 is no date.") == []
