from datetime import date

from storyline.ingest import ingest
from storyline.model import Article
from storyline.store.rows import (
    INSERT_ARTICLE,
    INSERT_SENTENCE,
    article_row,
    sentence_rows,
)
from storyline.tracker import refresh_stories, story_sources, story_timeline

BRIDGE = [
    "The Harlan Street Bridge in Varrow closed after engineers found cracks in its piers.",
    "Inspectors say the cracked piers of the Harlan Street Bridge in Varrow cannot be repaired.",
    "Varrow council votes to replace the Harlan Street Bridge with a new crossing over the Lune.",
]
STRIKE = [
    "Kessport dock workers vote to strike over pay, the Coastal Transport Union said.",
    "Ships queue outside Kessport as the dock workers strike over pay begins.",
]


def _a(text: str, day: int, url: str = "", source: str = "Lune Gazette") -> Article:
    return Article(raw_text=text, published=date(2024, 3, day), url=url, source=source)


def _story_of(stories, fragment):
    return next(s for s in stories if any(fragment in a for a in s.label.split(" · ")))


def test_stories_update_in_place_with_stable_ids(store):
    ingest(store, [_a(BRIDGE[0], 1), _a(STRIKE[0], 2), _a(BRIDGE[1], 3)])
    before = {s.id: s.article_ids for s in refresh_stories(store)}
    assert len(before) == 2
    ingest(store, [_a(STRIKE[1], 4), _a(BRIDGE[2], 5)])
    after = {s.id: s.article_ids for s in refresh_stories(store)}
    assert set(after) == set(before), "no story was renumbered or added"
    for story_id, members in before.items():
        assert after[story_id][: len(members)] == members
    assert sorted(len(m) for m in after.values()) == [2, 3]
    assert refresh_stories(store) == refresh_stories(store), "nothing changes without new articles"


def test_new_version_replaces_the_old_in_its_story(store):
    ingest(store, [_a(BRIDGE[0], 1, url="https://g.example/bridge"), _a(BRIDGE[1], 2)])
    [story] = refresh_stories(store)
    ingest(store, [_a(BRIDGE[0] + " The ferry will run extra crossings.", 1, url="https://g.example/bridge")])
    [updated] = refresh_stories(store)
    assert updated.id == story.id and len(updated.article_ids) == 2
    members = [store.article(i).text for i in updated.article_ids]
    assert sum("ferry" in t for t in members) == 1, "the new version is in the story"
    assert BRIDGE[0] not in members, "the old version left it"
    assert len(story_timeline(store, updated)) == 2


def test_rebuild_renumbers_from_scratch(store):
    ingest(store, [_a(BRIDGE[0], 1), _a(STRIKE[0], 2)])
    refresh_stories(store)
    rebuilt = refresh_stories(store, rebuild=True)
    assert sorted(s.id for s in rebuilt) == [1, 2]


def test_story_sources_include_syndicated_copies(store):
    ingest(store, [_a(STRIKE[0] + " " + STRIKE[1], 1, url="https://ht.example/1", source="Harbour Times"),
                   _a(STRIKE[0] + " " + STRIKE[1], 2, url="https://nw.example/1", source="Northern Wire")])
    [story] = refresh_stories(store)
    assert story_sources(store, story) == ["Harbour Times", "Northern Wire"]
    assert len(story.article_ids) == 1


def test_updates_resume_from_the_saved_clusterer_without_replaying(store, monkeypatch):
    import storyline.tracker as tracker

    ingest(store, [_a(BRIDGE[0], 1, url="https://g.example/bridge"), _a(STRIKE[0], 2)])
    refresh_stories(store)
    assert store.clusterer_state() is not None

    def no_replay(*args, **kwargs):
        raise AssertionError("stored stories were replayed")

    monkeypatch.setattr(tracker, "replayed", no_replay)
    ingest(store, [_a(BRIDGE[1], 3), _a(STRIKE[1], 4)])
    assert sorted(len(s.article_ids) for s in refresh_stories(store)) == [2, 2]
    ingest(store, [_a(BRIDGE[0] + " The ferry will run extra crossings.", 1, url="https://g.example/bridge")])
    bridge = _story_of(refresh_stories(store), "Harlan")
    assert len(bridge.article_ids) == 2, "the newer version took the place of the older"
    ingest(store, [_a(BRIDGE[2], 5)])
    assert len(_story_of(refresh_stories(store), "Harlan").article_ids) == 3, "and the state still fits"


def test_a_state_that_does_not_fit_the_stored_stories_is_not_used(store, monkeypatch):
    import storyline.tracker as tracker

    ingest(store, [_a(BRIDGE[0], 1), _a(STRIKE[0], 2)])
    before = {s.id: s.article_ids for s in refresh_stories(store)}
    with store.transaction():  # as if the stories had changed behind the clusterer's back
        store.conn.execute("UPDATE clusterer_state SET fingerprint = 'elsewhere'")
    replayed, calls = tracker.replayed, []

    def counting(placed, settings):
        placed = list(placed)
        calls.append(len({story for _, _, story in placed}))
        return replayed(placed, settings)

    monkeypatch.setattr(tracker, "replayed", counting)
    ingest(store, [_a(BRIDGE[1], 3)])
    after = {s.id: s.article_ids for s in refresh_stories(store)}
    assert calls == [2], "both stored stories were replayed"
    assert set(after) == set(before) and sorted(map(len, after.values())) == [1, 2]


def _add_without_bands(self, rows):
    """``add_articles`` as a store from before LSH bands were kept ran it: there was no table to file them in, and a
    trigger indexed each article for search."""
    inserted = []
    for article, spans, minhash, version, dup_of in rows:
        inserted.append(self.conn.execute(INSERT_ARTICLE, article_row(article, minhash, version, dup_of)).rowcount > 0)
        if inserted[-1]:
            self.conn.executemany(INSERT_SENTENCE, sentence_rows(article, spans))
    return inserted


def test_a_store_from_before_events_keeps_its_stories_each_as_one_event(tmp_path, monkeypatch):
    import storyline.store.schema as store_module
    from storyline.store import SQLiteStore as Store

    path = tmp_path / "old.db"
    with monkeypatch.context() as old:
        old.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:3])
        old.setattr(store_module, "SCHEMA_VERSION", 3)
        old.setattr(Store, "add_articles", _add_without_bands)
        old.setattr(Store, "duplicate_candidates", lambda self, signatures, hashes: [])
        with Store(path) as before:
            ingest(before, [_a(BRIDGE[0], 1), _a(STRIKE[0], 2), _a(BRIDGE[1], 3)])
            ids = {a.text: a.id for a in before.articles()}
            with before.transaction():
                for story_id, texts in ((4, [BRIDGE[0], BRIDGE[1]]), (9, [STRIKE[0]])):
                    before.conn.execute("INSERT INTO stories(id, label, updated_at) VALUES (?, '', '')", (story_id,))
                    before.conn.executemany("INSERT INTO story_articles(article_id, story_id) VALUES (?, ?)",
                                            [(ids[t], story_id) for t in texts])
    with Store(path) as after:
        ingest(after, [_a(BRIDGE[2], 5)])
        stories = {s.id: s for s in refresh_stories(after)}
        assert set(stories) == {4, 9}, "the stored stories keep their ids"
        assert len(stories[4].article_ids) == 3
        events = after.story(4).events
        assert sum(len(e.article_ids) for e in events) == 3 and after.story(9).events[0].article_ids == [ids[STRIKE[0]]]


def test_the_python_api_ingests_tracks_and_gives_timelines_and_entities(tmp_path, new_db):
    from conftest import DEMO

    from storyline import Tracker

    db = new_db("api")
    with Tracker(db) as tracker:
        report = tracker.ingest(DEMO)
        assert report.stored == 12 and report.duplicates == 1 and not report.problems
        records = [{"date": "2024-03-%02d" % day, "source": "Lune Gazette", "text": text}
                   for day, text in ((6, STRIKE[0] + " Jonas Feldt of the union said ships would wait."),
                                     (7, STRIKE[1] + " Jonas Feldt said the strike would last a week."))]
        assert tracker.ingest_records(records + [{"date": "2024-03-08", "text": ""}]).stored == 2
        stories = tracker.stories()
        kessport = _story_of(stories, "Kessport")
        entries = tracker.timeline(kessport.id)
        assert entries and all(e.article_id in kessport.article_ids for e in entries)
        assert len({e.date for e in tracker.timeline(kessport, dates=1)}) == 1
        assert any(e.name == "Kessport" for e in tracker.entities(kessport))
        assert tracker.story(999) is None
    with Tracker(db) as again:
        assert [s.id for s in again.stories()] == [s.id for s in stories], "the store keeps them"


def test_timelines_read_each_article_once_and_are_the_same_from_kept_readings(store, monkeypatch):
    from storyline import tracker
    from storyline.timeline import build_timeline, read_article

    ingest(store, [_a(BRIDGE[0], 1), _a(BRIDGE[1], 3)])
    [story] = refresh_stories(store)
    first = story_timeline(store, story, dates=2)
    read = []
    monkeypatch.setattr(tracker, "read_article", lambda article, sentences: read.append(article.id)
                        or read_article(article, sentences))
    ingest(store, [_a(BRIDGE[2], 5)])
    [grown] = refresh_stories(store)
    again = story_timeline(store, grown, dates=2)
    assert len(read) == 1, "only the new article is read"
    articles = store.articles_by_ids(grown.article_ids)
    fresh = build_timeline(articles, store.sentences, tracker.replace(tracker.TIMELINE_DEFAULTS, dates=2),
                           aliases=tracker.other_names(store, grown))
    assert again == fresh and first
