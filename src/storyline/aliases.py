"""Aliases: when two names in the articles are one person, organisation or work.

Two rules, each link carrying its evidence and a confidence:

- **Short forms.** "Russo" or "Joe" is the full name "Joe Russo" when that
  is the only full name in the article (else in the story) it can shorten,
  or when it is named at least twice as often as any other candidate. A
  surname is never resolved across stories: two people called Baker in two
  stories stay two people.
- **Other spelling, initials.** Two names that transliterate one name
  (Gaddafi, Gadhafi, Qaddafi) and are never written in one article, and
  initials with the one name of several words in the story they abbreviate
  (U.N. and United Nations), are one entity.
- **Same work, other title.** Two titles that are never named in the same
  article but appear with the same people, places and organisations (cast,
  director, characters) are one work under two titles, as a film released
  as *Extraction* in one market and *Rescue* in another. Their numbered
  sequels follow (*Extraction 2* / *Rescue 2*).

Resolution is pure: it takes the articles and their mentions and returns
entities, so it runs the same on one story or a whole store.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from storyline.entities import DEMONYM, ENTITY_TYPES, Mention, without_article
from storyline.model import AliasLink, Article, Entity
from storyline.name_variants import initials, initials_of, same_spelling, spelling_key

METHOD = "rules-titles-short-forms-spellings-initials-companions"
"""Names the way entities are found and resolved, so cached results are redone when it changes."""
DOMINANCE = 2.0
"""A short form goes to the most named of several candidates only when it is named this many times more."""
COMMON = 20
"""A spelling written in this many times more articles than another meets it once by chance (a quote, a headline
from another outlet) even when the other is written in only one or two."""
SHARED_ARTICLES = 0.25
"""Two spellings named together in more than this share of the rarer one's articles are two names (one outlet keeps
to one spelling; a reader's comment or a quote may bring in another)."""
MIN_SHARED = 3
"""Two titles are one work only if at least this many other entities appear with both."""
MIN_OVERLAP = 0.4
"""... and those make up at least this share of the smaller title's companions."""

_SEQUEL = re.compile(r"^(.*\S) (\d{1,2})$")
_ARTICLES = {"the", "a", "an"}
"""A name starting with one is not a person's full name: The Libyan."""


def name_key(text: str) -> str:
    """How names are compared: case, curly quotes and spacing do not matter."""
    return " ".join(text.replace("’", "'").casefold().split())


@dataclass
class _Entry:
    """What the mentions say about one name while resolving."""

    forms: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    written: set[str] = field(default_factory=set)
    """Articles that write this name itself, not only a short form of it."""
    mentions: int = 0
    links: list[AliasLink] = field(default_factory=list)

    @property
    def display(self) -> str:
        return self.forms.most_common(1)[0][0]

    def add(self, mention: Mention, article_id: str, *, own: bool = True) -> None:
        """Count a mention; one that is a short form of this name adds its cues but not its spelling."""
        if own:
            self.forms[mention.text] += 1
            self.written.add(article_id)
        self.votes[mention.type] += 1
        if mention.role:
            self.roles[mention.role] += 1
        self.articles.add(article_id)
        self.mentions += 1

    def absorb(self, other: _Entry) -> None:
        self.forms.update(other.forms)
        self.votes.update(other.votes)
        self.roles.update(other.roles)
        self.articles |= other.articles
        self.written |= other.written
        self.mentions += other.mentions
        self.links.extend(other.links)

    @property
    def type(self) -> str:
        """The type most mentions had a cue for; without cues, a guess from the name's shape."""
        voted = _votes_for(self)
        words = self.display.split()
        if len(words) == 1 and DEMONYM.search(self.display.lower()) and self.votes["person"] < 0.1 * self.mentions:
            return "other"  # Libyan, Libyans: a few cues out of thousands of mentions say little
        if voted:
            return voted
        if len(words) >= 2 and all(w[0].isupper() and w.isalpha() for w in words):
            return "person"
        if self.display.isupper() and len(self.display) > 1:
            return "organisation"
        return "other"


def _person_like(key: str, entry: _Entry | None) -> bool:
    """A full name a short form may stand for: two to four plain words, not typed as anything but a person."""
    words = key.split()
    if not 2 <= len(words) <= 4 or "of" in words or words[0] in _ARTICLES or any(not w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    return entry is None or _votes_for(entry) in ("person", "")


def _votes_for(entry: _Entry) -> str:
    """The type most mentions were given a cue for (ties in ``ENTITY_TYPES`` order), or "" when none was."""
    votes = {t: n for t, n in entry.votes.items() if t}
    return max(votes, key=lambda t: (votes[t], -ENTITY_TYPES.index(t))) if votes else ""


def _choose(candidates: Iterable[str], counts: Mapping[str, int]) -> tuple[str, float] | None:
    """The one candidate, or the dominant one, with how sure that is."""
    ranked = sorted(candidates, key=lambda k: (-counts[k], k))
    if len(ranked) == 1:
        return ranked[0], 1.0
    if ranked and counts[ranked[0]] >= DOMINANCE * counts[ranked[1]]:
        return ranked[0], 0.75
    return None


def _surname(key: str) -> str:
    """A name's last word as a short form writes it: Assad is short for Bashar al-Assad."""
    return without_article(key.split()[-1])


def _by_part(keys: Iterable[str]) -> dict[str, set[str]]:
    """Full names by their first and by their last word: what each one-word name may shorten."""
    by_part: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        by_part[key.split()[0]].add(key)
        by_part[_surname(key)].add(key)
    return by_part


def canonical_counts(counts: Counter[str]) -> Counter[str]:
    """Name counts of one article with each short form counted for the full name it shortens, when that is clear."""
    by_part = _by_part(k for k in counts if " " in k and _person_like(k, None))
    merged: Counter[str] = Counter()
    for key, n in counts.items():
        choice = _choose(by_part[key], counts) if " " not in key and key in by_part else None
        merged[choice[0] if choice else key] += n
    return merged


def _short_forms(
    per_article: Mapping[str, Counter[str]], entries: Mapping[str, _Entry], story_of: Mapping[str, Hashable]
) -> dict[tuple[str, str], str]:
    """(article id, short name) -> the full name it stands for in that article."""
    by_part = _by_part(k for k, e in entries.items() if _person_like(k, e))
    in_story: dict[Hashable, Counter[str]] = defaultdict(Counter)
    for article_id, counts in per_article.items():
        in_story[story_of.get(article_id, article_id)].update(counts)
    resolved: dict[tuple[str, str], str] = {}
    for article_id, counts in per_article.items():
        story_counts = in_story[story_of.get(article_id, article_id)]
        for short in counts:
            if " " in short or short not in by_part or _votes_for(entries[short]) not in ("person", ""):
                continue  # "America" is a place, not short for BP America
            here = [k for k in by_part[short] if k in counts]
            choice = _choose(here, counts)
            scope, confidence = "article", 0.9
            if choice is None:  # no full name here, or several alike: the story's most named one, if it stands out
                choice = _choose(here or [k for k in by_part[short] if k in story_counts], story_counts)
                scope, confidence = "story", 0.7
            if choice is None:
                continue
            full, sureness = choice
            resolved[article_id, short] = full
            _record(entries[full], AliasLink(
                alias=entries[short].display, name=entries[full].display, rule=f"short form in {scope}",
                confidence=round(confidence * sureness, 2),
                evidence=f"the only full name in the {scope} it can shorten" if sureness == 1.0 else
                f"named {story_counts[full] if scope == 'story' else counts[full]} times, "
                f"at least {DOMINANCE:g}x any other full name it can shorten",
            ))
    return resolved


def _spellings(entries: Mapping[str, _Entry]) -> list[tuple[str, str, AliasLink]]:
    """(kept, merged, link) for names spelt two ways and (nearly) never both in one article: outlets keep to one
    transliteration, while two people with alike names are named side by side."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for key in entries:
        if key.replace(" ", "").replace("-", "").isalpha():
            by_key[spelling_key(key)].append(key)
    links = []
    merged: dict[str, str] = {}
    for keys in by_key.values():
        ranked = sorted(keys, key=lambda k: (-entries[k].mentions, k))
        for i, kept in enumerate(ranked):
            for other in ranked[i + 1:]:
                if other in merged or kept in merged or not same_spelling(kept, other):
                    continue
                a, b = entries[kept], entries[other]
                together, rarer = len(a.written & b.written), min(len(a.written), len(b.written))
                chance = rarer >= 3 or len(a.written) >= COMMON * rarer  # one meeting, or one with a name that common
                if together > max(SHARED_ARTICLES * rarer, 1 if chance else 0):
                    continue
                merged[other] = kept
                links.append((kept, other, AliasLink(
                    b.display, a.display, "other spelling", 0.8,
                    f"spelt {a.display} in {len(a.written)} articles and {b.display} in {len(b.written)}, "
                    f"both in {together}")))
    return links


def _surname_spellings(entries: Mapping[str, _Entry]) -> list[tuple[str, str, AliasLink]]:
    """(kept, merged, link) for a one-word name spelt as another spelling of a full name's last word (Qaddafi for
    Muammar Gaddafi), unless the name is often a place (Georgia is not Lloyd George)."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key, entry in entries.items():
        if _person_like(key, entry):
            by_surname[spelling_key(_surname(key))].append(key)
    mentions = {key: entry.mentions for key, entry in entries.items()}
    links = []
    for key, entry in entries.items():
        if " " in key or not key.isalpha() or entry.votes["place"] >= 0.1 * entry.mentions:
            continue
        candidates = [full for full in by_surname.get(spelling_key(key), ()) if same_spelling(key, _surname(full))]
        choice = _choose(candidates, mentions)
        if choice is not None:
            full, sureness = choice
            links.append((full, key, AliasLink(entry.display, entries[full].display, "surname spelt another way",
                                               round(0.7 * sureness, 2),
                                               f"{entry.display} spells {_surname(entries[full].display)} another "
                                               "way")))
    return links


def _initials(entries: Mapping[str, _Entry]) -> list[tuple[str, str, AliasLink]]:
    """(kept, merged, link) for initials and the one longer name here they abbreviate: U.N., United Nations."""
    expansions: dict[str, list[str]] = defaultdict(list)
    for key, entry in entries.items():
        letters = initials_of(entry.display)
        if letters:
            expansions[letters].append(key)
    links = []
    mentions = {key: entry.mentions for key, entry in entries.items()}
    for key, entry in entries.items():
        letters = initials(entry.display)
        choice = _choose(expansions[letters], mentions) if letters else None
        if choice is None:
            continue
        full, sureness = choice
        kept, merged = sorted((key, full), key=lambda k: (-entries[k].mentions, k))
        links.append((kept, merged, AliasLink(
            entries[merged].display, entries[kept].display, "initials", round(0.8 * sureness, 2),
            f"{entry.display} are the initials of {entries[full].display}, the "
            + ("only name here they abbreviate" if sureness == 1.0 else "name here they abbreviate most often"))))
    return links


def _record(entry: _Entry, link: AliasLink) -> None:
    for i, known in enumerate(entry.links):
        if known.alias == link.alias and known.rule == link.rule:
            if link.confidence > known.confidence:
                entry.links[i] = link
            return
    entry.links.append(link)


def _same_works(entries: Mapping[str, _Entry], types: Mapping[str, str]) -> list[tuple[str, str, AliasLink]]:
    """(kept, merged, link) for pairs of titles that are one work by their companions."""
    works = sorted(k for k, e in entries.items() if types[k] == "work" and not _SEQUEL.match(k) and e.mentions >= 2)
    named_in: dict[str, set[str]] = defaultdict(set)
    for key, entry in entries.items():
        if types[key] in ("person", "organisation", "place"):
            for article in entry.articles:
                named_in[article].add(key)
    companions = {work: set().union(*(named_in[a] for a in entries[work].articles)) for work in works}
    works_with: dict[str, list[str]] = defaultdict(list)
    for work in works:
        for companion in companions[work]:
            works_with[companion].append(work)
    scored: list[tuple[float, int, str, str, set[str]]] = []
    for a in works:
        shared_counts = Counter(b for c in companions[a] for b in works_with[c] if b > a)
        for b, count in shared_counts.items():
            smaller = min(len(companions[a]), len(companions[b]))
            if count < MIN_SHARED or count / smaller < MIN_OVERLAP:
                continue
            if entries[a].articles & entries[b].articles or set(a.split()) & set(b.split()):
                continue  # named side by side, or installments of one series: two works
            shared = companions[a] & companions[b]
            if any(types[k] == "person" for k in shared):
                scored.append((count / smaller, count, a, b, shared))
    links: list[tuple[str, str, AliasLink]] = []
    taken: set[str] = set()
    for overlap, _, a, b, shared in sorted(scored, key=lambda s: (-s[0], -s[1], s[2], s[3])):
        if a in taken or b in taken:
            continue  # each title pairs with its best match only
        taken.update((a, b))
        keep, merge = sorted((a, b), key=lambda k: (-entries[k].mentions, k))
        named = sorted(shared, key=lambda k: (-entries[k].mentions, k))
        evidence = "never named in the same article; both appear with " + ", ".join(
            _with_role(entries[k], types[k]) for k in named[:8])
        links.append((keep, merge, AliasLink(entries[merge].display, entries[keep].display, "same companions",
                                             round(min(1.0, overlap), 2), evidence)))
    return links


def _with_role(entry: _Entry, type_: str) -> str:
    role = entry.roles.most_common(1)
    return f"{entry.display} ({role[0][0] if role else type_})"


def _numbered(entries: Mapping[str, _Entry], pairs: Sequence[tuple[str, str, AliasLink]]
              ) -> list[tuple[str, str, AliasLink]]:
    """Sequels of two titles of one work are one sequel: Extraction 2 / Rescue 2."""
    numbered: dict[tuple[str, str], str] = {}
    for key in entries:
        match = _SEQUEL.match(key)
        if match:
            numbered[match[1], match[2]] = key
    links = []
    for keep, merge, link in pairs:
        for (base, number), key in numbered.items():
            if base == merge and (keep, number) in numbered:
                kept = numbered[keep, number]
                links.append((kept, key, AliasLink(entries[key].display, entries[kept].display, "numbered title",
                                                   link.confidence, f"{link.alias} is {link.name}")))
    return links


def resolve(
    articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]],
    story_of: Mapping[str, Hashable] | None = None,
) -> list[Entity]:
    """The entities named in ``articles``, with their aliases, most mentioned first.

    ``mentions`` maps each article id to its mentions; ``story_of`` maps an
    article id to its story, the scope short forms are resolved in (each
    article is its own story when it is missing).
    """
    story_of = story_of or {}
    published = {a.id: a.published for a in articles}
    entries: dict[str, _Entry] = defaultdict(_Entry)
    per_article: dict[str, Counter[str]] = {}
    keyed: list[tuple[str, Mention, str]] = []
    for article in articles:
        counts = per_article[article.id] = Counter()
        for mention in mentions.get(article.id, ()):
            key = name_key(mention.text)
            counts[key] += 1
            entries[key].add(mention, article.id)
            keyed.append((article.id, mention, key))
    resolved = _short_forms(per_article, entries, story_of)
    merged: dict[str, _Entry] = defaultdict(_Entry)
    for article_id, mention, key in keyed:
        canonical = resolved.get((article_id, key), key)
        merged[canonical].add(mention, article_id, own=canonical == key)
    for key, entry in merged.items():
        entry.links = list(entries[key].links)
    for rule in (_spellings, _initials, _surname_spellings):
        for keep, merge, link in rule(merged):
            if keep in merged and merge in merged:
                merged[keep].absorb(merged.pop(merge))
                merged[keep].links.append(link)
    _sequel_bases(merged)
    types = {key: entry.type for key, entry in merged.items()}
    pairs = _same_works(merged, types)
    for keep, merge, link in pairs + _numbered(merged, pairs):
        if keep in merged and merge in merged:
            merged[keep].absorb(merged.pop(merge))
            merged[keep].links.append(link)
    return sorted((_entity(e, types[k], published) for k, e in merged.items()), key=lambda e: (-e.mentions, e.name))


def _sequel_bases(entries: Mapping[str, _Entry]) -> None:
    """A title with a numbered sequel is a work: Rescue, since Rescue 2 is named."""
    for key in list(entries):
        match = _SEQUEL.match(key)
        if match and match[1] in entries and entries[key].type == "work":
            entries[match[1]].votes["work"] += 1


def _entity(entry: _Entry, type_: str, published: Mapping[str, date | None]) -> Entity:
    dates = sorted(d for a in entry.articles if (d := published.get(a)) is not None)
    name = entry.display
    aliases = sorted({link.alias for link in entry.links if link.alias != name}
                     | {form for form in entry.forms if form != name and name_key(form) != name_key(name)})
    return Entity(name=name, type=type_, aliases=aliases, mentions=entry.mentions,
                  first=dates[0] if dates else None, last=dates[-1] if dates else None,
                  article_ids=sorted(entry.articles), links=sorted(entry.links, key=lambda l: (l.alias, l.rule)))


def entity_from_dict(data: Mapping[str, Any]) -> Entity:
    """An entity back from ``dataclasses.asdict`` (dates as ISO strings)."""
    return Entity(**{
        **data,
        "first": date.fromisoformat(data["first"]) if data["first"] else None,
        "last": date.fromisoformat(data["last"]) if data["last"] else None,
        "links": [AliasLink(**link) for link in data["links"]],
    })


def one_name(texts: list[str], aliases: Mapping[str, str]) -> list[str]:
    """The texts with each alias written as its entity's name (the longest alias where several start)."""
    pattern = re.compile(r"(?<!\w)" + _prefix_tree(aliases) + r"(?!\w)")
    return [pattern.sub(lambda m: aliases[m[0]], text) for text in texts]


def _prefix_tree(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, built on their shared prefixes ("Gadaf(?:fi|i)"), longer ones tried
    first. Python's regex engine tries every branch of a flat alternation at every position: with the 600
    spellings of a war's names that was 1.7 s for 20,000 sentences, and this is 0.2 s."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + pattern(tree) + ")"
