"""Claims about states, read from sentences: how far a production has come (announced, writing, filming,
wrapped, released) or a case (arrested, charged, on trial, convicted, sentenced), what a follow-up is to be (a
prequel, a story of its own, not yet decided), where a story is set, and who wrote it.

Stages move forward: a later, further stage updates the history. Where a story is set and who wrote it do not
change: two outlets that say otherwise contradict each other, and both are cited. English word tables; a
negated clause ("no release date has been announced"), a question, or a sentence about an earlier year is no
claim.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from storyline.claims import Step, about_the_past
from storyline.model import Article, Sentence

METHOD = "states-3"
_NAMES = r"(?P<value>[A-Z][\w'’.-]+(?:(?:,? and |, | )[A-Z][\w'’.-]+)*)"
_PLACES = r"(?P<value>[A-Z][\w'’.-]+(?:(?:, | )[A-Z][\w'’.-]+)*)"
STAGES: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "production": [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in (
        ("in development", r"\bdeal (?:is|was|has been) closed\b|\bgreen-?lit\b|"
                           r"\b(?:sequel|film|movie|series|season|book)\b[^.;]{0,60}\bin (?:the works|development)\b"),
        ("writing", r"\b(?:start(?:ed)?|began|begun|begin|is|was) writing\b|\bwriting (?:has )?(?:started|begun)\b"),
        ("filming", r"\b(?:filming|shooting) (?:has |have )?(?:started|begun|began|is under ?way)\b|"
                    r"\bbegan (?:filming|shooting)\b|\bin production\b"),
        ("wrapped", r"\b(?:filming|shooting|production)\b[^.;]{0,40}?\b(?:wrapped|finished|completed)\b|"
                    r"\bwrapped (?:filming|shooting)\b|\bcomplet\w+ (?:the )?(?:shooting|filming)\b"),
        ("released", r"\bpremiered\b|\b(?:was|is|has been) released (?:in (?:theaters|cinemas)|on (?:Netflix|"
                     r"streaming))\b|\bopened in (?:theaters|cinemas)\b"),
    )],
    "case": [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in (
        ("arrested", r"\b(?:was|were|been|is|are) arrested\b"),
        ("charged", r"\b(?:was|were|been|is|are) charged with\b"),
        ("on trial", r"\btrial (?:began|opened|started|is under ?way)\b|\bwent on trial\b"),
        ("convicted", r"\b(?:was|were|been) (?:convicted|found guilty)\b"),
        ("sentenced", r"\b(?:was|were|been) sentenced to\b"),
        ("acquitted", r"\b(?:was|were|been) acquitted\b|\bfound not guilty\b"),
    )],
}
"""Each process's stages in the order they come."""
KINDS: list[tuple[str, re.Pattern[str]]] = [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in (
    ("not decided", r"\bwhether [^.;]{0,40}\b(?:forward|backward)s? in time\b|\bnot (?:yet )?decided whether\b"),
    ("prequel", r"\bprequel\b"),
    ("a story of its own", r"\b(?:its|their) own story\b|\bstand-?alone\b|\bwithout dependence on\b"),
)]
"""What a follow-up is to be."""
FIXED: dict[str, list[re.Pattern[str]]] = {
    "set in": [re.compile(r"\b(?:is|was|were|are) set in (?:the )?" + _PLACES),
               re.compile(r"(?i:\b(?:film|movie|story|plot|series|novel|book)\b[^.;]{0,20}?\b(?:revolves around|"
                          r"follows|cent(?:re|er)s on|is about|tells of)\b)[^.;]{0,80}?\b(?:in|from|to) " + _PLACES)],
    "written by": [re.compile(r"\b(?:screenplay|script)\b[^.;]{0,20}?\bby " + _NAMES),
                   re.compile(r"\bwritten by " + _NAMES)],
}
"""Facts about a work that do not change once true; where a plot happens ("the film follows a mercenary sent to
Dhaka") is where the work is set."""
_WORK = re.compile(r"\b(?:film|movie|sequel|prequel|series|season|episode|book|novel|play|album|game|script|"
                   r"screenplay|franchise)s?\b", re.IGNORECASE)
"""A production's stage and a follow-up's course are read only in articles about a work, a writing credit only
in a sentence about one (a news report is "written by" its reporter; a prisoner is "released")."""
_NEGATED = re.compile(r"\b(?:no|not|never|yet to|n't|without)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:–—]\s|\bbut\b|\band\b")
_CUES = re.compile(r"\b(?:writ|film|shoot|wrap|premier|releas|arrest|charg|trial|convict|guilty|sentenc|acquit|"
                   r"prequel|own story|stand-?alone|dependence|whether|set in|screenplay|script|deal|works|"
                   r"development|green|revolves|follows|centres|centers|about|tells of)", re.IGNORECASE)
"""Words one of the patterns needs: a sentence without any is not read further (most sentences)."""
_PERSON = re.compile(r"[A-Z][\w'’.-]+ [A-Z]")
"""A credit names people: two capitalised words at least ("by Americans" is no credit)."""


@dataclass(frozen=True)
class StateClaim:
    """One state a sentence gives: ``attribute`` (production, case, follow-up, set in, written by), its value,
    and where it was read."""

    attribute: str
    value: str
    text: str
    article_id: str
    sentence_index: int
    source: str
    published: date | None


def state_claims(article: Article, sentences: Sequence[Sentence]) -> list[StateClaim]:
    """The states an article's sentences give about the story as it is now."""
    found: list[StateClaim] = []
    about_work = bool(_WORK.search(article.text))
    for sentence in sentences:
        text = sentence.text
        if text.rstrip().endswith("?") or not _CUES.search(text):
            continue
        past = about_the_past(text, article.published)

        def claim(attribute: str, value: str) -> None:
            found.append(StateClaim(attribute, value, text, article.id, sentence.index, article.source,
                                    article.published))

        work = about_work and bool(_WORK.search(text))
        for process, stages in STAGES.items() if not past else ():  # "released in April 2020", told in 2022
            if process == "production" and not about_work:
                continue
            reached = [value for value, pattern in stages
                       if any(not _negated(text, m.start()) for m in pattern.finditer(text))]
            if reached:
                claim(process, reached[-1])  # the furthest stage the sentence says was reached
        kinds = [value for value, pattern in KINDS if pattern.search(text)] if about_work and not past else []
        if kinds:
            claim("follow-up", kinds[-1])
        for attribute, patterns in FIXED.items():
            match = next((m for pattern in patterns if (m := pattern.search(text))), None)
            if attribute == "written by" and (not work or not _PERSON.match(match["value"] if match else "")):
                continue
            if match and not _negated(text, match.start()):
                claim(attribute, match["value"].rstrip(".,"))
    return found


def _negated(text: str, at: int) -> bool:
    """True when the clause holding position ``at`` is negated: "no release date has been announced"."""
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, at)]
    clause_start = starts[-1] if starts else 0
    ends = [m.start() for m in _CLAUSE.finditer(text, at)]
    return bool(_NEGATED.search(text, clause_start, ends[0] if ends else len(text)))


def state_histories(found: Iterable[StateClaim]) -> dict[str, list[Step]]:
    """Per attribute, the states in publication order: a new value is a step (``updated``: a stage moved on, a
    plan was told anew), except for facts that do not change, where another article's other value contradicts
    the step; the same value from another outlet confirms it, and an earlier stage told later is left out."""
    result: dict[str, list[Step]] = {}
    ordered = sorted(found, key=lambda c: (c.attribute, c.published or date.min, c.article_id, c.sentence_index))
    for attribute, group in itertools.groupby(ordered, key=lambda c: c.attribute):
        steps: list[Step] = []
        for claim in group:
            last = steps[-1] if steps else None
            if last and claim.value == last.claim.value:
                if claim.source != last.claim.source and claim.source not in {c.source for c in last.confirmed_by}:
                    steps[-1] = replace(last, confirmed_by=(*last.confirmed_by, claim))
            elif last and attribute in FIXED:
                if claim.source != last.claim.source or claim.article_id != last.claim.article_id:
                    steps[-1] = replace(last, contradicted_by=(*last.contradicted_by, claim))
            elif last and attribute in STAGES and _rank(attribute, claim.value) < _rank(attribute, last.claim.value):
                continue  # an earlier stage told again later ("the deal closed in May") is background
            else:
                steps.append(Step("first" if not steps else "updated", claim))
        result[attribute] = steps
    return result


def _rank(process: str, value: str) -> int:
    return [v for v, _ in STAGES[process]].index(value)
