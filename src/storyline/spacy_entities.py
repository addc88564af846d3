"""Entities with a spaCy pipeline the user installed (``pip install 'storyline[spacy]'`` and a pipeline such as
en_core_web_sm); nothing is downloaded.

``SpacyTypedExtractor`` keeps the rule extractor's names (every language) and takes their types from the
pipeline's NER where it recognises them, in articles of the pipeline's language: the default whenever a
pipeline is installed. ``SpacyExtractor`` uses the pipeline's NER alone (``storyline entities --spacy``).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from dataclasses import replace
from typing import Any

from storyline.entities import EntityType, Mention, RuleExtractor, bare_name
from storyline.model import Article
from storyline.sentences import split_sentences

ENV_SPACY = "STORYLINE_SPACY"
"""A pipeline to type entities with, or "none" for the rules alone; unset: the best English pipeline installed."""
PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")

SPACY_TYPES: dict[str, EntityType] = {
    "PERSON": "person", "PER": "person", "ORG": "organisation", "NORP": "other", "GPE": "place",
    "LOC": "place", "FAC": "place", "WORK_OF_ART": "work", "PRODUCT": "work", "EVENT": "other",
}
SKIPPED = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def installed_pipeline() -> str | None:
    """The pipeline entity types come from: ``STORYLINE_SPACY``, else the best of ``PREFERRED`` installed."""
    named = os.environ.get(ENV_SPACY)
    if named is not None:
        return None if named.strip().lower() in ("", "none", "off") else named.strip()
    return next((name for name in PREFERRED if _installed(name)), None)


@functools.cache
def _installed(pipeline: str) -> bool:
    """True when spaCy and this pipeline package are installed: found without importing them (spaCy takes
    seconds to import), once per process."""
    return all(importlib.util.find_spec(name) is not None for name in ("spacy", pipeline))


def load(nlp: Any) -> Any:
    """A loaded pipeline, given one or the name of an installed one."""
    if not isinstance(nlp, str):
        return nlp
    try:
        import spacy
    except ImportError as error:
        raise RuntimeError("spaCy is not installed: pip install 'storyline[spacy]'") from error
    try:
        return spacy.load(nlp)
    except OSError as error:
        raise RuntimeError(f"spaCy pipeline {nlp!r} is not installed: {error}") from error


class SpacyExtractor:
    """Named entities from the pipeline's NER alone; numbers and dates are left to the temporal stage."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = load(nlp)

    def mentions(self, article: Article) -> list[Mention]:
        sentences = split_sentences(article.id, article.text)
        found: list[Mention] = []
        for sentence, doc in zip(sentences, self.nlp.pipe(s.text for s in sentences)):
            for entity in doc.ents:
                if entity.label_ in SKIPPED:
                    continue
                text = bare_name(entity.text.strip())
                if len(text) < 2:
                    continue
                start = sentence.start + entity.start_char
                found.append(Mention(article.id, sentence.index, start, start + len(text), text,
                                     SPACY_TYPES.get(entity.label_, "other")))
        return found


class SpacyTypedExtractor:
    """The rule extractor's names, each typed by the pipeline's NER when an entity it finds covers the name."""

    def __init__(self, nlp: Any, rules: RuleExtractor | None = None) -> None:
        self.nlp = load(nlp)
        self.rules = rules or RuleExtractor()

    def mentions(self, article: Article) -> list[Mention]:
        found = self.rules.mentions(article)
        if not found or (article.language and article.language != self.nlp.lang):
            return found
        named = {m.sentence_index for m in found}
        sentences = [s for s in split_sentences(article.id, article.text) if s.index in named]
        spans: list[tuple[int, int, str]] = []
        for sentence, doc in zip(sentences, self.nlp.pipe(s.text for s in sentences)):
            spans += [(sentence.start + e.start_char, sentence.start + e.end_char, SPACY_TYPES[e.label_])
                      for e in doc.ents if e.label_ in SPACY_TYPES]
        return [replace(m, type=_covering(spans, m) or m.type) for m in found]


def _covering(spans: list[tuple[int, int, str]], mention: Mention) -> str:
    """The type of the entity span that holds the mention, if one does."""
    return next((kind for start, end, kind in spans if start <= mention.start and mention.end <= end), "")
