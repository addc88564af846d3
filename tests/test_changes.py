"""What changed: every update recorded, new entries cited, replaced entries kept with what replaced them."""

from datetime import date

from conftest import SHARED, needs_shared

from storyline import Tracker
from storyline.changes import changes_dict, changes_text, since_update
from storyline.store import Update
from storyline.timeline import TimelineSettings

CLOSED = [
    ("2024-03-04", "The Harlan Street Bridge in Varrow closed on Monday after engineers found cracks in its piers."),
    ("2024-03-04", "Engineers said the cracked piers of the Harlan Street Bridge in Varrow could not carry buses."),
]
REBUILT = [
    ("2024-05-13", "Varrow council voted on Monday to rebuild the Harlan Street Bridge, closed since March, for 40 "
                   "million crowns."),
    ("2024-05-13", "The rebuilding of the Harlan Street Bridge in Varrow was approved on Monday by the council, "
                   "which set aside 40 million crowns."),
    ("2024-05-13", "Mayor Edith Marrow said the council's vote on Monday to rebuild the Harlan Street Bridge in "
                   "Varrow would end the detours by next spring."),
]
STRIKE = [("2024-03-06", "Kessport dock workers began a strike over pay on Wednesday, union secretary Jonas Feldt "
                         "said.")]


def _records(items):
    return [{"date": day, "source": "Lune Gazette", "text": text} for day, text in items]


def test_the_first_update_brings_new_stories_and_a_later_one_what_it_added(tmp_path, new_db):
    with Tracker(new_db("c")) as tracker:
        tracker.ingest_records(_records(CLOSED + STRIKE))
        first = tracker.changes()
        assert len(first.updates) == 1 and all(c.new_story for c in first.stories) and len(first.stories) == 2
        bridge = next(c for c in first.stories if "Harlan" in c.story.label or "Varrow" in c.story.label)
        assert bridge.added and all(e.article_id in bridge.story.article_ids for e in bridge.added)
        tracker.ingest_records(_records(REBUILT))
        later = tracker.changes()
        [grown] = later.stories
        assert grown.story.id == bridge.story.id and not grown.new_story and len(grown.new_articles) == 3
        assert grown.new_events and {e.date for e in grown.added} == {date(2024, 5, 13)}
        assert all(e.article_id in grown.new_articles for e in grown.added)
        assert len(tracker.changes(since=date(2000, 1, 1)).stories) == 2, "since a day: every update after it"
        text = changes_text(later)
        assert f"## Story {grown.story.id}" in text and "+ 2024-05-13" in text
        assert changes_dict(later)["stories"][0]["added"][0]["provenance"]["article"] in grown.new_articles


def test_an_entry_readers_saw_is_shown_as_replaced_with_what_replaced_it(tmp_path, new_db):
    one_date = TimelineSettings(dates=1)
    with Tracker(new_db("r"), timeline_settings=one_date) as tracker:
        tracker.ingest_records(_records(CLOSED))
        [story] = tracker.stories()
        seen = tracker.timeline(story)
        assert {e.date for e in seen} == {date(2024, 3, 4)}
        tracker.ingest_records(_records(REBUILT))
        [grown] = tracker.changes().stories
        assert grown.replaced and {old.date for old, _ in grown.replaced} == {date(2024, 3, 4)}
        assert {(old.article_id, old.sentence_index) for old, _ in grown.replaced} <= {
            (e.article_id, e.sentence_index) for e in seen}, "the replaced entry is the one readers saw"
        assert "was: " in changes_text(tracker.changes())


def test_a_run_that_brings_nothing_new_says_so(tmp_path, new_db):
    with Tracker(new_db("n")) as tracker:
        tracker.ingest_records(_records(STRIKE))
        assert tracker.changes().stories
        tracker.store.note_update()
        nothing = tracker.changes()
        assert nothing.stories == [] and changes_text(nothing).startswith("Nothing new: 1 update(s)")
        assert since_update([], "last") == -1


def test_since_a_day_counts_the_updates_made_on_or_after_it():
    updates = [Update(0, "", 5, False), Update(1, "2024-03-01T10:00:00+00:00", 2, False),
               Update(2, "2024-03-05T09:00:00+00:00", 1, False)]
    assert since_update(updates, date(2024, 3, 5)) == 1
    assert since_update(updates, date(2024, 3, 2)) == 1
    assert since_update(updates, date(2024, 3, 1)) == 0
    assert since_update(updates, "last") == 1


def test_figures_are_read_again_only_from_new_articles(tmp_path, monkeypatch, new_db):
    import storyline.changes as module

    tolls = [("2024-03-04", "The death toll of the bridge collapse in Varrow rose to 12, the mayor of Varrow said."),
             ("2024-03-05", "The death toll of the bridge collapse in Varrow has risen to 19, officials said.")]
    with Tracker(new_db("f")) as tracker:
        tracker.ingest_records(_records(tolls[:1]))
        [story] = tracker.stories()
        assert [c.value for c in module.story_claims(tracker.store, story)] == [12]
        read = []
        real = module.claims
        monkeypatch.setattr(module, "claims", lambda article, sentences: read.append(article.id) or real(article,
                                                                                                         sentences))
        tracker.ingest_records(_records(tolls[1:]))
        [grown] = tracker.changes().stories
        assert len(read) == 1 and read == grown.new_articles, "only the new article is read"
        [(attribute, step, previous)] = grown.claims
        assert (attribute, step.status, step.claim.value, previous.claim.value) == ("dead in Varrow", "updated", 19, 12)


@needs_shared("seeds")
def test_the_seed_articles_tell_how_the_sequel_went_and_where_outlets_disagree(tmp_path, new_db):
    with Tracker(new_db("seeds")) as tracker:
        tracker.ingest(str(SHARED / "seeds"))
        [story] = tracker.stories(min_articles=1)
        claims = {}
        for name, step, _ in tracker.changes(since=date(2000, 1, 1)).stories[0].claims:
            claims.setdefault(name, []).append(step)
    assert [(s.claim.published.isoformat(), s.claim.value) for s in claims["production"]] == [
        ("2020-05-05", "in development"), ("2020-07-13", "writing"), ("2022-07-04", "wrapped")]
    assert [s.claim.value for s in claims["follow-up"]] == ["not decided", "prequel", "a story of its own"]
    [credit] = claims["written by"]
    assert credit.claim.value == "Joe Russo" and [c.value for c in credit.contradicted_by] == [
        "Anthony Russo and Joe Russo"]
    [setting] = claims["set in"]
    assert setting.claim.value == "Dhaka, Bangladesh" and [c.value for c in setting.contradicted_by] == ["India"]
    assert not any("Thor" in s.claim.text for steps in claims.values() for s in steps), "nothing from the promo"
