from datetime import date

from storyline.clean import MIN_REPEATS, line_keys
from storyline.ingest import ingest, undated
from storyline.model import Article
from storyline.readers import Problem


def _a(text: str, *, url: str = "", source: str = "Orlen Courier", day: int = 1, title: str = "") -> Article:
    return Article(raw_text=text, url=url, source=source, title=title, published=date(2023, 3, day))


def test_ingest_is_idempotent(store):
    items = [_a("The Orlen library reopened on Monday after repairs.", url="https://o.example/1"),
             _a("The Bexmoor choir left on a tour of nine towns.", url="https://b.example/1")]
    first = ingest(store, items)
    assert (first.stored, first.unchanged) == (2, 0)
    again = ingest(store, [_a("The Orlen library reopened on Monday after repairs.", url="https://o.example/1")])
    assert (again.stored, again.unchanged) == (0, 1)
    assert store.count_articles() == 2


def test_changed_text_at_the_same_url_keeps_both_versions(store):
    ingest(store, [_a("Three people were hurt in the Orlen fire.", url="https://o.example/fire")])
    ingest(store, [_a("Five people were hurt in the Orlen fire, officials now say.", url="https://o.example/fire")])
    versions = store.conn.execute("SELECT version FROM articles WHERE url = ? ORDER BY version",
                                  ("https://o.example/fire",)).fetchall()
    assert [v[0] for v in versions] == [1, 2]
    [current] = list(store.canonical_articles())
    assert current.raw_text.startswith("Five people")


def test_syndicated_copy_counts_once_and_lists_its_source(store):
    body = ("Container ships queued outside Kessport on Thursday as dock workers walked out over pay. "
            "The union said the strike would continue until the port raised its offer of four percent.")
    report = ingest(store, [_a(body, url="https://ht.example/1", source="Harbour Times"),
                            _a(body + "\nSyndicated from the Harbour Times.", url="https://nw.example/1",
                               source="Northern Wire", day=2)])
    assert (report.stored, report.duplicates) == (2, 1)
    [canonical] = list(store.canonical_articles())
    assert canonical.source == "Harbour Times"
    assert [c.source for c in store.copies([canonical.id])[canonical.id]] == ["Northern Wire"]


def test_a_copy_is_found_among_articles_stored_by_earlier_runs(store):
    body = ("Container ships queued outside Kessport on Thursday as dock workers walked out over pay. "
            "The union said the strike would continue until the port raised its offer of four percent.")
    ingest(store, [_a(body, url="https://ht.example/1", source="Harbour Times"),
                   _a("The Bexmoor choir left on a tour of nine towns.", url="https://b.example/1")])
    later = ingest(store, [_a(body + "\nSyndicated from the Harbour Times.", url="https://nw.example/1",
                              source="Northern Wire", day=2),
                           _a("The Orlen library reopened on Monday after repairs.", url="https://o.example/1")])
    assert (later.stored, later.duplicates) == (2, 1), "the copy, found from the store's index, not a rebuilt one"


def test_an_article_another_writer_stored_meanwhile_is_counted_once_not_a_candidate(store, monkeypatch):
    article = _a("The Orlen library reopened on Monday after repairs to its roof.", url="https://o.example/1")
    ingest(store, [article])
    monkeypatch.setattr(store, "existing_ids", lambda ids: set())  # as if stored after the batch was checked
    again = ingest(store, [_a("The Orlen library reopened on Monday after repairs to its roof.",
                              url="https://o.example/1")])
    assert (again.stored, again.unchanged) == (0, 1) and store.count_articles() == 1


def test_a_store_from_before_bands_files_its_articles_under_them_when_opened(tmp_path):
    from storyline.store import SQLiteStore

    body = ("Varrow council voted on Tuesday to rebuild the Harlan Street Bridge over the Lune for forty million "
            "crowns, ending a debate that had run since the bridge closed in March.")
    path = tmp_path / "old.db"
    with SQLiteStore(path) as old:
        ingest(old, [_a(body, url="https://lg.example/1", source="Lune Gazette")])
        with old.transaction():  # as the store was before the bands' migration
            old.conn.execute("DROP TABLE minhash_bands")
            old.conn.execute("PRAGMA user_version=8")
    with SQLiteStore(path) as reopened:
        assert reopened.conn.execute("SELECT COUNT(*) FROM minhash_bands").fetchone()[0] > 0
        report = ingest(reopened, [_a(body + "\nFrom the Lune Gazette.", url="https://vp.example/1",
                                      source="Varrow Post", day=2)])
    assert (report.stored, report.duplicates) == (1, 1)


def test_problems_and_undated_articles_are_reported_and_the_rest_stored(store):
    items = [Problem("bad.csv:3", "malformed CSV row"), Article(raw_text="No date here.", origin="x.txt"),
             _a("A dated article about the Orlen market.")]
    report = ingest(store, items)
    assert report.stored == 1
    assert [str(p) for p in report.problems] == ["bad.csv:3: malformed CSV row", f"x.txt: {undated('x.txt')}"]
    assert "' date YYYY-MM-DD'" in undated("x.txt") and "' date" not in undated("page.html")
    assert "'date' field" in undated("rows.jsonl") and "feed entry" in undated("news.rss#3")
    report = ingest(store, [Article(raw_text="No date here, but allowed.", origin="x.txt")], allow_undated=True)
    assert report.stored == 1


def test_boilerplate_repeated_by_an_outlet_is_learned_across_batches(store):
    footer = "The Orlen Courier: independent since 1921"
    boats = ["ferry", "trawler", "yacht", "barge", "tug", "dinghy"]
    items = [_a(f"The Orlen harbour welcomed a {boat} today.\n{footer}", day=i + 1)
             for i, boat in enumerate(boats[: MIN_REPEATS + 1])]
    ingest(store, items[:2], batch_size=1)
    ingest(store, items[2:], batch_size=1)
    texts = [a.text for a in store.articles()]
    assert footer in texts[0], "learned too late for the first articles: their stored text is unchanged"
    assert all(footer not in t for t in texts[MIN_REPEATS - 1:])
    other = ingest(store, [_a(f"A Bexmoor story.\n{footer}", source="Bexmoor Post")])
    [bexmoor] = [a for a in store.articles() if a.source == "Bexmoor Post"]
    assert other.stored == 1 and footer in bexmoor.text, "learning is per outlet"


def test_a_promo_glued_to_the_last_paragraph_is_learned_across_articles(store):
    promo = "Orlen Data Terminal A faster feed for harbour traders"
    boats = ["ferry", "trawler", "yacht", "barge"]
    ingest(store, [_a(f"The Orlen harbour welcomed a {boat} today. Crowds cheered. {promo}", day=i + 1)
                   for i, boat in enumerate(boats)])
    texts = [a.text for a in store.articles()]
    assert texts[-1] == "The Orlen harbour welcomed a barge today. Crowds cheered."
    assert all(promo not in t for t in texts), "learned from the batch: every article of it is cleaned"


def test_language_override_and_sentences_are_stored(store):
    ingest(store, [_a("Le pont de Varrow est fermé. Les ingénieurs inspectent les piles.")], language="fr")
    [article] = store.articles()
    assert article.language == "fr"
    assert [s.text for s in store.sentences(article)] == ["Le pont de Varrow est fermé.",
                                                          "Les ingénieurs inspectent les piles."]


def test_progress_is_reported_per_batch(store):
    seen = []
    ingest(store, [_a(f"Article {i} about Orlen.", day=i + 1) for i in range(5)], batch_size=2, progress=seen.append)
    assert seen == [2, 2, 1]


class _LostRace(Exception):
    pass


def test_a_batch_that_loses_a_deadlock_to_another_writer_is_written_again(store, monkeypatch):
    losses = []
    original = type(store).add_articles

    def add_articles(self, rows):
        if len(losses) < 2:  # the database picks this writer as the deadlock's victim twice
            losses.append(len(rows))
            raise _LostRace()
        return original(self, rows)

    monkeypatch.setattr(type(store), "CONFLICTS", (_LostRace,))
    monkeypatch.setattr(type(store), "add_articles", add_articles)
    report = ingest(store, [_a("The Orlen library reopened on Monday after repairs."),
                            _a("The Bexmoor choir left on a tour of nine towns.")])
    assert losses == [2, 2] and report.stored == 2 and store.count_articles() == 2
    keys = line_keys("The Orlen library reopened on Monday after repairs.")
    assert set(store.line_counts("Orlen Courier", keys).values()) == {1}, "the lost attempts were rolled back"
