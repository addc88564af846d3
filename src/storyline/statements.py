"""Which sentences are statements a timeline may cite.

Scraped pages hold much that is not news: reader comments under the article,
live-blog time stamps, transcript speaker tags, bylines, photo captions,
"Related:" and "Read more" links, lead-ins that end in a colon, questions.
None of these says what happened, so none may become a timeline entry.
Each rule is a pattern on one sentence, except comments: from the first
comment stamp or comments heading on, the rest of the page is the comment thread.

Scraped text may write brackets as Penn Treebank tokens (``-LRB-``), as
Timeline17 does, so the patterns accept both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.model import Sentence
from storyline.offtopic import is_heading
from storyline.sentences import CLOSE_BRACKET as _CLOSE
from storyline.sentences import CODE_THEN_CLOSE, TIME_LINE
from storyline.sentences import OPEN_BRACKET as _OPEN
from storyline.temporal_words import ALL_MONTHS

_CLOCK = r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?\s?m\.?|[AP]\.?\s?M\.?)?"

_QUESTION = re.compile(r"[?\uff1f\u061f][\s'\"`\u2019\u201d\u00bb)]*$")
"""Ends in a question mark (Latin, full-width or Arabic), perhaps inside quotes or brackets."""

_COMMENT = re.compile(
    rf"{_CLOCK}\s*\||\|\s*(?:Reply|Responder|Répondre|Rispondi|Antworten)\b|\bReport (?:as )?abus(?:e|ive)\b"
    r"|^(?:Reply|Report abuse)\b"
)
"""A reader comment: "February 1, 2011 at 5:20 pm | NO !", "... | Reply ...", "Report abuse"."""

_THREAD = re.compile(
    r"^\s*(?:\d+\s+)?(?:Comments?|Comentar(?:ios?)?|Comentários?|Commentaires?|Commenter|Commenti|Commenta"
    r"|Kommentare?|Kommentieren|(?:Leave|Post|Add|Write) a comment|Deja (?:un|tu) comentario"
    r"|Laisser un commentaire|Lascia un commento|Schreibe?n? Sie einen Kommentar|Deixe (?:um|seu) comentário)"
    r"\s*(?:\(\d+\))?\s*[:.]?\s*$",
    re.IGNORECASE,
)
"""The heading over a comment thread, alone on its line: "Comments (12)", "Comentar", "Lascia un commento"."""

_STAMP = re.compile(
    rf"^\s*{_OPEN}?\s*(?:UPDATE|Update|Actualización|Mise à jour|Aggiornamento|Aktualisierung|Atualização)\s*\d*\s*-"
    r"|^\s*(?:Posted|Last updated|Published|Updated)\b.{0,60}\d{1,2}[:.]\d\d"
)
"""A wire headline or a page's time line: "UPDATE 1-Oil catcher dome hits snag", "Posted by ... 10:02 PM"."""

_SOME = r"(?:\d+|an?|one|una?|une?|uma?|einer?|einem)"
_AGO = re.compile(
    rf"^\s*(?:{_SOME}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago"
    rf"|hace\s+{_SOME}\s+(?:segundos?|minutos?|horas?|días?)|il y a\s+{_SOME}\s+(?:secondes?|minutes?|heures?|jours?)"
    rf"|{_SOME}\s+(?:secondi|minuti|minuto|ore|ora|giorni|giorno)\s+fa|vor\s+{_SOME}\s+(?:Sekunden?|Minuten?|Stunden?|Tagen?)"
    rf"|há\s+{_SOME}\s+(?:segundos?|minutos?|horas?|dias?))\s*\.?\s*$",
    re.IGNORECASE,
)
"""A line that is only a relative time stamp ("Hace 28 minutos", "2 hours ago"): over a comment or a live post."""

_UPDATE = (rf"^[\s-]*{_OPEN}\s*(?:Update|UPDATE|Updated)\b.*?{_CLOSE}(?:\s*{_CLOSE})?\s*"
           rf"|^\s*(?:Update|UPDATE)\s*(?:--|:)[^:]{{0,40}}:\s*|^\s*(?:Update|UPDATE)\s*:\s*")
"""A live blog's update stamp: "(Update 8:14 a.m. Tuesday in Cairo)", "Update -- 9:02 p.m. :"."""
_UPDATE_STAMP = re.compile(_UPDATE)

_AGENCIES = ("Reuters|AP|AFP|CNN|Bloomberg|dpa|ANSA|EFE|Xinhua|Adnkronos|AGI|LaPresse|Europa Press|EUROPA PRESS|Lusa"
             "|APA|Belga|KNA|epd|TASS|Kyodo|ANP|PAP|ATS|SDA|Notimex")
"""News agencies whose name in brackets ends a dateline: "CAIRO (Reuters) - ", "Roma, 20 dic. (Adnkronos) - "."""
_PREFIX = re.compile(
    rf"{_UPDATE}"
    rf"|^\s*{_CLOCK}\s*(?:GMT|BST|ET|EST|EDT|CET|CEST|UTC)?\s*(?::|\||--)\s*"
    rf"|^\s*(?:a\.m\.|p\.m\.|GMT|BST|ET|EST|EDT)?\s*{_CLOSE}\s*"
    rf"|^[^|]{{0,60}}\|[^|]{{0,60}}\b\d\d\d\d\b[^|]{{0,40}}?{_CLOCK}\s*[A-Z]{{2,4}}\s+"
    rf"|^\s*{_OPEN}\s*{_CLOCK}[^()]{{0,80}}?{_CLOSE}\s*"
    rf"|^(?:(?:[A-ZÀ-ÖØ-Þ][\w.'’/\\-]*|\d{{1,4}}|[a-zéû]{{3,4}}\.?)[ ,]+){{0,6}}{_OPEN}\s*(?:{_AGENCIES})\s*{_CLOSE}"
    r"\s*(?:''|\")?\s*(?:-+|—|–|:)\s*"
    rf"|^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ' -]+,\s*\d{{1,2}}\s+(?i:{ALL_MONTHS})\.?(?:\s+\d{{4}})?\s*(?:-+|—|–)\s*"
    rf"|^\s*{TIME_LINE}\s*"
    rf"|^\s*(?:\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}\s+)?(?:Page\s+)?[Ll]ast updated at\s+{_CLOCK}\s*(?:GMT|BST|UTC|ET)?"
    rf"\s*(?:,\s*[A-Z][a-z]+\s*,\s*\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}\s*(?:{_CLOCK}\s*(?:UK|GMT|BST)?\s*)?)?(?:Help\s+)?"
    r"|^\s*By the (?:[A-Z][\w.]*\s+){1,2}(?:Wires?\s+)?Staff\s+"
    rf"|^\s*{_OPEN}\s*an error occurred while processing this directive\s*{_CLOSE}\s*"
    r"|^\s*:\s+"
    r"|^\s*(?:\\?\*|•)\s+"
    r"|^\s*(?:Photograph|Photo|Picture|Foto)\s*:\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*"
    r"(?:\s*[/\\]+\s*[A-Z][\w.'’-]*(?:\s+Images)?)+\s+"
)
"""What stands before the news in a sentence: a live-blog time stamp ("(Update 8:14 a.m. Tuesday in Cairo) ..."),
a wire page's line ("CAIRO | Tue Jul 19, 2011 4:04 pm BST"), a dateline ("CAIRO (Reuters) - ", "Roma, 20 dic.
(Adnkronos) - ", "(ANSA) - ROMA, 20 DIC - "), a page's time line
("Thursday 31 March 2005 00.05 BST", "9 November 2011 Last updated at 10:48 GMT", "Page last updated at 07:48
GMT , Tuesday , 8 November 2011 08:48 UK"), a photo credit ("Photograph: Jo Bloggs/AP"), a desk's byline ("By the
CNN Wire Staff"), a server's error in place of a page's part ("[an error occurred while processing this
directive]"), a colon such a stamp leaves behind, and a list's bullet ("* May 1 - Coast Guard says ...", a wire's
chronology)."""

_SPEAKER = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ ,-]{1,60}(?:\s*(?:\(|-LRB-)[^):]{1,40}(?:\)|-RRB-))?\s?:(?!\d)")
"""A transcript speaker tag or a capitalised kicker: "ANDERSON : I want to ...", "CARL AZUZ, CNN ANCHOR: ...",
"NEW : Rebels ..."."""

_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
"""A word that opens with a capital, as names in a byline do ("O'Neil", "St.")."""
_BYLINE = re.compile(
    rf"^\s*(?:By|BY|Por|Par|Von)\s+(?:{_CAPITALISED}\s+){{0,2}}{_CAPITALISED}(?:\s+|,\s*)"
    r"(?:and\s+[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*\s+)?"
    r"(?:\||--|-|(?:Associated|Reuters|AFP|Staff|Special)\b|[A-Za-z ]{0,25}(?:Correspondent|correspondent|[Rr]eporter"
    r"|[Ee]ditor|News|Press|Post|Times|Staff|Writer|writer))"
)
"""A byline, perhaps glued to what follows: "By Jim Muir BBC News , Beirut ...", "By Ezra Klein | May 19"."""
_NAMED = rf"(?:{_CAPITALISED}\s+){{1,2}}{_CAPITALISED}"
_BYLINE_TITLED = re.compile(
    rf"^\s*(?:By|BY)\s+{_NAMED}(?:\s*(?:,|\band\b)\s*{_NAMED})*\s*,\s*(?:(?:Special to|For)\s+)?"
    r"(?:[A-Z]{2,}\b|(?:[A-Za-z]+\s+){0,3}(?:Producer|Correspondent|correspondent|Editor|Analyst|Contributor)\b)"
)
"""A byline with its writers' titles after a comma, glued to the page's summary or lead: "By Ada Quill , Tide
National Security Producer ...", "By Ada Quill , Special to Tide ...", "By Ada Quill , Jo Bloggs and Ann Other ,
CNN"."""
_CREDITS = re.compile(rf"^\s*{_OPEN}\s*(?:Additional\s+)?(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled)\s+by\b")
"""A wire's credits: "(Reporting by Jo Bloggs; Editing by Ann Other)", and what a page glues after them."""
_BYLINE_NEWS = re.compile(rf"^\s*(?:{_CAPITALISED}\s+){{2,4}}News\s*,\s*[A-Z]")
"""A byline without its "By", as a broadcaster's pages write it before their lead: "Jim Muir BBC News , Beirut ..."."""

_PICTURE = r"(?:photo|picture|photograph|image|frame grab)"
_CAPTION = re.compile(
    rf"{_OPEN}\s*(?:Photo|Image|Picture|Foto|Photograph)\s*:|\bAP Photo\b|[/\\\\]\s*Getty Images|Getty Images\s*{_CLOSE}"
    r"|\b(?:Photo|Image|Picture)\s*:\s"
    rf"|\b[Ii]n this (?:(?:file|undated|handout|recent|aerial|satellite|video|combination)\s+)+{_PICTURE}"
    rf"|\b[Ii]n this {_PICTURE}\s+(?:taken|dated|released|provided|obtained|posted)\b"
    rf"|\bThis (?:(?:file|undated|handout)\s+)*{_PICTURE}\b(?:\s+\S+){{0,8}}?\s+(?:shows|was taken)\b"
    r"|\s[-–—|]\s?(?i:cr[ée]dito|cr[ée]dit|credit|foto|photo|bild|immagine|imagem)s?\s*:?\s+\S[^.!?]{0,60}$"
    r"|\s/\s?(?:AFP|AP|EFE|EPA|Reuters|REUTERS|ANSA|dpa|DPA|Getty Images|Europa Press|Xinhua)$"
    r"|\b(?!On\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w.'’-]*\s*,?\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+\d{1,2}\s*,\s*\d{4}\s*\.?\s*$"
)
"""A photo caption or credit: "(Photo: A rebel fighter ...)", "(AP Photo/...)", "... in this file picture taken on
February 23", "This file photo shows ..." (not "the bigger picture", "In this picture of politics ..."), a caption
that ends in its credit ("... tras el sismo -crédito Ana Ruiz/REUTERS", "... - Foto: Ana Ruiz / AFP"), or in the place
and day it was taken, as a wire's captions do ("An employee counts money at a fuel station in Kolkata April 7 , 2011
."; not "... said on Monday, March 3, 2011")."""

_ACTS = (r"protest|demonstrate|gather|march|rally|chant|shout|celebrate|pray|mourn|call|hold|carry|walk|stand|sit"
         r"|wait|attend|look|react|gesture|listen|watch|arrive|leave|pose|greet|wave|flee|queue|line up|sing|dance|burn"
         r"|throw|cross|rest|sleep|clean|inspect|visit|help|pull|push|raise|hug|cry|weep|block|camp|occupy|storm"
         r"|surround|guard|patrol|search|take part|kneel|sweep|unload|distribute|receive|crowd|ride")
_ACTS_ONE = (r"walks|waves|talks|speaks|arrives|gestures|listens|looks|attends|poses|greets|shakes hands|stands|sits"
             r"|leaves|delivers|reacts|smiles|points|answers|testifies|addresses|visits|tours|inspects|departs|boards"
             r"|steps|enters|exits|prays|pauses|signs|laughs|waits|flies|rides|kneels|carries|chats|briefs|responds")
_SCENE = re.compile(
    r"^(?:(?:(?:Thousands|Hundreds|Dozens|Scores|Tens of thousands|Supporters|Members|Relatives|Residents) of\s+"
    r"(?:[\w'-]+\s+){0,3})?(?:[A-Z][\w'-]*\s+){0,3}[A-Za-z'-]{2,}(?:ers|ors|ans|ists|ants|ents|ees|ites|is|ple|men|ren"
    rf"|ies)\s+(?:{_ACTS})"
    rf"|(?!(?:When|If|As|Before|After|While|Until|Once|Since|Following|In|At|On)\b)(?:[\w.'-]+,?\s+){{0,5}}"
    rf"[A-Z][\w.'-]*\s+[A-Z][\w.'-]*\s+(?:{_ACTS_ONE}))\b(?!.*\bsa(?:id|ys)\b)"
    r"(?=.*\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))"
)
"""A photo caption: who does what, now, on a day named ("Demonstrators protest in central Cairo on Tuesday", "BP
Chief Executive Bob Dudley speaks at a press conference in London , Tuesday , Nov. 2 , 2010 ."). News tells a past
day in the past tense, or in the present with who says so; a caption tells the scene in the present."""

_LINK = re.compile(
    r"^\s*(?:Related(?:\s+\w+)?\s*:|Read (?:more|the full|also)\b|See also\b|Click (?:here|to)\b|Follow (?:us|@)"
    r"|Sign up\b|Subscribe\b|Share (?:this|on)\b|Watch (?:the|our|live|more|video)\b|More on this\b"
    r"|Leggi (?:anche|tutto)|Lire (?:aussi|la suite)|Leer más|Lee también|Lesen Sie (?:auch|mehr)|Mehr zum Thema"
    r"|Leia (?:mais|também)|Saiba mais)"
    r"|(?:»|>>)\s*$|^\s*(?:https?://|www\.\w)|href\s*=|\btune in to\b",
    re.IGNORECASE,
)
"""A link or promo line: "Related: ...", "Read more", "leggi tutto »", a bare address, "tune in to ..."."""

_NAVIGATION = re.compile(r"(?:^|\s)\|(?:\s|$)")
"""Menu items and polls separated by bars ("YES | NO ..."); a news sentence has no bar in it."""

_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]+){0,3}"
_LIST = re.compile(rf"{_NAME}(?:\s*,\s*{_NAME}){{3,}}(?:\s*,?\s+(?:and|y|et|e|und)\s+{_NAME})?")
"""A list of four or more names: a cast or a line-up, not something that happened, when it is most of the
sentence ("China, Russia, Germany, India and Brazil abstain" is news)."""
LIST_SHARE = 0.5

_BACKGROUND = re.compile(
    r"^\s*(?:About (?:the|this|our)\b|Background\b|Synopsis\b|Fact ?box\b|Profile\b|Check out the\b"
    r"|Sobre (?:el|la|o|a)\b|À propos\b|Chi è\b|Über (?:den|die|das)\b|Hintergrund\b|Sinossi\b|Sinopsis\b)",
    re.IGNORECASE,
)
"""A heading over background ("About the film", "Synopsis"): what follows it describes, it does not report."""

_LEAD_IN = re.compile(r":[\s'\"”’]*$")
"""A lead-in that ends in a colon, whose point is in the next sentence."""

_FRAGMENT = re.compile(rf"^\s*(?:{CODE_THEN_CLOSE})|^\s*{_OPEN}\s*\d{{1,2}}\s*{_CLOSE}")
"""A sentence that opens by closing a bracket ("L) spill that caused ...", "4) Ask other countries ...") or with a
number in brackets ("(2) Change the regulatory culture ..."): the rest of a sentence broken inside brackets, or an
item of a numbered list (a reader's comment, a quiz), not a report."""
_CUT = re.compile(r"^\s*[a-zß-öø-ÿ][^\sA-Z]*(?:\s|$)")
"""A sentence that opens with a word in lower case ("in Cairo 's Tahrir Square as ...", "said Reyes Alguilar , 62"):
cut off where a page was scraped, or a reader's comment; "iPhone" and "eBay" keep a capital. Not in a text written
all in lower case (a lower-cased corpus, a transcript), where every sentence opens so."""


_OPENERS = ("The|A|An|Some|Many|More|Several|Thousands|Hundreds|Dozens|Its|His|Her|Their|In|At|On|After|When|While|As"
            "|It|He|She|They|This|These|Those|There|Two|Three|Four|Five")
_GLUED = re.compile(rf"(?<=\S)\s+(?=(?:{_OPENERS})\s+(?![(\[]|-LRB-))")
_BEFORE_A_NAME = frozenset(
    "a an the of in on at to from by for with and or but nor as than that which who whom whose where when while after"
    " before since until into onto over under about against between among through during without within near across"
    " said says say told tells tell called calls named names met meets visited visits joined joins led leads like"
    " including include includes per via is are was were be his her its their our my your read reads wrote writes sued"
    " sues bought buys owns owned watched starred stars edited edits published publishes launched quit telling book"
    " novel film album song magazine newspaper programme 's ’s".split()
)
VERB_WITHIN = 11
"""How far into the news glued after a header its verb may be: a subject may run long ("The oil spill in the Gulf
of Mexico has ...")."""
_NEWS_VERB = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|said|says|told|can|could|may|might|must|did|does"
                        r"|\w+ed)\b")


_QUOTES = (("``", "''"), ("“", "”"), ("‘", "’"), ("«", "»"))
"""Quotation marks that say which way they face (Timeline17's text writes them as tokens: "`` We have ... ''")."""


def _in_quotation(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end: no header ends inside a quote ("`` We hold
    the city except neighborhood ` Number Two ' where ..." is one sentence). A lone "`" opens as a word of its own;
    a straight double quote is open after an odd number of them."""
    words = text.split()
    return (any(text.count(opening) > text.count(closing) for opening, closing in _QUOTES)
            or words.count("`") > words.count("'") or text.count('"') % 2 == 1)


def without_header(sentence: Sentence) -> Sentence:
    """The sentence after the headline or photo caption glued before it with no stop between them, if there is one
    ("Children pulled from Haiti rubble An 11-year-old girl has been pulled ...", as every BBC page of Timeline17
    opens): a narrower span of it.

    The news starts where a word that opens sentences ("The", "An", "In", "Some"...) follows a word that does not
    lead into a name ("of", "said", "his", "book", "'s"...), and what follows is a statement of its own (8 words or
    more, a verb among the first ``VERB_WITHIN``). After a word in capitals, "The World Tonight" or "In Lending Act"
    is more likely a title.
    """
    cut = 0
    for match in _GLUED.finditer(sentence.text):
        head = sentence.text[:match.start()]
        before, after = head.split(), sentence.text[match.end():].split()
        if (len(before) >= 3 and len(after) >= 8 and before[-1].lower() not in _BEFORE_A_NAME
                and not re.search(r"[:,;|`\"“-]$", before[-1]) and _NEWS_VERB.search(" ".join(after[:VERB_WITHIN]))
                and not (before[-1][0].isupper() and after[1][0].isupper()) and not _in_quotation(head)):
            cut = match.end()
    cut += _told_again(sentence.text[cut:])
    return replace(sentence, start=sentence.start + cut, text=sentence.text[cut:]) if cut else sentence


_NOT_BEFORE_ITS_SUBJECT = _BEFORE_A_NAME | frozenset(
    "how why whether if because so saying giving entitled titled".split())
_NOT_AFTER_A_SUBJECT = frozenset("a an the to of in on at for by with from".split())
_NOT_A_SUBJECT = frozenset(_OPENERS.split("|")) | {"I", "We", "You"}
"""First words of a sentence that a quote or a caption may well repeat: no sign of a header told again."""
_SUBJECT_WORD = re.compile(r"[A-ZÀ-ÖØ-Þa-zß-ÿ][\w'’.-]*")


def _told_again(text: str) -> int:
    """Where the news starts when a headline or caption glued before it opens with the same two words as the news
    ("Michael Jackson died from cardiac arrest in his rented home Michael Jackson 's death was homicide ...",
    "BP has faced mounting criticism ... BP has denied claims ..."): the offset of that second opening, else 0.

    The words before it must end a clause in lower case (not "Dr", not "how", not "saying"), and what follows
    the two words must not be a bare object ("giving Michael Jackson a lethal dose").
    """
    opening = text.split(None, 2)[:2]
    if len(opening) < 2 or f" {opening[0]} {opening[1]} " not in text:  # most sentences: no second opening at all
        return 0
    spans = [(m.start(), m[0]) for m in re.finditer(r"\S+", text)]
    words = [word for _, word in spans]
    if (len(words) < 14 or not words[0][0].isupper() or words[0] in _NOT_A_SUBJECT
            or not all(_SUBJECT_WORD.fullmatch(word) for word in words[:2])):
        return 0
    for i in range(3, len(words) - 8):
        if (words[i:i + 2] == words[:2] and words[i - 1][0].islower() and words[i - 1] not in _NOT_BEFORE_ITS_SUBJECT
                and words[i + 2].lower() not in _NOT_AFTER_A_SUBJECT
                and _NEWS_VERB.search(" ".join(words[i:i + VERB_WITHIN])) and not _in_quotation(text[:spans[i][0]])):
            return spans[i][0]
    return 0


def junk_reason(text: str) -> str | None:
    """Why this sentence is no statement ("question", "comment", ...), or ``None`` when it may be one."""
    listed = _LIST.search(text)
    if listed and len(listed[0]) >= LIST_SHARE * len(text):
        return "list"
    for reason, pattern in (("comment", _COMMENT), ("comment", _THREAD), ("question", _QUESTION), ("stamp", _STAMP),
                            ("stamp", _AGO), ("speaker", _SPEAKER), ("byline", _BYLINE), ("byline", _BYLINE_TITLED),
                            ("byline", _BYLINE_NEWS), ("byline", _CREDITS), ("caption", _CAPTION), ("caption", _SCENE),
                            ("link", _LINK), ("navigation", _NAVIGATION), ("lead-in", _LEAD_IN),
                            ("fragment", _FRAGMENT), ("cut", _CUT)):
        if pattern.search(text):
            return reason
    return None


_LEANS = re.compile(
    r"(?:''|\"|”)\s*,?\s*(?:he|she|they|it)\s+(?:said|says|added|told|wrote|explained)\b"
    r"|^\s*(?:``|\"|“)(?!.*(?:''|\"|”))"
)
"""A sentence that leans on the one before: it quotes someone named only "he" ("'This is not enough,' he said"),
or opens a quote it does not close. (Opening with a pronoun is common in the gold timelines' own sentences: a
weight on it cost ROUGE on both halves of Timeline17.)"""


def leans_on_context(text: str) -> bool:
    """True when the sentence says little read alone, as a timeline entry is."""
    return bool(_LEANS.search(text))


def update_stamp(text: str) -> str | None:
    """The live-blog update stamp the sentence opens with, if any: it says when what follows was posted."""
    stamp = _UPDATE_STAMP.match(text)
    return stamp[0] if stamp else None


def without_prefix(sentence: Sentence) -> Sentence:
    """The sentence after its time stamps and dateline, if it has any: a narrower span of the same sentence."""
    cut = 0
    while (match := _PREFIX.match(sentence.text[cut:])) and match.end():
        cut += match.end()
    if not cut or cut == len(sentence.text):
        return sentence
    return replace(sentence, start=sentence.start + cut, text=sentence.text[cut:])


def statements(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences of one article that may be cited: no junk, stamps cut off, nothing from its comments on,
    nothing under a background heading ("About the film") until the next heading."""
    kept: list[Sentence] = []
    background = False
    sentences = list(map(without_prefix, sentences))
    lower_case = sum(bool(_CUT.match(s.text)) for s in sentences) > len(sentences) / 2
    for sentence in sentences:
        if is_heading(sentence):
            background = bool(_BACKGROUND.match(sentence.text))
        reason = junk_reason(sentence.text)
        if reason == "comment":
            break
        if reason is None and (news := without_header(sentence)) is not sentence and not junk_reason(news.text):
            sentence = news
        if (reason is None or reason == "cut" and lower_case) and not background:
            kept.append(sentence)
    return kept
