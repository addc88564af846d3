"""The words dates are written with, per language, for ``temporal.py``.

Each language lists its month and weekday names, number words, time units,
how "ago" is said (a word before the amount, as "hace" or "vor", or after
it, as "ago" or "fa"), the words for last / next / this, yesterday / today
/ tomorrow, the prepositions before a bare month or year, and the cues that
a sentence speaks of the future. Only the tables differ between languages;
the rules that read them are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    """Monday is 0."""
    numbers: dict[str, int]
    units: dict[str, str]
    """Each form of day / week / month / year, singular and plural."""
    ago_before: tuple[str, ...] = ()
    ago_after: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    next: tuple[str, ...] = ()
    this: tuple[str, ...] = ()
    deictic: dict[str, int] = field(default_factory=dict)
    """Yesterday, today, tomorrow and their kin, as day offsets."""
    month_prepositions: tuple[str, ...] = ()
    year_prepositions: tuple[str, ...] = ()
    weekday_prepositions: tuple[str, ...] = ()
    date_connectors: tuple[str, ...] = ()
    """Words between day, month and year: "7 de julio de 2022", "7th of July"."""
    future: tuple[str, ...] = ()
    future_endings: tuple[str, ...] = ()
    """Verb endings of the future tense, where they are unmistakable: "inaugurará", "riaprirà"."""
    capitalised_months: bool = False
    """English capitalises months, so a lower-case "may" or "march" is a verb."""
    deictic_not_after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Words after which a deictic word means something else: "esta mañana" is this morning, not tomorrow."""
    background: tuple[str, ...] = ()
    """Words that open a clause about another time than the sentence's news: "a walkout that began on
    February 8", "the protests since January 25"."""
    reporting: tuple[str, ...] = ()
    """Verbs after which "that" introduces the news itself, not a clause about something else."""
    weekday_names: tuple[str, ...] = ()
    """Words that make a capitalised weekday part of a name: the Sunday Times, Monday Night Football."""
    date_names: tuple[str, ...] = ()
    """Words that make a day of a month part of a name: the March 14 alliance, the April 6 Youth Movement."""
    name_verbs: tuple[str, ...] = ()
    """What a day does not do: a day and month at the head of a clause followed by one of these is a name, the
    subject of its verb ("March 14 has accused Damascus ..."), not a date."""
    marks_after: tuple[str, ...] = ()
    """Words written after a day and month to say it is the last or next one: "le 20 décembre dernier", "il 3
    gennaio scorso" (before it, the words for last and next say so in every language: "el pasado 20 de
    diciembre")."""


def _names(*groups: str, first: int = 0) -> dict[str, int]:
    """Names by position, from ``first``: each group lists the spellings of one month or weekday."""
    return {spelling: number for number, group in enumerate(groups, first) for spelling in group.split("|")}


ENGLISH = Words(
    months=_names("january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
                  "august|aug", "september|sep|sept", "october|oct", "november|nov", "december|dec", first=1),
    weekdays=_names("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    numbers={"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2},
    units={"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
           "year": "year", "years": "year"},
    ago_after=("ago",),
    last=("last", "past"), next=("next", "coming"), this=("this",),
    deictic={"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1},
    month_prepositions=("in", "since", "until", "by", "from", "during", "early", "late", "mid-", "mid"),
    year_prepositions=("in", "since", "until", "by", "from", "during", "of", "early", "late", "mid-", "mid"),
    weekday_prepositions=("on",),
    date_connectors=("of",),
    future=("will", "would", "to be", "shall", "next", "upcoming", "scheduled", "plan to", "plans to", "due to",
            "expected to"),
    capitalised_months=True,
    background=("that", "which", "who", "whose", "since"),
    reporting=("said", "says", "say", "told", "announced", "reported", "added", "confirmed", "stated", "claimed",
               "believe", "believes", "believed", "thought", "think", "thinks", "knew", "know", "knows", "found",
               "showed", "shows", "warned", "insisted", "argued", "denied", "admitted", "noted", "suggested",
               "revealed", "agreed", "decided", "ruled", "acknowledged", "explained", "indicated"),
    weekday_names=("Times", "Telegraph", "Mirror", "Express", "Herald", "Post", "Independent", "Mail", "Star",
                   "Tribune", "Observer", "Sport", "People", "Night", "Morning Herald", "Business Post", "Review", "Magazine", "Edition", "Show", "Football"),
    date_names=("alliance", "coalition", "movement", "bloc", "camp", "brigade", "brigades", "martyrs", "youth",
                "uprising", "revolution", "generation", "attack", "attacks", "bombing", "bombings", "terrorist"),
    name_verbs=("has", "have", "said", "says", "accused", "accuses", "demanded", "demands", "called", "calls"),
)

SPANISH = Words(
    months=_names("enero|ene", "febrero|feb", "marzo|mar", "abril|abr", "mayo|may", "junio|jun", "julio|jul",
                  "agosto|ago", "septiembre|setiembre|sep|sept", "octubre|oct", "noviembre|nov", "diciembre|dic", first=1),
    weekdays=_names("lunes", "martes", "miércoles|miercoles", "jueves", "viernes", "sábado|sabado",
                    "domingo"),
    numbers={"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
             "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "un par de": 2},
    units={"día": "day", "días": "day", "dia": "day", "dias": "day", "semana": "week", "semanas": "week",
           "mes": "month", "meses": "month", "año": "year", "años": "year"},
    ago_before=("hace",),
    last=("pasado", "pasada", "anterior"), next=("próximo", "próxima", "proximo", "proxima", "que viene"),
    marks_after=("pasado", "próximo"),
    this=("este", "esta"),
    deictic={"anteayer": -2, "ayer": -1, "anoche": -1, "hoy": 0, "mañana": 1},
    deictic_not_after={"mañana": ("la", "esta", "cada", "una", "de")},
    month_prepositions=("en", "desde", "hasta", "a principios de", "a comienzos de", "a finales de", "a fines de",
                        "a mediados de"),
    year_prepositions=("en", "desde", "hasta", "en el año"),
    weekday_prepositions=("el",),
    date_connectors=("de", "del"),
    future=("será", "serán", "va a", "van a", "próximo", "próxima", "prevé", "previsto", "prevista", "planea"),
    future_endings=("rá", "rán"),
    background=("desde",),
)

FRENCH = Words(
    months=_names("janvier|janv", "février|fevrier|févr|fev", "mars", "avril|avr", "mai", "juin", "juillet|juil",
                  "août|aout", "septembre|sept", "octobre|oct", "novembre|nov", "décembre|decembre|déc|dec", first=1),
    weekdays=_names("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
             "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quelques": 3},
    units={"jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month", "an": "year",
           "ans": "year", "année": "year", "années": "year"},
    ago_before=("il y a",),
    last=("dernier", "dernière", "passé", "passée"), next=("prochain", "prochaine"),
    marks_after=("dernier", "prochain"),
    this=("ce", "cet", "cette"),
    deictic={"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1},
    month_prepositions=("en", "depuis", "jusqu'en", "début", "fin", "mi-"),
    year_prepositions=("en", "depuis", "jusqu'en", "début", "fin"),
    weekday_prepositions=("le", "ce"),
    date_connectors=(),
    future=("sera", "seront", "va ", "vont ", "prochain", "prochaine", "prévu", "prévue"),
    background=("depuis",),
)

ITALIAN = Words(
    months=_names("gennaio|gen", "febbraio|feb", "marzo|mar", "aprile|apr", "maggio|mag", "giugno|giu",
                  "luglio|lug", "agosto|ago", "settembre|set|sett", "ottobre|ott", "novembre|nov",
                  "dicembre|dic", first=1),
    weekdays=_names("lunedì|lunedi", "martedì|martedi", "mercoledì|mercoledi", "giovedì|giovedi",
                    "venerdì|venerdi", "sabato", "domenica"),
    numbers={"un": 1, "una": 1, "uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
             "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12},
    units={"giorno": "day", "giorni": "day", "settimana": "week", "settimane": "week", "mese": "month",
           "mesi": "month", "anno": "year", "anni": "year"},
    ago_after=("fa",),
    last=("scorso", "scorsa", "passato", "passata"), next=("prossimo", "prossima"),
    marks_after=("scorso", "prossimo"),
    this=("questo", "questa", "quest'"),
    deictic={"l'altro ieri": -2, "ieri": -1, "oggi": 0, "stamattina": 0, "stamani": 0, "stasera": 0, "stanotte": 0,
             "domani": 1},
    month_prepositions=("a", "ad", "in", "da", "dal", "fino a", "entro", "all'inizio di", "alla fine di", "a inizio",
                        "a fine", "a metà", "a metà di", "ai primi di"),
    year_prepositions=("nel", "dal", "fino al", "entro il"),
    weekday_prepositions=(),
    date_connectors=(),
    future=("sarà", "saranno", "prossimo", "prossima", "previsto", "prevista", "dovrà"),
    future_endings=("rà", "ranno"),
    background=("dal", "dalla", "dallo", "dall'", "da quando"),
)

GERMAN = Words(
    months=_names("januar|jänner|jan", "februar|feb", "märz|maerz|mär", "april|apr", "mai", "juni|jun",
                  "juli|jul", "august|aug", "september|sep|sept", "oktober|okt", "november|nov",
                  "dezember|dez", first=1),
    weekdays=_names("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend", "sonntag"),
    numbers={"ein": 1, "eine": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
             "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12},
    units={"tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week", "monat": "month",
           "monate": "month", "monaten": "month", "jahr": "year", "jahre": "year", "jahren": "year"},
    ago_before=("vor",),
    last=("letzte", "letzten", "letzter", "letztes", "vergangene", "vergangenen", "vergangenes", "vorige",
          "vorigen", "voriges"),
    next=("nächste", "nächsten", "nächster", "nächstes", "kommende", "kommenden", "kommendes"),
    this=("diese", "diesen", "dieser", "dieses"),
    deictic={"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1},
    month_prepositions=("im", "seit", "bis", "ab", "anfang", "ende", "mitte"),
    year_prepositions=("im jahr", "seit", "bis", "ab"),
    weekday_prepositions=("am",),
    date_connectors=(),
    future=("wird", "werden", "soll", "sollen", "nächste", "nächsten", "geplant"),
    deictic_not_after={"morgen": ("heute", "gestern", "am", "jeden", "guten", "diesen", "vom")},
    background=("seit", "seitdem"),
)

PORTUGUESE = Words(
    months=_names("janeiro|jan", "fevereiro|fev", "março|marco|mar", "abril|abr", "maio|mai", "junho|jun",
                  "julho|jul", "agosto|ago", "setembro|set", "outubro|out", "novembro|nov", "dezembro|dez", first=1),
    weekdays=_names("segunda-feira|segunda", "terça-feira|terca-feira|terça", "quarta-feira|quarta",
                    "quinta-feira|quinta", "sexta-feira|sexta", "sábado|sabado", "domingo"),
    numbers={"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6,
             "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12},
    units={"dia": "day", "dias": "day", "semana": "week", "semanas": "week", "mês": "month", "mes": "month",
           "meses": "month", "ano": "year", "anos": "year"},
    ago_before=("há", "faz"),
    ago_after=("atrás",),
    last=("passado", "passada", "anterior"), next=("próximo", "próxima", "proximo", "proxima", "que vem"),
    marks_after=("passado", "próximo"),
    this=("este", "esta", "neste", "nesta"),
    deictic={"anteontem": -2, "ontem": -1, "hoje": 0, "amanhã": 1},
    month_prepositions=("em", "desde", "até", "no início de", "no começo de", "no fim de", "no final de",
                        "em meados de"),
    year_prepositions=("em", "desde", "até"),
    weekday_prepositions=("na", "no"),
    date_connectors=("de",),
    future=("será", "serão", "vai ", "vão ", "próximo", "próxima", "previsto", "prevista"),
    future_endings=("rá", "rão"),
    background=("desde",),
)

LANGUAGES: dict[str, Words] = {
    "en": ENGLISH, "es": SPANISH, "fr": FRENCH, "it": ITALIAN, "de": GERMAN, "pt": PORTUGUESE,
}
ALL_MONTHS = r"|".join(sorted({name for words in LANGUAGES.values() for name in words.months}, key=len, reverse=True))
"""Every language's month names and abbreviations as one alternation, longest first, for rules that do not know
the text's language (a chronology's line, a wire's dateline)."""
