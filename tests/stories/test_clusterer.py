"""The two levels end to end: articles become events, events become stories."""

import json
from datetime import date

from story_texts import BRIDGE_CLOSED, BRIDGE_REOPENED, LIBRARY, STRIKE, article

from storyline.stories import (
    METHOD,
    OnlineClusterer,
    build_stories,
    cluster,
    place,
    update_stories,
)


def _day(n: int, month: int = 3, year: int = 2024) -> date:
    return date(year, month, n)


def _articles(texts: list[str], prefix: str, month: int = 3, first_day: int = 1) -> list:
    return [article(f"{prefix}{i}", text, _day(first_day + i, month)) for i, text in enumerate(texts)]


def test_two_stories_are_kept_apart_and_each_held_together():
    bridge, strike = _articles(BRIDGE_CLOSED[:3], "b"), _articles(STRIKE, "s", first_day=10)
    articles = sorted(bridge + strike, key=lambda a: a.published)
    assert cluster(articles) == [[0, 1, 2], [3, 4, 5]]
    assert cluster(articles, level="event") == [[0, 1, 2], [3, 4, 5]]


def test_a_story_holds_events_months_apart():
    closed = _articles(BRIDGE_CLOSED[:3], "c")
    reopened = _articles(BRIDGE_REOPENED, "r", month=9, first_day=10)
    strike = _articles(STRIKE, "s", first_day=10)
    articles = sorted(closed + strike + reopened, key=lambda a: a.published)
    stories = build_stories(articles)
    bridge = next(s for s in stories if "c0" in s.article_ids)
    assert sorted(bridge.article_ids) == ["c0", "c1", "c2", "r0", "r1"]
    assert [sorted(e.article_ids) for e in bridge.events] == [["c0", "c1", "c2"], ["r0", "r1"]], \
        "the closing and the reopening are two events, oldest first"
    assert bridge.method == METHOD and (bridge.first, bridge.last) == (_day(1), _day(11, 9))
    assert "Harlan Street Bridge" in bridge.label


def test_an_event_whose_first_reports_linked_it_to_the_wrong_story_leaves_it():
    clusterer = OnlineClusterer()
    for a in _articles(BRIDGE_CLOSED, "b") + _articles(LIBRARY, "l", first_day=20):
        clusterer.add(a.id, a)
    assert len(clusterer.members) == 1, "the first library report names the bridge, and the rest follow it"
    clusterer.maintain()
    bridge, library = sorted(sorted(m) for m in clusterer.members.values())
    assert bridge[:4] == ["b0", "b1", "b2", "b3"] and library[-4:] == ["l1", "l2", "l3", "l4"]


def test_saved_state_resumes_exactly_where_the_clusterer_left_off():
    first = _articles([BRIDGE_CLOSED[0], STRIKE[0]], "x")
    later = [article("y0", BRIDGE_CLOSED[1], _day(3)), article("y1", STRIKE[1], _day(4)),
             article("y2", BRIDGE_CLOSED[2], _day(5))]
    going_on = OnlineClusterer()
    place(going_on, first)
    resumed = OnlineClusterer.from_state(json.loads(json.dumps(going_on.state())))
    assert resumed.members == going_on.members
    assert place(resumed, later) == place(going_on, later)
    assert resumed.members == going_on.members
    assert sorted(map(sorted, going_on.members.values())) == [["x0", "y0", "y2"], ["x1", "y1"]]
    assert resumed.state() == going_on.state()


def test_forgotten_members_leave_and_an_emptied_event_and_story_go():
    clusterer = OnlineClusterer()
    place(clusterer, [article("a0", BRIDGE_CLOSED[0], _day(1)), article("a1", STRIKE[0], _day(2)),
                      article("a2", BRIDGE_CLOSED[1], _day(3))])
    clusterer.forget({"a1", "a2"})
    assert list(clusterer.members.values()) == [["a0"]]
    assert list(clusterer.event_members.values()) == [["a0"]]


def test_update_places_new_articles_and_keeps_ids():
    bridge = _articles(BRIDGE_CLOSED[:2], "a")
    stored = [(a, 7, 5) for a in bridge]  # event 7 of story 5
    late_bridge, strike = article("a7", BRIDGE_CLOSED[2], _day(9)), article("a8", STRIKE[0], _day(10))
    changed = update_stories(stored, [late_bridge, strike])
    assert [(s.id, sorted(s.article_ids)) for s in changed] == [(5, ["a0", "a1", "a7"]), (6, ["a8"])]
    assert [e.id for e in changed[0].events] == [7] and changed[1].events[0].id == 8

