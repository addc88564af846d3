"""Cleaning: drop boilerplate lines and detect the language.

Boilerplate is found two ways: a small rule set for the prompts every site
uses, and lines that repeat across several articles of the same outlet
(learned as articles arrive, so it improves with the corpus).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from storyline.lexicon import stop_words
from storyline.model import Article
from storyline.sentences import CLOSE_BRACKET, last_sentence_start
from storyline.temporal_words import ALL_MONTHS

MIN_REPEATS = 3
"""A line seen in this many articles of one outlet is that outlet's boilerplate."""
MAX_BOILERPLATE_CHARS = 300
"""Longer lines are prose even when repeated (a syndicated background paragraph)."""
_RULE_MAX_CHARS = 400

_RULE_LINES = [
    r"advert(isement)?", r"sponsored( content)?", r"story continues below", r"skip to (main )?content",
    r"(also )?read( more| also)?\s*:.*", r"related( articles?| stories)?\s*:.*", r"recommended( for you)?",
    r"share (this|on)\b.*", r"click here\b.*", r"follow us\b.*", r"image (source|copyright|caption)\b.*",
    r"(photo|picture)( credit)?\s*:.*", r"©.*", r"copyright\b.*",
    # Spanish, French, Italian, German, Portuguese
    r"publicidad", r"anuncio", r"publicité", r"pubblicità", r"anzeige", r"werbung", r"publicidade",
    # an ad label over a paid post: "– Anzeige: Dieser Beitrag entstand in Zusammenarbeit mit ... –"
    r"[-–—]?\s*(advertisement|sponsored|paid (post|content)|anzeige|werbung|publicidad|publicité|pubblicità)\s*:.*",
    r"(lee|leer|lea) (también|más)\s*:.*", r"(lire|à lire) aussi\s*:.*", r"leggi anche\s*:.*",
    r"(lesen sie )?auch\s*:.*", r"leia (também|mais)\s*:.*",
    r"(compartir|partager|condividi|teilen|compartilhe?)\b.{0,40}", r"(foto|photo)\s*:.*", r"bild\s*:.*",
    # rights notices and "continue reading" links, alone on their line
    r"(all rights reserved|(tutti i )?diritti riservati|riproduzione riservata|(todos los )?derechos reservados"
    r"|tous droits réservés|alle rechte vorbehalten|(todos os )?direitos reservados)\.?",
    r"(continue reading|continua a leggere|sigue leyendo|lire la suite|weiterlesen|continuar lendo)\b.{0,40}",
    r"(vedi|ver|voir|siehe|veja) (anche|también|aussi|auch|também)\s*:.*",
]
_RULES = re.compile("^(" + "|".join(_RULE_LINES) + ")$", re.IGNORECASE)
_PROMPT_WORDS = (
    "sign up", "sign me up", "subscribe", "newsletter", "inbox", "cookie", "privacy policy",
    "all rights reserved", "register", "log in", "login", "sign in",
    "suscríbete", "suscribirse", "boletín", "política de privacidad", "iniciar sesión",  # es
    "abonnez-vous", "s'abonner", "se connecter", "politique de confidentialité",  # fr
    "iscriviti", "abbonati", "accedi", "informativa sulla privacy",  # it
    "abonnier", "anmeld", "angemeldet", "datenschutz", "registrier",  # de (stems: "Registrierung", "angemeldet")
    "assine", "inscreva-se", "entrar", "política de privacidade",  # pt
)
"""A line holding two of these is a sign-up or cookie prompt, in any of the languages read."""
_DIGITS = re.compile(r"\d+")


def _fingerprint(canonical: str) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(canonical.split()).encode(), digest_size=8).digest(), "big", signed=True)


_DAY = r"\d{1,2}(?:st|nd|rd|th|er|º|°|\.)?"
_CHRONOLOGY = re.compile(rf"^[\s*•·-]*(?:{_DAY}\s+(?:de\s+)?(?:{ALL_MONTHS})|(?:{ALL_MONTHS})\.?\s+{_DAY})"
                         rf"(?:\s*,?\s+\d{{4}})?\s*[-–—:]\s", re.IGNORECASE)
"""A line of a chronology, headed by its day and a dash or colon ("February 24 - Rebels take Misrata ."): a wire
repeats its factbox in every report of a story, but its dated lines are what a timeline reads, not boilerplate."""


def is_chronology(line: str) -> bool:
    return bool(_CHRONOLOGY.match(line))


def line_key(line: str) -> int:
    """A stable fingerprint of a line that ignores case, spacing and numbers."""
    return _fingerprint(_DIGITS.sub("0", line.lower()))


def line_keys(text: str) -> set[int]:
    """Fingerprints of an article's candidate boilerplate lines (short, non-empty), and of the last sentence of its
    last line when that holds several (``glued_tail``).

    Case and digits are folded over the whole text at once: one regex pass
    per article instead of one per line.
    """
    text = text.rstrip()
    lines = text.split("\n")
    folded = _DIGITS.sub("0", text.lower()).split("\n")
    keys = {_fingerprint(canonical) for line, canonical in zip(lines, folded)
            if 0 < len(line) <= MAX_BOILERPLATE_CHARS and not is_chronology(line)}
    if tail := glued_tail(lines[-1]):
        keys.add(line_key(tail))
    return keys


_AFTER_BRACKET = re.compile(rf"{CLOSE_BRACKET}\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
"""A closing bracket before a capital: where text glued to a bracketed credit ("(Reporting by ...)") starts."""


def glued_tail(line: str) -> str:
    """The last sentence of a line of several (or what follows its last closing bracket), when it is short enough
    to be boilerplate; else "".

    Scraped pages glue some boilerplate to the article's last paragraph (a
    publisher's promo after the last sentence or after a wire credit), so it
    never stands on a line of its own: learned like a line, it is cut from
    the end of the text.
    """
    start = max(last_sentence_start(line), max((m.end() for m in _AFTER_BRACKET.finditer(line)), default=0))
    return line[start:] if start and len(line) - start <= MAX_BOILERPLATE_CHARS else ""


def is_rule_boilerplate(line: str, prompt_words: Sequence[str] = _PROMPT_WORDS) -> bool:
    """True for prompts and labels no story needs; long prose is never touched. ``prompt_words`` may be narrowed to
    those the whole text holds."""
    if len(line) > _RULE_MAX_CHARS:
        return False
    if _RULES.match(line):
        return True
    lower = line.lower()
    return len(prompt_words) >= 2 and sum(map(lower.__contains__, prompt_words)) >= 2


_RIGHTS_TAIL = re.compile(r"(?<=[.!?\"'”»])\s+©[^\n]{0,100}$")
"""A rights notice glued after the last sentence: "... un accordo. © RIPRODUZIONE RISERVATA"."""


def clean_text(text: str, repeated: Collection[int] = ()) -> str:
    """Remove boilerplate lines; ``repeated`` holds keys learned for the outlet."""
    lower = text.lower()
    prompt_words = [word for word in _PROMPT_WORDS if word in lower]  # a line holds no word its text lacks
    kept = []
    for line in text.rstrip().split("\n"):
        if line and (
            is_rule_boilerplate(line, prompt_words)
            or (repeated and len(line) <= MAX_BOILERPLATE_CHARS and line_key(line) in repeated
                and not is_chronology(line))
        ):
            continue
        kept.append(line)
    if repeated and kept and (tail := glued_tail(kept[-1])) and line_key(tail) in repeated:
        kept[-1] = kept[-1][:-len(tail)].rstrip()
    if kept:
        kept[-1] = _RIGHTS_TAIL.sub("", kept[-1])
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


CONFIDENT = 0.9
"""py3langid's (normalised) probability from which its guess is taken as it is. Long texts score 0.99 and more;
headlines mostly fall below, and a short English headline can come out as Nigerian Pidgin or Luxembourgish."""


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the text's language, from py3langid's bundled model, and how sure it is (0 to 1)."""
    sample = text[:600]
    if len(sample.split()) < 3:
        return "", 0.0
    language, probability = _identifier().classify(sample)
    return language, float(probability)


def detect_language(text: str) -> str:
    return guess_language(text)[0]


def settle_languages(articles: Sequence[Article], outlets: Mapping[str, str] | None = None) -> None:
    """Give each article whose language was guessed without confidence the language of its outlet, else the
    language most of the batch is confidently in, unless the text's own stop words back the guess.

    ``outlets`` holds what is already known of each outlet's language (from
    the store); this batch's confident articles add to it.
    """
    confident = [a for a in articles if a.language and a.language_confidence >= CONFIDENT]
    by_outlet: dict[str, Counter[str]] = {}
    for article in confident:
        by_outlet.setdefault(article.source, Counter())[article.language] += 1
    batch = Counter(a.language for a in (confident or articles) if a.language).most_common(1)
    for article in articles:
        if article.language_confidence >= CONFIDENT:
            continue
        known = by_outlet.get(article.source)
        fallback = (outlets or {}).get(article.source) or (known.most_common(1)[0][0] if known else "") or (
            batch[0][0] if batch else "")
        if fallback and fallback != article.language and not _backed(article.text, article.language, fallback):
            article.language = fallback
            article.metadata.pop("paragraph_languages", None)


def _backed(text: str, guess: str, fallback: str) -> bool:
    """Whether the text holds at least two stop words of the guessed language, and more than of the fallback's."""
    if not guess:
        return False
    words = set(text.lower().split())
    own = len(stop_words(guess).intersection(words))
    return own >= 2 and own > len(stop_words(fallback).intersection(words))


PARAGRAPH_WORDS = 12
"""Paragraphs shorter than this are too short to tell their language reliably."""


OWN_STOP_SHARE = 0.1
"""A paragraph whose distinct stop words of the article's language make up this share of its words is in it."""


def paragraph_languages(text: str, language: str) -> list[tuple[int, str]]:
    """(start offset, language) of each paragraph, when the text mixes languages; else nothing.

    Only paragraphs long enough to tell count; a short one (a caption, a
    quote) follows the paragraph before it. A paragraph full of the article
    language's stop words is taken to be in it without asking the
    classifier, which keeps this cheap for the usual one-language article.
    """
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        words = line.lower().split()
        if len(words) >= PARAGRAPH_WORDS:
            found.append((offset, language if _written_in(words, language) else _other(line, words, language)))
        offset += len(line) + 1
    return found if len({found_language for _, found_language in found}) > 1 else []


def _written_in(words: list[str], language: str) -> bool:
    """True when enough of the words are that language's stop words (always false without a list)."""
    stop = stop_words(language) if language else frozenset()
    return bool(stop) and len(stop.intersection(words)) >= OWN_STOP_SHARE * len(words)


def _other(line: str, words: list[str], language: str) -> str:
    """The classifier's language for a paragraph, if its own stop words confirm it; else the article's."""
    guess = detect_language(line)
    return guess if _written_in(words, guess) else language


def language_at(article: Article, offset: int) -> str:
    """The language of the paragraph holding ``offset``: the article's own unless it mixes languages."""
    language = article.language
    for start, paragraph_language in article.metadata.get("paragraph_languages", ()):
        if start > offset:
            break
        language = paragraph_language
    return language


def clean_article(article: Article, repeated: Collection[int] = ()) -> Article:
    """Fill ``text`` and ``language`` (and the languages of its paragraphs, if they differ).

    A guess made without confidence (``language_confidence``) is settled
    later against the article's outlet and batch (``settle_languages``).
    """
    article.text = clean_text(article.raw_text, repeated) or article.raw_text
    if not article.language:
        article.language, article.language_confidence = guess_language(article.text)
        mixed = paragraph_languages(article.text, article.language)
        if mixed:
            article.metadata["paragraph_languages"] = mixed
    return article


def repeated_keys(counts: dict[int, int], keys: Iterable[int]) -> set[int]:
    """The keys among ``keys`` seen often enough to be boilerplate."""
    return {key for key in keys if counts.get(key, 0) >= MIN_REPEATS}
