"""Story lists: every filter, order and page is one SQL query, and agrees with what the stories hold."""

from datetime import date

import pytest

from storyline.ingest import ingest
from storyline.model import Article
from storyline.store import StoryQuery
from storyline.store.postgres import TSEARCH
from storyline.store.queries import fts_query, story_list_sql
from storyline.store.sqlite import FTS5
from storyline.tracker import refresh_stories

BRIDGE = [
    ("The Harlan Street Bridge in Varrow closed after engineers found cracks in its piers.", 1, "Lune Gazette", "en"),
    ("Inspectors say the cracked piers of the Harlan Street Bridge in Varrow cannot be repaired.", 2, "Orlen Post",
     "en"),
    ("Varrow council votes to replace the Harlan Street Bridge with a new crossing.", 20, "Lune Gazette", "en"),
]
STRIKE = [
    ("Kessport dock workers vote to strike over pay, union leader Jonas Feldt said.", 5, "Kessport Herald", "en"),
    ("Ships queue outside Kessport as the dock strike over pay begins, Jonas Feldt said.", 6, "Kessport Herald", "en"),
]
MARKET = [("Der Fischmarkt in Orlen öffnet am Samstag wieder für Besucher aus der Stadt.", 9, "Orlener Blatt", "de")]


@pytest.fixture
def stories(store):
    ingest(store, [Article(raw_text=text, published=date(2024, 3, day), source=source, language=language)
                   for text, day, source, language in BRIDGE + STRIKE + MARKET], workers=1)
    found = refresh_stories(store)
    assert sorted(len(s.article_ids) for s in found) == [1, 2, 3]
    return {len(s.article_ids): s.id for s in found}


def ids(store, **fields) -> list[int]:
    return [story.id for story in store.find_stories(StoryQuery(**fields))]


def test_orders_by_activity_size_and_relevance(store, stories):
    bridge, strike, market = stories[3], stories[2], stories[1]
    assert ids(store) == [bridge, market, strike], "latest article first"
    assert ids(store, sort="size") == [bridge, strike, market]
    assert ids(store, text="pay strike") == [strike]
    assert ids(store, text="Varrow piers")[0] == bridge
    assert StoryQuery(text="pay").order == "relevance" and StoryQuery(sort="relevance").order == "size"


def test_filters_by_size_dates_outlet_language_and_name(store, stories):
    bridge, strike, market = stories[3], stories[2], stories[1]
    assert ids(store, min_articles=2) == [bridge, strike]
    assert set(ids(store, since=date(2024, 3, 7))) == {bridge, market}
    assert set(ids(store, until=date(2024, 3, 4))) == {bridge}
    assert ids(store, since=date(2024, 3, 7), until=date(2024, 3, 8)) == [bridge], "spans the range"
    assert ids(store, source="orlen post") == [bridge], "outlets match whatever their case"
    assert ids(store, language="de") == [market]
    assert ids(store, entity="Jonas Feldt") == [strike]
    assert ids(store, entity="Feldt Jonas") == [], "a name is a phrase, not loose words"


def test_pages_and_counts_agree(store, stories):
    every = ids(store)
    assert ids(store, limit=2) + ids(store, limit=2, offset=2) == every
    assert store.count_stories(StoryQuery(limit=1)) == 3
    assert store.count_stories(StoryQuery(min_articles=2, text="Kessport")) == 1


def test_search_words_with_quotes_and_punctuation_are_plain_words():
    assert fts_query('say "no" U.N.') == '"say" """no""" "U.N."'
    assert fts_query("Jonas  Feldt", phrase=True) == '"Jonas Feldt"'
    assert fts_query("   ") == ""
    for search in (FTS5, TSEARCH):
        sql, params = story_list_sql(StoryQuery(text="a b", entity="C d", source="X"), search)
        assert sql.count("?") == len(params)


def test_bad_queries_are_refused():
    with pytest.raises(ValueError, match="unknown order"):
        StoryQuery(sort="alphabet")
    with pytest.raises(ValueError):
        StoryQuery(min_articles=0)


def test_article_search_gives_snippets_with_the_matched_words(store, stories):
    total, hits = store.search_articles("cracked piers")
    assert total == 1
    article, snippet = hits[0]
    assert "Inspectors" in article.text
    assert [snippet.text[start:end] for start, end in snippet.matches] == ["cracked", "piers"]


def test_folded_stories_are_counted_with_the_other_filters(store, stories):
    assert store.count_stories(StoryQuery(min_articles=2), folded=True) == 1
    assert store.count_stories(StoryQuery(min_articles=3, source="Lune Gazette"), folded=True) == 0
    assert store.count_stories(StoryQuery(min_articles=1), folded=True) == 0
