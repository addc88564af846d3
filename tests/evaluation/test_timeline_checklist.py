"""What a journalist checks first in the timelines of all of Timeline17 tracked in one store."""

import re
from datetime import date

from conftest import largest_story_of, needs_shared

from storyline.changes import story_claims
from storyline.claims import histories
from storyline.store import open_store
from storyline.tracker import cached_story_entities, story_timeline

JUNK = re.compile(
    r"\d{1,2}:\d\d\s*[ap]\.?m\.?\s*\||\|\s*Reply"  # reader comments
    r"|^\W*(?:-LRB-|\()?\s*Update\b"  # live-blog time stamps
    r"|^[A-Z][A-Z .,'-]{2,}\s?:\s"  # transcript speaker tags
    r"|Last updated at|^By the .{0,20}Staff|^\s*:"  # page stamps, desk bylines, what a stamp leaves
    r"|\b(?:in )?[Tt]his (?:file )?(?:photo|picture) (?:shows|taken)"  # captions
)
STAMP = re.compile(r"\b(?:GMT|BST|UTC|EST|EDT|CST|CDT|PST|PDT|IST|CET|AM|PM|Posted|Updated|Reply)\b|\b[A-Z]{3,} [A-Z]{3,}\b")
"""Time zones, page words and capitalised datelines ("EDT CAIRO") that a story label must not hold."""


@needs_shared("datasets", "t17")
def test_timeline17_in_one_store_has_the_defining_events_and_no_junk(t17_db):
    with open_store(t17_db) as store:
        egypt = story_timeline(store, largest_story_of(store, "EgyptianProtest"))
        assert any(e.date == date(2011, 2, 11) and re.search(r"Mubarak.*(stepped down|resign)", e.text) for e in egypt)
        resigned = r"Mubarak (?:stepped down|resigned)|announcement of Mubarak 's resignation"
        assert not [e.text for e in egypt if e.date < date(2011, 2, 10) and re.search(resigned, e.text)]
        libya = story_timeline(store, largest_story_of(store, "LibyaWar"))
        assert any(e.date.year == 2011 and e.date.month == 8 and "Tripoli" in e.text for e in libya)
        timelines = [(story, story_timeline(store, story)) for story in store.stories()]
        junk = [e.text for _, entries in timelines for e in entries if JUNK.search(e.text)]
        assert not junk, junk[:5]
        history = [(e.date, e.text) for story, entries in timelines for e in entries
                   if story.first and (story.first - e.date).days > 30]
        assert not history, history[:5]


@needs_shared("datasets", "t17")
def test_timeline17_labels_and_the_libya_story_entities_read_right(t17_db):
    with open_store(t17_db) as store:
        labels = [s.label for s in store.stories() if len(s.article_ids) >= 5]
        assert labels and not [label for label in labels if STAMP.search(label)], labels
        entities = cached_story_entities(store, largest_story_of(store, "LibyaWar"))
    muammar = [e for e in entities if re.match(r"M[ou]+h?am+[ae]r [GQK]", e.name) and e.mentions >= 20]
    assert len(muammar) == 1 and muammar[0].type == "person", [(e.name, e.aliases) for e in muammar]
    assert {"Gaddafi", "Gadhafi", "Moammar Gadhafi", "Muammar Gaddafi"} <= {muammar[0].name, *muammar[0].aliases}
    assert not [e.name for e in entities if re.fullmatch(r"[GQK]h?add?h?af+i", e.name) and e.mentions >= 20]
    kinds = {e.name: e.type for e in entities}
    assert kinds.get("U.N.") == "organisation" and kinds.get("NATO") == "organisation"
    assert "United States" not in kinds, "one entity with U.S."


@needs_shared("datasets", "t17")
def test_timeline17_death_tolls_read_as_histories_that_rise_with_citations(t17_db):
    with open_store(t17_db) as store:
        for topic in ("haiti", "H1N1"):
            story = largest_story_of(store, topic)
            steps = histories(story_claims(store, story))["dead"]
            assert len(steps) >= 4, topic
            assert steps[-1].claim.value > steps[0].claim.value, topic
            assert sum(s.status == "updated" for s in steps) > sum(s.status == "revised" for s in steps), topic
            for step in steps:
                [article] = store.articles_by_ids([step.claim.article_id])
                assert store.sentences(article)[step.claim.sentence_index].text == step.claim.text
