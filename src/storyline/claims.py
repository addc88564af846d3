"""Claims about quantities a story reports over time (the dead, the injured, the missing, cases of a disease),
as histories: first reported, raised, confirmed by another outlet, each value citing its sentence.

English word tables for now. A figure about the past (a sentence naming an earlier year: "the 1918 pandemic
killed 50 million") or asked about (a question) is no claim about the story.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from storyline.entity_words import CALENDAR
from storyline.model import Article, Sentence

_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s(?P<scale>thousand|million|billion))?(?![\d%-])"
_HEDGE = (r"(?P<hedge>at least|as many as|up to|more than|over|about|around|nearly|almost|an estimated|some|"
          r"roughly|approximately)?\s*")
_PEOPLE = r"(?:\s+(?:people|persons|civilians|residents|Haitians|others))?"
if TYPE_CHECKING:
    from storyline.states import StateClaim

METHOD = "figures-running-totals-scopes-4"
"""Names the way claims are read, so kept results are redone when it changes."""
PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "dead": [re.compile(p, re.IGNORECASE) for p in (
        r"death toll\b[^.;?]{0,60}?\b(?:to|at|of|reached|hit|passed|above|past|is|was|stands at|stood at)\s+"
        + _HEDGE + _NUMBER,
        r"\b(?:killed|killing|kills)\s+" + _HEDGE + _NUMBER + _PEOPLE,
        _HEDGE + _NUMBER + _PEOPLE + r"\s+(?:have been|had been|were|are|being)\s+(?:confirmed\s+)?killed",
        _HEDGE + _NUMBER + _PEOPLE + r"\s+(?:are\s+|were\s+)?(?:dead|deaths|have died|had died|died)\b",
    )],
    "injured": [re.compile(_HEDGE + _NUMBER + _PEOPLE + r"\s+(?:were\s+|have been\s+)?(?:injured|wounded|hurt)\b",
                           re.IGNORECASE)],
    "missing": [re.compile(_HEDGE + _NUMBER + _PEOPLE + r"\s+(?:are\s+|were\s+|remain\s+)?missing\b", re.IGNORECASE)],
    "cases": [re.compile(p, re.IGNORECASE) for p in (
        _HEDGE + _NUMBER + r"\s+(?:confirmed\s+|laboratory-confirmed\s+|reported\s+)?cases\b",
        r"\bcases\b[^.;?]{0,40}?\b(?:to|reached|hit|passed|above|past|stands at|stood at)\s+" + _HEDGE + _NUMBER,
    )],
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_CUES = re.compile(r"\d.*\b(?:toll|kill|dead|died|death|injur|wound|hurt|missing|cases)|"
                   r"\b(?:toll|kill|dead|died|death|injur|wound|hurt|missing|cases).*\d", re.IGNORECASE)
"""A sentence worth reading for figures holds a number and one of the words they are given with."""
_PLACE = r"(?P<place>(?:[A-Z][\w'’.-]*)(?:\s(?:[A-Z][\w'’.-]*|of|and))*)"
_SCOPES = [re.compile(p) for p in (
    r"\b(?:in|across|throughout|inside)\s+(?:the\s+)?" + _PLACE,
    _PLACE + r"\s?['’]s\s+(?:\w+\s+){0,3}?(?:death toll|toll|cases|deaths)",
)]
_WORLD = re.compile(r"\b(?:worldwide|world|global|globally|countries)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_HABITUAL = re.compile(r"\b(?:each|every|a|per) year\b|\bannually\b|\bseasonal\b|\btypically\b", re.IGNORECASE)
_RUNNING = re.compile(r"\b(?:death toll|toll|tally|so far|in total|a total of|to date|since|overall|altogether|"
                      r"cumulative|confirmed|reported|has risen|has climbed|have risen|rose to|risen to|now|"
                      r"there (?:are|have been))\b", re.IGNORECASE)
"""Words that make a figure a running total (the death toll so far) rather than one day's or one place's count."""
DISAGREE = 0.25
"""Two running totals given the same day by two outlets contradict each other when they differ by more than this
share of the day's figure."""
SCALE = 10
"""How far from the median of a story's figures (as a factor) a figure may be and still belong to its history."""


@dataclass(frozen=True)
class Claim:
    """One figure a sentence gives: ``attribute`` (dead, injured, missing, cases), its value and its hedge
    ("at least"), with where it was read and when it was published."""

    attribute: str
    value: int
    hedge: str
    running: bool
    """Said as a total so far ("the death toll rose to", "have been killed since"), not one day's count."""
    text: str
    article_id: str
    sentence_index: int
    source: str
    published: date | None
    scope: str = ""
    """Where the figure counts: the place named with it ("in Mexico", "Mexico's toll"), "world" for a global
    tally, "" when the sentence says neither."""


@dataclass(frozen=True)
class Step:
    """A step of a history: a claim that raised the figure (``first``, ``updated``) and the later claims from
    other outlets that gave the same figure (``confirmed_by``)."""

    status: str
    claim: Claim | StateClaim
    confirmed_by: tuple[Claim | StateClaim, ...] = ()
    contradicted_by: tuple[Claim | StateClaim, ...] = ()
    """Other outlets that gave a figure more than ``DISAGREE`` apart on a day the step stood."""


def claims(article: Article, sentences: Sequence[Sentence]) -> list[Claim]:
    """The figures an article's sentences give about the story as it is now."""
    found = []
    for sentence in sentences:
        text = sentence.text
        if (not _CUES.search(text) or text.rstrip().endswith("?") or about_the_past(text, article.published)
                or _HABITUAL.search(text)):
            continue
        for attribute, patterns in PATTERNS.items():
            for match in (m for pattern in patterns for m in pattern.finditer(text)):
                value = _value(match)
                if value >= 2:
                    found.append(Claim(attribute, value, (match["hedge"] or "").lower(), bool(_RUNNING.search(text)),
                                       text, article.id, sentence.index, article.source, article.published,
                                       _scope(text, match.start("n"))))
                    break  # one figure per attribute and sentence: the first pattern that reads one
    return found


def history_name(claim: Claim) -> str:
    """Which history a figure belongs to: its attribute, and the place it counts in ("dead in Mexico")."""
    if claim.scope == "world":
        return f"{claim.attribute} worldwide"
    return f"{claim.attribute} in {claim.scope}" if claim.scope else claim.attribute


def histories(found: Iterable[Claim]) -> dict[str, list[Step]]:
    """Per attribute and place (see ``history_name``), how the figure went as days passed, read from running
    totals when there are some: each day's figure (the one most of its claims give, the higher on a tie) becomes
    a step when it differs from the last (``updated`` up, ``revised`` down); the same figure from another outlet
    confirms the step, and one far from it the same day contradicts it. Figures far from the story's usual scale
    (a tenth of its median or less, or ten times or more: one town's count, a figure from another epidemic) are
    left out."""
    result: dict[str, list[Step]] = {}
    by_attribute: dict[str, list[Claim]] = {}
    for claim in found:
        by_attribute.setdefault(history_name(claim), []).append(claim)
    for attribute, group in by_attribute.items():
        running = [c for c in group if c.running]
        group = running if len(running) >= 2 else group  # totals tell the story's course; one day's counts do not
        usual = statistics.median(c.value for c in group)
        kept = sorted((c for c in group if usual / SCALE < c.value < usual * SCALE),
                      key=lambda c: (c.published or date.min, c.article_id, c.sentence_index))
        steps: list[Step] = []
        for _, day in itertools.groupby(kept, key=lambda c: c.published):
            claims_of_day = list(day)
            counts = Counter(c.value for c in claims_of_day)
            value = max(counts, key=lambda v: (counts[v], v))
            chosen = [c for c in claims_of_day if c.value == value]
            if not steps or value != steps[-1].claim.value:
                status = "first" if not steps else "updated" if value > steps[-1].claim.value else "revised"
                steps.append(Step(status, chosen[0]))
                chosen = chosen[1:]
            last = steps[-1]
            others = _by_outlet(c for c in chosen if c.source != last.claim.source
                                and c.source not in {x.source for x in last.confirmed_by})
            against = _by_outlet(c for c in claims_of_day if c.source not in {last.claim.source, *(
                x.source for x in last.contradicted_by)} and abs(c.value - value) > DISAGREE * value)
            steps[-1] = replace(last, confirmed_by=(*last.confirmed_by, *others),
                                contradicted_by=(*last.contradicted_by, *against))
        result[attribute] = steps
    return result


RELATIONS = ("same", "updated", "contradicted", "unrelated")


def relation(earlier: Claim, later: Claim) -> str:
    """How a later figure stands to an earlier one: about another thing (another attribute or place, or one day's
    count beside a running total), the same figure, a different one from another outlet within a day and far apart
    (contradicted), or a newer value of the same total (updated)."""
    if earlier.attribute != later.attribute or not (earlier.running and later.running):
        return "unrelated"
    if earlier.scope != later.scope:
        return "unrelated"  # Mexico's toll and the world's; a place named beside one said nowhere
    if earlier.value == later.value:
        return "same"
    days = abs((later.published - earlier.published).days) if earlier.published and later.published else 0
    apart = abs(later.value - earlier.value) > DISAGREE * max(earlier.value, later.value)
    if days <= 1 and apart and earlier.source != later.source:
        return "contradicted"
    return "updated"


def _scope(text: str, at: int) -> str:
    """The place named nearest the figure at ``at`` ("in Mexico", "Japan's cases"), else "world" for a global
    tally, else ""."""
    places = [(abs(m.start() - at), m["place"]) for pattern in _SCOPES for m in pattern.finditer(text)
              if m["place"].split()[0].lower() not in CALENDAR]
    if places:
        return re.sub(r"(?:\s(?:and|of))+$", "", min(places)[1])
    return "world" if _WORLD.search(text) else ""


def _by_outlet(found: Iterable[Claim]) -> list[Claim]:
    """The first claim of each outlet."""
    first: dict[str, Claim] = {}
    for claim in found:
        first.setdefault(claim.source, claim)
    return list(first.values())


def _value(match: re.Match[str]) -> int:
    number = float(match["n"].replace(",", ""))
    return int(number * _SCALES.get((match["scale"] or "").lower(), 1))


def about_the_past(text: str, published: date | None) -> bool:
    """True when the sentence names a year before the article's: its figures are history, not this story."""
    if published is None:
        return False
    return any(int(year) < published.year for year in _YEAR.findall(text))
