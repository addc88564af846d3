"""Entities: the people, organisations, places and works an article names.

The default extractor needs no model: it finds proper-noun phrases (runs of
capitalised words, with the particles names carry inside them) and guesses
a type from the words around each mention ("director Sam Hargrave",
"in Dhaka", "the film Extraction", "Extraction 2"). A spaCy pipeline the
user installed can type its names or stand in for it (``spacy_entities``);
all return the same ``Mention`` records, so alias resolution and everything
after it does not care which one ran.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from storyline.entity_words import (
    CALENDAR,
    GROUP_AFTER,
    HONORIFICS,
    NOT_NAMES,
    NOUN_MARKERS,
    ORGANISATION_BEFORE,
    ORGANISATION_HEADS,
    ORGANISATION_PREPOSITIONS,
    ORGANISATION_WORDS,
    PARTICLES,
    PERSON_AFTER,
    PLACE_BEFORE,
    PLACE_HEADS,
    PLACE_WORDS,
    ROLES,
    WORK_AFTER,
    WORK_BEFORE,
)
from storyline.lexicon import stop_words
from storyline.model import Article
from storyline.sentences import split_spans

EntityType = Literal["person", "organisation", "place", "work", "other"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organisation", "place", "work", "other")


@dataclass(slots=True, frozen=True)
class Mention:
    """One occurrence of a name in an article's cleaned text.

    ``type`` is what the words around this one occurrence suggest ("" when
    they suggest nothing); ``role`` is the noun that introduced it
    ("director", "actor"), kept as evidence for alias links.
    """

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    type: str = ""
    role: str = ""


class Extractor(Protocol):
    def mentions(self, article: Article) -> list[Mention]: ...


_POSSESSIVE = re.compile(r"['’]s?$")
_SEQUEL = re.compile(r"^\d{1,2}$")
_LIST_SEPARATORS = {", ", " and ", ", and ", " or ", " & "}
DEMONYM = re.compile(r"(?:[iy]ans?|eans?|ese|ish)$")
"""How names of peoples end (Libyan, Libyans, Sudanese, British): a word that is no person or place."""
_POSSESSIVES = {"'s", "’s", "'", "’"}
"""A possessive written apart from its name, as tokenised corpora do: Gaddafi 's son."""
_MODIFIED = re.compile(r"[a-zß-ÿ][\w-]{2,}$")
"""A lower-case word after a one-word name makes the name a modifier of that noun (Gaddafi forces)."""
_EXAMPLES = {"including", "like", "as"}
"""Words between a kind and its examples: blockbusters including Bird Box."""
_OPENERS = {'"', "“", "”", "‘", "’", "'", "(", "[", ":", "-", "–", "—", "`", "``", "«", "¿", "¡"}
_SMALL_WORDS = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "on", "at", "to", "from", "by", "of",
                "in", "with", "as", "vs", "via", "into", "onto", "over", "per", "off", "up", "out"}
"""The short words Title Case leaves in lower case: "Twitter Blacks Out for All Users"."""


_UPPER = "A-ZÀ-ÖØ-Þ"
_CAP = rf"(?:[a-z]{{1,3}}(?=[{_UPPER}]))?[{_UPPER}](?:[\w'’.&-]*\w)?"
"""A capitalised word, or one whose capital follows a short lower-case start (iPhone, eBay, deGrasse, macOS)."""
_PREFIX = r"(?:Mt|St|Ste|Ft|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|Sr|Sra|Dra)\."
_ABBREVIATED = rf"{_PREFIX}(?= (?!(?:The|A|An|This|That|He|She|It|They|We|In|On|At|But|And|Then)\b)[{_UPPER}])"
"""An abbreviation written with its stop before a name (Mt. Gox, St. Louis, Mr. Smith): inside the name, not the
end of a sentence, unless a sentence's usual first word follows."""
_INITIALS = r"(?:[A-Z]\.){2,}(?![\w.])"
"""Dotted initials (U.N., U.S.): a name of their own, with their last dot, that no name runs on from."""
_ARTICLE_PARTICLE = rf"(?:al|el)-{_CAP}"
"""An Arabic surname written with its article: al-Assad, el-Baradei."""
_RUN = re.compile(
    rf"(?<!\w)(?:{_INITIALS}|(?:{_ABBREVIATED}|{_CAP})(?:(?: (?:{'|'.join(sorted(PARTICLES))}))? (?!{_INITIALS})"
    rf"(?:{_ABBREVIATED}|{_CAP})| {_ARTICLE_PARTICLE}"
    rf"| \d{{1,2}}(?!\w|[.,:/]\d))*"
    rf"(?:: {_CAP}(?:(?: (?:and|&|of|the))? {_CAP})*)?)"
)
"""A run of capitalised words, the particles and abbreviations inside names, a sequel number, a subtitle (Thor: Love
and Thunder)."""
_SKIPPED = re.compile(rf"\b(?:{'|'.join(w.capitalize() for w in sorted(CALENDAR | NOT_NAMES))})\b")
_MID_SENTENCE = re.compile(rf"[{_UPPER}](?<=[\w,;)] .)[\w'’.&-]*\w")
"""A capitalised word after a word or a comma (the capital is matched before looking behind it: much faster)."""
_CREDIT = re.compile(r"(?:Credits?|Photos?|Picture|Image|Foto|Fotos|Bild|Quelle|Source|Fuente|Fonte|Crédit|Crédito): ")
"""The label of a photo credit or a source line, which a run of capitalised words takes in with its colon (as it
takes in "Star Wars: The Force Awakens")."""
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-zß-ÿ][\w'’-]*")
"""A word written in lower case, not the end of a contraction (the "t" of "Doesn't")."""
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_TITLE_CASE_WORDS = re.compile(
    r"(?<= )(?:With|From|Into|About|After|Over|What|When|That|This|Have|Will|Your|More|Than|Their|How|Why|For|And"
    r"|The|Are|Its)\b"
)


def without_article(word: str) -> str:
    """A surname without its Arabic article (al-Assad: Assad), which its short form leaves out."""
    return word[3:] if word[:3] in ("al-", "el-") and len(word) > 3 else word


def _ends_in_particle(name: str) -> bool:
    last = name[name.rfind(" ") + 1:]
    return last.islower() or bool(re.fullmatch(_PREFIX, last))  # "of" and "St.", not "al-Assad" or "iPhone"


def _is_stop_word(name: str, language: str) -> bool:
    """A "name" that is a stop word of English or of the article's language: "The", German's polite "Sie"."""
    lower = name.lower()
    return lower in stop_words() or (language not in ("", "en") and lower in stop_words(language))


def _opens(text: str, start: int) -> bool:
    """Whether a sentence or a line starts at ``start``: only spaces between it and a stop, an opening quote or
    the start."""
    at = start - 1
    while at >= 0 and text[at] == " ":
        at -= 1
    return at < 0 or text[at] in _OPENERS or text[at] in ".!?\n"


def bare_name(text: str) -> str:
    """The name without a possessive ending: Netflix’s -> Netflix."""
    if "'" not in text and "’" not in text:  # most words: skip the regular expression, called per word
        return text
    return _POSSESSIVE.sub("", text)


_AFTER_WORD = re.compile(rf"(?<!\bv[oa]n )\b(\w+) (?=([{_UPPER}][\w-]*)(?! [{_UPPER}]))")
"""A word and the capitalised word after it (which may be the next match's word) when no capitalised word follows
("die Spice Girls", "die Deutsche Bahn" are names), but for the article of a surname's particle ("von der
Leyen")."""
_CAPITALISED = re.compile(rf"\b[{_UPPER}][\w-]*")


def _common_nouns(text: str, language: str) -> frozenset[str]:
    """In a language that capitalises its nouns (``NOUN_MARKERS``), the capitalised words that name nothing: those
    the text writes after an article or a determiner ("die Hochzeit", "im Wasser"), and its stop words ("Sie",
    "Haben Sie", "Auch")."""
    markers = NOUN_MARKERS.get(language)
    if not markers:
        return frozenset()
    stop = stop_words(language)
    return frozenset(match[2] for match in _AFTER_WORD.finditer(text) if match[1].lower() in markers).union(
        word for word in set(_CAPITALISED.findall(text)) if word.lower() in stop)


def _known_names(text: str, lowered: set[str], runs: Iterable[re.Match[str]]) -> set[str]:
    """Words the article writes capitalised where a sentence does not start, or inside a name of several words."""
    known = {bare_name(w) for w in _MID_SENTENCE.findall(text)}
    for match in runs:
        words = match[0].split(" ")
        if len(words) > 1:
            known.update(without_article(bare_name(w.rstrip(":"))) for w in words[1:])
            if words[1][0].isupper() and words[0].lower() not in lowered:
                known.add(bare_name(words[0]))  # Mira, of Mira Okafor
    return known


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS or word.lower() in ROLES


def without_titles(words: list[str]) -> tuple[list[str], str]:
    """A name's words without the titles before it, and the last title (a role): "Syrian President Bashar
    al-Assad", "U.S. Defense Secretary Robert Gates" and "Prime Minister Gordon Brown" are people with their
    names after the title; a word before a title qualifies it (Syrian, Defense, Vice, Foreign)."""
    role = ""
    while len(words) > 1 and (_is_title(words[0]) or (len(words) > 2 and _is_title(words[1]))):
        if _is_title(words[0]):
            role = words[0].lower().rstrip(".")
        words = words[1:]
    return words, role


def title_case(sentence: str) -> bool:
    """Headlines in Title Case capitalise every word but a few short ones, so their capitals say nothing.

    Running text, however full of names, has a verb or a noun in lower case
    ("Obama met Cameron and Merkel in Berlin").
    """
    rest = sentence.split(" ", 1)[1] if " " in sentence else ""
    if rest.count(" ") < 3:
        return False
    lower = [word for word in _LOWER_WORD.findall(rest) if word.islower()]  # not iPhone
    return (not lower or len(_TITLE_CASE_WORDS.findall(rest)) >= 2
            or (_SMALL_WORDS.issuperset(lower) and sum(word[:1].isupper() for word in rest.split()) >= 3))


class RuleExtractor:
    """Proper-noun phrases with type guesses from context cues; no model, no download."""

    def mentions(self, article: Article) -> list[Mention]:
        text = article.text
        lowered = set(_LOWER_WORD.findall(text))
        known = _known_names(text, lowered, _RUN.finditer(text))
        nouns = _common_nouns(text, article.language)
        found: list[Mention] = []
        for index, (start, end) in enumerate(split_spans(text)):
            sentence = text[start:end]
            if title_case(sentence):
                continue
            previous: Mention | None = None
            for first, last in self._runs(sentence, _RUN.finditer(sentence), known, lowered, nouns):
                mention = self._mention(article.id, index, sentence, start, first, last, article.language)
                if mention is None:
                    continue
                if previous is not None and previous.type and not mention.type \
                        and text[previous.end:mention.start] in _LIST_SEPARATORS:
                    mention = replace(mention, type=previous.type)  # Dhaka, Bangladesh; Spenser Confidential and ...
                found.append(mention)
                previous = mention
        return found

    def names(self, text: str, language: str = "en") -> Iterator[str]:
        """Just the names, without types or positions: the cheap view the story clusterer uses."""
        lowered = set(_LOWER_WORD.findall(text))
        runs = list(_RUN.finditer(text))  # runs never cross a line, so one pass serves the whole text
        known = _known_names(text, lowered, runs)
        for start, end in self._runs(text, runs, known, lowered, _common_nouns(text, language)):
            words, _ = without_titles(text[start:end].split(" "))
            name = bare_name(" ".join(words))
            if len(name) > 1 and not _is_stop_word(name, language):
                yield name

    @staticmethod
    def _runs(sentence: str, runs: Iterable[re.Match[str]], known: set[str], lowered: set[str],
              nouns: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
        """Character spans of the names among ``runs`` of a text: without calendar words, common ``nouns`` or a
        sentence's first word."""
        for match in runs:
            run, position = match[0], match.start()
            if label := _CREDIT.match(run):  # "Credit: Clayton Aldern" names Clayton Aldern
                run, position = run[label.end():], position + label.end()
            head, colon, tail = run.partition(": ")
            if colon and " " not in head + tail and _opens(sentence, position):
                run, position = tail, position + len(head) + 2  # a kicker: "Study: Smartphones make ..."
            spans = [(position, match.end())]
            if _SKIPPED.search(run) or (nouns and not nouns.isdisjoint(run.split(" "))):
                spans = []  # split the run around "April", "I", "Geheimnis" (of "Geheimnis von Brigitte Bardot")
                for word in run.split(" "):
                    bare = bare_name(word.rstrip(":"))
                    joins = spans and spans[-1][1] == position - 1
                    if bare.lower() not in CALENDAR and bare.lower() not in NOT_NAMES and bare not in nouns and (
                            joins or not word.islower()):  # no particle left leading ("von Brigitte Bardot")
                        if joins:
                            spans[-1] = (spans[-1][0], position + len(word))
                        else:
                            spans.append((position, position + len(word)))
                    position += len(word) + 1
            for start, end in spans:
                start = RuleExtractor._trim_start(sentence, start, end, known, lowered)
                while start < end and _ends_in_particle(sentence[start:end]):
                    end = max(start, sentence.rfind(" ", start, end))  # a particle cannot end a name
                if start < end:
                    yield start, end

    @staticmethod
    def _trim_start(sentence: str, start: int, end: int, known: set[str], lowered: set[str]) -> int:
        """Skip a first word capitalised only for starting the sentence.

        It stays when the article names it elsewhere, or when it is never
        written in lower case and starts a name of several words.
        """
        if not _opens(sentence, start):
            return start
        first, _, rest = sentence[start:end].partition(" ")
        word = first.rstrip(":")
        if bare_name(word) in known or word[:1].islower():  # iPhone is not capitalised for starting a sentence
            return start
        if not (word.lower() in lowered or not rest or rest.partition(" ")[0].islower() or len(word) < 3):
            return start
        start += len(first) + 1
        while start < end and (not sentence[start].isalpha() or sentence[start:end].partition(" ")[0].islower()):
            following = sentence.find(" ", start, end)  # particles and numbers after it
            start = end if following < 0 else following + 1
        return start

    @staticmethod
    def _mention(article_id: str, sentence_index: int, sentence: str, offset: int, start: int,
                 end: int, language: str = "en") -> Mention | None:
        written = sentence[start:end].split(" ")
        words, role = without_titles(written)
        kind = "person" if role else ""
        start += sum(len(word) + 1 for word in written[:len(written) - len(words)])
        name = bare_name(" ".join(words))
        if not any(c.isalpha() for c in name) or len(name) < 2 or _is_stop_word(name, language):
            return None
        preceding = _WORD.findall(sentence[max(0, start - 60):start])
        before = preceding[-1].lower() if preceding else ""
        before2 = preceding[-2].lower() if len(preceding) > 1 else ""
        following = _WORD.findall(sentence[end:end + 40])
        after = following[0].lower() if following else ""
        end = start + len(name)
        if after in GROUP_AFTER:
            group_end = sentence.index(following[0], end) + len(following[0])
            name, end, kind = sentence[start:group_end], group_end, "other"
        elif not kind:
            possessive = name != " ".join(words) or after in _POSSESSIVES
            if possessive or (len(words) == 1 and _MODIFIED.match(after) and after not in PERSON_AFTER
                              and after not in stop_words()):
                before = ""  # from Gaddafi's son, in Libyan towns, on U.S. forces: the cue is about the noun
            if after in _POSSESSIVES:
                after = following[1].lower() if len(following) > 1 else ""
            kind, role = _guess(before, before2, after, words)
        return Mention(article_id, sentence_index, offset + start, offset + end, name, kind, role)


def _guess(before: str, before2: str, after: str, words: Sequence[str]) -> tuple[str, str]:
    """The type the neighbouring words suggest for one mention, and the noun that suggested it."""
    head, tail = words[0].lower(), bare_name(words[-1]).lower()
    if _SEQUEL.match(tail) and len(words) > 1:
        return "work", ""
    if len(words) == 1 and len(tail) > 1 and words[0].isupper():
        if "." not in words[0]:
            return "organisation", ""  # NATO, BBC: acronyms say "said" too
        if after in PERSON_AFTER:
            return "", ""  # the U.N. said: initials speak for bodies and countries, not people
    if len(words) == 1 and DEMONYM.search(tail) and after[:1].islower() and after not in PERSON_AFTER:
        return "other", ""  # Libyan rebels, Egyptian officials
    if len(words) > 2 and words[1] == "of":
        if head in ORGANISATION_WORDS:
            return "organisation", ""  # Bank of Ostmark
        if head in PLACE_WORDS:
            return "place", ""  # Gulf of Mexico
    if any(w.endswith(":") for w in words):
        return "work", ""
    if tail in ORGANISATION_WORDS and len(words) > 1:
        return "organisation", ""
    if len(words) > 1 and head in ORGANISATION_HEADS:
        return "organisation", ""
    if tail in PLACE_WORDS or head in PLACE_HEADS:
        return "place", ""
    if before in WORK_BEFORE or after in WORK_AFTER or (before in _EXAMPLES and before2 in WORK_BEFORE):
        return "work", ""
    if before in ROLES or before in HONORIFICS or after in PERSON_AFTER:
        return "person", before if before in ROLES or before in HONORIFICS else ""
    if before in ORGANISATION_BEFORE or (before == "to" and before2 == "according"):
        return "organisation", ""
    if before in PLACE_BEFORE and len(words) == 1:
        return "place", ""
    if before in ORGANISATION_PREPOSITIONS and len(words) == 1:
        return "organisation", ""
    return "", ""


DEFAULT_EXTRACTOR = RuleExtractor()
