from datetime import date

from storyline.model import Article
from storyline.stories import METHOD, build_stories, cluster


def _a(i: int, text: str, day: int) -> Article:
    return Article(raw_text=text, text=text, published=date(2024, 2, day), id=f"a{i}")


BRIDGE = [
    "The Harlan Street Bridge in Varrow closed after engineers found cracks in its piers.",
    "Inspectors say the cracked piers of the Harlan Street Bridge in Varrow cannot be repaired.",
    "Varrow council votes to replace the Harlan Street Bridge with a new crossing.",
]
STRIKE = [
    "Kessport dock workers vote to strike over pay, the union said.",
    "Ships queue outside Kessport as the dock workers strike over pay begins.",
]


def test_two_stories_are_kept_apart_and_each_held_together():
    articles = [_a(0, BRIDGE[0], 1), _a(1, STRIKE[0], 2), _a(2, BRIDGE[1], 3), _a(3, STRIKE[1], 4),
                _a(4, BRIDGE[2], 5)]
    assert cluster(articles) == [[0, 2, 4], [1, 3]]


def test_build_stories_names_the_method_and_the_dates():
    articles = [_a(i, t, i + 1) for i, t in enumerate(BRIDGE)]
    [story] = build_stories(articles)
    assert story.method == METHOD and story.article_ids == ["a0", "a1", "a2"]
    assert (story.first, story.last) == (date(2024, 2, 1), date(2024, 2, 3))
    assert "Harlan Street Bridge" in story.label and "Varrow" in story.label


def test_empty_input():
    assert build_stories([]) == []


def test_update_places_new_articles_and_keeps_ids():
    from storyline.stories import update_stories

    bridge = [_a(i, t, i + 1) for i, t in enumerate(BRIDGE[:2])]
    late_bridge, strike = _a(7, BRIDGE[2], 9), _a(8, STRIKE[0], 10)
    changed = update_stories({5: bridge}, [late_bridge, strike])
    assert [(s.id, s.article_ids) for s in changed] == [(5, ["a0", "a1", "a7"]), (6, ["a8"])]


def test_merge_joins_converged_stories_under_the_older_id():
    from storyline.stories import OnlineClusterer

    clusterer = OnlineClusterer()
    clusterer.add("x", _a(0, BRIDGE[0], 1), story=3)
    clusterer.add("y", _a(1, BRIDGE[0] + " Traffic was diverted.", 2), story=7)
    clusterer.add("z", _a(2, STRIKE[0], 3))
    clusterer.changed.add(7)
    assert clusterer.merge() == {7: 3}
    assert clusterer.members == {3: ["x", "y"], 8: ["z"]}
    assert clusterer.merge() == {}, "nothing changed since the last merge step"


def test_merge_leaves_distinct_stories_apart():
    from storyline.stories import OnlineClusterer

    clusterer = OnlineClusterer()
    for i, text in enumerate(BRIDGE[:2] + STRIKE):
        clusterer.add(i, _a(i, text, i + 1))
    assert clusterer.merge() == {}
    assert sorted(clusterer.members.values()) == [[0, 1], [2, 3]]


def test_update_merges_a_split_story_and_the_newer_id_disappears():
    from storyline.stories import update_stories

    split = {2: [_a(0, BRIDGE[0], 1)], 5: [_a(1, BRIDGE[0] + " Traffic was diverted.", 2)]}
    changed = update_stories(split, [_a(2, BRIDGE[1], 3)])
    assert [(s.id, sorted(s.article_ids)) for s in changed] == [(2, ["a0", "a1", "a2"])]


def test_late_article_joins_its_story_despite_months_between():
    late = _a(9, "A year on, the Harlan Street Bridge in Varrow is still closed; its cracked piers await repair.", 1)
    late.published = date(2025, 2, 1)
    articles = [_a(i, t, i + 1) for i, t in enumerate(BRIDGE)] + [_a(5, STRIKE[0], 6), late]
    assert cluster(articles) == [[0, 1, 2, 4], [3]]


def test_saved_state_resumes_exactly_where_the_clusterer_left_off():
    import json

    from storyline.stories import OnlineClusterer, place

    first = [_a(0, BRIDGE[0], 1), _a(1, STRIKE[0], 2)]
    later = [_a(2, BRIDGE[1], 3), _a(3, STRIKE[1], 4), _a(4, BRIDGE[2], 5)]
    going_on = OnlineClusterer()
    place(going_on, first)
    resumed = OnlineClusterer.from_state(json.loads(json.dumps(going_on.state())))
    assert resumed.members == going_on.members
    assert place(resumed, later) == place(going_on, later) == {1, 2}
    assert resumed.members == going_on.members == {1: ["a0", "a2", "a4"], 2: ["a1", "a3"]}
    assert resumed.state() == going_on.state()


def test_forgotten_members_leave_and_an_emptied_story_goes():
    from storyline.stories import OnlineClusterer, place

    clusterer = OnlineClusterer()
    place(clusterer, [_a(0, BRIDGE[0], 1), _a(1, STRIKE[0], 2), _a(2, BRIDGE[1], 3)])
    clusterer.forget(["a1", "a2"])
    assert clusterer.members == {1: ["a0"]}


BACKGROUND = [
    "Lune Gazette readers chose the Orlen Playhouse as the best theatre of the year.",
    "A storm over the Lune flooded three farms near Tessel on Monday night.",
    "The Tessel football club signed a goalkeeper from Brannock for an undisclosed fee.",
    "Brannock schools will open an hour later in winter, the education board decided.",
    "A rare owl nested in the bell tower of the old Tessel church, birdwatchers said.",
    "The Brannock marathon drew four thousand runners despite heavy rain.",
]


def test_revisit_moves_a_founder_to_a_story_that_grew_after_it():
    import json

    from storyline.stories import OnlineClusterer

    clusterer = OnlineClusterer()
    for i, text in enumerate(BACKGROUND):  # stored earlier: they give the words their weights, and never move
        clusterer.add(f"b{i}", _a(20 + i, text, 1), story=i + 1)
    bridge = clusterer.add("bridge", _a(0, BRIDGE[0], 2))
    strike = clusterer.add("strike", _a(1, STRIKE[0], 3))
    assert len({bridge, strike}) == 2 and clusterer.founders.keys() == {"bridge", "strike"}
    for i, text in enumerate([STRIKE[1], "The Kessport dock workers strike over pay leaves ships outside the harbour."]):
        clusterer.add(f"later{i}", _a(2 + i, text, 4 + i), story=50)  # a strike story that grew meanwhile
    saved = json.dumps(clusterer.state())
    resumed = OnlineClusterer.from_state(json.loads(saved))
    for going_on in (clusterer, resumed):
        assert going_on.revisit() == 1
        assert going_on.members[bridge] == ["bridge"], "nothing else resembles it"
        assert going_on.members[50] == ["later0", "later1", "strike"] and strike not in going_on.members
        assert going_on.revisit() == 0, "each founder is revisited once"
    maintained = OnlineClusterer.from_state(json.loads(saved))
    maintained.maintain()
    assert "strike" in maintained.members[50], "the maintenance step revisits the founders"
