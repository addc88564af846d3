"""Events: the bar for small events, re-placing pending articles, merging converged events, splitting events."""

import json
from dataclasses import replace
from datetime import date

from story_texts import BACKGROUND, BRIDGE_CLOSED, FIRE_ONE, FIRE_TWO, STRIKE, article

from storyline.stories import DEFAULTS, OnlineClusterer, StorySettings


def _day(n: int) -> date:
    return date(2024, 3, n)


def test_an_event_of_one_article_can_ask_more_than_a_grown_one():
    settings = replace(DEFAULTS, small_event_bar=0.05)
    events = OnlineClusterer(settings).events
    assert events.bar(1) == settings.threshold + 0.05
    assert events.bar(1) > events.bar(2) > events.bar(20) > settings.threshold


def _with_background(settings: StorySettings = DEFAULTS) -> OnlineClusterer:
    clusterer = OnlineClusterer(settings)
    for i, text in enumerate(BACKGROUND):  # stored earlier: they give the words their weights, and never move
        clusterer.add(f"g{i}", article(f"g{i}", text, _day(1)), event=100 + i, story=100 + i)
    return clusterer


def test_a_founder_moves_to_an_event_that_grew_after_it():
    clusterer = _with_background()
    bridge, _ = clusterer.add("bridge", article("bridge", BRIDGE_CLOSED[0], _day(2)))
    strike, _ = clusterer.add("strike", article("strike", STRIKE[0], _day(3)))
    assert bridge != strike and clusterer.events.pending.keys() == {"bridge", "strike"}
    texts = [STRIKE[1], "The Kessport dock workers strike over pay leaves ships outside the harbour."]
    for i, text in enumerate(texts):  # a strike event that grew meanwhile, placed by hand
        clusterer.add(f"later{i}", article(f"later{i}", text, _day(4 + i)), event=50, story=50)
    saved = json.dumps(clusterer.state())
    resumed = OnlineClusterer.from_state(json.loads(saved))
    for going_on in (clusterer, resumed):
        going_on.maintain()
        assert going_on.event_members[bridge] == ["bridge"], "nothing else resembles it"
        assert sorted(going_on.event_members[50]) == ["later0", "later1", "strike"]
        assert strike not in going_on.event_members and strike not in going_on.stories.of
        assert not going_on.events.pending, "each pending article is placed once more, once"


def test_an_article_that_no_longer_fits_what_remains_of_its_event_leaves_it():
    from storyline.stories.events import Pending

    clusterer = _with_background()
    day = _day(2).toordinal()
    texts = {"bridge0": BRIDGE_CLOSED[0], "bridge1": BRIDGE_CLOSED[1], "odd": STRIKE[0]}
    vectors = {key: clusterer.vector(article(key, text, _day(2))) for key, text in texts.items()}
    events = clusterer.events
    for key, vector in vectors.items():
        events.add(key, vector, day, None, event=7)  # restored, so not pending
    events.pending["odd"] = Pending(vectors["odd"], 7, day)  # as if it had joined narrowly
    move = events.recheck("odd", None)
    assert move is not None and (move.source, move.emptied) == (7, False)
    assert events.groups[move.target].members == ["odd"]
    assert sorted(events.groups[7].members) == ["bridge0", "bridge1"]


def test_merged_events_keep_the_older_id_and_the_other_story_keeps_its_other_events():
    clusterer = _with_background()
    clusterer.add("x", article("x", BRIDGE_CLOSED[0], _day(2)), event=3, story=3)
    clusterer.add("y", article("y", BRIDGE_CLOSED[0] + " Traffic was diverted.", _day(2)), event=7, story=9)
    clusterer.add("y2", article("y2", BRIDGE_CLOSED[0] + " Ferries ran late.", _day(2)), event=7, story=9)
    clusterer.add("z", article("z", STRIKE[0], _day(3)), event=8, story=9)
    clusterer.events.changed.add(7)
    clusterer.maintain()
    assert clusterer.event_members[3] == ["x", "y", "y2"] and 7 not in clusterer.event_members
    assert clusterer.stories.groups[3].members == [3] and clusterer.stories.groups[9].members == [8]
    assert sorted(clusterer.members[3]) == ["x", "y", "y2"] and clusterer.members[9] == ["z"]


def _two_fires_in_one_event(settings: StorySettings = DEFAULTS, second: int = len(FIRE_TWO)) -> OnlineClusterer:
    """Two fires in one port, joined in one event (as an early article of the second can join the first), grown."""
    clusterer = _with_background(settings)
    texts = [(f"one{i}", text) for i, text in enumerate(FIRE_ONE)] + [(f"two{i}", t) for i, t in enumerate(FIRE_TWO)]
    for key, text in texts[:len(FIRE_ONE) + second]:
        clusterer.add(key, article(key, text, _day(2)), event=7, story=7)
    clusterer.events.changed.add(7)
    return clusterer


def test_an_event_of_two_happenings_is_split_and_the_half_with_its_first_article_keeps_its_id():
    clusterer = _two_fires_in_one_event()
    resumed = OnlineClusterer.from_state(json.loads(json.dumps(clusterer.state())))
    for going_on in (clusterer, resumed):
        going_on.maintain()
        events = going_on.event_members
        assert events[7] == [f"one{i}" for i in range(len(FIRE_ONE))]
        (new,) = [event for event, members in events.items() if members[0].startswith("two")]
        assert events[new] == [f"two{i}" for i in range(len(FIRE_TWO))]
        assert new in going_on.stories.of and going_on.events.split_checked[new] == len(FIRE_TWO)


def test_an_event_whose_halves_are_alike_small_or_old_stays_whole():
    unchanged = [
        _two_fires_in_one_event(replace(DEFAULTS, split_below=0.1)),  # the two fires are more alike than that
        _two_fires_in_one_event(second=DEFAULTS.split_least - 1),  # too few articles to try
        _two_fires_in_one_event(replace(DEFAULTS, split_least=4), second=3),  # tried, but one half is too small
        _two_fires_in_one_event(replace(DEFAULTS, split_window=len(FIRE_ONE))),  # its first articles' vectors let go
    ]
    for clusterer in unchanged:
        before = len(clusterer.event_members[7])
        clusterer.maintain()
        assert len(clusterer.event_members[7]) == before


def test_an_event_past_split_most_is_settled_and_lets_its_vectors_go():
    clusterer = _two_fires_in_one_event(replace(DEFAULTS, split_most=len(FIRE_ONE) + len(FIRE_TWO) - 1))
    clusterer.maintain()
    members = clusterer.event_members[7]
    assert len(members) == len(FIRE_ONE) + len(FIRE_TWO)
    assert not clusterer.events.kept.keys() & set(members)
