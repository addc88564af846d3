"""What a journalist checks first in the timelines of all of Timeline17 tracked in one store."""

import re
from datetime import date

from conftest import SHARED, needs_shared

from storyline.ingest import ingest
from storyline.readers import read_paths
from storyline.store import Store
from storyline.tracker import refresh_stories, story_timeline

JUNK = re.compile(
    r"\d{1,2}:\d\d\s*[ap]\.?m\.?\s*\||\|\s*Reply"  # reader comments
    r"|^\W*(?:-LRB-|\()?\s*Update\b"  # live-blog time stamps
    r"|^[A-Z][A-Z .'-]{2,}\s?:\s"  # transcript speaker tags
)


@needs_shared("datasets", "t17")
def test_timeline17_in_one_store_has_the_defining_events_and_no_junk(tmp_path):
    topics = sorted((SHARED / "datasets" / "t17").glob("*/articles.jsonl"))
    with Store(str(tmp_path / "t17.db")) as store:
        ingest(store, read_paths([str(p) for p in topics]))
        stories = refresh_stories(store)
        topic_of = {a.id: a.origin.split("/")[-2] for a in store.articles()}

        def timeline_of(topic: str):
            story = max(stories, key=lambda s: sum(topic_of[i] == topic for i in s.article_ids))
            return story_timeline(store, story)

        egypt = timeline_of("EgyptianProtest")
        assert any(e.date == date(2011, 2, 11) and re.search(r"Mubarak.*(stepped down|resign)", e.text) for e in egypt)
        libya = timeline_of("LibyaWar")
        assert any(e.date.year == 2011 and e.date.month == 8 and "Tripoli" in e.text for e in libya)
        junk = [e.text for story in stories for e in story_timeline(store, story) if JUNK.search(e.text)]
        assert not junk, junk[:5]
