"""A kept timeline grows with its story: what a reader saw stays, new days are summarised from new articles."""

from dataclasses import replace
from datetime import date

from storyline.ingest import ingest
from storyline.model import Article
from storyline.reading import read_article
from storyline.sentences import split_sentences
from storyline.timeline import TimelineState, build_timeline_state
from storyline.timeline_update import can_grow, grow_timeline
from storyline.tracker import refresh_stories, story_timeline

CLOSED = date(2024, 3, 4)
REPORT = date(2024, 3, 8)
VOTE = date(2024, 3, 20)
DEMOLITION = date(2024, 4, 2)
OUTLETS = ["Lune Gazette", "Varrow Post", "Kessport Courier", "Harbour Times"]

BRIDGE = [
    (CLOSED, "Varrow council closed the Harlan Street Bridge over the Lune on Monday after engineers found cracks in "
             "its piers.\nFerries will carry commuters across the Lune while the Harlan Street Bridge stays shut."),
    (CLOSED, "The Harlan Street Bridge in Varrow was shut on Monday when engineers found cracks in two of its piers.\n"
             "Commuters crossing the Lune were sent to the ferries at the old harbour."),
    (CLOSED, "Engineers found cracks in the piers of the Harlan Street Bridge, and Varrow council closed it on Monday."
             "\nBuses across the Lune now take the long road through Kessport."),
    (REPORT, "Engineers told Varrow council on Friday that the cracks in the Harlan Street Bridge piers are deep.\n"
             "The Harlan Street Bridge was closed on March 4 after a pier moved during the storm over the Lune."),
    (REPORT, "The cracks in the piers of the Harlan Street Bridge reach the steel inside, engineers said on Friday.\n"
             "Varrow council said the Harlan Street Bridge would stay closed until the spring at least."),
    (REPORT, "A report by engineers on Friday found the Harlan Street Bridge piers cracked beyond repair.\n"
             "Varrow council members called the engineers' report on the Harlan Street Bridge grim reading."),
    (VOTE, "Varrow council voted on Wednesday to replace the Harlan Street Bridge over the Lune with a new crossing.\n"
           "Since the Harlan Street Bridge closed on March 4, ferries have carried commuters across the Lune."),
    (VOTE, "The council of Varrow approved a new crossing on Wednesday to replace the cracked Harlan Street Bridge.\n"
           "Mayor Edith Marrow said the new crossing over the Lune would open within two years."),
    (VOTE, "A new bridge will replace the Harlan Street Bridge, Varrow council decided in its vote on Wednesday.\n"
           "The vote on the Harlan Street Bridge followed the engineers' report of deep cracks in its piers."),
    (VOTE, "Varrow council members voted on Wednesday for a new crossing to replace the Harlan Street Bridge.\n"
           "Engineers will draw up plans for the new crossing over the Lune by the summer."),
]
DEMOLISHED = (DEMOLITION, "Cranes began the demolition of the Harlan Street Bridge in Varrow on Tuesday morning.\n"
                          "The demolition of the Harlan Street Bridge over the Lune will take six weeks, council "
                          "engineers said.")


def _articles(items, first: int = 0) -> list[Article]:
    return [Article(raw_text=text, text=text, id=f"a{first + n}", published=day, language="en",
                    source=OUTLETS[(first + n) % len(OUTLETS)]) for n, (day, text) in enumerate(items)]


def _sentences(article: Article):
    return split_sentences(article.id, article.text)


def _loader(articles):
    by_id = {a.id: a for a in articles}

    def load(ids):
        chosen = [by_id[i] for i in ids]
        return chosen, {a.id: _sentences(a) for a in chosen}, read_article
    return load


def test_a_grown_timeline_keeps_what_a_reader_saw_and_adds_the_new_day():
    old = _articles(BRIDGE)
    [new] = _articles([DEMOLISHED], first=len(old))
    seen, state = build_timeline_state(old, _sentences)
    assert {e.date for e in seen} >= {CLOSED, VOTE}
    grown, after = grow_timeline(state, {new.id}, _loader([*old, new]))
    assert [e for e in grown if e.date != DEMOLITION] == seen, "what a reader saw stays"
    assert {e.article_id for e in grown if e.date == DEMOLITION} == {new.id}
    assert after.members == [*state.members, new.id] and after.base == state.base == len(old)


def test_a_grown_timeline_counts_its_days_as_one_made_from_every_article():
    old = _articles(BRIDGE)
    new = _articles([DEMOLISHED, (VOTE, BRIDGE[6][1].replace("Wednesday", "Wednesday evening"))], first=len(old))
    _, state = build_timeline_state(old, _sentences)
    _, grown = grow_timeline(state, {a.id for a in new}, _loader([*old, *new]))
    _, whole = build_timeline_state([*old, *new], _sentences)
    assert (grown.naming, grown.published, grown.on) == (whole.naming, whole.published, whole.on)


def test_a_timeline_grows_only_while_its_story_keeps_every_article_and_grew_little():
    _, state = build_timeline_state(_articles(BRIDGE), _sentences)
    members = list(state.members)
    assert can_grow(state, [*members, "new"])
    assert not can_grow(state, [*members, "new", "newer"]), "more than a tenth new: made again"
    assert not can_grow(state, [*members[1:], "new"]), "an article left the story: made again"
    grown = replace(state, members=[*members, "new"])
    assert not can_grow(grown, [*members, "new", "newer"]), "a tenth since the full making, not since the last growth"


def test_a_state_reads_back_as_it_was_written():
    _, state = build_timeline_state(_articles(BRIDGE), _sentences)
    assert TimelineState.from_json(state.to_json()) == state


def test_a_stored_story_that_grew_a_little_has_its_timeline_grown(store):
    old = _articles(BRIDGE)
    ingest(store, old)
    [story] = refresh_stories(store)
    seen = story_timeline(store, story)
    ingest(store, _articles([DEMOLISHED], first=len(old)))
    [grown] = refresh_stories(store)
    assert grown.id == story.id and len(grown.article_ids) == len(old) + 1
    now = story_timeline(store, grown)
    assert [e for e in now if e.date != DEMOLITION] == seen
    assert any(e.date == DEMOLITION for e in now)
    state = TimelineState.from_json(store.cached(story.id, "timeline/state"))
    assert state.base == len(old) and len(state.members) == len(old) + 1
