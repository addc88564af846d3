"""What changed since a reader last looked: new stories, new events, new timeline entries, and entries an update
replaced (both versions kept), each citing its article and sentence.

Every update of the stories is recorded with the articles it placed, and every default timeline a reader could
have seen is kept per update, so "since" is either a day or the update before the last one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from storyline.claims import METHOD as CLAIMS_METHOD
from storyline.claims import Claim, Step, claims, histories
from storyline.model import Article, Event, Sentence, Story, TimelineEntry
from storyline.render import date_value, day_label, event_dict, story_dict
from storyline.states import METHOD as STATES_METHOD
from storyline.states import StateClaim, state_claims, state_histories
from storyline.store import Store, Update
from storyline.timeline import DEFAULTS as TIMELINE_DEFAULTS
from storyline.timeline import TimelineSettings, timeline_entry
from storyline.tracker import members_key, story_timeline

LAST = "last"


@dataclass
class StoryChanges:
    """One story's changes: ``replaced`` pairs an entry readers saw with what its day holds now (maybe nothing)."""

    story: Story
    new_story: bool
    new_articles: list[str]
    new_events: list[Event] = field(default_factory=list)
    added: list[TimelineEntry] = field(default_factory=list)
    replaced: list[tuple[TimelineEntry, list[TimelineEntry]]] = field(default_factory=list)
    claims: list[tuple[str, Step, Step | None]] = field(default_factory=list)
    """(history, the step the new articles gave it, the step before it): a toll that rose, a production that
    wrapped, an outlet contradicting who wrote the film."""


@dataclass
class Changes:
    """The changes of the updates after ``after`` (-1: every update), story by story."""

    after: int
    updates: list[Update]
    stories: list[StoryChanges]


def since_update(updates: list[Update], since: date | str = LAST) -> int:
    """The update changes are counted after: the one before the latest (``"last"``), or the last one made before
    the day ``since``."""
    if since == LAST:
        return updates[-2].id if len(updates) > 1 else -1
    if not isinstance(since, date):
        raise ValueError(f"since {since!r}: give a day (YYYY-MM-DD) or {LAST!r}")
    before = [u.id for u in updates if not u.at or date.fromisoformat(u.at[:10]) < since]  # "": before records
    return before[-1] if before else -1


def changes(store: Store, since: date | str = LAST, story_id: int | None = None,
            settings: TimelineSettings = TIMELINE_DEFAULTS) -> Changes:
    """The changes since ``since`` (see ``since_update``), of every story or of one."""
    updates = store.updates()
    after = since_update(updates, since)
    found = []
    for changed_id, placed in sorted(store.placed_after(after, story_id).items()):
        story = store.story(changed_id)
        if story is not None:
            found.append(_story_changes(store, story, set(placed), after, settings))
    found.sort(key=lambda c: (not c.new_story, -len(c.new_articles), c.story.id))
    return Changes(after, [u for u in updates if u.id > after], found)


def _story_changes(store: Store, story: Story, placed: set[str], after: int,
                   settings: TimelineSettings) -> StoryChanges:
    new_story = placed >= set(story.article_ids)
    result = StoryChanges(story, new_story, [a for a in story.article_ids if a in placed],
                          [e for e in story.events if set(e.article_ids) <= placed])
    for attribute, steps in story_histories(store, story).items():
        result.claims += [(attribute, step, steps[i - 1] if i else None) for i, step in enumerate(steps)
                           if step.claim.article_id in placed]
    now = story_timeline(store, story, settings=settings)
    kept = None if new_story else store.timeline_version(story.id, after)
    if kept is None:  # nothing was kept from before: what the new articles brought is what is new
        result.added = [e for e in now if e.article_id in placed]
        return result
    before = [timeline_entry(row) for row in json.loads(kept[1])]
    seen = {_key(e) for e in before}
    current = {_key(e) for e in now}
    result.added = [e for e in now if _key(e) not in seen]
    result.replaced = [(old, [e for e in result.added if e.date == old.date]) for old in before
                       if _key(old) not in current]
    return result


def _key(entry: TimelineEntry) -> tuple:
    return entry.date, entry.article_id, entry.sentence_index


def story_claims(store: Store, story: Story) -> list[Claim]:
    """The figures the story's articles give (see ``storyline.claims``)."""
    return _per_article(store, story, "claims", CLAIMS_METHOD, claims, _loader(Claim))


def story_states(store: Store, story: Story) -> list[StateClaim]:
    """The states the story's articles give (see ``storyline.states``)."""
    return _per_article(store, story, "states", STATES_METHOD, state_claims, _loader(StateClaim))


def story_histories(store: Store, story: Story) -> dict[str, list[Step]]:
    """Every history the story's claims make: figures ("dead in Mexico") and states ("production")."""
    return {**histories(story_claims(store, story)), **state_histories(story_states(store, story))}


def _per_article(store: Store, story: Story, kind: str, method: str, read: Callable[[Article, list[Sentence]], list],
                 load: Callable[[dict], Any]) -> list:
    """What ``read`` finds in each of the story's articles, kept with the articles it was read from, so after an
    update only the new articles are read."""
    key = members_key(story, method)
    last = json.loads(store.cached(story.id, kind) or "{}")
    if last.get("key") == key:
        return [load(row) for row in last["found"]]
    members = set(story.article_ids)
    done = set(last.get("read", ())) & members if last.get("method") == method else set()
    kept = [row for row in last.get("found", ()) if row["article_id"] in done]
    new = [found for article in store.articles_by_ids([a for a in story.article_ids if a not in done])
           for found in read(article, store.sentences(article))]
    store.cache(story.id, kind, key, json.dumps({"key": key, "method": method, "read": sorted(members),
                                                 "found": kept + [asdict(c) for c in new]}, default=str))
    return [load(row) for row in kept] + new


def _loader(kind: type) -> Callable[[dict], Any]:
    """A claim of ``kind`` back from ``dataclasses.asdict`` (its publication day as an ISO string)."""
    return lambda row: kind(**{**row, "published": date.fromisoformat(row["published"]) if row["published"] else None})


def story_history(store: Store, story: Story, settings: TimelineSettings = TIMELINE_DEFAULTS
                  ) -> list[tuple[Update, list[str], list[TimelineEntry]]]:
    """Each update that brought the story articles, newest first, with those articles and the entries of its
    timeline now that cite them: what a feed of the story announces."""
    updates = {u.id: u for u in store.updates()}
    entries = story_timeline(store, story, settings=settings)
    history = []
    for update_id, placed in store.placed_by_update(story.id).items():
        update = updates.get(update_id, Update(update_id, "", len(placed), False))
        brought = set(placed)
        history.append((update, placed, [e for e in entries if e.article_id in brought]))
    return history[::-1]


def changes_dict(found: Changes) -> dict:
    """Changes as ``storyline changes --json`` and the API give them."""
    def entry(e: TimelineEntry) -> dict:
        return {"date": date_value(e), "label": day_label(e), "text": e.text,
                "provenance": {"article": e.article_id, "sentence": e.sentence_index, "source": e.source,
                               "url": e.url}}

    return {
        "updates": [{"id": u.id, "at": u.at, "articles": u.articles, "rebuild": u.rebuild} for u in found.updates],
        "stories": [{
            "story": story_dict(c.story), "new_story": c.new_story, "new_articles": c.new_articles,
            "new_events": [event_dict(e) for e in c.new_events], "added": [entry(e) for e in c.added],
            "replaced": [{"was": entry(old), "now": [entry(e) for e in now]} for old, now in c.replaced],
            "claims": [{"history": name, **step_dict(step), "was": previous.claim.value if previous else None}
                       for name, step, previous in c.claims],
        } for c in found.stories],
    }


def changes_text(found: Changes) -> str:
    """Changes for a person: each story with what is new in it, oldest entry first."""
    if not found.stories:
        return ("Nothing new: no update in that time.\n" if not found.updates else
                f"Nothing new: {len(found.updates)} update(s) in that time brought no new article to any story.\n")
    lines = []
    if any(u.rebuild for u in found.updates):
        lines += ["Stories were rebuilt from scratch in that time (storyline recluster): ids are new.", ""]
    for c in found.stories:
        what = "new story" if c.new_story else f"{len(c.new_articles)} new article(s), {len(c.new_events)} new event(s)"
        lines.append(f"## Story {c.story.id}: {c.story.label} ({what})")
        for e in c.added:
            lines.append(f"+ {day_label(e)}  {e.text}  ({e.source + ', ' if e.source else ''}{e.article_id}#"
                         f"{e.sentence_index})")
        for attribute, step, previous in c.claims:
            was = f" (was {shown(previous.claim)})" if previous else ""
            lines.append(f"# {attribute}: {shown(step.claim)}{was}  ({cited(step.claim)}{disagreements(step)})")
        for old, now in c.replaced:
            lines.append(f"~ {day_label(old)}  was: {old.text}  ({old.article_id}#{old.sentence_index})"
                         + ("" if now else "  (no longer in the timeline)"))
        lines.append("")
    return "\n".join(lines)


def shown(claim: Claim | StateClaim) -> str:
    """A claim's value as a reader reads it: "at least 1,200", "wrapped"."""
    if isinstance(claim, StateClaim):
        return claim.value
    return f"{claim.hedge + ' ' if claim.hedge else ''}{claim.value:,}"


def cited(claim: Claim | StateClaim) -> str:
    """Where a claim was read: "outlet, article#sentence"."""
    return f"{claim.source + ', ' if claim.source else ''}{claim.article_id}#{claim.sentence_index}"


def disagreements(step: Step) -> str:
    """The outlets that gave another value, each with its own: "; Orlen Post says 800 (article#sentence)"."""
    return "".join(f"; {c.source or c.article_id} says {shown(c)} ({c.article_id}#{c.sentence_index})"
                   for c in step.contradicted_by)


def step_dict(step: Step) -> dict:
    """A step of a history with its citation, the outlets that confirmed it and those that contradicted it."""
    claim = step.claim
    def cite(c: Claim) -> dict:
        return {"article": c.article_id, "sentence": c.sentence_index, "source": c.source,
                "published": c.published.isoformat() if c.published else None}

    return {"status": step.status, "value": claim.value, "hedge": getattr(claim, "hedge", ""), "text": claim.text,
            "provenance": cite(claim), "confirmed_by": [cite(c) for c in step.confirmed_by],
            "contradicted_by": [{**cite(c), "value": c.value, "text": c.text} for c in step.contradicted_by]}
