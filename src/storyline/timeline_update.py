"""Growing a kept timeline: a story that gained a few articles has its timeline updated from them.

A timeline made from every article costs time in proportion to the story (two seconds for a war of
a thousand articles), and a reader who follows it wants, after each update, what the new articles
add, not a timeline rewritten from scratch. So while a story has grown by at most ``GROWTH`` since
its timeline was last made from every article, the timeline grows instead:

- the new articles add to each day's importance (articles published that day, articles naming it, and
  when), and the dates are ranked again over the whole story from the counts kept with the timeline;
- a date already in the timeline keeps its entries: what a reader saw stays;
- only dates new to the timeline are summarised, from the articles with candidates on them and the
  timeline so far, which stands for the rest of the story (what it is about, what was told).

Past ``GROWTH`` the timeline is made again from every article (``changes`` shows what that
replaced), so what growing leaves out (how relevant old sentences are to the grown story) never
drifts far.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date

from storyline.model import Article, Sentence, TimelineEntry
from storyline.reading import Reading
from storyline.timeline import (
    DEFAULTS,
    TimelineSettings,
    TimelineState,
    choose_days,
    collect,
    fill,
    in_order,
    score,
)

GROWTH = 0.1
"""A timeline grows while its story has at most this share more articles than its last full making saw."""

Material = tuple[Sequence[Article], Mapping[str, Sequence[Sentence]], Callable[[Article, Sequence[Sentence]], Reading]]
"""Articles, the sentences of the dated ones, and a reader of their statements and dates (``reading.read_article``)."""


def can_grow(state: TimelineState, members: Collection[str]) -> bool:
    """True when the story still holds every article the timeline saw and has grown little since its full making."""
    return set(state.members) <= set(members) and len(set(members)) - state.base <= GROWTH * state.base


def grow_timeline(state: TimelineState, new: Collection[str], load: Callable[[Collection[str]], Material],
                  settings: TimelineSettings = DEFAULTS,
                  aliases: Callable[[], Mapping[str, str] | None] = lambda: None,
                  span: tuple[date, date] | None = None) -> tuple[list[TimelineEntry], TimelineState]:
    """The timeline of the story grown by the articles ``new``, and its state; ``load`` gives articles by id
    (the dated ones serve) with the sentences of the dated ones; ``aliases`` gives the other names of the story's
    entities (see ``build_timeline``), asked for only when a date is summarised; ``span`` limits the dates it may
    use."""
    members = [*state.members, *sorted(set(new) - set(state.members))]
    articles, sentences, read = load(new)
    fresh = collect([a for a in articles if a.published], sentences, settings, read, len(members))
    published = Counter(state.published) + Counter({d: len(ids) for d, ids in fresh.published.items()})
    naming = {d: Counter(by) for d, by in state.naming.items()}
    for day, by in fresh.naming().items():
        naming.setdefault(day, Counter()).update(by)
    on = dict(state.on)
    for day, ids in fresh.articles_on().items():
        on[day] = on.get(day, set()) | ids
    grown = TimelineState(members, state.base, naming, dict(published), state.eligible | set(fresh.by_day), on, [])

    ranked, wanted = choose_days(published, naming, grown.eligible, settings, span)
    chosen = set(ranked[:wanted])
    kept = [e for e in state.entries if e.date in chosen]
    todo = sorted(chosen - {e.date for e in kept})
    spare = ranked[wanted:][:len(todo)]
    grown.entries = kept
    if not todo:
        return kept, grown
    articles, sentences, read = load(sorted(set().union(*(on[d] for d in todo + spare))))
    articles = sorted((a for a in articles if a.published), key=lambda a: (a.published, a.id))
    pool = collect(articles, sentences, settings, read, len(members))
    scored = score(pool, articles, aliases(), extra=[e.text for e in kept])
    added = [] if scored is None else fill(todo, spare, pool, scored,
                                           list(range(len(pool.texts), len(pool.texts) + len(kept))), settings)
    grown.eligible -= set(todo) - {e.date for e in added}
    grown.entries = in_order([*kept, *added])
    return grown.entries, grown

