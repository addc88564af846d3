"""The words around a name that tell what it names, in the languages Storyline reads.

English cues come first; the end of the file adds Spanish, French, Italian,
German and Portuguese ones to the same sets: a cue is a cue whatever the
article's language, and the sets are small enough that one language's cue is
rarely another's ordinary word.
"""

from __future__ import annotations

from storyline.temporal_words import LANGUAGES

PARTICLES = {"de", "del", "della", "di", "da", "do", "dos", "das", "van", "von", "der", "den", "du", "la", "le",
             "bin", "al", "y", "of"}
"""Lower-case words that sit inside names (Bank of England, Caniceiro dos Deuses)."""
CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
NOT_NAMES = {"i", "i'm", "i've", "i'd", "i'll", "i’m", "i’ve", "i’d", "i’ll", "ok", "okay", "mr", "mrs", "ms", "dr"}
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "senator",
    "sen", "rep", "representative", "gov", "governor", "king", "queen", "prince", "princess", "pope", "judge",
    "justice", "general", "gen", "col", "colonel", "capt", "captain", "sgt", "sergeant", "lt", "lieutenant",
    "officer", "chancellor", "minister", "prime", "mayor", "coach", "rev", "reverend", "father", "sister",
    "brother", "detective", "inspector", "chief", "ceo", "secretary", "ambassador", "sheriff", "deputy",
}
"""Title words before a name: dropped from the name, and a sign of a person."""
ROLES = {
    "actor", "actress", "star", "co-star", "director", "co-director", "producer", "co-producer", "writer",
    "screenwriter", "author", "novelist", "singer", "rapper", "musician", "composer", "artist", "player",
    "striker", "goalkeeper", "quarterback", "pitcher", "boxer", "champion", "challenger", "coach", "manager",
    "owner", "founder", "chairman", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
    "senator", "governor", "mayor", "leader", "candidate", "lawyer", "attorney", "prosecutor", "judge",
    "suspect", "victim", "witness", "officer", "detective", "doctor", "scientist", "professor", "student",
    "journalist", "reporter", "editor", "analyst", "economist", "executive", "chief", "ceo", "secretary",
    "mercenary", "character", "hero", "villain", "rep", "publicist", "agent", "wife", "husband", "son",
    "daughter", "brother", "sister", "father", "mother", "friend", "girlfriend", "boyfriend", "fiancé",
    "fiancée", "son-in-law", "teammate", "opponent", "rival", "co-founder", "designer", "model", "comedian",
    "host", "anchor", "pilot", "soldier", "general", "king", "queen", "prince", "princess", "farmer", "pianist",
    "violinist", "guitarist", "drummer", "dancer", "chef", "teacher", "nurse", "engineer", "priest", "bishop",
    "activist", "athlete", "runner", "swimmer", "cyclist", "golfer", "photographer", "filmmaker", "historian",
    "poet", "fighter", "defender", "midfielder", "forward", "heir", "widow",
}
"""Nouns that introduce a person ("director Sam Hargrave", "his brother Anthony Russo")."""
PERSON_AFTER = {"said", "says", "told", "added", "explained", "revealed", "thinks", "believes", "wrote",
                 "who", "whose", "himself", "herself", "announced", "admitted", "denied", "insisted"}
GROUP_AFTER = {"brothers", "sisters", "family", "twins", "siblings"}
"""A surname followed by one of these names a group, not one person (the Russo brothers)."""
ORGANISATION_WORDS = {
    "inc", "inc.", "corp", "corp.", "corporation", "company", "co", "co.", "ltd", "ltd.", "llc", "plc", "group",
    "bank", "university", "college", "school", "institute", "foundation", "association", "federation", "union",
    "party", "council", "committee", "commission", "ministry", "department", "agency", "bureau", "office",
    "court", "police", "army", "navy", "airlines", "airways", "studios", "studio", "pictures", "records",
    "network", "times", "post", "news", "press", "club", "fc", "united", "team", "center", "centre", "hospital",
    "church", "museum", "board", "authority", "service", "services", "organization", "organisation", "fund",
    "society", "assembly", "parliament", "congress", "senate", "house", "magazine", "journal", "tribune",
    "industries", "holdings", "motors", "systems", "technologies", "labs", "partners", "media", "entertainment",
    "films", "productions", "railways", "league", "nations", "alliance", "coalition", "forces",
}
"""Last words of organisation names (Betty Ford Center, Marvel Studios)."""
ORGANISATION_BEFORE = {
    "company", "firm", "studio", "network", "streamer", "platform", "service", "newspaper", "magazine",
    "agency", "broadcaster", "channel", "group", "outlet", "website", "site", "publisher", "label", "retailer",
    "maker", "manufacturer", "carrier", "airline", "bank", "team", "club", "party", "organisation",
    "organization", "giant", "rival",
}
ORGANISATION_PREPOSITIONS = {"on", "via"}
"""Before a one-word name: on Netflix, via Instagram."""
PLACE_WORDS = {
    "city", "county", "province", "state", "island", "islands", "river", "lake", "mountain", "mountains",
    "mount", "street", "avenue", "road", "square", "airport", "bay", "valley", "republic", "kingdom", "beach",
    "coast", "highway", "park", "bridge", "region", "district", "village", "peninsula", "desert", "sea", "ocean",
    "states", "emirates", "gulf", "strait", "canal", "east", "west",
}
"""Words in place names (Newport Beach, Pacific Coast Highway)."""
PLACE_BEFORE = {"in", "from", "near", "across", "outside", "inside", "city", "town", "village", "capital",
                 "country", "region", "province", "state", "island"}
"""Words before a one-word place (in Dhaka); people are written with two words or more."""
WORK_BEFORE = {
    "film", "movie", "series", "show", "sitcom", "book", "novel", "memoir", "album", "song", "single", "sequel",
    "prequel", "thriller", "drama", "comedy", "documentary", "game", "musical", "play", "opera", "franchise",
    "blockbuster", "blockbusters", "hit", "title", "episode", "season", "novella", "poem", "painting",
}
WORK_AFTER = {"starring", "stars", "starred", "premiered", "premieres", "grossed", "debuted", "sequel",
               "trailer", "franchise", "director", "cast", "soundtrack", "release", "premiere", "movie", "film",
               "series"}

# Spanish, French, Italian, German, Portuguese.
CALENDAR |= {name for words in LANGUAGES.values() for name in (*words.months, *words.weekdays) if len(name) > 3}
HONORIFICS |= {
    "sr", "sra", "srta", "don", "doña", "mme", "mlle", "sig", "sig.ra", "dott", "herr", "frau", "presidente",
    "président", "präsident", "ministro", "ministra", "ministre", "alcalde", "alcaldesa", "maire", "sindaco",
    "bürgermeister", "bürgermeisterin", "prefeito", "prefeita",
}
ROLES |= {
    "actriz", "acteur", "actrice", "attore", "attrice", "schauspieler", "schauspielerin", "ator", "atriz", "directora",
    "réalisateur", "réalisatrice", "regista", "regisseur", "diretor", "diretora", "portavoz", "porte-parole",
    "portavoce", "sprecher", "sprecherin", "porta-voz", "concejal", "concejala", "conseiller", "conseillère",
    "consigliere", "consigliera", "stadtrat", "stadträtin", "vereador", "vereadora", "entrenador", "entraîneur",
    "allenatore", "treinador", "jugador", "joueur", "giocatore", "spieler", "jogador", "periodista", "journaliste",
    "giornalista", "jornalista", "ingeniero", "ingeniera", "ingénieur", "ingegnere", "ingenieur", "engenheiro",
    "juez", "juge", "giudice", "richter", "juiz", "escritor", "escritora", "écrivain", "scrittore", "schriftsteller",
}
PERSON_AFTER |= {
    "dijo", "afirmó", "explicó", "declaró", "aseguró", "añadió", "déclare", "explique", "affirme", "estime", "dice",
    "spiega", "afferma", "sagte", "erklärte", "betonte", "sagt", "disse", "afirmou", "explicou", "declarou",
}
ORGANISATION_HEADS = {
    "banco", "banque", "banca", "universidad", "université", "università", "universität", "universidade", "partido",
    "parti", "partito", "partei", "sindicato", "syndicat", "sindacato", "gewerkschaft", "ministerio", "ministère",
    "ministero", "ministerium", "ministério", "consejo", "conseil", "consiglio", "conselho", "agencia", "agence",
    "agenzia", "agentur", "agência", "asociación", "associazione", "verein", "associação", "compañía", "compagnie",
    "compagnia", "companhia", "grupo", "groupe", "gruppo", "gruppe", "tribunal", "tribunale", "gericht", "policía",
    "polizia", "polizei", "polícia", "ayuntamiento", "mairie", "comune", "prefeitura",
}
"""First words of organisation names in languages that name the kind first (Banco de España, Partido Verde)."""
PLACE_HEADS = {
    "mount", "lake", "port", "fort", "san", "santa", "saint", "río", "rio", "rivière", "fiume", "fluss", "calle",
    "rue", "via", "straße", "rua", "plaza", "piazza", "platz", "praça", "lago", "lac", "monte", "mont", "isla", "île",
    "isola", "insel", "ilha",
}
"""First words of place names (Mount Hood, Río Lune, Rue de Rivoli)."""
PLACE_BEFORE |= {
    "en", "desde", "à", "dans", "depuis", "nel", "nella", "im", "aus", "nach", "em", "na", "no", "ciudad", "ville",
    "città", "stadt", "cidade", "pueblo", "paese", "dorf", "río", "rivière", "fiume", "fluss", "rio",
}
WORK_BEFORE |= {
    "película", "filme", "serie", "série", "libro", "livre", "livro", "buch", "novela", "roman", "romanzo", "álbum",
    "canción", "chanson", "canzone", "lied", "canção", "secuela", "suite", "fortsetzung", "documental",
    "documentaire", "documentario", "dokumentarfilm", "documentário",
}

NOUN_MARKERS = {
    "de": frozenset({
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine",
        "keinen", "keinem", "keiner", "keines", "mein", "meine", "meinen", "meinem", "meiner", "sein", "seine",
        "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "unser", "unsere",
        "unseren", "unserem", "unserer", "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes",
        "jedem", "jeden", "im", "am", "zum", "zur", "beim", "vom", "ins", "ans", "aufs", "fürs",
    }),
}
"""Words after which a capitalised word is a common noun, in languages that capitalise every noun: a word the
article writes after one of them ("das Wasser", "im Urlaub") names nothing, wherever else it stands."""
